"""The key under the sign-up matrix: each state's colour with its word, and the marks."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel

from contractdesk.gui.compliance_text import FLAG
from contractdesk.gui.signup_matrix_model import CELL_COLOUR, CELL_TEXT, TEXT_COLOUR


def signup_legend() -> QHBoxLayout:
    """Each state's colour with its word, so the colours never have to be learnt."""
    legend = QHBoxLayout()
    legend.setSpacing(4)
    for state, colour in CELL_COLOUR.items():
        swatch = QLabel(CELL_TEXT[state])
        swatch.setStyleSheet(
            f"background: {colour}; color: {TEXT_COLOUR}; padding: 1px 6px; border-radius: 3px;"
        )
        swatch.setToolTip(state.value)
        legend.addWidget(swatch)
    legend.addWidget(QLabel(f"– not offered   * required   {FLAG} declined a required service"))
    legend.addStretch(1)
    return legend
