"""A letter template as one editable text: each paragraph block starts with a `##` line
holding its heading (`## -` for none; `## [after tables]` before a heading for the closing
paragraphs); the lines below it are the text. Pure functions, so the dialog stays thin."""

from __future__ import annotations

from collections.abc import Sequence

from contractdesk.domain.letter_template import Block

MARKER = "## "
NO_HEADING = "-"
AFTER_TABLES = "[after tables]"


def blocks_to_text(blocks: Sequence[Block]) -> str:
    parts = []
    for block in blocks:
        heading = block.heading or NO_HEADING
        if block.after_tables:
            heading = f"{AFTER_TABLES} {heading}"
        parts.append(f"{MARKER}{heading}\n{block.text.strip()}\n")
    return "\n".join(parts)


def text_to_blocks(text: str) -> list[Block]:
    """The blocks in `text`; text before the first `##` line is a block with no heading."""
    blocks: list[Block] = []
    heading: str | None = None
    after = False
    lines: list[str] = []

    def close() -> None:
        body = "\n".join(lines).strip()
        if body or heading:
            blocks.append(Block(heading, body, after))

    for line in text.splitlines():
        if line.startswith(MARKER.rstrip()) and (line == "##" or line.startswith(MARKER)):
            close()
            title = line[len(MARKER) :].strip() if line.startswith(MARKER) else ""
            after = title.startswith(AFTER_TABLES)
            if after:
                title = title[len(AFTER_TABLES) :].strip()
            heading = None if title in ("", NO_HEADING) else title
            lines = []
        else:
            lines.append(line)
    close()
    return blocks
