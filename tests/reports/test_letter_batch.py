"""Rendering a batch: the letters arrive one by one while earlier ones render; if making them
fails part way, no file of that batch is left behind (nothing was logged for them)."""

from datetime import date

import pytest

from contractdesk.reports.letter_batch import CHUNK, render_all
from contractdesk.reports.letter_pdf import LetterContent, Letterhead

HEAD = Letterhead("Commissioner", ("1 Street",), None, "Officer", "Title")


class GatheringFailed(Exception):
    pass


def letters(count, fail_after=None):
    for number in range(count):
        if number == fail_after:
            raise GatheringFailed("the database went away")
        code = f"C{number:05d}"
        yield (
            f"{code}_annual-review_2025-26.pdf",
            LetterContent(code, code, date(2026, 5, 14), ("The Practice Manager",), "Subject", ()),
        )


@pytest.mark.parametrize("workers", [1, 2])
def test_every_letter_is_written_as_it_arrives(tmp_path, workers):
    count = 3 * CHUNK + 4
    written = render_all(tmp_path, HEAD, letters(count), total=count, workers=workers)
    assert sorted(letter.file_name for letter in written) == sorted(
        name for name, _ in letters(count)
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        letter.file_name for letter in written
    )


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failure_part_way_leaves_no_letters_behind(tmp_path, workers):
    count = 4 * CHUNK
    with pytest.raises(GatheringFailed):
        render_all(
            tmp_path, HEAD, letters(count, fail_after=2 * CHUNK + 3), total=count, workers=workers
        )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("failing", [2 * CHUNK + 1, 4 * CHUNK + 2])  # mid-batch; the last task
def test_a_letter_that_cannot_be_written_leaves_none_of_the_batch(tmp_path, workers, failing):
    count = 4 * CHUNK + 4

    def one_unwritable():
        for number, (name, content) in enumerate(letters(count)):
            yield (f"no-such-folder/{name}" if number == failing else name), content

    with pytest.raises(FileNotFoundError):
        render_all(tmp_path, HEAD, one_unwritable(), total=count, workers=workers)
    assert list(tmp_path.iterdir()) == []
