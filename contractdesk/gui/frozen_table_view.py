"""A table view whose first columns stay put while the rest scroll sideways (Qt's "frozen
column" example): a second view over the left edge shows those columns of the same model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView, QWidget


class FrozenTableView(QTableView):
    """`frozen_columns` columns drawn by an overlay view that shares the model, the selection
    and the vertical scroll; the view underneath still has them, hidden behind it."""

    def __init__(self, frozen_columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frozen_columns = frozen_columns
        self.frozen_view = QTableView(self)
        frozen = self.frozen_view
        frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        frozen.setFrameShape(QFrame.Shape.NoFrame)
        frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        frozen.verticalHeader().hide()
        frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        frozen.setStyleSheet("QTableView { border-right: 1px solid palette(mid); }")
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.viewport().stackUnder(frozen)
        self.horizontalHeader().sectionResized.connect(self._on_section_resized)
        self.verticalScrollBar().valueChanged.connect(frozen.verticalScrollBar().setValue)
        frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        # A click on a frozen cell acts as one on the view beneath.
        frozen.doubleClicked.connect(self.doubleClicked)
        frozen.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        frozen.customContextMenuRequested.connect(self._on_frozen_menu_requested)
        frozen.horizontalHeader().sectionClicked.connect(self._on_frozen_header_clicked)
        self.horizontalHeader().sortIndicatorChanged.connect(self._on_sort_indicator_changed)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802
        super().setModel(model)
        self.frozen_view.setModel(model)
        self.frozen_view.setSelectionModel(self.selectionModel())
        if model is not None:
            model.modelReset.connect(self._show_frozen_columns)
            model.layoutChanged.connect(self._show_frozen_columns)
        self._show_frozen_columns()

    def setSortingEnabled(self, enable: bool) -> None:  # noqa: N802
        super().setSortingEnabled(enable)
        # A click on the frozen header sorts through the main one; its arrow follows.
        header = self.frozen_view.horizontalHeader()
        header.setSectionsClickable(enable)
        header.setSortIndicatorShown(enable)

    def _on_frozen_header_clicked(self, column: int) -> None:
        if not self.isSortingEnabled():
            return
        header = self.horizontalHeader()
        order = Qt.SortOrder.AscendingOrder
        if header.sortIndicatorSection() == column:
            ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            order = Qt.SortOrder.DescendingOrder if ascending else Qt.SortOrder.AscendingOrder
        self.sortByColumn(column, order)

    def _on_sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        self.frozen_view.horizontalHeader().setSortIndicator(column, order)

    def _show_frozen_columns(self, *_arguments: Any) -> None:
        model = self.model()
        if model is None:
            return
        for column in range(model.columnCount()):
            self.frozen_view.setColumnHidden(column, column >= self._frozen_columns)
            if column < self._frozen_columns:
                self.frozen_view.setColumnWidth(column, self.columnWidth(column))
        self.frozen_view.verticalHeader().setDefaultSectionSize(
            self.verticalHeader().defaultSectionSize()
        )
        self._place_frozen_view()

    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        if column < self._frozen_columns:
            self.frozen_view.setColumnWidth(column, new)
            self._place_frozen_view()

    def _on_frozen_menu_requested(self, position: Any) -> None:
        target = self.viewport().mapFromGlobal(self.frozen_view.viewport().mapToGlobal(position))
        self.customContextMenuRequested.emit(target)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_frozen_view()

    def updateGeometries(self) -> None:  # noqa: N802
        super().updateGeometries()
        self._place_frozen_view()

    def _place_frozen_view(self) -> None:
        width = sum(self.columnWidth(column) for column in range(self._frozen_columns))
        self.frozen_view.setGeometry(
            self.verticalHeader().width() + self.frameWidth(),
            self.frameWidth(),
            width,
            self.viewport().height() + self.horizontalHeader().height(),
        )
        self.frozen_view.horizontalHeader().setFixedHeight(self.horizontalHeader().height())

    def moveCursor(  # noqa: N802
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Moving right from a frozen column scrolls so the cell is not hidden beneath."""
        current = super().moveCursor(action, modifiers)
        frozen_width = self.frozen_view.width()
        if (
            action == QAbstractItemView.CursorAction.MoveRight
            and current.column() >= self._frozen_columns
            and self.visualRect(current).topLeft().x() < frozen_width
        ):
            shift = self.visualRect(current).topLeft().x() - frozen_width
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + shift)
        return current

    def scrollTo(  # noqa: N802
        self,
        index: QModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        if index.column() >= self._frozen_columns:
            super().scrollTo(index, hint)
            # Qt only knows the viewport: bring the cell out from under the frozen columns.
            hidden = self.frozen_view.width() - self.visualRect(index).left()
            if hidden > 0:
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() - hidden)
            return
        # A frozen column is always in view: scroll to the row only, not sideways.
        across = self.horizontalScrollBar().value()
        super().scrollTo(index, hint)
        self.horizontalScrollBar().setValue(across)
