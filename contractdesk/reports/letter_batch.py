"""Rendering many letters across worker processes (reportlab holds the GIL, so threads would
not help). Workers get plain content, write each PDF through a temporary name, and return its
name and SHA-256; the caller records what was written.

The letters come as an iterable, made while earlier ones render: the workers are started
first, so they import reportlab while the caller reads the database for the first letters.
"""

from __future__ import annotations

import hashlib
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from contractdesk.errors import Cancelled
from contractdesk.reports.letter_pdf import LetterContent, Letterhead, render_letter, write_letter

CHUNK = 25  # letters per task: enough to amortise pickling, small enough to cancel quickly


@dataclass(frozen=True)
class WrittenLetter:
    file_name: str
    sha256: str
    pages_bytes: int


def render_chunk(
    folder: str, letterhead: Letterhead, letters: Sequence[tuple[str, LetterContent]]
) -> list[WrittenLetter]:
    written: list[WrittenLetter] = []
    try:
        for file_name, content in letters:
            data = write_letter(Path(folder) / file_name, content, letterhead)
            written.append(WrittenLetter(file_name, hashlib.sha256(data).hexdigest(), len(data)))
    except BaseException:
        _remove(Path(folder), written)  # the caller never hears of these: leave none behind
        raise
    return written


def warm_up() -> list[WrittenLetter]:
    """A worker's first task: one small letter in memory, so reportlab's modules, fonts and
    caches are loaded before the first real letters arrive."""
    render_letter(
        LetterContent("A00000", "A00000", date(2000, 1, 1), ("Practice",), "Subject", ()),
        Letterhead("Commissioner", (), None, "Officer", "Title"),
    )
    return []


def render_all(
    folder: Path,
    letterhead: Letterhead,
    letters: Iterable[tuple[str, LetterContent]],
    *,
    total: int,
    workers: int,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> list[WrittenLetter]:
    """Every letter written, or — after a cancel — those finished before it; never a part.
    If making the letters fails part way, the files already written are removed again."""
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
        try:
            for chunk in chunks:
                if cancelled():
                    break
                done.extend(render_chunk(str(folder), letterhead, chunk))
                report()
        except BaseException:
            _remove(folder, done)
            raise
        return done
    # Spawned, not forked: the desktop app's process has Qt threads running.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        # One warm-up per worker starts them all now (they are spawned as tasks arrive).
        running: set[Future] = {pool.submit(warm_up) for _ in range(workers)}
        try:
            for chunk in chunks:
                # Two tasks per worker queued: enough to stay busy, little to wait for on cancel.
                while len(running) >= 2 * workers:
                    _collect(running, done, FIRST_COMPLETED)
                    report()
                if cancelled():
                    break
                running.add(pool.submit(render_chunk, str(folder), letterhead, chunk))
            _collect(running, done, ALL_COMPLETED)
        except BaseException:
            # Nothing of this batch will be logged, so nothing of it may stay: the letters of
            # every task, finished or still running, are removed.
            for future in running:
                with suppress(BaseException):  # a failed task has removed its own files
                    done.extend(future.result())
            _remove(folder, done)
            raise
        report()
    return done


def _collect(running: set[Future], done: list[WrittenLetter], when: str) -> None:
    """Move the finished tasks' letters into `done` (every successful one, even when another
    failed), then raise the first failure. `running` keeps only the tasks not yet collected."""
    finished, _ = wait(running, return_when=when)
    running.difference_update(finished)
    failure: BaseException | None = None
    for future in finished:
        error = future.exception()
        if error is None:
            done.extend(future.result())
        elif failure is None:
            failure = error
    if failure is not None:
        raise failure


def _remove(folder: Path, written: list[WrittenLetter]) -> None:
    for letter in written:
        (folder / letter.file_name).unlink(missing_ok=True)


def _chunks(letters: Iterable[tuple[str, LetterContent]]) -> Iterator[list]:
    chunk = []
    for letter in letters:
        chunk.append(letter)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
