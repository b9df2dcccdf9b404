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
