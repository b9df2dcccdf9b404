"""Printing rows as an aligned table, CSV or JSON for the `--format` options."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TextIO

FORMATS = ("table", "csv", "json")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral() else int(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def write_json(data: Any, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    json.dump(data, stream, default=_json_default, indent=2, ensure_ascii=False)
    stream.write("\n")


def write_rows(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str, stream: TextIO | None = None
) -> None:
    stream = stream or sys.stdout
    if fmt == "json":
        write_json([{name: row[name] for name in columns} for row in rows], stream)
    elif fmt == "csv":
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_text(row[name]) for name in columns] for row in rows)
    else:
        cells = [[_text(row[name]) for name in columns] for row in rows]
        widths = [
            max([len(name)] + [len(line[i]) for line in cells]) for i, name in enumerate(columns)
        ]
        stream.write(
            "  ".join(
                name.ljust(width) for name, width in zip(columns, widths, strict=True)
            ).rstrip()
            + "\n"
        )
        stream.write("  ".join("-" * width for width in widths) + "\n")
        for line in cells:
            stream.write(
                "  ".join(
                    cell.ljust(width) for cell, width in zip(line, widths, strict=True)
                ).rstrip()
                + "\n"
            )


def write_record(record: dict[str, Any], fmt: str, stream: TextIO | None = None) -> None:
    """One record: `field  value` lines, or a JSON object."""
    stream = stream or sys.stdout
    if fmt == "json":
        write_json(record, stream)
        return
    width = max(len(name) for name in record)
    for name, value in record.items():
        if isinstance(value, list):
            stream.write(f"{name}:\n")
            for item in value:
                stream.write(f"  {_text(item) if not isinstance(item, dict) else _line(item)}\n")
        else:
            stream.write(f"{name.ljust(width)}  {_text(value)}\n")


def _line(item: dict[str, Any]) -> str:
    return "  ".join(_text(value) for value in item.values())
