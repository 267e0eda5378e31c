# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""A form file from a förbund's blank Word mall: four malls of different make become form
files that pass form-check, and an empty report in each shows every heading, question and
label of its mall."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from finsam_desktop import cli
from finsam_desktop.document.structure import build_document, plain_text
from finsam_desktop.forms.registry import installed_forms
from finsam_desktop.forms.spec import load_form
from finsam_desktop.model import report_model
from finsam_desktop.paths import forms_dir
from finsam_desktop.reading.matching import norm
from tests import variant_documents as variant
from tests.blank_malls import MALLS
from tests.dialogs import enter_on_next_message
from tests.variant_documents import VARIANT_LAYOUTS


@pytest.mark.parametrize("maker", MALLS, ids=[maker.__name__ for maker in MALLS])
def test_a_malls_form_file_passes_form_check_and_shows_every_word_of_the_mall(
    tmp_path: Path, maker: Callable[[Path], list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    shown = maker(tmp_path / "mall.docx")
    target = forms_dir() / "härledd.toml"
    form_id = f"prov-{maker.__name__.replace('_', '-')}"  # a draft model is made once per id and edition
    code = cli.main(
        [
            "form-from-docx",
            str(tmp_path / "mall.docx"),
            "-o",
            str(target),
            "--id",
            form_id,
            "--forbund",
            "Samordningsförbundet Prov",
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert cli.main(["form-check", str(target)]) == 0
    assert "formuläret är i ordning" in capsys.readouterr().out
    installed_forms.cache_clear()
    form = load_form(form_id)
    text = norm("\n".join(plain_text(build_document(report_model(form)()))))
    missing = [words for words in shown if norm(words) not in text]
    assert missing == []


def test_guesses_are_said_beside_their_lines(tmp_path: Path) -> None:
    from finsam_desktop.from_mall.mall_form import form_from_docx
    from tests.blank_malls import variant_mall

    variant_mall(tmp_path / "mall.docx")
    text, form = form_from_docx(tmp_path / "mall.docx", forbund="Samordningsförbundet Sjöbygden")
    assert form.id == "sjobygden-slutrapport"
    assert 'label = "Tidsperiod (åååå-mm-dd)"' in text and 'kind = "daterange"' in text
    assert "# gissat: 4 likadana block i mallen: en lista med högst 4 rader" in text
    signers = next(spec for _path, spec, _section in form.fields() if spec.label == "Underskrifter")
    assert [item.label for item in signers.items] == ["Organisation", "Ort och datum", "Namnförtydligande"]  # type: ignore[attr-defined]
    costs = next(spec for _path, spec, _section in form.fields() if spec.label == "Kostnader per kostnadsslag (kr)")
    assert (costs.rows[0], costs.total) == ("Aktiviteter", "Summa")  # type: ignore[attr-defined]


def test_a_document_without_numbered_sections_is_refused_in_swedish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Bara en rad text.")
    document.save(str(tmp_path / "tom.docx"))
    assert cli.main(["form-from-docx", str(tmp_path / "tom.docx"), "-o", str(tmp_path / "f.toml")]) == 1
    assert "har inga numrerade avsnitt" in capsys.readouterr().err
    assert not (tmp_path / "f.toml").exists()


def test_the_office_makes_a_form_from_its_mall_in_the_window(tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    from finsam_desktop.forms.registry import form_choices
    from tests.blank_malls import lettered_mall
    from tests.typing import type_text
    from ui.mall_form_window import MallFormWindow

    lettered_mall(tmp_path / "mall.docx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(tmp_path / "mall.docx"), ""))
    window = MallFormWindow()
    qtbot.addWidget(window)
    window.show()
    assert not window.save_button.isEnabled()
    qtbot.mouseClick(window.choose_button, Qt.MouseButton.LeftButton)
    assert window.pages.topLevelItemCount() == 4
    assert [window.pages.topLevelItem(0).child(index).text(0) for index in range(2)] == ["Namn på insatsen", "Period"]
    assert [window.pages.topLevelItem(0).child(index).text(1) for index in range(2)] == ["Kort text", "Tidsperiod"]
    assert window.pages.headerItem().text(1) == "Typ av fält"
    assert "B.1 Vad har insatsen gjort under perioden?" in window.document.toPlainText()
    window.forbund.setFocus()
    type_text(window.forbund, "Samordningsförbundet Älvdalen")
    assert window.form_id.text() == "alvdalen-slutrapport"
    said: list[str] = []
    enter_on_next_message(qtbot, said)
    qtbot.keyClick(window.forbund, Qt.Key.Key_Return)  # Enter saves, as the default button
    qtbot.waitUntil(lambda: bool(said))
    assert (forms_dir() / "alvdalen-slutrapport.toml").is_file()
    assert said[0].startswith("Formuläret ”alvdalen-slutrapport” är sparat som ")
    assert "alvdalen-slutrapport" in [form.id for form in form_choices()]
    assert load_form("alvdalen-slutrapport").forbund.name == "Samordningsförbundet Älvdalen"


@pytest.mark.parametrize("layout", VARIANT_LAYOUTS, ids=[layout.__name__ for layout in VARIANT_LAYOUTS])
def test_reports_filled_by_hand_in_a_mall_are_read_with_the_form_made_from_it(tmp_path: Path, layout) -> None:  # type: ignore[no-untyped-def]
    from finsam_desktop.from_mall.mall_form import form_from_docx, install_form
    from finsam_desktop.reading.importer import read_docx
    from finsam_desktop.roles import role_text
    from tests.blank_malls import variant_mall

    variant_mall(tmp_path / "mall.docx")
    text, form = form_from_docx(tmp_path / "mall.docx", "harledd-variant", "Sjöbygden")
    install_form(text, form.id)
    result = read_docx(layout(tmp_path / "handifylld.docx"), form=load_form("harledd-variant"))
    assert (result.missing, result.imported.note) == ([], "")
    assert role_text(result.draft, "name") == variant.EXPECTED["insatsen.insatsens_namn"]
    assert role_text(result.draft, "organisation") == variant.MEMBERS[0][0]
    goals = next(path for path, spec, _section in form.fields() if spec.label == "Mål och utfall")
    rows = [list(row.model_dump().values()) for row in goals.get(result.draft)]
    assert [row[1] for row in rows] == [reached for _goal, reached, _outcome in variant.GOALS]


def test_a_form_is_never_saved_over_an_installed_one_or_an_existing_file(tmp_path: Path) -> None:
    from finsam_desktop.document.errors import ImportFailed
    from finsam_desktop.from_mall.mall_form import form_from_docx, install_form
    from tests.blank_malls import gavleborg_mall

    gavleborg_mall(tmp_path / "mall.docx")
    text, form = form_from_docx(tmp_path / "mall.docx", "gavleborg-slutrapport", "Samordningsförbund Gävleborg")
    with pytest.raises(ImportFailed, match="Det finns redan ett formulär med id ”gavleborg-slutrapport”"):
        install_form(text, form.id)
    assert not (forms_dir() / "gavleborg-slutrapport.toml").exists()
    text, form = form_from_docx(tmp_path / "mall.docx", "mitt-forbund", "Mitt förbund")
    saved = install_form(text, form.id)
    saved.write_text(saved.read_text(encoding="utf-8") + "# rättat för hand\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="finns redan"):
        install_form(text, form.id)
    assert saved.read_text(encoding="utf-8").endswith("# rättat för hand\n")
