"""Letters read back from the PDFs: content against the database, text printed verbatim,
templates checked on save, batches that never overwrite and stay consistent on cancel."""

from datetime import date

import pytest
from pypdf import PdfReader

from contractdesk.domain.financial_year import FinancialYear
from contractdesk.domain.letter_template import Block, LetterKind
from contractdesk.domain.notices import NoticeKind
from contractdesk.errors import BadInput
from contractdesk.services.correspondence import practice_letters
from contractdesk.services.letter_templates import default_template, load_template, save_template
from contractdesk.services.letters import make_annual_letters, make_notice_letter
from contractdesk.services.notices import draft_notice, issue_notice
from contractdesk.services.offers import offer_service, record_response
from contractdesk.services.practices import create_practice, update_practice

YEAR = FinancialYear(2025)
LETTER_DAY = date(2026, 5, 14)


def text_of(path):
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def flat(text):
    return " ".join(text.split())


@pytest.fixture
def signed(rotherham, catalogue):
    for code in ("PHLEB", "MINOR-SURG", "IMMS"):
        offer_service(
            rotherham,
            catalogue,
            code,
            start=catalogue.first_day,
            end=catalogue.last_day,
            response_deadline=date(2025, 3, 31),
            localities=["U36780"],
            today=date(2025, 3, 1),
        )
        for practice in ("C87005", "C87017", "C87029"):
            accepted = not (code == "MINOR-SURG" and practice == "C87029")
            record_response(
                rotherham,
                catalogue,
                code,
                practice,
                accepted=accepted,
                responded_on=date(2025, 3, 5),
            )
    return rotherham


def annual(workspace, folder, **options):
    return make_annual_letters(
        workspace, YEAR, folder, letter_date=LETTER_DAY, workers=1, **options
    )


def test_letters_state_what_the_database_holds(signed, tmp_path):
    batch = annual(signed, tmp_path, practices=["C87005", "C87029"])
    assert batch.written == ("C87005_annual-review_2025-26.pdf", "C87029_annual-review_2025-26.pdf")
    compliant = flat(text_of(tmp_path / batch.written[0]))
    assert "ST ANN'S MEDICAL CENTRE (C87005): annual review 2025/26" in compliant
    assert "Our reference: C87005/2025-26/AR" in compliant
    assert "14 May 2026" in compliant
    assert "PMS contract for 2025/26" in compliant
    assert "signed up to 3 of the quality contract's services" in compliant
    assert "the practice is compliant" in compliant
    assert (
        "Signed up and delivered by the practice (3): Immunisation/vaccinations, "
        "Minor surgery, Phlebotomy." in compliant
    )
    gap = flat(text_of(tmp_path / batch.written[1]))
    assert "not compliant: missing MINOR-SURG; declined MINOR-SURG" in gap
    assert "Minor surgery yes Gap: declined" in gap
    assert "NHS Payments to General Practice 2022/23" in gap  # the latest payments on record
    every_page = PdfReader(tmp_path / batch.written[1]).pages
    assert all(
        "C87029" in page.extract_text() and "Page" in page.extract_text() for page in every_page
    )
    logged = practice_letters(signed, "C87005")
    assert [(entry.kind, entry.file_name) for entry in logged] == [
        (LetterKind.ANNUAL, "C87005_annual-review_2025-26.pdf")
    ]
    import hashlib

    assert logged[0].sha256 == hashlib.sha256(logged[0].path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "name", ["St Mary's & <Park> Surgery", 'Ashby-de-la-Zouch Médical "Centre" <b>x</b>']
)
def test_text_from_the_database_prints_verbatim(rotherham, catalogue, tmp_path, name):
    practice = create_practice(
        rotherham, "C87999", {"name": name, "address_line1": "1 <High> St & Co"}
    )
    update_practice(rotherham, "C87999", practice.version, {"postcode": "S60 1AA"})
    batch = annual(rotherham, tmp_path, practices=["C87999"])
    text = text_of(tmp_path / batch.written[0])
    assert f"{name} (C87999): annual review 2025/26" in text
    assert "1 <High> St & Co" in text


def test_a_template_naming_an_unknown_field_is_refused_on_save(rotherham):
    blocks = [Block("Hello", "Dear {lead_contact}, about {practise_name}.")]
    with pytest.raises(BadInput, match=r"no field called \{practise_name\}"):
        save_template(rotherham, LetterKind.ANNUAL, blocks, YEAR)
    with pytest.raises(BadInput, match="plain field"):
        save_template(rotherham, LetterKind.ANNUAL, [Block(None, "{practice_name!r}")], YEAR)
    with pytest.raises(BadInput, match="brace"):
        save_template(rotherham, LetterKind.ANNUAL, [Block(None, "a { b")], YEAR)
    assert load_template(rotherham, LetterKind.ANNUAL, YEAR) == default_template(LetterKind.ANNUAL)


def test_an_edited_template_is_used_and_its_fields_filled(rotherham, catalogue, tmp_path):
    save_template(
        rotherham,
        LetterKind.ANNUAL,
        [Block("Our review", "Dear {lead_contact}, {practice_name} — {{braces}} stay.")],
        YEAR,
    )
    batch = annual(rotherham, tmp_path, practices=["C87005"])
    text = flat(text_of(tmp_path / batch.written[0]))
    assert "Dear The Practice Manager, ST ANN'S MEDICAL CENTRE — {braces} stay." in text
    assert "Thank you for meeting us" not in text


def test_letters_on_record_are_never_overwritten(rotherham, catalogue, tmp_path):
    first = annual(rotherham, tmp_path, practices=["C87005"])
    before = (tmp_path / first.written[0]).read_bytes()
    with pytest.raises(BadInput, match="never overwritten"):
        annual(rotherham, tmp_path, practices=["C87005"])
    again = annual(rotherham, tmp_path, practices=["C87005"], new_versions=True)
    assert again.written == ("C87005_annual-review_2025-26_v2.pdf",)
    assert (tmp_path / first.written[0]).read_bytes() == before
    assert len(practice_letters(rotherham, "C87005")) == 2


def test_cancel_mid_batch_keeps_whole_letters_and_a_matching_log(rotherham, catalogue, tmp_path):
    tmp_path = tmp_path / "letters"
    tmp_path.mkdir()
    seen = []

    def progress(done, total):
        seen.append(done)

    batch = annual(
        rotherham,
        tmp_path,
        progress=progress,
        is_cancelled=lambda: len(seen) >= 1,  # cancel after the first chunk
    )
    assert batch.cancelled and 0 < len(batch.written) < 29
    files = sorted(path.name for path in tmp_path.iterdir())
    assert files == sorted(batch.written)  # nothing partial left behind
    for name in files:
        assert len(PdfReader(tmp_path / name).pages) >= 1
    logged = {
        entry.file_name
        for code in {n[:6] for n in files}
        for entry in practice_letters(rotherham, code)
    }
    assert logged == set(files)


def test_the_combined_pdf_holds_every_letter(rotherham, catalogue, tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    batch = annual(rotherham, folder, areas=["03L"], combined=tmp_path / "all.pdf")
    pages = sum(len(PdfReader(folder / name).pages) for name in batch.written)
    assert len(batch.written) == 29
    assert len(PdfReader(batch.combined).pages) == pages


def test_a_batch_across_worker_processes(rotherham, catalogue, tmp_path):
    tmp_path = tmp_path / "letters"
    tmp_path.mkdir()
    batch = make_annual_letters(rotherham, YEAR, tmp_path, letter_date=LETTER_DAY, workers=2)
    assert len(batch.written) == 29 and not batch.cancelled
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(batch.written)


def test_a_remedial_notice_letter_has_its_legal_content(rotherham, tmp_path):
    notice = draft_notice(
        rotherham,
        "C87007",
        kind=NoticeKind.REMEDIAL,
        breach="No same-day slots & <urgent> access",
        steps_required="Offer same-day assessment",
        drafted_on=date(2026, 10, 28),
    )
    with pytest.raises(BadInput, match="only an issued notice"):
        make_notice_letter(rotherham, notice.reference, tmp_path)
    issue_notice(
        rotherham, notice.reference, given_on=date(2026, 11, 2), deadline=date(2026, 11, 30)
    )
    path = make_notice_letter(rotherham, notice.reference, tmp_path)
    text = flat(text_of(path))
    assert "This is a remedial notice" in text
    assert "No same-day slots & <urgent> access" in text
    assert (
        "by 30 November 2026: a notice period of 28 days from the date this notice is given" in text
    )
    assert "terminate the contract by a further notice" in text
    assert practice_letters(rotherham, "C87007")[0].kind is LetterKind.REMEDIAL


def test_a_progress_report_that_raises_cancelled_stops_cleanly(rotherham, catalogue, tmp_path):
    """The desktop app cancels by raising from its progress callback: letters made are kept."""
    from contractdesk.errors import Cancelled

    def progress(done, total):
        if done:
            raise Cancelled("Cancelled")

    batch = annual(rotherham, tmp_path / ".", progress=progress, practices=[])
    assert batch.cancelled and len(batch.written) == 25  # one chunk
    assert {entry.file_name for entry in practice_letters(rotherham, batch.written[0][:6])} == {
        batch.written[0]
    }


def test_letters_go_to_the_lead_contact_when_one_is_recorded(rotherham, catalogue, tmp_path):
    from contractdesk.resources import resource_path
    from contractdesk.services.demo import DEMO_FILES
    from contractdesk.services.practice_import import import_practices
    from contractdesk.services.practices import get_practice

    version = get_practice(rotherham, "C87005").version
    update_practice(
        rotherham,
        "C87005",
        version,
        {"lead_contact": "Dr Asha Patel", "lead_contact_role": "Practice Manager"},
    )
    # The ODS file names no contacts: importing it again leaves the recorded one alone.
    import_practices(rotherham, resource_path(*DEMO_FILES["practices"]), ["03L"])
    batch = annual(rotherham, tmp_path, practices=["C87005", "C87017"])
    named = flat(text_of(tmp_path / batch.written[0]))
    assert "Dr Asha Patel Practice Manager ST ANN'S MEDICAL CENTRE" in named
    assert "Dear Dr Asha Patel," in named
    unnamed = flat(text_of(tmp_path / batch.written[1]))
    assert "Dear The Practice Manager," in unnamed

    issued = issue_notice(
        rotherham,
        draft_notice(
            rotherham,
            "C87005",
            kind=NoticeKind.REMEDIAL,
            breach="No same-day slots",
            steps_required="Offer same-day assessment",
            drafted_on=date(2026, 10, 28),
        ).reference,
        given_on=date(2026, 11, 2),
        deadline=date(2026, 11, 30),
    )
    notice_letter = flat(text_of(make_notice_letter(rotherham, issued.reference, tmp_path)))
    assert "Dr Asha Patel Practice Manager ST ANN'S MEDICAL CENTRE" in notice_letter
