"""Table models of the Funding section: practices' funding for a year, a plan's years, the
localities' spend, each over the frozen rows the services return."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt

from contractdesk.domain.fairness import LocalitySpend
from contractdesk.domain.glide_path import PlanYear
from contractdesk.domain.money import format_pence
from contractdesk.gui.row_table_model import SORT_ROLE, RowTableModel
from contractdesk.services.funding import PracticeFunding

# Funding per practice for a year.
CODE_COLUMN, NAME_COLUMN, LOCALITY_COLUMN, CONTRACT_COLUMN = 0, 1, 2, 3
FUNDING_COLUMNS = (
    ("ODS code", lambda row: row.ods_code),
    ("Practice", lambda row: row.name),
    ("Locality", lambda row: row.locality),
    ("Contract", lambda row: row.contract_type),
    ("Registered", lambda row: row.registered_patients),
    ("Weighted", lambda row: row.weighted_patients),
    ("Total", lambda row: _Pence(row.total_pence)),
    ("£ / registered", lambda row: row.per_registered_patient),
    ("£ / weighted", lambda row: row.per_weighted_patient),
    ("GMS equivalent", lambda row: _Pence(row.gms_equivalent_pence)),
    ("PMS premium", lambda row: _Pence(row.premium_pence)),
    ("Premium / weighted", lambda row: row.premium_per_weighted_patient),
    ("Global Sum", lambda row: _Pence(row.global_sum_pence)),
    ("MPIG", lambda row: _Pence(row.mpig_pence)),
    ("PMS balance", lambda row: _Pence(row.pms_balance_pence)),
    ("QOF", lambda row: _Pence(row.qof_pence)),
    ("Enhanced services", lambda row: _Pence(row.enhanced_services_pence)),
    ("Local services", lambda row: _Pence(row.local_services_pence)),
    ("Premises", lambda row: _Pence(row.premises_pence)),
    ("Other", lambda row: _Pence(row.other_pence)),
)
TEXT_COLUMNS = frozenset({CODE_COLUMN, NAME_COLUMN, LOCALITY_COLUMN, CONTRACT_COLUMN})


class _Pence(int):
    """An amount of pence in a cell (shown as pounds; None stays None)."""

    def __new__(cls, pence: int | None) -> Any:  # type: ignore[misc]
        return None if pence is None else super().__new__(cls, pence)


class FundingTableModel(RowTableModel[PracticeFunding]):
    def __init__(self, parent: Any = None) -> None:
        titles = [title for title, _ in FUNDING_COLUMNS]
        numbers = frozenset(range(len(titles))) - TEXT_COLUMNS
        super().__init__(titles, numbers, parent)

    def cell(self, row: PracticeFunding, column: int, role: int) -> Any:
        return _cell(FUNDING_COLUMNS[column][1](row), role)


class FundingFilterProxy(QSortFilterProxyModel):
    """Sorts on raw values; filters on code, name or locality text and on the contract type."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._contract = ""
        self._text = ""

    def set_search_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_contract_type(self, contract: str) -> None:
        self.beginFilterChange()
        self._contract = contract
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:  # noqa: N802
        row = self.sourceModel().row_at(source_row)
        if self._contract and row.contract_type != self._contract:
            return False
        if not self._text:
            return True
        return any(
            self._text in (value or "").lower() for value in (row.ods_code, row.name, row.locality)
        )

    def lessThan(self, left: Any, right: Any) -> bool:  # noqa: N802
        # In Python, so that large pence and None compare correctly (None sorts first).
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            return a is None and b is not None
        return a < b


class PlanYearTableModel(RowTableModel[PlanYear]):
    TITLES = (
        "Year",
        "Freed %",
        "Freed",
        "Reinvested",
        "Held back",
        "Offer £/wt",
        "Balances",
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(self.TITLES, frozenset(range(1, 6)), parent)

    def cell(self, year: PlanYear, column: int, role: int) -> Any:
        values = (
            str(year.year),
            f"{float(year.cumulative_share):.1%}",
            _Pence(year.freed_pence),
            _Pence(year.reinvested_pence),
            _Pence(year.held_back_pence),
            year.offer_pence_per_weighted_patient,
            "yes" if year.balances else "NO",
        )
        return _cell(values[column], role)


class PracticePlanTableModel(RowTableModel[tuple]):
    """One practice a row: its premium, exemption, and each year's loss, gain and net."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(("ODS code", "Practice"), frozenset(), parent)

    def set_plan(self, plan: Any) -> None:
        years = [str(year.year) for year in plan.years]
        titles = ["ODS code", "Practice", "Premium", "Kept out (special population)"]
        for year in years:
            titles += [f"{year} loss", f"{year} gain", f"{year} net"]
        self._titles = tuple(titles)
        self._number_columns = frozenset({2}) | frozenset(range(4, len(titles)))
        by_year = [{entry.ods_code: entry for entry in year.practices} for year in plan.years]
        rows = []
        for practice in plan.practices:
            values: list[Any] = [
                practice.ods_code,
                practice.name,
                _Pence(practice.premium_pence),
                practice.special_population_reason or "",
            ]
            for entries in by_year:
                entry = entries[practice.ods_code]
                values += [
                    _Pence(-entry.loss_pence),
                    _Pence(entry.gain_pence),
                    _Pence(entry.net_pence),
                ]
            rows.append(tuple(values))
        self.set_rows(rows)

    def cell(self, row: tuple, column: int, role: int) -> Any:
        return _cell(row[column], role)


class FairnessTableModel(RowTableModel[LocalitySpend]):
    TITLES = ("Locality", "Practices", "Weighted", "Before £ / weighted", "After £ / weighted")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(self.TITLES, frozenset(range(1, 5)), parent)

    def cell(self, row: LocalitySpend, column: int, role: int) -> Any:
        values = (
            row.locality,
            row.practices,
            row.weighted_patients,
            row.before_per_weighted_patient,
            row.after_per_weighted_patient,
        )
        return _cell(values[column], role)


def _cell(value: Any, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        return _display(value)
    if role == SORT_ROLE:
        if isinstance(value, Decimal):
            return float(value)
        return int(value) if isinstance(value, _Pence) else value
    return None


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, _Pence):
        return format_pence(int(value))
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
