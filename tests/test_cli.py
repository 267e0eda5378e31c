# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The headless command line: validate, sample, schema."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from finsam_desktop.cli import main
from finsam_desktop.drafts import encode, read_draft
from finsam_desktop.forms.kinds.numbers import KronorEntry
from finsam_desktop.forms.kinds.typed import DateEntry, PhoneEntry, PostnummerEntry
from finsam_desktop.sample import sample_report
from finsam_desktop.schema import draft_schema, schema_file
from tests.conftest import need
from tests.forms import SHIPPED_IDS
from tests.gavleborg import Draft
from tests.mall_documents import mall_in_tables

ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def draft_file(tmp_path: Path, change: Callable[[Draft], None]) -> Path:
    name, draft = sample_report()
    change(draft)
    path = tmp_path / "utkast.json"
    path.write_bytes(encode(name, draft))
    return path


def test_validate_the_sample_prints_nothing_and_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "sample", "-o", str(tmp_path / "exempel.json"))[0] == 0
    assert run(capsys, "validate", str(tmp_path / "exempel.json")) == (0, [], "")


def amounts_left_empty(draft: Draft) -> None:
    draft.allmant.beviljade_medel = KronorEntry()
    draft.allmant.utnyttjade_medel = KronorEntry()
    draft.ekonomi.budget_avvagning = draft.ekonomi.ej_utnyttjade_orsak = ""


def yymmdd_range_in_one_field(draft: Draft) -> None:
    draft.allmant.insatstid.start = DateEntry(raw="211001 - 220131")
    draft.allmant.insatstid.slut = DateEntry()


def short_year_date(draft: Draft) -> None:
    draft.uppgiftslamnare.datum = DateEntry(raw="26-02-15")


def amount_with_kr_dot(draft: Draft) -> None:
    draft.allmant.beviljade_medel = KronorEntry(raw="480 000 kr.")


def postnummer_with_town_and_street_in_postadress(draft: Draft) -> None:
    draft.ansvarig.postnummer = PostnummerEntry(raw="824 30 Hudiksvall")
    draft.ansvarig.postadress = "Storgatan 12"


def landline_as_mobile(draft: Draft) -> None:
    draft.ansvarig.mobiltelefon = PhoneEntry(raw="0290 – 77 17 28")


def template_junk(draft: Draft) -> None:
    draft.allmant.insatsens_namn += "\n\n9000"
    draft.allmant.utnyttjade_medel = KronorEntry(raw="000 0")


def pasted_control_characters(draft: Draft) -> None:
    draft.resultat.arbetssatt = "Stycke ett.\t\x0bStycke två.\x0c"


DEFECTS = [
    (
        amounts_left_empty,
        1,
        [
            "allmant.beviljade_medel: fel: Fyll i Beviljade medel för insatsen, i kronor, till exempel 480 000.",
            "allmant.utnyttjade_medel: fel: Fyll i Utnyttjade medel, i kronor, till exempel 480 000.",
            "ekonomi: fel: Svara på 7.1.1 om medlen är helt utnyttjade, annars på 7.2.1. Fyll i beloppen i "
            "avsnitt 1 så ser du vilken fråga som gäller.",
        ],
    ),
    (
        yymmdd_range_in_one_field,
        1,
        [
            "allmant.insatstid.start: fel: Här står två datum (2021-10-01 och 2022-01-31). Skriv ett datum i varje fält.",
            "allmant.insatstid.slut: fel: Fyll i Slutdatum, till exempel 2025-03-31.",
        ],
    ),
    (short_year_date, 0, ["uppgiftslamnare.datum: varning: Tolkat som 2026-02-15. Skriv det så i fältet om det stämmer."]),
    (amount_with_kr_dot, 0, ["allmant.beviljade_medel: varning: Tolkat som 480 000 kr. Skriv det så i fältet om det stämmer."]),
    (
        postnummer_with_town_and_street_in_postadress,
        0,
        [
            "ansvarig.postnummer: varning: Tolkat som postnummer 824 30. Flytta ”Hudiksvall” till Postadress och "
            "skriv bara postnumret här.",
            "ansvarig.postadress: varning: ”Storgatan 12” ser ut som en gatuadress. Postadress är orten efter "
            "postnumret, till exempel Sandviken.",
        ],
    ),
    (
        landline_as_mobile,
        0,
        [
            "ansvarig.mobiltelefon: varning: 0290-77 17 28 ser ut som ett fast telefonnummer. Fältet gäller "
            "mobiltelefon; skriv ett mobilnummer om det finns."
        ],
    ),
    (
        template_junk,
        1,
        [
            "allmant.insatsens_namn: varning: Raden ”9000” innehåller bara siffror och ser ut att vara en rest från "
            "mallen. Ta bort den om den inte hör till texten.",
            "allmant.insatsens_namn: varning: Insatsens namn ska stå på en rad. Ta bort radbrytningarna.",
            "allmant.utnyttjade_medel: varning: ”000 0” ser ut att vara en rest från mallen. Skriv beloppet, till "
            "exempel 625 000.",
            "allmant.utnyttjade_medel: fel: Fyll i Utnyttjade medel, i kronor, till exempel 480 000.",
        ],
    ),
    (
        pasted_control_characters,
        0,
        [
            "resultat.arbetssatt: varning: Texten innehåller 2 osynliga styrtecken, till exempel från Word eller "
            "Outlook. De tas bort i den exporterade rapporten."
        ],
    ),
]


@pytest.mark.parametrize(("defect", "code", "lines"), DEFECTS, ids=[defect.__name__ for defect, _, _ in DEFECTS])
def test_validate_prints_each_defect_seen_in_real_hand_ins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], defect: Callable[[Draft], None], code: int, lines: list[str]
) -> None:
    assert run(capsys, "validate", str(draft_file(tmp_path, defect))) == (code, lines, "")


def test_validate_a_draft_with_every_defect_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def every_defect(draft: Draft) -> None:
        for defect, _code, _lines in DEFECTS:
            defect(draft)

    code, lines, _ = run(capsys, "validate", str(draft_file(tmp_path, every_defect)))
    assert code == 1
    assert {line.split(":")[0] for line in lines} >= {
        "allmant.insatstid.start", "allmant.beviljade_medel", "ansvarig.postnummer", "ansvarig.mobiltelefon",
        "allmant.insatsens_namn", "resultat.arbetssatt", "uppgiftslamnare.datum", "ekonomi",
    }


@pytest.mark.parametrize(
    ("content", "reason"),
    [(None, "Filen ”saknas.json” finns inte."), (b"{]", "”saknas.json” är skadad eller ofullständig")],
)
def test_validate_an_unreadable_file_exits_2_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, reason: str
) -> None:
    path = tmp_path / "saknas.json"
    if content is not None:
        path.write_bytes(content)
    code, lines, err = run(capsys, "validate", str(path))
    assert (code, lines) == (2, [])
    assert reason in err


def test_sample_writes_a_complete_draft_of_realistic_length(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = run(capsys, "sample", "-o", str(tmp_path / "exempel.json"))
    assert code == 0 and lines == [f"Exempelrapporten är sparad i {tmp_path / 'exempel.json'}"]
    draft = read_draft(tmp_path / "exempel.json").draft
    assert len(draft.samverkansparter) >= 2 and len(draft.resultat.mal) >= 2
    answers = [draft.insatsbeskrivning.syfte_bakgrund, draft.resultat.arbetssatt, draft.analys.erfarenheter]
    assert all(len(answer) > 400 and "\n\n" in answer for answer in answers)


@pytest.mark.parametrize("form_id", SHIPPED_IDS)
def test_the_published_schema_matches_the_model(capsys: pytest.CaptureFixture[str], form_id: str) -> None:
    published = json.loads((ROOT / "resources" / "schema" / schema_file(form_id)).read_text(encoding="utf-8"))
    assert published == draft_schema(form_id), f"run: finsam-desktop schema --form {form_id} -o resources/schema/{schema_file(form_id)}"
    code, lines, _ = run(capsys, "schema", "--form", form_id)
    assert code == 0 and json.loads("\n".join(lines)) == published


def test_the_installed_command_runs(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / ("finsam-desktop.exe" if sys.platform == "win32" else "finsam-desktop")
    need(script.exists(), "the project installed in this environment (python3 dev.py test does it)")
    result = subprocess.run([str(script), "sample", "-o", str(tmp_path / "e.json")], capture_output=True, text=True)
    assert result.returncode == 0
    result = subprocess.run([str(script), "validate", str(tmp_path / "e.json")], capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (0, "")


def test_export_writes_word_and_pdf_and_import_reads_it_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], qtbot: object
) -> None:
    run(capsys, "sample", "-o", str(tmp_path / "exempel.json"))
    code, lines, err = run(
        capsys, "export", str(tmp_path / "exempel.json"), "-o", str(tmp_path / "r.docx"), "--pdf", str(tmp_path / "r.pdf")
    )
    assert (code, err) == (0, "")
    assert lines[0] == f"Rapporten är sparad som {tmp_path / 'r.docx'}"
    assert lines[1].startswith(f"PDF-filen är sparad som {tmp_path / 'r.pdf'} (")
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    code, lines, _ = run(capsys, "import", str(tmp_path / "r.docx"), "-o", str(tmp_path / "tillbaka.json"))
    assert (code, lines) == (0, ["Hela utkastet lästes in från dokumentet.", f"Utkastet är sparat som {tmp_path / 'tillbaka.json'}"])
    assert read_draft(tmp_path / "tillbaka.json").draft == sample_report()[1]


def test_export_of_a_report_with_errors_warns_about_utkast(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = draft_file(tmp_path, amounts_left_empty)
    code, lines, _ = run(capsys, "export", str(path), "-o", str(tmp_path / "r.docx"))
    assert code == 0
    assert lines[1] == "Obs! Rapporten har fel och är märkt UTKAST på varje sida. Rätta felen och exportera igen."


def test_export_of_an_unreadable_draft_exits_1_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "trasig.json").write_text("{")
    code, lines, err = run(capsys, "export", str(tmp_path / "trasig.json"), "-o", str(tmp_path / "r.docx"))
    assert (code, lines) == (1, [])
    assert "”trasig.json” är skadad" in err
    assert not (tmp_path / "r.docx").exists()


def test_import_of_an_old_report_says_what_it_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = mall_in_tables(tmp_path / "gammal.docx")
    code, lines, _ = run(capsys, "import", str(source), "-o", str(tmp_path / "gammal.json"))
    assert code == 0
    assert lines[0].startswith("Hittade: Insatsens namn, Insatstid – åååå-mm-dd, Beviljade medel för insatsen")
    assert read_draft(tmp_path / "gammal.json").draft.ansvarig.organisation == "Hudiksvalls kommun"
    (tmp_path / "protokoll.docx").write_bytes(b"nej")
    code, lines, err = run(capsys, "import", str(tmp_path / "protokoll.docx"), "-o", str(tmp_path / "p.json"))
    assert (code, lines) == (1, []) and "inte ett Word-dokument" in err


def test_a_pdf_into_a_missing_folder_is_not_reported_as_saved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], qtbot: object
) -> None:
    run(capsys, "sample", "-o", str(tmp_path / "exempel.json"))
    missing = tmp_path / "finns-inte" / "r.pdf"
    code, lines, err = run(capsys, "export", str(tmp_path / "exempel.json"), "-o", str(tmp_path / "r.docx"), "--pdf", str(missing))
    assert code == 1
    assert not any("PDF-filen är sparad" in line for line in lines)
    assert err.strip() == "Mappen för ”r.pdf” finns inte. Välj en annan mapp."
    assert not missing.parent.exists()


def test_sample_onto_an_existing_draft_keeps_the_old_one_as_a_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = draft_file(tmp_path, amounts_left_empty)
    before = path.read_bytes()
    code, lines, _ = run(capsys, "sample", "-o", str(path))
    assert code == 0 and lines[0] == f"Den tidigare filen finns kvar som {path}.bak"
    assert (tmp_path / f"{path.name}.bak").read_bytes() == before


def test_exporting_a_draft_onto_itself_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "sample", "-o", str(tmp_path / "d.json"))
    before = (tmp_path / "d.json").read_bytes()
    code, _, err = run(capsys, "export", str(tmp_path / "d.json"), "-o", str(tmp_path / "d.json"))
    assert code == 1 and "”d.json” är utkastet självt" in err
    assert (tmp_path / "d.json").read_bytes() == before


def test_import_prints_the_fields_changed_in_word(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import docx

    from tests.test_word_edits import paragraph_starting, set_text

    run(capsys, "sample", "-o", str(tmp_path / "exempel.json"))
    run(capsys, "export", str(tmp_path / "exempel.json"), "-o", str(tmp_path / "r.docx"))
    doc = docx.Document(str(tmp_path / "r.docx"))
    set_text(paragraph_starting(doc, "452 300 kr"), "600 000 kr")
    doc.save(str(tmp_path / "r.docx"))
    code, lines, _ = run(capsys, "import", str(tmp_path / "r.docx"), "-o", str(tmp_path / "tillbaka.json"))
    assert code == 0
    assert lines[:2] == ["Ändrat i Word sedan exporten: 1. Utnyttjade medel.", "Allt annat lästes in exakt som det exporterades."]
    assert read_draft(tmp_path / "tillbaka.json").draft.allmant.utnyttjade_medel.raw == "600 000 kr"
