"""How the app's read-only lists of records look and size their columns, set up in one place
for every section and tab that shows one."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def set_up_list_table(
    table: QTableView, model: QAbstractItemModel, *, sortable: bool = True
) -> None:
    """Whole rows selected one at a time, one line of text per row, columns the user can
    widen, the last one taking the room left; `sortable` lists start in the service's order."""
    table.setModel(model)
    if sortable:
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)


def fit_columns(
    table: QTableView,
    columns: Iterable[int],
    padding: int,
    limits: Mapping[int, int] | None = None,
) -> None:
    """Fit each column to its contents plus `padding`, no wider than its limit, if it has one
    (long names are elided rather than pushing the rest off screen)."""
    limits = limits or {}
    for column in columns:
        table.resizeColumnToContents(column)
        width = table.columnWidth(column) + padding
        if column in limits:
            width = min(width, limits[column])
        table.setColumnWidth(column, width)


def select_source_row(table: QTableView, row: int | None) -> bool:
    """Make the line showing `row` of the table's source model (behind its proxy) current and
    selected, scrolled into view; False if there is no such row or the filter hides it."""
    if row is None:
        return False
    proxy = table.model()
    index = proxy.mapFromSource(proxy.sourceModel().index(row, 0))
    if not index.isValid():
        return False
    table.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    table.scrollTo(index)
    return True
