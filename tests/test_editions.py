# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Editions of a form: every installed edition is known, a draft opens in its own, a new
report gets the newest, a newer edition carries old drafts forward with nothing lost, and a
draft whose edition is not installed opens read-only and can still be exported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from finsam_desktop import cli
from finsam_desktop.drafts import encode, list_drafts, read_draft
from finsam_desktop.forms.registry import edition_order, form_choices, installed_forms
from finsam_desktop.forms.spec import load_form
from finsam_desktop.paths import drafts_dir, forms_dir
from finsam_desktop.sample import sample_report
from finsam_desktop.session import DraftSession
from tests.test_wizard import export_from_review, open_window
from ui.app import Launcher, create_application

ROOT = Path(__file__).resolve().parent.parent
OLD = "2021–2022"
NEW = "2027"


def newer_gavleborg() -> str:
    """Gävleborg's form as a later edition might be: 6.5 renamed, 6.3 gone, and how to carry."""
    text = (ROOT / "resources" / "forms" / "gavleborg-slutrapport.toml").read_text(encoding="utf-8")
    text = text.replace(f'edition = "{OLD}"', f'edition = "{NEW}"')
    text = text.replace('key = "systemfel"', 'key = "hinder"')
    start = text.index('[[sections.fields]]\nkey = "brukarmedverkan"')
    end = text.index("[[sections.fields]]", start + 10)
    text = text[:start] + text[end:]
    carry = f'[[carry]]\nedition = "{OLD}"\nrenamed = {{ "analys.systemfel" = "analys.hinder" }}\ndropped = ["analys.brukarmedverkan"]\n\n'
    return text.replace("[[rules]]", carry + "[[rules]]", 1)


def install_newer() -> None:
    (forms_dir() / "gavleborg-2027.toml").write_text(newer_gavleborg(), encoding="utf-8")
    installed_forms.cache_clear()


def old_draft_file(folder: Path, name: str = "gammal.json") -> Path:
    """A draft written in the first edition, while it was the only one."""
    title, draft = sample_report()
    draft.analys.systemfel = "Regelverket hindrade oss."
    draft.analys.brukarmedverkan = "Deltagarna var med från början."
    path = folder / name
    folder.mkdir(parents=True, exist_ok=True)
    path.write_bytes(encode(title, draft))
    return path


def test_the_edition_order_compares_numbers_as_numbers() -> None:
    assert sorted(["2025", "2021–2022", "2024.2", "2024", "2024.10"], key=edition_order) == [
        "2021–2022", "2024", "2024.2", "2024.10", "2025",
    ]


def test_both_editions_are_known_and_a_new_report_gets_the_newest(tmp_path: Path) -> None:
    install_newer()
    installed = installed_forms()
    assert set(installed.editions["gavleborg-slutrapport"]) == {OLD, NEW} and installed.broken == []
    assert load_form().edition == NEW and load_form(edition=OLD).edition == OLD
    assert [form.edition for form in form_choices() if form.id == "gavleborg-slutrapport"] == [NEW]
    assert cli.main(["new", "-o", str(tmp_path / "ny.json")]) == 0
    stored = json.loads((tmp_path / "ny.json").read_text(encoding="utf-8"))
    assert (stored["form"], stored["edition"]) == ("gavleborg-slutrapport", NEW) and "hinder" in stored["draft"]["analys"]


def test_a_draft_opens_in_the_edition_it_was_written_in() -> None:
    path = old_draft_file(drafts_dir())
    install_newer()
    loaded = read_draft(path)
    assert (type(loaded.draft).edition, loaded.read_only) == (OLD, False)
    assert loaded.draft.analys.systemfel == "Regelverket hindrade oss."
    infos = list_drafts(drafts_dir())
    assert [info.edition for info in infos] == [OLD]


def test_carrying_a_draft_forward_moves_renamed_fields_and_keeps_dropped_text_in_its_note() -> None:
    path = old_draft_file(drafts_dir())
    install_newer()
    session = DraftSession.open(path)
    carried = session.carried_to(load_form())
    assert type(carried.draft).edition == NEW
    assert carried.draft.analys.hinder == "Regelverket hindrade oss."
    assert carried.draft.allmant.model_dump() == session.draft.allmant.model_dump()  # the same place: it comes along
    assert "analys.brukarmedverkan: Deltagarna var med från början. (finns inte längre i mallen)" in carried.imported.note
    snapshot = carried.snapshot()
    carried.save(snapshot)
    assert read_draft(path).draft == carried.draft and path.with_name(path.name + ".utgåva-2021-2022.bak").is_file()


def test_a_draft_of_an_edition_that_is_not_installed_opens_read_only_with_nothing_lost(tmp_path: Path) -> None:
    path = old_draft_file(drafts_dir())
    stored = json.loads(path.read_text(encoding="utf-8"))
    stored["edition"] = "1999"
    stored["draft"]["analys"]["gammal_fraga"] = "Ett svar på en fråga som inte finns längre."
    path.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
    before = path.read_bytes()
    loaded = read_draft(path)
    assert (loaded.read_only, loaded.foreign_edition, type(loaded.draft).edition) == (True, "1999", OLD)
    assert loaded.draft.analys.systemfel == "Regelverket hindrade oss."
    assert "analys.gammal_fraga: Ett svar på en fråga som inte finns längre." in loaded.imported.note
    session = DraftSession.open(path)
    session.changed()
    assert not session.dirty  # nothing is ever written back
    assert cli.main(["export", str(path), "-o", str(tmp_path / "r.docx")]) == 0
    assert path.read_bytes() == before
    assert [info.edition for info in list_drafts(drafts_dir())] == ["1999"]


def test_the_window_shows_a_read_only_draft_and_carries_it_forward_on_request(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_application([])
    path = old_draft_file(drafts_dir())
    stored = json.loads(path.read_text(encoding="utf-8"))
    stored["edition"] = "1999"
    path.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
    before = path.read_bytes()
    launcher = Launcher()
    window = launcher.open(DraftSession.open(path))  # the launcher's: closed and deleted by it
    qtbot.waitExposed(window)
    assert window.notice_bar.isVisible() and "utgåva 1999" in window.notice.text() and "skrivskyddad" in window.notice.text()
    assert "(skrivskyddad)" in window.windowTitle() and not window.pages[0].column.isEnabled()
    assert export_from_review(qtbot, window, monkeypatch, tmp_path / "r.docx") == window.session.draft
    assert path.read_bytes() == before
    assert window.notice_action.text() == f"Flytta över till utgåva {OLD}"
    qtbot.mouseClick(window.notice_action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(launcher.windows) == 1 and launcher.windows[0] is not window)
    carried = launcher.windows[0]
    qtbot.waitUntil(lambda: not carried.session.dirty, timeout=10_000)
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["edition"] == OLD and carried.pages[0].column.isEnabled() and not carried.session.read_only
    assert path.with_name(path.name + ".utgåva-1999.bak").read_bytes() == before  # the file as it was, kept
    carried.close()


def test_the_window_offers_a_newer_installed_edition(qtbot: QtBot) -> None:
    create_application([])
    path = old_draft_file(drafts_dir())
    install_newer()
    window = open_window(qtbot, DraftSession.open(path))
    assert window.notice_bar.isVisible() and f"nyare utgåva av mallen ({NEW})" in window.notice.text()
    assert window.notice_action.text() == f"Flytta över till utgåva {NEW}"


def test_the_drafts_list_names_the_edition_where_several_are_present(qtbot: QtBot) -> None:
    from ui.start_window import StartWindow

    create_application([])
    old_draft_file(drafts_dir(), "gammal.json")
    install_newer()
    title, _draft = sample_report()
    from finsam_desktop.model import report_model

    (drafts_dir() / "ny.json").write_bytes(encode("Ny", report_model(load_form())()))
    start = StartWindow()
    qtbot.addWidget(start)
    start.refresh()
    forbund = {start.recent.topLevelItem(row).text(2) for row in range(start.recent.topLevelItemCount())}
    assert forbund == {f"Samordningsförbund Gävleborg (utgåva {OLD})", f"Samordningsförbund Gävleborg (utgåva {NEW})"}
    assert title


def test_sample_of_a_form_without_an_example_says_so_and_new_works(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["sample", "--form", "prov-alla", "-o", str(tmp_path / "x.json")]) == 1
    assert "Formuläret ”prov-alla” har ingen exempelrapport." in capsys.readouterr().err and not (tmp_path / "x.json").exists()
    assert cli.main(["new", "--form", "prov-alla", "-o", str(tmp_path / "ny.json")]) == 0
    assert type(read_draft(tmp_path / "ny.json").draft).form_id == "prov-alla"
    assert cli.main(["validate", str(tmp_path / "ny.json")]) == 1
