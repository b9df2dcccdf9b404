"""The financial-year chooser the quality-contract sections share."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import QComboBox

from contractdesk.domain.financial_year import FinancialYear


def default_year(years: Sequence[FinancialYear], today: date | None = None) -> FinancialYear:
    """The current financial year if it is among `years`, else the latest of them (the
    current year when there are none)."""
    current = FinancialYear.containing(today or date.today())
    if current in years or not years:
        return current
    return max(years)


def fill_year_combo(
    combo: QComboBox, years: Sequence[FinancialYear], chosen: FinancialYear | None
) -> None:
    """Each year, newest first, with the year itself as its data; `chosen` selected (added if
    missing). Signals are blocked: the caller reloads once."""
    shown = sorted(set(years) | ({chosen} if chosen else set()), reverse=True)
    combo.blockSignals(True)
    combo.clear()
    for year in shown:
        combo.addItem(str(year), year)
    if chosen is not None:
        combo.setCurrentIndex(shown.index(chosen))
    combo.blockSignals(False)


def index_of_data(combo: QComboBox, value: object) -> int:
    """The row whose data equals `value`, or -1 (findData cannot compare Python objects)."""
    for row in range(combo.count()):
        if combo.itemData(row) == value:
            return row
    return -1
