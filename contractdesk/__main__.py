"""`python -m contractdesk` runs the same entry point as the console script."""

import sys

from contractdesk.cli import main

sys.exit(main())
