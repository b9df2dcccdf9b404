"""Fixtures for the service tests: the real NHS files they import."""

import pytest

ROTHERHAM = "03L"


@pytest.fixture
def files(real_data):
    payments = real_data / "nhs_payments_gp"
    return {
        "epraccur": real_data / "ods" / "epraccur_2025-09.csv",
        "payments_2022": payments / "nhs_payments_gp_2022-23.csv",
        "payments_2021": payments / "nhs_payments_gp_2021-22.csv",
        "payments_2014": payments / "nhs_payments_gp_2014-15.csv",
        "registrations": real_data / "registrations" / "gp-reg-pat-prac-all_2022-05.csv",
    }


@pytest.fixture
def rotherham(workspace):
    """The workspace holding Rotherham's practices and PCNs (localities), from the demo files."""
    from contractdesk.resources import resource_path
    from contractdesk.services.demo import DEMO_FILES
    from contractdesk.services.payment_import import import_payments
    from contractdesk.services.practice_import import import_practices

    import_practices(workspace, resource_path(*DEMO_FILES["practices"]), [ROTHERHAM])
    import_payments(workspace, [resource_path(*DEMO_FILES["payments"])], [ROTHERHAM])
    return workspace


@pytest.fixture
def catalogue(rotherham):
    """Three required services and one optional one in 2025/26."""
    from contractdesk.domain.financial_year import FinancialYear
    from contractdesk.services.service_catalogue import create_service

    year = FinancialYear(2025)
    for code, name, required in (
        ("PHLEB", "Phlebotomy", True),
        ("MINOR-SURG", "Minor surgery", True),
        ("IMMS", "Immunisation/vaccinations", True),
        ("WEIGHT", "Weight management", False),
    ):
        create_service(
            rotherham,
            year,
            code,
            {
                "name": name,
                "kind": "LES",
                "funding_basis": "per_item",
                "price_pence": 1000,
                "required": required,
            },
        )
    return year


@pytest.fixture
def sign_in_as(workspace, database_url):
    """Open the same database as another user with the given role (closed after the test)."""
    from contractdesk.services.users import set_role
    from contractdesk.services.workspace import open_workspace

    opened = []

    def sign_in(login, role):
        set_role(workspace, login, role)
        other = open_workspace(database_url, login)
        opened.append(other)
        return other

    yield sign_in
    for other in opened:
        other.close()
