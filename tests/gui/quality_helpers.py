"""Shared steps for the quality-contract GUI tests: signing in with a role, synthetic rows."""

from collections.abc import Callable

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.roles import Role
from contractdesk.domain.whole_contract import CellState, assess_compliance
from contractdesk.services.service_catalogue import ServiceEntry
from contractdesk.services.signup_matrix import MatrixRow, SignupMatrix
from contractdesk.services.users import set_role
from contractdesk.services.workspace import Workspace

FIRST_YEAR = FinancialYear(2025)
NEXT_YEAR = FinancialYear(2026)


def signed_in_with_role(
    demo_workspace: Workspace, sign_in_as: Callable[[str], Workspace], login: str, role: Role
) -> Workspace:
    """The demo opened again as `login`, whom the demo's admin has given `role`."""
    set_role(demo_workspace, login, role)
    return sign_in_as(login)


def synthetic_matrix(practices: int, services: int) -> SignupMatrix:
    """A matrix of made-up practices and services (no database), every state represented."""
    from contractdesk.domain.service_catalogue import FundingBasis, ServiceKind

    year = NEXT_YEAR
    entries = tuple(
        ServiceEntry(
            financial_year=year,
            code=f"SVC-{number:02d}",
            name=f"Service {number}",
            kind=ServiceKind.LES,
            funding_basis=FundingBasis.PER_ITEM,
            price_pence=100 * number,
            description=None,
            spec_reference=None,
            required=number % 2 == 0,
            retired=False,
            version=1,
        )
        for number in range(services)
    )
    required = [entry.code for entry in entries if entry.required]
    states = list(CellState)
    rows = []
    for number in range(practices):
        row_states = tuple(states[(number + column) % len(states)] for column in range(services))
        by_code = {entry.code: state for entry, state in zip(entries, row_states, strict=True)}
        declined = {code for code, state in by_code.items() if state is CellState.DECLINED}
        rows.append(
            MatrixRow(
                ods_code=f"X{number:05d}",
                name=f"Practice {number}",
                area_code="QXX",
                locality_code=f"L{number % 40:02d}",
                locality_name=f"Locality {number % 40}",
                states=row_states,
                compliance=assess_compliance(required, by_code, declined),
            )
        )
    from datetime import date

    return SignupMatrix(year=year, as_of=date(2026, 11, 23), services=entries, rows=tuple(rows))
