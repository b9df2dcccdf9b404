"""Reading and changing the settings the team shares (declared in domain/settings.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.domain.notices import NoticeRules
from contractdesk.domain.roles import Role
from contractdesk.domain.settings import SETTINGS, notice_rules
from contractdesk.errors import BadInput
from contractdesk.services.audit import record_change
from contractdesk.services.workspace import Workspace
from contractdesk.store.models import TeamSetting
from contractdesk.store.unit_of_work import unit_of_work


def all_settings(workspace: Workspace) -> dict[str, Any]:
    """Every declared setting: the stored value, else its default."""
    with unit_of_work(workspace.engine) as session:
        return _values(session)


def change_setting(workspace: Workspace, key: str, value: Any) -> Any:
    workspace.require(Role.ADMIN, "change the team's settings")
    declaration = SETTINGS.get(key)
    if declaration is None:
        raise BadInput(f"No setting called {key}; the settings are: {', '.join(SETTINGS)}")
    try:
        parsed = declaration.parse(value)
    except ValueError as error:
        raise BadInput(str(error)) from None
    with unit_of_work(workspace.engine, write=True) as session:
        stored = session.scalar(select(TeamSetting).where(TeamSetting.key == key))
        before = stored.value if stored is not None else declaration.default
        if stored is None:
            session.add(TeamSetting(key=key, value=parsed))
        else:
            stored.value = parsed
        record_change(
            session,
            workspace.user.login,
            action="setting",
            entity_type="team_setting",
            entity_key=key,
            before={key: before},
            after={key: parsed},
            summary=f"set {key} to {parsed}",
        )
    return parsed


def current_notice_rules(session: Session) -> NoticeRules:
    """For services that check notice timings inside their own unit of work."""
    return notice_rules(_values(session))


def _values(session: Session) -> dict[str, Any]:
    stored = dict(session.execute(select(TeamSetting.key, TeamSetting.value)).all())
    return {key: stored.get(key, declaration.default) for key, declaration in SETTINGS.items()}
