"""Profile one import with cProfile: `python bench/profile_import.py practices|payments|all-years`.

Migrates a fresh SQLite file (and imports practices first for the payments cases) before the
profiler starts, then prints the 30 most expensive functions by cumulative and by own time.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_imports import EPRACCUR, LOGIN, PAYMENTS_2022, PAYMENTS_DIR  # noqa: E402

from contractdesk.services.payment_import import import_payments  # noqa: E402
from contractdesk.services.practice_import import import_practices  # noqa: E402
from contractdesk.services.workspace import open_workspace  # noqa: E402


def main() -> None:
    case = sys.argv[1] if len(sys.argv) > 1 else "practices"
    again = "--again" in sys.argv
    with tempfile.TemporaryDirectory() as folder:
        workspace = open_workspace(str(Path(folder) / "profile.sqlite"), LOGIN)
        if case == "practices":
            run = lambda: import_practices(workspace, EPRACCUR)  # noqa: E731
        else:
            import_practices(workspace, EPRACCUR)
            files = [PAYMENTS_2022] if case == "payments" else sorted(PAYMENTS_DIR.glob("*.csv"))
            run = lambda: import_payments(workspace, files)  # noqa: E731
        if again:
            run()
        profiler = cProfile.Profile()
        profiler.runcall(run)
        workspace.close()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
