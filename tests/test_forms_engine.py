# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The forms engine: one path type, expressions, and the kinds a mall can ask for, each
tried through validation, print and read-back as a reporter's draft uses them."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from finsam_desktop.document.export import export_docx
from finsam_desktop.document.structure import build_document, plain_text
from finsam_desktop.forms.expressions import ExpressionError, evaluate, parse
from finsam_desktop.forms.kinds import KINDS, ProcentSpec
from finsam_desktop.forms.kinds.choice import Selection
from finsam_desktop.forms.paths import FieldPath, InvalidPath
from finsam_desktop.forms.spec import load_form
from finsam_desktop.forms.values import Values
from finsam_desktop.model import report_model
from finsam_desktop.reading.importer import read_docx
from finsam_desktop.validation import validate
from tests.drafting import P, at, put
from tests.forms import filled_draft
from tests.test_import import without_embedded_draft

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 6, 1)

keys = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)
steps = st.lists(st.one_of(keys, st.integers(0, 999)), min_size=1, max_size=6).filter(lambda s: isinstance(s[0], str))


@given(steps)
def test_a_field_path_prints_as_it_parses(parts: list[str | int]) -> None:
    path = FieldPath(tuple(parts))
    assert FieldPath.parse(str(path)) == path
    assert path.without_rows == FieldPath(tuple(step for step in parts if isinstance(step, str)))


@pytest.mark.parametrize("text", ["", "a..b", "A.b", "a b", "a.[1]", "a[x]", "a.b#c", "a" * 600, "ä.b"])
def test_text_that_is_no_field_path_is_refused_in_swedish(text: str) -> None:
    with pytest.raises(InvalidPath, match="fältsökväg"):
        FieldPath.parse(text)


def test_a_path_reads_and_writes_a_draft_and_knows_its_row() -> None:
    _name, draft = filled_draft("gavleborg-slutrapport")
    path = P("resultat.mal[1].resultat")
    assert path.get(draft) == draft.resultat.mal[1].resultat
    path.set(draft, "Nytt resultat")
    assert draft.resultat.mal[1].resultat == "Nytt resultat"
    assert (path.row_path, path.section, path.rows, path.without_rows) == (
        P("resultat.mal[1]"), "resultat", (1,), P("resultat.mal.resultat")
    )
    assert path.is_within(P("resultat.mal")) and not P("resultat.malet").is_within(P("resultat.mal"))
    assert P("resultat.mal[9].mal").find(draft) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a + b * 2", 7),
        ("(a + b) * 2", 10),
        ("a / 0", None),
        ("a - tom", None),  # unknown stays unknown
        ("a > 2 and b = 2", True),
        ("tom = 1 or a = 3", True),
        ("tom = 1 and a = 3", None),
        ("not (a = 3)", False),
        ("svar = 'nej'", True),  # choices compared without regard to case
        ("svar in ('Ja', 'Nej')", True),
        ("sum(rad)", 6),
        ("count(rad)", 3),
        ("filled(tom)", False),
        ("has(val, 'Praktik')", True),
        ("has(val, 'Annat')", True),
        ("-a + 5", 2),
    ],
)
def test_expressions_compute_and_compare_with_unknown_values_unknown(text: str, expected: object) -> None:
    values = {"a": 3, "b": 2, "svar": "Nej", "rad": [1, 2, 3, None], "val": ("Samtal", "Praktik", "Annat: kurs")}
    assert evaluate(parse(text), lambda path: values.get(str(path))) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a +", "väntade ett fält"),
        ("__import__('os')", "okänd funktion ”__import__”"),
        ("open('x')", "okänd funktion ”open”"),
        ("a $ b", "tecknet ”$”"),
        ("(" * 80 + "1" + ")" * 80, "nästlat för djupt"),
        ("-" * 5000 + "1", "för långt"),
        ("sum(a, b)", "sum() tar 1 värde"),
        ("", "tomt"),
    ],
)
def test_an_expression_that_cannot_be_read_is_said_in_swedish_and_never_run(text: str, message: str) -> None:
    with pytest.raises(ExpressionError, match=re.escape(message)):
        parse(text)


def _draft():  # type: ignore[no-untyped-def]
    return report_model(load_form("prov-alla"))()


def test_a_count_prints_without_kronor_and_a_table_of_counts_adds_up_by_row_and_column() -> None:
    draft = _draft()
    for index, (women, men) in enumerate([("4", "3"), ("5", "2"), ("1 200", "")]):
        put(draft, f"d.deltagare[{index}].kvinnor", women)
        put(draft, f"d.deltagare[{index}].man", men)
    put(draft, "d.platser", "12")
    grid = next(block for block in build_document(draft).blocks if getattr(block, "header", ())[:1] == ("Åldersgrupp",))
    assert grid.rows == (("16–29 år", "4", "3", "7"), ("30–49 år", "5", "2", "7"), ("50–64 år", "1 200", "", ""))  # type: ignore[attr-defined]
    assert grid.total == ("Summa", "1 209", "5", "14")  # type: ignore[attr-defined]
    assert grid.numeric == (False, True, True, True)  # type: ignore[attr-defined]
    assert "12 st" in plain_text(build_document(draft))
    assert not any(" kr" in cell for cell in grid.total)  # type: ignore[attr-defined]
    warned = [p.message for p in validate(draft, today=TODAY) if str(p.path) == "d.deltagare.totalt"]
    assert warned == ["Deltagarna (14) är fler än platserna (12 st)."]


@pytest.mark.parametrize(
    ("typed", "problem"),
    [("12,5", ""), ("45 %", ""), ("130", "130 % är mer än 100 %."), ("-3", "kan inte vara negativ"), ("mycket", "går inte att läsa")],
)
def test_a_share_in_per_cent_is_understood_and_checked(typed: str, problem: str) -> None:
    share = ProcentSpec(kind="procent", key="andel", label="Andel")
    found = [p.message for p in share.problems(P("x.andel"), share.from_text(typed), _NoRules())]
    assert any(problem in message for message in found) if problem else found == []


class _NoRules:
    today = TODAY

    def is_required(self, path: FieldPath, spec: object) -> bool:
        return False

    def is_shown(self, path: FieldPath, spec: object) -> bool:
        return True


def test_computed_values_follow_what_is_typed_and_are_never_kept_in_the_draft() -> None:
    draft = _draft()
    put(draft, "a.bidrag", "400 000")
    put(draft, "a.spent", "100 000")
    put(draft, "b.kostnad[0].budget", "300 000")
    put(draft, "b.kostnad[0].utfall", "250 000")
    values = Values(draft, load_form("prov-alla"))
    assert values.printed(P("a.andel")) == "25 %"
    assert values.printed(P("b.kostnad[0].avvikelse")) == "50 000 kr"
    assert values.number(P("b.kostnad.avvikelse")) == 50_000
    assert "andel" not in draft.a.model_dump() and "avvikelse" not in draft.b.kostnad[0].model_dump()
    put(draft, "a.bidrag", "")
    assert values.printed(P("a.andel")) == ""  # unknown, not a wrong number


def test_a_question_shown_only_for_an_answer_is_checked_printed_and_kept_as_the_condition_says() -> None:
    _name, draft = filled_draft("prov-alla")
    put(draft, "d.nojd_varfor", "")
    put(draft, "d.nojd", "Nej")
    assert ("d.nojd_varfor", "fel") in [(str(p.path), p.severity) for p in validate(draft, today=TODAY)]
    put(draft, "d.nojd_varfor", "Lokalen var för liten.")
    assert "Lokalen var för liten." in plain_text(build_document(draft))
    put(draft, "d.nojd", "Ja")
    lines = plain_text(build_document(draft))
    assert "Lokalen var för liten." not in lines and "4.5 Om nej, beskriv varför" not in lines
    assert at(draft, "d.nojd_varfor") == "Lokalen var för liten."  # kept in the draft
    said = [p.message for p in validate(draft, today=TODAY) if str(p.path) == "d.nojd_varfor"]
    assert said == [
        "4.5 Om nej, beskriv varför visas inte i rapporten med de svar du har gett, men det du skrev där finns kvar "
        "i utkastet. Töm fältet om texten inte behövs."
    ]


def test_a_condition_in_a_row_is_the_rows_own() -> None:
    draft = _draft()
    draft.b.mal.extend(type(draft.b).model_fields["mal"].annotation.__args__[0]() for _ in range(2))  # type: ignore[union-attr]
    put(draft, "b.mal[0].text", "Ett mål")
    put(draft, "b.mal[0].klart", "Nej")
    put(draft, "b.mal[1].text", "Ett annat")
    put(draft, "b.mal[1].klart", "Ja")
    problems = [(str(p.path), p.severity) for p in validate(draft, today=TODAY)]
    assert ("b.mal[0].varfor", "fel") in problems and not any(path.startswith("b.mal[1].varfor") for path, _s in problems)


def test_checkboxes_print_as_ticked_boxes_and_read_back(tmp_path: Path) -> None:
    name, draft = filled_draft("prov-alla")
    P("d.insatser").set(draft, Selection(selected=["Praktik", "Samtal"], other="Studiebesök"))
    lines = plain_text(build_document(draft))
    assert [
        line for line in lines if (line[:1] in "☒☐" and "Samtal" in line) or line.endswith(("Praktik", "Utbildning", "Studiebesök"))
    ] == ["☒ Samtal", "☒ Praktik", "☐ Utbildning", "☒ Annat: Studiebesök"]
    export_docx(draft, name, tmp_path / "r.docx")
    read = read_docx(without_embedded_draft(tmp_path / "r.docx", tmp_path / "utan.docx")).draft
    assert at(read, "d.insatser") == Selection(selected=["Samtal", "Praktik"], other="Studiebesök")


@pytest.mark.parametrize(("written", "understood"), [("delvis", "Delvis"), ("Ja, helt", "Ja"), ("NEJ.", "Nej"), ("uppnått", "Ja")])
def test_a_choice_typed_in_other_words_is_understood(written: str, understood: str) -> None:
    spec = load_form().spec_at(P("resultat.mal.uppnatt"))
    assert spec.from_text(written) == understood


def test_the_mall_s_own_note_prints_and_holds_nothing(tmp_path: Path) -> None:
    name, draft = filled_draft("prov-alla")
    lines = plain_text(build_document(draft))
    assert lines[lines.index("Svara på frågorna nedan för varje mål i ansökan.") + 1] == "3.2 Målen"
    assert "info" not in draft.b.model_dump()
    export_docx(draft, name, tmp_path / "r.docx")
    read = read_docx(without_embedded_draft(tmp_path / "r.docx", tmp_path / "utan.docx")).draft
    assert "Svara på frågorna" not in at(read, "b.svar")  # the note is not taken for the answer above it


def test_attachments_are_listed_in_the_report_and_a_missing_one_is_said(tmp_path: Path) -> None:
    from finsam_desktop.forms.kinds.attachments import Attachment
    from finsam_desktop.handoff.attachments import report_files

    kept = tmp_path / "Budget 2025.xlsx"
    kept.write_bytes(b"PK")
    _name, draft = filled_draft("prov-alla")
    draft.bilagor.filer = [Attachment(fil=str(kept)), Attachment(fil=str(tmp_path / "borta.pdf"))]
    lines = plain_text(build_document(draft))
    assert lines[lines.index("6.1 Bifogade filer") + 1 : lines.index("6.1 Bifogade filer") + 3] == ["Budget 2025.xlsx", "borta.pdf"]
    files = report_files(draft)
    assert (files.found, files.missing) == ([kept], [str(tmp_path / "borta.pdf")])
    said = [p.message for p in validate(draft, today=TODAY) if str(p.path).startswith("bilagor.filer")]
    assert said == ["Filen ”borta.pdf” finns inte längre där den låg. Lägg till den igen, annars kommer den inte med när rapporten skickas."]


def test_the_email_carries_the_attachments_and_names_them_in_its_text(tmp_path: Path) -> None:
    import email
    from email.policy import default

    from finsam_desktop.forms.kinds.attachments import Attachment
    from finsam_desktop.handoff.message import report_message

    sheet = tmp_path / "Budget åäö.xlsx"
    sheet.write_bytes(b"PK\x03\x04 kalkyl")
    _name, draft = filled_draft("prov-alla")
    draft.bilagor.filer = [Attachment(fil=str(sheet))]
    parsed = email.message_from_bytes(report_message(draft, b"PK", "r.docx", files=[sheet]).as_bytes(), policy=default)
    parts = {part.get_filename(): part.get_content() for part in parsed.iter_attachments()}  # type: ignore[attr-defined]
    assert parts["Budget åäö.xlsx"] == b"PK\x03\x04 kalkyl" and "r.docx" in parts
    assert "Bilagor:\r\n- Budget åäö.xlsx" in parsed.get_body().get_content()  # type: ignore[union-attr]


SMALL_FORM = """
[form]
id = "liten"
edition = "1"
title = "Liten rapport"
subtitle = "Prov"

[forbund]
name = "Lilla förbundet"
recipient = "kansli@lilla.example"

[roles]
name = "a.namn"
organisation = "a.namn"
contact = "a.namn"
period = "a.period"
granted = "a.bidrag"
used = "a.bidrag"
reporter_date = "a.namn"

[[sections]]
key = "a"
number = "1"
title = "Uppgifter"
layout = "fields"

[[sections.fields]]
key = "namn"
label = "Namn"
kind = "text"

[[sections.fields]]
key = "medarbetare"
label = "Medarbetare i insatsen"
kind = "list"

[[sections.fields.items]]
key = "namn"
label = "Medarbetarens namn"
kind = "text"

[[sections.fields]]
key = "period"
label = "Period"
kind = "daterange"
parts = { start = "Från", slut = "Till" }

[[sections.fields]]
key = "bidrag"
label = "Bidrag"
kind = "kronor"
"""


def install(text: str, name: str) -> None:
    from finsam_desktop.forms.registry import installed_forms
    from finsam_desktop.paths import forms_dir

    (forms_dir() / name).write_text(text, encoding="utf-8")
    installed_forms.cache_clear()


def test_a_list_in_a_section_of_label_rows_keeps_its_label_in_word(tmp_path: Path) -> None:
    from tests.docx_text import body_lines, open_docx

    install(SMALL_FORM, "liten.toml")
    draft = report_model(load_form("liten"))()
    put(draft, "a.namn", "Insatsen")
    draft.a.medarbetare.append(type(draft.a).model_fields["medarbetare"].annotation.__args__[0](namn="Kim"))  # type: ignore[union-attr]
    put(draft, "a.bidrag", "1000")
    export_docx(draft, "", tmp_path / "r.docx")
    lines = body_lines(open_docx(tmp_path / "r.docx"))
    assert lines[lines.index("Medarbetare i insatsen") :][:3] == ["Medarbetare i insatsen", "Medarbetarens namn", "Kim"]
    assert lines.index("Namn") < lines.index("Medarbetare i insatsen") < lines.index("Period")


def test_no_module_outside_the_kinds_asks_which_kind_a_field_is_or_splits_a_path() -> None:
    """The design's own test: a kind's behaviour lives in its kind, a path is one type."""
    asking = re.compile(r"\.kind\s*(==|!=|in\b)|\bkind\s*==\s*\"")
    splitting = re.compile(r"partition\(\"#\"\)|split\(\"\[\"|rpartition\(\"\.\"\)\[0\]|re\.sub\(r\"\\\\\[")
    found = []
    for path in [*(ROOT / "finsam_desktop").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]:
        if "forms/kinds" in path.as_posix():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if asking.search(line) or splitting.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_no_module_names_a_field_or_section_of_a_shipped_form() -> None:
    """A förbund's particulars live in its form file: no code or docstring names its keys."""
    import tomllib

    names: set[str] = set()
    for form_file in (ROOT / "resources" / "forms").glob("*.toml"):
        data = tomllib.loads(form_file.read_text(encoding="utf-8"))
        for section in data["sections"]:
            names |= {f"{section['key']}.{field['key']}" for field in section["fields"]}
    found = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in [*(ROOT / "finsam_desktop").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]
        for name in names
        if name in path.read_text(encoding="utf-8")
    ]
    assert found == []


def test_a_field_path_follows_its_row_when_rows_are_numbered_anew() -> None:
    goals = FieldPath.parse("resultat.mal")
    removed = {1: None, 2: 1, 3: 2}  # goal 2 of 4 removed
    assert FieldPath.parse("resultat.mal[1].mal").renumbered(goals, removed) is None
    assert FieldPath.parse("resultat.mal[3].mal").renumbered(goals, removed) == FieldPath.parse("resultat.mal[2].mal")
    assert FieldPath.parse("resultat.mal[0]").renumbered(goals, removed) == FieldPath.parse("resultat.mal[0]")
    assert FieldPath.parse("resultat.mal.mal").renumbered(goals, removed) == FieldPath.parse("resultat.mal.mal")  # a column
    assert FieldPath.parse("kostnader[1].belopp").renumbered(goals, removed) == FieldPath.parse("kostnader[1].belopp")


def test_every_kind_has_a_swedish_name_for_the_office() -> None:
    shown = [kind.shown_as for kind in KINDS]
    assert all(shown) and len(set(shown)) == len(shown), shown
