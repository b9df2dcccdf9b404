"""Who may do what: the four roles, each able to do everything the one below it can."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    VIEWER = "viewer"
    OFFICER = "officer"
    APPROVER = "approver"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def can_act_as(self, required: Role) -> bool:
        return self.rank >= required.rank
