"""Rendering many letters across worker processes (reportlab holds the GIL, so threads would
not help). Workers get plain content, write each PDF through a temporary name, and return its
name and SHA-256; the caller records what was written."""

from __future__ import annotations

import hashlib
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from contractdesk.errors import Cancelled
from contractdesk.reports.letter_pdf import LetterContent, Letterhead, write_letter

CHUNK = 25  # letters per task: enough to amortise pickling, small enough to cancel quickly


@dataclass(frozen=True)
class WrittenLetter:
    file_name: str
    sha256: str
    pages_bytes: int


def render_chunk(
    folder: str, letterhead: Letterhead, letters: Sequence[tuple[str, LetterContent]]
) -> list[WrittenLetter]:
    written = []
    for file_name, content in letters:
        data = write_letter(Path(folder) / file_name, content, letterhead)
        written.append(WrittenLetter(file_name, hashlib.sha256(data).hexdigest(), len(data)))
    return written


def render_all(
    folder: Path,
    letterhead: Letterhead,
    letters: Sequence[tuple[str, LetterContent]],
    *,
    workers: int,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> list[WrittenLetter]:
    """Every letter written, or — after a cancel — those finished before it; never a part."""
    total = len(letters)
    done: list[WrittenLetter] = []
    stop_requested = False

    def report() -> None:
        nonlocal stop_requested
        if progress is None:
            return
        try:
            progress(len(done), total)
        except Cancelled:
            # A progress callback may signal a cancel by raising (the app's does): stop
            # cleanly, so the letters already written are still returned and logged.
            stop_requested = True

    def cancelled() -> bool:
        return stop_requested or (is_cancelled is not None and is_cancelled())

    chunks = _chunks(letters)
    if workers <= 1 or total <= CHUNK:
        for chunk in chunks:
            if cancelled():
                break
            done.extend(render_chunk(str(folder), letterhead, chunk))
            report()
        return done
    # Spawned, not forked: the desktop app's process has Qt threads running.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        running: set[Future] = set()
        for chunk in chunks:
            # Keep two tasks per worker queued: enough to stay busy, little to wait for on cancel.
            while len(running) >= 2 * workers:
                finished, running = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    done.extend(future.result())
                report()
            if cancelled():
                break
            running.add(pool.submit(render_chunk, str(folder), letterhead, chunk))
        for future in running:
            done.extend(future.result())
        report()
    return done


def _chunks(letters: Sequence[tuple[str, LetterContent]]) -> Iterator[list]:
    for start in range(0, len(letters), CHUNK):
        yield list(letters[start : start + CHUNK])
