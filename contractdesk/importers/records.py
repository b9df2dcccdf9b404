"""The plain records the readers produce, ready for the services to store."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from contractdesk.domain.financial_year import FinancialYear


class PracticeRecord(NamedTuple):
    """One GP practice as ODS publishes it (a tuple: thousands are made per import)."""

    ods_code: str
    name: str
    address_lines: tuple[str | None, str | None, str | None, str | None, str | None]
    postcode: str | None
    phone: str | None
    status: str
    open_date: date | None
    close_date: date | None
    area_code: str


class ListSizeRecord(NamedTuple):
    ods_code: str
    as_of: date
    registered_patients: Decimal | None
    weighted_patients: Decimal | None
    source: str


class PaymentYearRecord(NamedTuple):
    """One practice's row of NHS Payments to General Practice; money in integer pence."""

    ods_code: str
    financial_year: FinancialYear
    area_code: str
    area_name: str
    pcn_code: str | None
    pcn_name: str | None
    contract_type: str
    dispensing: bool | None
    registered_patients: Decimal | None
    weighted_patients: Decimal | None
    # Every payment column, in the order of the file's `PaymentsResult.line_names`; None for
    # a blank or `-` cell.
    line_amounts: tuple[int | None, ...]
    global_sum_pence: int | None
    mpig_pence: int | None
    pms_balance_pence: int | None
    qof_pence: int | None
    local_services_pence: int | None
    premises_pence: int | None
    total_payments_pence: int | None
    deductions_pence: int | None
    net_payments_pence: int | None
    # National (directed) enhanced services: the file's total, or the sum of its DES columns.
    enhanced_services_pence: int | None
    source: str
    row: int  # the line of the file it came from, for reports
