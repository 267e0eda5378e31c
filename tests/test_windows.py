# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Windows cases, run under Windows Python by the Windows lane (``python3 dev.py wintest``):
a draft held open by another program, names Windows reserves, long paths, names that differ
only in case, a data folder under a user name with å, ä and ö, the keyring, Simple MAPI up to
its call, and the command line's round trip."""

from __future__ import annotations

import ctypes
import os
import threading
from pathlib import Path

import pytest

from finsam_desktop import cli
from finsam_desktop.document.export import ExportError, export_docx
from finsam_desktop.drafts import NEW_FILE, DraftWriteError, new_draft_path, read_draft, revision_of, write_draft
from finsam_desktop.handoff import mail_program, passwords
from finsam_desktop.model import Report
from finsam_desktop.paths import drafts_dir
from finsam_desktop.reading.importer import read_docx
from finsam_desktop.sample import sample_report


def saved(path: Path) -> Report:
    name, draft = sample_report()
    write_draft(path, name, draft, NEW_FILE)
    return draft


def test_a_draft_another_program_holds_open_is_saved_once_it_lets_go(tmp_path: Path) -> None:
    path = tmp_path / "utkast.json"
    draft = saved(path)
    holder = path.open("rb")  # as Word or a virus scanner holds it: Windows refuses to replace it
    threading.Timer(0.3, holder.close).start()
    changed = draft.model_copy(deep=True)
    changed.allmant.insatsens_namn = "Efter att filen släpptes"
    write_draft(path, "Namn", changed, revision_of(path.read_bytes()))
    assert read_draft(path).draft.allmant.insatsens_namn == "Efter att filen släpptes"


def test_a_draft_held_open_for_good_gets_a_swedish_message_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "utkast.json"
    draft = saved(path)
    before = path.read_bytes()
    changed = draft.model_copy(deep=True)
    changed.allmant.insatsens_namn = "Kommer inte med"
    with path.open("rb"), pytest.raises(DraftWriteError) as refused:
        write_draft(path, "Namn", changed, revision_of(before))
    assert "låst av ett annat program" in str(refused.value)
    assert path.read_bytes() == before
    assert [each.name for each in tmp_path.iterdir() if each.name.endswith(".tmp")] == []


@pytest.mark.parametrize("name", ["CON.docx", "nul.docx", "COM1.docx", "Lpt9.docx", "rapport.docx.", "rapport.docx "])
def test_names_windows_reserves_or_changes_are_refused_in_swedish(tmp_path: Path, name: str) -> None:
    report_name, draft = sample_report()
    with pytest.raises(ExportError) as refused:
        export_docx(draft, report_name, tmp_path / name)
    assert "Välj ett annat namn" in str(refused.value)
    assert [each.name for each in tmp_path.iterdir() if ".docx" in each.name] == []


def test_a_path_longer_than_260_characters_works_or_is_said(tmp_path: Path) -> None:
    folder = tmp_path
    while len(str(folder)) < 300:
        folder = folder / "Mottagna rapporter från förbundets medlemmar"
    try:
        folder.mkdir(parents=True)
    except OSError:
        pytest.skip("this Windows does not allow long paths (LongPathsEnabled is off)")
    name, draft = sample_report()
    target = folder / "Slutrapport.docx"
    try:
        export_docx(draft, name, target)
    except ExportError as error:
        assert "kunde inte sparas" in str(error) or "finns inte" in str(error)
        return
    assert read_docx(target).draft == draft


def test_a_new_draft_never_takes_a_name_that_differs_only_in_case(tmp_path: Path) -> None:
    (tmp_path / "Trisam-2-0.json").write_text("{}", encoding="utf-8")  # copied in from elsewhere
    chosen = new_draft_path(tmp_path, "Trisam 2.0")
    assert chosen.name.lower() not in {each.name.lower() for each in tmp_path.iterdir()}


def test_drafts_and_exports_under_a_user_name_with_swedish_letters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    local = tmp_path / "Users" / "Åsa Öberg-Ärlig" / "AppData" / "Local"
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.setenv("FINSAM_DATA_DIR", str(local / "Finsam Slutrapport"))
    path = drafts_dir() / "rapport.json"
    draft = saved(path)
    assert read_draft(path).draft == draft and str(path).startswith(str(local))
    name, _draft = sample_report()
    export_docx(draft, name, local / "Slutrapport – Åsa.docx")
    assert read_docx(local / "Slutrapport – Åsa.docx").draft == draft


def test_without_an_override_the_data_folder_is_the_users_local_app_data(monkeypatch: pytest.MonkeyPatch) -> None:
    from finsam_desktop import paths

    monkeypatch.delenv("FINSAM_DATA_DIR")
    folder = paths._data_root()
    assert folder.is_absolute() and folder.name == "Finsam Slutrapport" and folder.parent.name.lower() == "local"


def test_the_keyring_keeps_a_password_or_says_in_swedish_that_it_cannot() -> None:
    try:
        passwords.store_password("kontakt@example.se", "smtp.example.se", "hemligt åäö")
        assert passwords.stored_password("kontakt@example.se", "smtp.example.se") == "hemligt åäö"
    except passwords.NoKeyring as error:
        assert "lösenord" in str(error).lower()


def test_simple_mapi_gets_a_message_with_the_report_and_its_attachments(tmp_path: Path) -> None:
    report = tmp_path / "Slutrapport – Steget före.docx"
    report.write_bytes(b"docx")
    message = mail_program.mapi_message("kontakt@finsamgavleborg.se", "Slutrapport", "Hej!", [report])
    assert (message.lpszSubject, message.lpszNoteText, message.nRecipCount, message.nFileCount) == ("Slutrapport", "Hej!", 1, 1)
    assert message.lpRecips.contents.lpszAddress == "SMTP:kontakt@finsamgavleborg.se"
    assert message.lpFiles[0].lpszPathName == str(report) and message.lpFiles[0].lpszFileName == report.name
    assert ctypes.sizeof(mail_program._Message) == 96  # the layout MAPISendMailW expects on 64-bit Windows
    assert mail_program.mapi_client_registered() in (True, False)  # the registry answers, whatever it holds


def test_the_command_line_round_trip_sample_export_import_and_compile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "rapporter"
    folder.mkdir()
    draft_path, document, back = folder / "exempel.json", folder / "Slutrapport.docx", folder / "tillbaka.json"
    assert cli.main(["sample", "-o", str(draft_path)]) == 0
    assert cli.main(["export", str(draft_path), "-o", str(document)]) == 0
    assert cli.main(["import", str(document), "-o", str(back)]) == 0
    assert read_draft(back).draft == read_draft(draft_path).draft
    assert cli.main(["compile", str(folder), "-o", str(tmp_path / "Utfall.xlsx")]) == 0
    assert (tmp_path / "Utfall.xlsx").stat().st_size > 0
    assert "Sammanställningen är sparad som" in capsys.readouterr().out
    assert os.name == "nt"
