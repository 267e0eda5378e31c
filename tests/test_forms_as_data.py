# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Forms as data: every installed form, and the tiny test form a förbund might hand out,
works end to end with no code of its own: file, validation, Word and back, LibreOffice."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from finsam_desktop import cli
from finsam_desktop.document.export import docx_bytes, export_docx
from finsam_desktop.document.filename import suggested_filename
from finsam_desktop.document.pdf_writer import write_pdf
from finsam_desktop.document.structure import build_document, plain_text, shown_value
from finsam_desktop.drafts import decode, encode
from finsam_desktop.forms.form_file import read_form_file
from finsam_desktop.forms.registry import installed_forms
from finsam_desktop.forms.rules import AtMost, DateOrder, NotFuture, RequiredCase, SumEquals
from finsam_desktop.forms.spec import load_form
from finsam_desktop.forms.values import Values
from finsam_desktop.handoff.message import report_message
from finsam_desktop.model import Report, report_model, row_type
from finsam_desktop.paths import forms_dir
from finsam_desktop.reading.importer import read_docx
from finsam_desktop.roles import role_text
from finsam_desktop.sample import sample_report
from finsam_desktop.validation import validate
from tests import variant_documents as variant
from tests.docx_text import body_lines, open_docx
from tests.drafting import P, at, put
from tests.forms import FORM_IDS, RULE_CASES, TEST_FORM_IDS, TEST_FORMS, filled_draft
from tests.strategies import drafts_of
from tests.test_import import text_compared, without_embedded_draft
from tests.test_libreoffice import pdf_pages, soffice
from tests.test_renderers import pdf_text, qt_lines
from tests.variant_documents import VARIANT_LAYOUTS


def test_the_test_form_in_the_users_forms_folder_is_installed() -> None:
    installed = installed_forms()
    assert set(FORM_IDS) <= set(installed.forms) and installed.broken == []
    assert all(installed.sources[(form_id, installed.newest(form_id).edition)] is not None for form_id in TEST_FORM_IDS)


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_a_complete_report_of_every_form_has_no_problems_and_its_roles(form_id: str) -> None:
    _name, draft = filled_draft(form_id)
    assert type(draft).form_id == form_id
    assert [problem for problem in validate(draft, today=date(2026, 6, 1)) if problem.severity == "fel"] == []
    assert role_text(draft, "name") and role_text(draft, "organisation")


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_any_draft_of_any_form_survives_file_and_word_exactly(tmp_path: Path, form_id: str) -> None:
    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(draft=drafts_of(form_id))
    def round_trip(draft: Report) -> None:
        stored, _migrated = decode(tmp_path / "u.json", encode("Namn", draft))
        assert stored.draft == draft and stored.form == form_id
        path = tmp_path / "r.docx"
        path.unlink(missing_ok=True)
        export_docx(draft, "Namn", path)
        result = read_docx(path)
        assert (result.source, type(result.draft).form_id, result.draft) == ("inbäddat", form_id, draft)
        compared = tmp_path / "jämförd.docx"
        compared.unlink(missing_ok=True)
        read = read_docx(text_compared(path, compared))
        assert (read.draft, read.changed) == (draft, [])

    round_trip()


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_the_visible_text_of_an_export_reads_back_into_every_field(tmp_path: Path, form_id: str) -> None:
    """A copy without the embedded draft is read like a report filled in by hand: the form
    is recognised from its headings, and every field comes back."""
    name, draft = filled_draft(form_id)
    export_docx(draft, name, tmp_path / "r.docx")
    result = read_docx(without_embedded_draft(tmp_path / "r.docx", tmp_path / "utan.docx"))
    assert (result.source, type(result.draft).form_id, result.missing) == ("text", form_id, [])
    assert plain_text(build_document(result.draft)) == plain_text(build_document(draft))


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_libreoffice_renders_every_label_of_every_form(tmp_path: Path, form_id: str) -> None:
    name, draft = filled_draft(form_id)
    export_docx(draft, name, tmp_path / "r.docx")
    pdf = soffice(tmp_path, "pdf", tmp_path / "r.docx")
    assert pdf_pages(pdf)
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(raw.split())  # in reading order, a cell's wrapped lines together
    form = load_form(form_id)
    labels = [section.heading for section in form.sections]
    for path, spec, _section in form.fields():
        if not Values(draft, form).is_shown(path, spec):
            continue  # a question that does not apply to this report is not printed
        labels += spec.document_labels() + [item.label for item in getattr(spec, "items", ())]
        labels += list(getattr(spec, "rows", ())) + ([spec.total] if getattr(spec, "total", "") else [])
    for label in labels:
        assert " ".join(label.split()) in text, label
    assert plain_text(build_document(draft))[0] == form.form.title


def _set_amount(draft: Report, path: str, value: int) -> None:
    """Put an amount in a field, or in the first row of a column (the others emptied)."""
    form = load_form(type(draft).form_id)
    column = form.column(P(path))
    if column is None:
        put(draft, path, str(value))
        return
    table_path, key = column
    rows = at(draft, table_path)
    if not rows:
        rows.append(row_type(draft, table_path)())
    if not form.spec_at(P(path)).has_value:  # a computed column: the row's first number is the value, the others 0
        numbers = [each for each, item in form.spec_at(table_path).children() if item.numeric and item.has_value]
        for index in range(len(rows)):
            for each in numbers:
                put(draft, table_path.row(index).child(each), (str(value) if each == numbers[0] else "0") if index == 0 else "")
        return
    for index in range(len(rows)):
        put(draft, table_path.row(index).joined(key), str(value) if index == 0 else "")


@pytest.mark.parametrize(("form_id", "index"), RULE_CASES)
def test_each_rule_of_each_form_gives_its_message_where_it_belongs(form_id: str, index: int) -> None:
    _name, draft = filled_draft(form_id)
    form = load_form(form_id)
    rule = form.rules[index]
    today = date(2026, 6, 1)
    match rule:
        case DateOrder():
            put(draft, rule.first, "2025-03-01")
            put(draft, rule.then, "2025-02-01")
            expected = rule.message.format(first="2025-03-01", then="2025-02-01")
            where = rule.then
        case NotFuture():
            put(draft, rule.field, "2030-01-01")
            expected = rule.message.format(value="2030-01-01", today="2026-06-01")
            where = rule.field
        case AtMost():
            _set_amount(draft, rule.limit, 1000)
            _set_amount(draft, rule.field, 2000)
            if rule.explained_by:
                put(draft, rule.explained_by, "")
            number = form.spec_at(P(rule.field)).format_number
            expected = rule.message.format(value=number(2000), limit=form.spec_at(P(rule.limit)).format_number(1000))
            where = rule.field
        case SumEquals():
            _set_amount(draft, rule.field, 1000)
            _set_amount(draft, rule.column, 900)
            expected = rule.message.format(
                sum=form.spec_at(P(rule.column)).format_number(900), value=form.spec_at(P(rule.field)).format_number(1000)
            )
            where = rule.column.rpartition(".")[0]
        case RequiredCase():
            _set_amount(draft, rule.left, 1000)
            _set_amount(draft, rule.right, 1000)
            put(draft, rule.equal.field, " \n")
            spec = form.spec_at(P(rule.equal.field))
            expected = rule.case_message.format(number=spec.number, label=spec.label, reason=rule.equal.reason)
            where = rule.equal.field
    assert Values(draft, form).number(P(form.roles.granted)) is not None
    found = [(str(problem.path), problem.severity, problem.message) for problem in validate(draft, today=today)]
    assert (where, rule.severity, expected) in found


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=10**9))
def test_a_cost_tables_sum_is_checked_against_the_granted_amount(budget: int, granted: int) -> None:
    form = load_form("sjobygden-slutrapport")
    draft = report_model(form)()
    put(draft, "insatsen.beviljat_medel", str(granted))
    put(draft, "ekonomi.kostnader[0].utfall", str(budget))
    over = [problem for problem in validate(draft) if str(problem.path) == "ekonomi.kostnader.utfall"]
    assert bool(over) == (budget > granted)


@pytest.mark.parametrize("layout", VARIANT_LAYOUTS, ids=[layout.__name__ for layout in VARIANT_LAYOUTS])
def test_a_report_filled_by_hand_in_the_variants_mall_is_recognised_and_read(
    tmp_path: Path, layout: Callable[[Path], Path]
) -> None:
    result = read_docx(layout(tmp_path / "handifylld.docx"))
    draft = result.draft
    assert (result.source, type(draft).form_id, result.missing) == ("text", "sjobygden-slutrapport", [])
    for path, expected in variant.EXPECTED.items():
        assert shown_value(draft, P(path)) == expected, path
    assert [(row.organisation, row.kontaktperson, row.epost.raw) for row in draft.medlemmar] == variant.MEMBERS
    assert [(row.mal, row.uppnatt, row.resultat) for row in draft.resultat.mal] == variant.GOALS
    labels = load_form("sjobygden-slutrapport").spec_at(P("ekonomi.kostnader")).rows  # type: ignore[attr-defined]
    costs = {label: (row.budget.raw, row.utfall.raw) for label, row in zip(labels, draft.ekonomi.kostnader, strict=True)}
    assert {label: money for label, money in costs.items() if any(money)} == variant.COSTS
    assert [(row.organisation, row.ort_datum, row.namnfortydligande) for row in draft.underskrifter] == variant.SIGNERS
    assert result.notes == (variant.OWN_WORDS_NOTES if layout is variant.variant_in_the_mall_s_own_words else [])
    assert result.imported.note == ""


def test_a_stated_total_that_its_rows_do_not_add_up_to_is_said(tmp_path: Path) -> None:
    path = variant.variant_with_signer_tables(tmp_path / "summa.docx")
    document = docx.Document(str(path))
    cell = next(cell for table in document.tables for row in table.rows for cell in row.cells if cell.text == "327 700")
    cell.text = "330 000"
    document.save(str(path))
    result = read_docx(path)
    assert result.notes == ["6.2: Summa Utfall i dokumentet är 330 000 kr, men raderna blir 327 700 kr. Kontrollera beloppen."]
    assert validate(result.draft) == validate(read_docx(variant.variant_with_signer_tables(tmp_path / "rätt.docx")).draft)


def _broken(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """The test form with one line changed, and the number of that line."""
    text = (TEST_FORMS / "prov-alla.toml").read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path = tmp_path / "trasig.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, line


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('kind = "postort"', 'kind = "tal"', "okänd sort ”tal”"),
        ('key = "ort"\nlabel = "Ort"', 'key = "org"\nlabel = "Ort"', "nyckeln ”a.org” finns två gånger"),
        ('then = "a.period.slut"', 'then = "a.period.slutet"', "regeln date_order har then = ”a.period.slutet”, som inte finns"),
        ('granted = "a.bidrag"\n', "", "”granted” saknas"),
        ('kind = "not_future"', 'kind = "someday"', "okänd regel ”someday”"),
    ],
)
def test_form_check_says_what_is_wrong_and_on_which_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, message: str
) -> None:
    path, line = _broken(tmp_path, old, new)
    code = cli.main(["form-check", str(path)])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert any(text.startswith(f"{path}:") and ": fel: " in text and message in text for text in out), out
    if new:  # the line of the change itself (a key that is missing has no line of its own)
        assert any(text.startswith(f"{path}:{line}: fel: ") and message in text for text in out), out


def test_form_check_passes_every_shipped_form_and_forms_lists_them(capsys: pytest.CaptureFixture[str]) -> None:
    for form_id in FORM_IDS:
        folder = TEST_FORMS if form_id in TEST_FORM_IDS else Path(__file__).resolve().parent.parent / "resources" / "forms"
        assert cli.main(["form-check", str(folder / f"{form_id}.toml")]) == 0
    capsys.readouterr()
    assert cli.main(["forms"]) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [fields[0] for fields in lines] == FORM_IDS and all(len(fields) == 3 for fields in lines)
    assert lines[0][2] == "Samordningsförbund Gävleborg"


def test_a_broken_form_file_is_listed_with_its_problem_and_the_others_still_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, line = _broken(tmp_path, 'kind = "postort"', 'kind = "tal"')
    (forms_dir() / "trasig.toml").write_bytes(path.read_bytes())
    (forms_dir() / "inte-text.toml").write_bytes(b"\xff\xfe\x00")
    installed_forms.cache_clear()
    assert set(FORM_IDS) <= set(installed_forms().forms)
    assert cli.main(["forms"]) == 0
    errors = capsys.readouterr().err
    assert f"trasig.toml: kan inte användas: rad {line}: okänd sort ”tal”" in errors
    assert "inte-text.toml: kan inte användas: rad 1: filen är inte sparad som UTF-8-text" in errors


def test_cli_sample_import_and_export_for_any_form(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["sample", "--form", "sjobygden-slutrapport", "-o", str(tmp_path / "s.json")]) == 0
    assert cli.main(["validate", str(tmp_path / "s.json")]) == 0
    assert cli.main(["export", str(tmp_path / "s.json"), "-o", str(tmp_path / "s.docx")]) == 0
    plain = without_embedded_draft(tmp_path / "s.docx", tmp_path / "plain.docx")
    assert cli.main(["import", str(plain), "--form", "sjobygden-slutrapport", "-o", str(tmp_path / "i.json")]) == 0
    assert cli.main(["import", str(plain), "--form", "finns-inte", "-o", str(tmp_path / "x.json")]) == 2
    assert "Formuläret ”finns-inte” finns inte. Installerade: gavleborg-slutrapport" in capsys.readouterr().err
    imported = read_docx(plain).draft
    assert plain_text(build_document(imported)) == plain_text(build_document(sample_report("sjobygden-slutrapport")[1]))


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_word_print_and_pdf_show_the_same_text_for_every_form(qtbot: QtBot, tmp_path: Path, form_id: str) -> None:
    name, draft = filled_draft(form_id)
    report = build_document(draft)
    word = body_lines(open_docx(docx_bytes(draft, name)[0]))
    assert qt_lines(report) == word == plain_text(report)
    pages = write_pdf(report, tmp_path / "r.pdf")
    drawn = " ".join(" ".join(pdf_text(tmp_path / "r.pdf", layout=False)).split())
    assert pages >= 1 and f"Sida {pages}({pages})" in drawn
    assert all(" ".join(section.heading.split()) in drawn for section in load_form(form_id).sections)


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_the_email_goes_to_the_forms_förbund_with_the_reports_own_words(form_id: str) -> None:
    _name, draft = filled_draft(form_id)
    message = report_message(draft, b"PK", "r.docx")
    form = load_form(form_id)
    assert message["To"] == form.forbund.recipient
    subject = message["Subject"]
    assert all(" ".join(role_text(draft, role).split()) in subject for role in ("name", "organisation"))
    assert suggested_filename(draft).startswith(f"Slutrapport – {role_text(draft, 'name')[:10]}")


@pytest.mark.parametrize(
    "text",
    ["[a]\n" + "b = " + "[" * 100_000 + "]" * 100_000, "x = 1\n" * 10 + "[[" + "a." * 5000 + "b]]", "a = " + "9" * 100_000],
    ids=["nested arrays", "deep tables", "huge number"],
)
def test_a_hostile_form_file_gets_a_message_not_a_crash(tmp_path: Path, text: str) -> None:
    path = tmp_path / "elak.toml"
    path.write_text(text, encoding="utf-8")
    form, problems = read_form_file(path)
    assert form is None and problems and problems[0].message


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_a_report_of_every_form_is_compiled_through_its_roles(tmp_path: Path, form_id: str) -> None:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    from finsam_desktop.compiling.rows import insats_row

    name, draft = filled_draft(form_id)
    export_docx(draft, name, tmp_path / "rapport.docx")
    assert cli.main(["compile", str(tmp_path / "rapport.docx"), "-o", str(tmp_path / "s.xlsx")]) == 0
    sheet = load_workbook(tmp_path / "s.xlsx")["Insatser"]
    header = [cell.value for cell in sheet[1]]
    row = dict(zip(header, [cell.value for cell in sheet[2]], strict=False))
    expected = insats_row(draft, "rapport.docx")
    assert row["Insats"] == expected.name == role_text(draft, "name")
    assert expected.granted is not None and expected.start is not None and expected.organisation
