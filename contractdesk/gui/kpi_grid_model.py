"""The KPI review grid: one row per practice, the overall RAG then one column per KPI, each
cell coloured by its RAG with the value and the RAG in words (never colour alone)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from contractdesk.domain.kpi_rules import Rag
from contractdesk.gui.row_table_model import SORT_ROLE, RowTableModel
from contractdesk.reports.kpi_workbook import cell_text
from contractdesk.reports.palette import RAG_FILLS
from contractdesk.services.kpi_review import KpiReview, ReviewRow

CODE, NAME, LOCALITY, OVERALL = range(4)
FIRST_KPI = 4
FIXED_TITLES = ("ODS code", "Practice", "Locality", "Overall")
# Sorting a RAG column puts the worst first: red, amber, no data, green.
RAG_ORDER = {Rag.RED: 0, Rag.AMBER: 1, Rag.NO_DATA: 2, Rag.GREEN: 3}
# The role the filter proxy reads a row's locality code from.
LOCALITY_ROLE = Qt.ItemDataRole.UserRole + 1


class KpiGridModel(RowTableModel[ReviewRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(FIXED_TITLES, parent=parent)
        self._review: KpiReview | None = None
        self._brushes = {rag: QBrush(QColor(f"#{fill}")) for rag, fill in RAG_FILLS.items()}
        self._text_brush = QBrush(QColor("#000000"))
        self._texts: list[list[str]] = []

    @property
    def review(self) -> KpiReview | None:
        return self._review

    def set_review(self, review: KpiReview) -> None:
        self.beginResetModel()
        self._review = review
        self._titles = (*FIXED_TITLES, *(kpi.code for kpi in review.kpis))
        # Cell texts made once: a 7,000 × 30 grid repaints often while scrolling.
        units = [kpi.unit for kpi in review.kpis]
        self._texts = [
            [cell_text(unit, cell) for unit, cell in zip(units, row.cells, strict=True)]
            for row in review.rows
        ]
        self._rows = list(review.rows)
        self.endResetModel()

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        review = self._review
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and review is not None
            and section >= FIRST_KPI
        ):
            index = section - FIRST_KPI
            kpi, stats = review.kpis[index], review.area_benchmarks[index]
            period = review.periods[index]
            better = "higher" if kpi.direction.value == "higher" else "lower"
            return (
                f"{kpi.code}: {kpi.name}\n{kpi.standard_name} ({kpi.standard_kind.value})\n"
                f"Target {kpi.unit.format(kpi.target)}, amber within "
                f"{kpi.amber_band.normalize()}; {better} is better\n"
                f"Area mean {kpi.unit.format(stats.mean)}, median "
                f"{kpi.unit.format(stats.median)} ({stats.count} practices)\n"
                f"Values from {period or 'no period with data'}"
            )
        return super().headerData(section, orientation, role)

    def cell(self, row: ReviewRow, column: int, role: int) -> Any:
        if column == CODE:
            return row.ods_code if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE) else None
        if column == NAME:
            return row.name if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE) else None
        if column == LOCALITY:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return row.locality_name or ""
            return row.locality_code if role == LOCALITY_ROLE else None
        if column == OVERALL:
            return self._rag_data(row.overall, row.overall.label, role, RAG_ORDER[row.overall])
        kpi_cell = row.cells[column - FIRST_KPI]
        if role == SORT_ROLE:
            # Worst first within the RAG, then by value; no data sorts with its own state.
            return (RAG_ORDER[kpi_cell.rag], kpi_cell.value_millionths or 0)
        # (Its display text comes from `data`, by row number, from the texts made up front.)
        return self._rag_data(kpi_cell.rag, None, role, None)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # type: ignore[no-untyped-def]
        # The display text of a KPI cell is looked up by row number, not row identity.
        if (
            role == Qt.ItemDataRole.DisplayRole
            and index.isValid()
            and index.column() >= FIRST_KPI
            and index.row() < len(self._texts)
        ):
            return self._texts[index.row()][index.column() - FIRST_KPI]
        return super().data(index, role)

    def _rag_data(self, rag: Rag, text: str | None, role: int, order: int | None) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == SORT_ROLE:
            return order
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes[rag]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._text_brush
        return None
