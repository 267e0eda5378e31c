# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""form-check catches what would break later, says it in Swedish at its line, and a form
that passes it never makes validation, export, import or compilation crash."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finsam_desktop import cli
from finsam_desktop.compiling.rows import insats_row
from finsam_desktop.document.export import docx_bytes
from finsam_desktop.document.structure import build_document
from finsam_desktop.forms.check import form_problems
from finsam_desktop.forms.form_file import check_form, read_form_file
from finsam_desktop.forms.kinds import KIND_NAMES
from finsam_desktop.forms.registry import installed_forms
from finsam_desktop.forms.spec import FormSpec
from finsam_desktop.model import report_model
from finsam_desktop.reading.importer import read_docx
from finsam_desktop.validation import validate
from tests.forms import TEST_FORMS
from tests.strategies import model_strategy

ENGLISH = re.compile(r"Input should|Illegal|Expected|Invalid|character|Field required|Extra inputs|valid |at line")
PROV = (TEST_FORMS / "prov-alla.toml").read_text(encoding="utf-8")


def changed(old: str, new: str) -> tuple[str, int]:
    assert old in PROV, old
    return PROV.replace(old, new, 1), PROV[: PROV.index(old)].count("\n") + 1


CASES = [
    ('message = "Perioden slutar {then} före start {first}."', 'message = "Perioden slutar {slutet} före start {first}."',
     "regeln date_order: message har {slutet}, som regeln inte fyller i (möjliga: {first}, {then})"),
    ('message = "Datumet {value} är efter {today}."', 'message = "Datumet {value:%Y} är efter {today}."', "skriv bara {value}"),
    ('message = "Datumet {value} är efter {today}."', 'message = "Datumet {value är efter."', "en { eller } för mycket"),
    ('then = "a.period.slut"', 'then = "a.namn"',
     "regeln date_order behöver ett datum i then, men ”a.namn” är av sorten text (möjliga: date)"),
    ('limit = "a.bidrag"', 'limit = "a.org"', "regeln at_most behöver ett tal (kronor, antal eller procent) i limit"),
    ('period = "a.period"', 'period = "a.namn"', "rollen period ska vara ett datumintervall (daterange), men ”a.namn” är av sorten text"),
    ('contact_email = "a.epost"', 'contact_email = "a.namn"', "rollen contact_email ska vara en e-postadress"),
    ('partners = "parter.namn"', 'partners = "a.namn"', "rollen partners ska vara en kolumn i en lista"),
    ('id = "prov-alla"', 'id = "Prov Alla"', "id ”Prov Alla” får bara ha små bokstäver a–z, siffror och bindestreck"),
    ('key = "kontakt"', 'key = "model_config"', "nyckeln ”model_config” är reserverad i programmet"),
    ('key = "kontakt"', 'key = "model_dump"', "nyckeln ”model_dump” är reserverad"),
    ('key = "kontakt"', 'key = "__class__"', "nyckeln ”__class__” får bara ha små bokstäver"),
    ('key = "kontakt"', 'key = "_privat"', "nyckeln ”_privat” får bara ha små bokstäver"),
    ('key = "kontakt"', 'key = "Kon-takt"', "nyckeln ”Kon-takt” får bara ha små bokstäver"),
    ('key = "kontakt"', 'key = ""', "nyckeln ”” får bara ha små bokstäver"),
    ('key = "kontakt"', 'key = "class"', "nyckeln ”class” är reserverad"),
    ('unit = "st"', 'enhet = "st"', "okänd nyckel ”enhet” i sections.fields (möjliga här: key, label, number, help, required"),
    ('mobile = false', 'choices = ["Ja"]', "okänd nyckel ”choices” i sections.fields (möjliga här:"),
    ('title = "Provrapport"', 'title = "Provrapport', "en text innehåller ett tecken som inte får stå där (en radbrytning"),
    ('title = "Provrapport"', 'title = """Provrapport', "en text saknar sitt avslutande citattecken"),
    ('title = "Provrapport"', 'title = "Prov\x01rapport"', "filen är inte giltig TOML: en text innehåller ett tecken som inte får stå där"),
    ('title = "Provrapport"', 'title = "Provrapport"\ntitle = "Igen"', "samma nyckel står två gånger"),
    ('required = true', 'required = "ja"', "ska vara true eller false"),
    ('max_rows = 2', 'max_rows = "två"', "ska vara ett heltal"),
    ('max_rows = 2', 'max_rows = -1', "ska vara minst 0"),
    ('choices = ["Samtal", "Praktik", "Utbildning"]', 'choices = []', "får inte vara tom"),
    ('kind = "postort"', 'kind = "tal"', "okänd sort ”tal” (möjliga: text, lines"),
    ('kind = "not_future"', 'kind = "someday"', "okänd regel ”someday” (möjliga: date_order"),
    ("show_if = \"d.nojd = 'Nej'\"", "show_if = \"d.finns_inte = 'Nej'\"", "show_if i ”d.nojd_varfor” nämner ”d.finns_inte”, som inte finns"),
    ("show_if = \"d.nojd = 'Nej'\"", "show_if = \"d.nojd = \"", "show_if i ”d.nojd_varfor” går inte att läsa: väntade ett fält"),
    ('compute = "kvinnor + man"', 'compute = "kvinnor + totalt"', "compute i ”d.deltagare.totalt” beror av sig självt"),
    ('compute = "budget - utfall"', 'compute = "budget - saknas"', "compute i ”b.kostnad.avvikelse” nämner ”saknas”"),
    ('key = "kvinnor"\nlabel = "Kvinnor"\nkind = "antal"', 'key = "kvinnor"\nlabel = "Kvinnor"\nkind = "flerval"\nchoices = ["A"]',
     "en kolumn i ”d.deltagare” kan inte vara av sorten flerval"),
    ('recipient = "prov@prov.example"', 'recipient = "prov@prov.example?bcc=x@y.se&body=hej"', "ska vara en enda e-postadress"),
    ('recipient = "prov@prov.example"', 'recipient = "prov@prov.example\\r\\nBcc: x@y.se"', "ska vara en enda e-postadress"),
    ('aliases = { Ja = ["helt"] }', 'aliases = { Kanske = ["helt"] }', "”Kanske” i aliases är inget av valen Ja, Nej"),
    ('judged_from = "varfor"', 'judged_from = "klart"', "judged_from i ”b.mal.klart” ska vara en annan kolumn"),
    ('total = "Summa"\n\n[[sections.fields.items]]\nkey = "budget"', 'total = "Summa"\n\n[[sections.fields.items]]\nkey = "budget"',
     ""),  # unchanged: the file is in order
]


@pytest.mark.parametrize(("old", "new", "message"), CASES, ids=[f"{index}" for index in range(len(CASES))])
def test_form_check_says_what_is_wrong_in_swedish_on_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, message: str
) -> None:
    text, _line = changed(old, new)
    path = tmp_path / "mall.toml"
    path.write_text(text, encoding="utf-8")
    code = cli.main(["form-check", str(path)])
    out = capsys.readouterr().out
    if not message:
        assert (code, out) == (0, f"{path}: formuläret är i ordning\n")
        return
    assert code == 1, out
    lines = out.splitlines()
    assert all(re.match(rf"{re.escape(str(path))}:[0-9]+(:[0-9]+)?: fel: ", line) for line in lines), lines
    assert any(message in line for line in lines), lines
    assert not ENGLISH.search(out), out


def test_a_problem_stands_at_the_line_of_what_is_wrong() -> None:
    text, line = changed('then = "a.period.slut"', 'then = "a.namn"')
    _form, problems = check_form(text)
    assert [problem.line for problem in problems] == [line]
    text, line = changed('title = "Provrapport"', 'title = "Provrapport"\nfel rad')
    _form, problems = check_form(text)
    assert problems[0].line == line + 1 and problems[0].column > 0


def test_a_fifo_in_the_forms_folder_is_refused_without_reading_it(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    fifo = tmp_path / "ror.toml"
    os.mkfifo(fifo)
    form, problems = read_form_file(fifo)  # would block forever if it were opened
    assert form is None and problems[0].message == "det är ingen vanlig fil och kan inte vara ett formulär"


# --- any form that passes form-check works -------------------------------------------------------

KEYS = [f"f{index}" for index in range(40)]
LEAF_KINDS = ["text", "lines", "answer", "date", "kronor", "antal", "procent", "phone", "email", "postnummer", "postort", "choice"]


@st.composite
def leaf(draw: Any, key: str, in_row: bool, siblings: list[dict[str, Any]]) -> dict[str, Any]:
    kind = draw(st.sampled_from(LEAF_KINDS if in_row else [*LEAF_KINDS, "daterange", "flerval", "anteckning", "bilagor"]))
    spec: dict[str, Any] = {"key": key, "label": draw(st.sampled_from(["Fråga", "Belopp åäö", "Datum", "Svar"])) + key, "kind": kind}
    spec["required"] = draw(st.booleans())
    if kind in {"choice", "flerval"}:
        spec["choices"] = draw(st.lists(st.sampled_from(["Ja", "Nej", "Delvis", "Annat"]), min_size=1, max_size=3, unique=True))
    if kind == "flerval" and draw(st.booleans()):
        spec["other"] = "Övrigt"
    if kind == "daterange":
        spec["parts"] = {"start": "Från", "slut": "Till"}
    if kind == "anteckning":
        spec = {"key": key, "kind": kind, "text": "Mallens egen text."}
    numbers = [each["key"] for each in siblings if each["kind"] in {"kronor", "antal"} and "compute" not in each]
    if kind in {"kronor", "antal"} and numbers and draw(st.booleans()):
        spec["compute"] = " + ".join(draw(st.lists(st.sampled_from(numbers), min_size=1, max_size=3)))
    choices = [each for each in siblings if each["kind"] == "choice"]
    if choices and kind != "anteckning" and draw(st.booleans()):
        target = draw(st.sampled_from(choices))
        spec["show_if"] = f"{target['key']} = '{target['choices'][0]}'"
    return spec


@st.composite
def forms(draw: Any) -> dict[str, Any]:
    keys = iter(KEYS)
    base = [
        {"key": "namn", "label": "Namn", "kind": "text", "required": True},
        {"key": "period", "label": "Period", "kind": "daterange", "parts": {"start": "Från", "slut": "Till"}},
        {"key": "bidrag", "label": "Bidrag", "kind": "kronor"},
        {"key": "datum", "label": "Datum", "kind": "date"},
    ]
    sections = [{"key": "a", "number": "1", "title": "Grund", "layout": draw(st.sampled_from(["fields", "questions"])), "fields": base}]
    for number in range(2, draw(st.integers(2, 4)) + 1):
        fields: list[dict[str, Any]] = []
        for _index in range(draw(st.integers(1, 4))):
            if draw(st.integers(0, 4)) == 0:
                items: list[dict[str, Any]] = []
                for _item in range(draw(st.integers(1, 3))):
                    items.append(draw(leaf(next(keys), True, items)))
                rows = {"key": next(keys), "label": "Rader", "items": items}
                if draw(st.booleans()):
                    rows.update(kind="table", rows=["Rad ett", "Rad två"])
                else:
                    rows.update(kind="list", layout=draw(st.sampled_from(["", "table", "signatures"])), item_label="Rad")
                if any(item["kind"] in {"kronor", "antal"} for item in items) and draw(st.booleans()):
                    rows["total"] = "Summa"
                fields.append(rows)
            else:
                fields.append(draw(leaf(next(keys), False, fields)))
        sections.append({"key": f"s{number}", "number": str(number), "title": f"Avsnitt {number}", "fields": fields})
    rules = [
        {"kind": "date_order", "first": "a.period.start", "then": "a.period.slut", "message": "Fel ordning {first} {then}."},
        {"kind": "not_future", "field": "a.datum", "message": "{value} efter {today}."},
        {"kind": "at_most", "field": "a.bidrag", "limit": "a.bidrag", "message": "{value} över {limit}."},
    ]
    return {
        "form": {"id": "slump", "edition": "1", "title": "Slumpad", "subtitle": "Prov"},
        "forbund": {"name": "Slumpförbundet", "recipient": "kansli@slump.example"},
        "front_sections": draw(st.integers(0, 2)),
        "roles": {"name": "a.namn", "organisation": "a.namn", "contact": "a.namn", "period": "a.period",
                  "granted": "a.bidrag", "used": "a.bidrag", "reporter_date": "a.datum"},
        "rules": draw(st.lists(st.sampled_from(rules), max_size=3, unique_by=lambda rule: rule["kind"])),
        "sections": sections,
    }


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=forms(), choices=st.data())
def test_any_form_that_passes_form_check_never_crashes_validation_export_import_or_compile(
    tmp_path: Path, data: dict[str, Any], choices: st.DataObject
) -> None:
    form = FormSpec.model_validate(data)
    problems = list(form_problems(form))
    if problems:  # the generator may make a form form-check refuses: then it must say so, not crash later
        assert all(isinstance(message, str) and message for _where, message in problems)
        return
    installed = installed_forms()
    installed.editions["slump"] = {"1": form}
    try:
        model = report_model(form)
        draft = choices.draw(model_strategy(model))
        validate(draft)
        build_document(draft)
        data_bytes, _marked, _removed = docx_bytes(draft, "Slump")
        (tmp_path / "slump.docx").write_bytes(data_bytes)
        assert read_docx(tmp_path / "slump.docx").draft == draft
        insats_row(draft, "slump.docx")
    finally:
        del installed.editions["slump"]
        from finsam_desktop import model as model_module

        model_module._MODELS.pop(("slump", "1"), None)


def test_every_kind_is_in_the_documentation() -> None:
    text = (Path(__file__).resolve().parent.parent / "docs" / "forms.md").read_text(encoding="utf-8")
    assert all(f"| `{kind}` |" in text for kind in KIND_NAMES)
