"""Letter wording as editable templates: paragraph blocks with named fields such as
{practice_name}. A template is checked when it is saved — an unknown field or a stray brace is
refused then, not when 3,000 letters are half made. Filled text is plain text: nothing from the
database or the template is ever read as markup."""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum


class LetterKind(StrEnum):
    ANNUAL = "annual"
    REMEDIAL = "remedial"
    BREACH = "breach"
    SANCTION = "sanction"

    @property
    def label(self) -> str:
        return {
            LetterKind.ANNUAL: "annual review",
            LetterKind.REMEDIAL: "remedial notice",
            LetterKind.BREACH: "breach notice",
            LetterKind.SANCTION: "sanction notice",
        }[self]

    @property
    def slug(self) -> str:
        return self.label.replace(" ", "-")


# The fields a template may name, with what each holds. Every letter kind has the common ones;
# notice letters add the notice's own.
COMMON_FIELDS = {
    "practice_name": "the practice's name",
    "practice_code": "the practice's ODS code",
    "contract_type": "GMS, PMS or APMS",
    "locality": "the practice's locality (PCN)",
    "lead_contact": "the practice's lead contact, or 'The Practice Manager'",
    "commissioner_name": "the commissioner (a team setting)",
    "officer_name": "the officer signing the letter",
    "letter_date": "the date of the letter",
    "reference": "the letter's reference",
}
ANNUAL_FIELDS = COMMON_FIELDS | {
    "financial_year": "the financial year, e.g. 2025/26",
    "services_signed": "how many quality-contract services the practice signed",
    "compliance": "the whole-contract result in words",
    "overall_rag": "the practice's overall KPI rating in words",
}
NOTICE_FIELDS = COMMON_FIELDS | {
    "notice_reference": "the notice's reference",
    "breach": "the breach, as recorded",
    "steps_required": "the steps required to remedy it (remedial notices)",
    "given_on": "the date the notice is given",
    "deadline": "the date by which it must be remedied (remedial notices)",
    "notice_period": "the notice period in days",
}
FIELDS_BY_KIND = {
    LetterKind.ANNUAL: ANNUAL_FIELDS,
    LetterKind.REMEDIAL: NOTICE_FIELDS,
    LetterKind.BREACH: NOTICE_FIELDS,
    LetterKind.SANCTION: NOTICE_FIELDS,
}


@dataclass(frozen=True)
class Block:
    """A paragraph of a letter, under an optional heading."""

    heading: str | None
    text: str
    after_tables: bool = False  # closing paragraphs come after the letter's tables


@dataclass(frozen=True)
class LetterTemplate:
    kind: LetterKind
    blocks: tuple[Block, ...]

    def fill(self, values: Mapping[str, str]) -> tuple[Block, ...]:
        """The blocks with their fields replaced by `values` (plain text)."""
        mapping = _Values(values)
        return tuple(
            Block(
                _fill(block.heading, mapping) if block.heading else None,
                _fill(block.text, mapping),
                block.after_tables,
            )
            for block in self.blocks
        )


def template_problems(kind: LetterKind, blocks: Sequence[Block]) -> list[str]:
    """Every reason the template cannot be saved, naming the block (empty: it can)."""
    known = FIELDS_BY_KIND[kind]
    problems = []
    if not blocks:
        problems.append("a letter needs at least one paragraph")
    for number, block in enumerate(blocks, start=1):
        for part, text in (("heading", block.heading or ""), ("text", block.text)):
            try:
                fields = _fields(text)
            except ValueError as error:
                problems.append(f"paragraph {number} {part}: {error}")
                continue
            for name in fields:
                if name not in known:
                    problems.append(
                        f"paragraph {number} {part}: no field called {{{name}}}; the fields are "
                        + ", ".join(f"{{{field}}}" for field in known)
                    )
    return problems


def _fields(text: str) -> list[str]:
    """The field names in `text`; ValueError for braces that do not make a plain field."""
    names = []
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as error:
        raise ValueError(f"{error} (write {{{{ or }}}} for a brace itself)") from None
    for _, name, format_spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or format_spec or conversion:
            raise ValueError(f"{{{name}}} is not a plain field such as {{practice_name}}")
        names.append(name)
    return names


def _fill(text: str, values: _Values) -> str:
    # Formatting with a fixed mapping: fields were checked on save; the values are data and
    # are inserted as they are (str.format never re-reads what it inserts).
    return text.format_map(values)


class _Values(dict):
    def __init__(self, values: Mapping[str, str]) -> None:
        super().__init__(
            {key: "" if value is None else str(value) for key, value in values.items()}
        )

    def __missing__(self, key: str) -> str:
        return ""
