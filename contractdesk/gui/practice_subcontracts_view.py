"""The practice editor's Sub-contracts tab: arrangements where the practice is either side."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contractdesk.gui.subcontract_table_model import (
    CONTRACTOR_COLUMN,
    SUBCONTRACTOR_COLUMN,
    SubcontractTableModel,
)
from contractdesk.services.subcontracts import SubcontractEntry

COLUMN_PADDING = 16


class PracticeSubcontractsView(QWidget):
    """Two lists: services it has others deliver (as contractor), and services it delivers for
    others (as sub-contractor); each hides the column that would only name the practice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.as_contractor_model = SubcontractTableModel(self)
        self.as_subcontractor_model = SubcontractTableModel(self)
        self.as_contractor_label = QLabel()
        self.as_subcontractor_label = QLabel()
        self.as_contractor_table = self._table(self.as_contractor_model, CONTRACTOR_COLUMN)
        self.as_subcontractor_table = self._table(self.as_subcontractor_model, SUBCONTRACTOR_COLUMN)
        layout = QVBoxLayout(self)
        layout.addWidget(self.as_contractor_label)
        layout.addWidget(self.as_contractor_table, 1)
        layout.addWidget(self.as_subcontractor_label)
        layout.addWidget(self.as_subcontractor_table, 1)

    def show_entries(self, ods_code: str, entries: list[SubcontractEntry]) -> None:
        given = [entry for entry in entries if entry.contractor_code == ods_code]
        taken = [entry for entry in entries if entry.subcontractor_code == ods_code]
        self.as_contractor_model.set_rows(given)
        self.as_subcontractor_model.set_rows(taken)
        self.as_contractor_label.setText(
            f"<b>As contractor</b>: services {ods_code} has another practice deliver ({len(given)})"
        )
        self.as_subcontractor_label.setText(
            f"<b>As sub-contractor</b>: services {ods_code} delivers for another practice "
            f"({len(taken)})"
        )
        for table in (self.as_contractor_table, self.as_subcontractor_table):
            model = table.model()
            for column in range(model.columnCount() - 1):
                table.resizeColumnToContents(column)
                table.setColumnWidth(column, table.columnWidth(column) + COLUMN_PADDING)

    @staticmethod
    def _table(model: SubcontractTableModel, hidden_column: int) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setColumnHidden(hidden_column, True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        return table
