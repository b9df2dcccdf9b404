"""Funding per practice and the PMS premium review plan, on the real Rotherham files."""

import dataclasses
from decimal import Decimal

import pytest
from sqlalchemy import select

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.funding import gms_equivalent_pence
from contractdesk.domain.roles import Role
from contractdesk.errors import BadInput, ConflictError, PermissionDenied
from contractdesk.services.funding import (
    core_rate,
    funding_history,
    funding_year,
    payment_years,
    set_core_rate,
)
from contractdesk.services.funding_plan import compute_plan, load_plan, save_plan
from contractdesk.services.payment_import import import_payments
from contractdesk.services.practice_import import import_practices
from contractdesk.services.users import set_role
from contractdesk.services.workspace import open_workspace
from contractdesk.store.models import AuditEntry
from contractdesk.store.unit_of_work import unit_of_work
from tests.helpers import csv_rows
from tests.services.conftest import ROTHERHAM

YEAR = FinancialYear(2022)


@pytest.fixture
def rotherham(workspace, files):
    import_practices(workspace, files["epraccur"], [ROTHERHAM, "02X"])
    import_payments(
        workspace, [files["payments_2022"], files["payments_2021"], files["payments_2014"]]
    )
    return workspace


def _file_rows(path, area):
    rows = csv_rows(path)
    header = rows[0]
    return header, [row for row in rows[1:] if row[header.index("CCG Code")] == area]


def _pence(text):
    return int(Decimal(text) * 100)


def test_figures_for_a_named_practice_match_the_file(rotherham, files):
    header, rows = _file_rows(files["payments_2022"], ROTHERHAM)
    row = next(row for row in rows if row[header.index("Practice Code")] == "C87003")
    year = funding_year(rotherham, YEAR, [ROTHERHAM])
    woodstock = next(p for p in year.practices if p.ods_code == "C87003")
    assert woodstock.weighted_patients == Decimal(
        row[header.index("Number of Weighted Patients (Last Known Figure)")]
    )
    assert woodstock.pms_balance_pence == _pence(row[header.index("Balance of PMS Expenditure")])
    assert woodstock.total_pence == _pence(
        row[header.index("Total NHS Payments to General Practice")]
    )
    assert woodstock.qof_pence == _pence(row[header.index("Total QOF Payments")])
    gms = gms_equivalent_pence(7853, woodstock.weighted_patients)
    assert woodstock.gms_equivalent_pence == gms
    assert woodstock.premium_pence == woodstock.pms_balance_pence - gms
    assert woodstock.per_weighted_patient == (
        Decimal(woodstock.total_pence) / 100 / woodstock.weighted_patients
    ).quantize(Decimal("0.01"))
    assert "Balance of PMS Expenditure" in year.basis_description
    assert "£78.53" in year.basis_description


def test_area_totals_match_the_sum_of_the_files_rows(rotherham, files):
    header, rows = _file_rows(files["payments_2022"], ROTHERHAM)
    year = funding_year(rotherham, YEAR, [ROTHERHAM])
    assert len(year.practices) == len(rows) == 29
    for column, field in (
        ("Total NHS Payments to General Practice", "total_pence"),
        ("Balance of PMS Expenditure", "pms_balance_pence"),
        ("Global Sum", "global_sum_pence"),
        ("Premises Payments", "premises_pence"),
    ):
        assert year.total(field) == sum(_pence(row[header.index(column)]) for row in rows)
    parts = (
        "global_sum_pence",
        "mpig_pence",
        "pms_balance_pence",
        "qof_pence",
        "enhanced_services_pence",
        "local_services_pence",
        "premises_pence",
        "other_pence",
    )
    assert sum(year.total(part) for part in parts) == year.total("total_pence")


def test_enhanced_services_are_the_national_total_or_the_des_columns(rotherham, files):
    for path, year, columns in (
        (files["payments_2014"], FinancialYear(2014), ["Total National Enhanced Services"]),
        (
            files["payments_2022"],
            YEAR,
            [
                "Childhood Vaccination and Immunisation Scheme",
                "Minor Surgery",
                "Pertussis",
                "GP Extended Hours Access",
                "Influenza and Pneumococcal Immunisations",
                "Learning Disabilities",
                "Meningitis",
                "Out Of Area in Hours Urgent Care",
                "Rotavirus and Shingles Immunisation",
                "Services for Violent Patients",
                "Medical Assessment Reviews",
                "Weight Management Service",
            ],
        ),
    ):
        rows = csv_rows(path)
        header = [name.strip() for name in rows[0]]
        row = next(row for row in rows[1:] if row[header.index("Practice Code")] == "C87003")
        expected = sum(_pence(row[header.index(column)]) for column in columns)
        woodstock = next(
            p
            for p in funding_year(rotherham, year, [ROTHERHAM]).practices
            if p.ods_code == "C87003"
        )
        assert woodstock.enhanced_services_pence == expected > 0


def test_history_and_years(rotherham):
    history = funding_history(rotherham, "C87003")
    assert [row.financial_year.start_year for row in history] == [2014, 2021, 2022]
    assert payment_years(rotherham)[0] == YEAR


def test_the_core_rate_is_a_stored_audited_setting(rotherham, database_url):
    assert core_rate(rotherham, YEAR).source == "default"
    set_core_rate(rotherham, FinancialYear(2021), 9970, "GMS global sum 2021/22")
    assert core_rate(rotherham, YEAR).pence_per_weighted_patient == 9970
    assert core_rate(rotherham, YEAR).source.startswith("2021/22's")
    with unit_of_work(rotherham.engine) as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.entity_type == "core_funding_rate")
        ).one()
    assert entry.after["pence"] == 9970
    set_role(rotherham, "bob", Role.OFFICER)
    officer = open_workspace(database_url, "bob")
    try:
        with pytest.raises(PermissionDenied):
            set_core_rate(officer, YEAR, 8000)
    finally:
        officer.close()


def test_the_plan_balances_to_the_penny_with_cap_and_exemption(rotherham):
    draft = dataclasses.replace(
        load_plan(rotherham, ROTHERHAM),
        exemptions={"C87003": "serves the homeless and asylum seekers"},
        yearly_loss_cap=Decimal("0.02"),
        held_back_share=Decimal("0.05"),
    )
    report = compute_plan(rotherham, draft)
    plan = report.plan
    assert report.draft.base_year == YEAR
    assert plan.balances
    assert len(plan.years) == 4
    totals = {p.ods_code: p.total_income_pence for p in plan.practices}
    previous = dict.fromkeys(totals, 0)
    for year in plan.years:
        assert year.freed_pence == year.reinvested_pence + year.held_back_pence
        for row in year.practices:
            assert row.loss_pence - previous[row.ods_code] <= totals[row.ods_code] * 2 // 100
            previous[row.ods_code] = row.loss_pence
        assert next(r for r in year.practices if r.ods_code == "C87003").loss_pence == 0
    assert plan.years[-1].freed_pence > 0
    assert report.fairness.before is not None and report.fairness.after is not None
    assert len(report.fairness.localities) >= 5


def test_money_cannot_move_to_another_area_without_every_agreement(rotherham):
    draft = dataclasses.replace(
        load_plan(rotherham, ROTHERHAM), reinvestment_areas=("02X",), agreed_areas=(ROTHERHAM,)
    )
    with pytest.raises(BadInput, match="02X has not agreed"):
        compute_plan(rotherham, draft)
    with pytest.raises(BadInput, match="agreement"):
        save_plan(rotherham, draft)


def test_the_plan_is_saved_audited_and_versioned(rotherham):
    draft = dataclasses.replace(
        load_plan(rotherham, ROTHERHAM),
        years=5,
        first_year_share=Decimal("0.1"),
        exemptions={"C87003": "special population"},
        not_signing=frozenset({"C87004"}),
    )
    saved = save_plan(rotherham, draft)
    assert saved.version == 1
    assert load_plan(rotherham, ROTHERHAM) == saved
    again = save_plan(rotherham, dataclasses.replace(saved, years=6))
    assert again.version == 2
    with pytest.raises(ConflictError):
        save_plan(rotherham, dataclasses.replace(saved, years=7))
    report = compute_plan(rotherham, again)
    gains = {row.ods_code: row.gain_pence for row in report.plan.years[0].practices}
    assert gains["C87004"] == 0
    with unit_of_work(rotherham.engine) as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity_type == "funding_plan")
        ).all()
    assert [entry.action for entry in entries] == ["create", "update"]
