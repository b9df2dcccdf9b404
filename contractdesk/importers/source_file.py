"""Opening a CSV file the way the NHS publishes them: maybe a BOM, CRLF, sometimes cp1252."""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from contractdesk.errors import BadInput

# Files that are plainly not CSV, by their first bytes.
_BINARY_SIGNATURES = {
    b"PK\x03\x04": "an Excel workbook or zip archive",
    b"%PDF": "a PDF document",
    b"\xd0\xcf\x11\xe0": "an old-style Excel or Word file",
    b"SQLite format 3": "a SQLite database",
}


@dataclass(frozen=True)
class CsvSource:
    path: Path
    sha256: str
    rows: list[list[str]]

    @property
    def name(self) -> str:
        return self.path.name


def read_csv(path: Path) -> CsvSource:
    """Read the whole file (these files are a few MB), hashing the exact bytes for the audit."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BadInput(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise BadInput(f"{path}: cannot be read ({error.strerror})") from None
    for signature, description in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise BadInput(f"{path.name}: this is {description}, not a CSV file")
    if b"\x00" in data[:4096]:
        raise BadInput(f"{path.name}: this is a binary file, not a CSV file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older NHS extracts were saved from Excel on Windows.
        text = data.decode("cp1252", errors="replace")
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise BadInput(f"{path.name}: not a readable CSV file ({error})") from None
    if not rows:
        raise BadInput(f"{path.name}: the file is empty")
    return CsvSource(path=path, sha256=hashlib.sha256(data).hexdigest(), rows=rows)
