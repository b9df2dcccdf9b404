"""When a notice action is open to the user and the selected notice, and why not when not
(said in the disabled button's tooltip)."""

from __future__ import annotations

from contractdesk.domain.notices import NoticeStatus, transition_problem
from contractdesk.domain.roles import Role
from contractdesk.services.notices import NoticeEntry

# Which notices can take each step.
STEP_RULES = {
    NoticeStatus.ISSUED: "Only a draft notice can be issued.",
    NoticeStatus.REMEDIED: "Only an issued remedial notice has an outcome to record.",
    NoticeStatus.ESCALATED: "Only a remedial notice not remedied, or an issued breach notice, "
    "can be escalated.",
    NoticeStatus.WITHDRAWN: "Only a draft or issued notice can be withdrawn.",
}
SANCTION_CLOSED = (
    "Only where termination may be open: the practice has no further breach or unremedied "
    "remedial notice on record."
)


def needs_role(role: Role) -> str:
    return f"Needs the {role.value} role."


def refusal(entry: NoticeEntry, wanted: NoticeStatus) -> str | None:
    """The life cycle's reason the notice cannot become `wanted` (None: it can)."""
    return transition_problem(entry.kind, entry.status, wanted)


def why_not(entry: NoticeEntry | None, wanted: NoticeStatus) -> str | None:
    """Why the selected notice cannot take this step, in the officer's words (None: it can)."""
    if entry is None:
        return "Choose a notice."
    if refusal(entry, wanted) is None:
        return None
    return f"{STEP_RULES[wanted]} {entry.reference} is {entry.status.label} ({entry.kind.label})."
