"""`python -m contractdesk` runs the same entry point as the console script."""

import multiprocessing
import sys

# In the PyInstaller bundle the letter workers are this same program started again:
# freeze_support() makes such a start run the worker, not the command line.
multiprocessing.freeze_support()

from contractdesk.cli import main  # noqa: E402 - after freeze_support, as it must be

sys.exit(main())
