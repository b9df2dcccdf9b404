"""The colours of the sign-up states, shared by the app's matrix and the Excel export so both
read the same. Each colour always comes with the state's text: never colour alone."""

from __future__ import annotations

from contractdesk.domain.kpi_rules import Rag
from contractdesk.domain.whole_contract import CellState

# Light fills with dark text (contrast well above 4.5:1 for the black text on them).
STATE_FILLS = {
    CellState.ACCEPTED: "C6EFCE",
    CellState.SUBCONTRACTED: "BDD7EE",
    CellState.SUBCONTRACT_PENDING: "DDEBF7",
    CellState.OFFERED: "FFEB9C",
    CellState.DECLINED: "FFC7CE",
    CellState.ENDED: "E7E6E6",
    CellState.NOT_OFFERED: "FFFFFF",
}

STATE_SHORT_TEXT = {
    CellState.ACCEPTED: "Accepted",
    CellState.SUBCONTRACTED: "Sub-contracted",
    CellState.SUBCONTRACT_PENDING: "Sub-contract pending",
    CellState.OFFERED: "Offered",
    CellState.DECLINED: "Declined",
    CellState.ENDED: "Ended",
    CellState.NOT_OFFERED: "Not offered",
}

COMPLIANT_FILL = "C6EFCE"
NOT_COMPLIANT_FILL = "FFC7CE"

# The KPI traffic lights, shared by the app's grid and the Excel export; the RAG word is always
# shown with the colour.

RAG_FILLS = {
    Rag.GREEN: "C6EFCE",
    Rag.AMBER: "FFEB9C",
    Rag.RED: "FFC7CE",
    Rag.NO_DATA: "E7E6E6",
}
