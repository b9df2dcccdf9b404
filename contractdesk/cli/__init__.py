"""The `contractdesk` command: the desktop app with no command, or one of the subcommands.

Exit status: 0 success; 2 bad input or arguments (a message on stderr); 1 an unexpected failure
(the traceback goes to a log file in the user log directory, one line on stderr).
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Sequence
from datetime import datetime

from contractdesk.cli.parser import build_parser
from contractdesk.errors import KnownError

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    try:
        return arguments.handler(arguments) or EXIT_OK
    except KnownError as error:
        print(f"contractdesk: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader went away (`… | head`): not an error worth a traceback.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stops a second error at exit
        return EXIT_OK
    except KeyboardInterrupt:
        print("contractdesk: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: keep the evidence, spare the user the traceback
        log_file = _log_unexpected(error)
        print(
            f"contractdesk: unexpected error: {type(error).__name__}: {error} "
            f"(details in {log_file})",
            file=sys.stderr,
        )
        return EXIT_FAILURE


def _log_unexpected(error: Exception) -> str:
    from contractdesk.app_paths import log_dir

    try:
        path = log_dir() / "contractdesk.log"
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now().isoformat(timespec='seconds')} {sys.argv!r}\n")
            log.write("".join(traceback.format_exception(error)))
        return str(path)
    except OSError:
        logging.exception("could not write the log file")
        return "(the log file could not be written)"
