"""The settings a team shares, each declared once with its type, default and meaning.

Where DOMAIN.md marks a rule unverified, the rule is a setting with DOMAIN.md's default, so a
commissioner whose legal advice differs changes it here rather than in code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from contractdesk.domain.notices import NoticeRules


@dataclass(frozen=True)
class SettingDeclaration:
    key: str
    kind: type
    default: Any
    description: str
    unverified: bool = False  # DOMAIN.md could not confirm the rule behind the default

    def parse(self, value: Any) -> Any:
        """The value in its declared type, or ValueError naming the setting."""
        if self.kind is bool:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("true", "yes", "on", "1"):
                return True
            if text in ("false", "no", "off", "0"):
                return False
            raise ValueError(f"{self.key} is yes or no, not {value!r}")
        if self.kind is int:
            try:
                number = int(str(value).strip())
            except ValueError:
                raise ValueError(f"{self.key} is a whole number, not {value!r}") from None
            if number < 1:
                raise ValueError(f"{self.key} must be at least 1")
            return number
        text = str(value).strip()
        if not text:
            raise ValueError(f"{self.key} cannot be empty")
        return text


SETTINGS = {
    declaration.key: declaration
    for declaration in (
        SettingDeclaration(
            "notice_period_days",
            int,
            28,
            "Days from giving a remedial notice to its deadline, unless a shorter period is "
            "necessary for patient safety or to prevent material financial loss.",
        ),
        SettingDeclaration(
            "sanction_notice_days",
            int,
            28,
            "Days after notice before a sanction may take effect (same exceptions).",
        ),
        SettingDeclaration(
            "suspension_max_months", int, 6, "The longest a suspension of obligations may last."
        ),
        SettingDeclaration(
            "dispute_referral_holds_sanction",
            bool,
            True,
            "A dispute-resolution referral made within the sanction's notice period holds it "
            "until resolved.",
            unverified=True,
        ),
        SettingDeclaration(
            "commissioner_name",
            str,
            "NHS South Yorkshire Integrated Care Board (Rotherham place)",
            "The commissioner's name on letters.",
        ),
        SettingDeclaration(
            "commissioner_address",
            str,
            "Oak House, Moorhead Way | Bramley | Rotherham | S66 1YY",
            "The commissioner's address on the letterhead; lines separated by |.",
        ),
        SettingDeclaration(
            "letter_signatory_title",
            str,
            "Primary Care Contracts Officer",
            "The job title under the officer's name in letters' signature block.",
        ),
        SettingDeclaration(
            "letter_logo",
            str,
            "default",
            "Path of the logo image on the letterhead ('default': the one shipped with the app).",
        ),
    )
}


def notice_rules(values: Mapping[str, Any]) -> NoticeRules:
    """The notice timings from stored values, the declared defaults filling any gap."""

    def value(key: str) -> Any:
        return values.get(key, SETTINGS[key].default)

    return NoticeRules(
        notice_period_days=value("notice_period_days"),
        sanction_notice_days=value("sanction_notice_days"),
        suspension_max_months=value("suspension_max_months"),
        dispute_referral_holds_sanction=value("dispute_referral_holds_sanction"),
    )
