# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Never lose a save, part two: two writers on one draft, one hostile file among many, work
that grows too fast, and messages that say what really happened."""

from __future__ import annotations

import email
import errno
import logging
import os
import stat
import subprocess
import sys
import zipfile
from email.policy import default
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from finsam_desktop import cli, drafts
from finsam_desktop.document.errors import ImportFailed
from finsam_desktop.document.export import docx_bytes, export_docx
from finsam_desktop.drafts import DraftUnreadable, DraftWriteError, decode, encode, read_draft
from finsam_desktop.handoff.message import report_message
from finsam_desktop.journal import find_recoveries, journal_path
from finsam_desktop.paths import drafts_dir, drafts_folder, journals_dir, locks_dir
from finsam_desktop.reading.importer import read_docx
from finsam_desktop.sample import sample_report
from finsam_desktop.session import DraftSession
from finsam_desktop.validation import validate
from tests.gavleborg import Draft, Samverkanspart

ROOT = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes, FIFOs and devices")


def test_two_windows_on_one_draft_each_keep_their_own_journal() -> None:
    name, draft = sample_report()
    first = DraftSession.create(drafts_dir(), name, draft)
    second = DraftSession.open(first.path)
    second.draft.analys.systemfel = "Skrivet i det andra fönstret"
    second.write_journal(second.snapshot())
    first.draft.analys.systemfel = "Skrivet i det första"
    snapshot = first.snapshot()
    first.save(snapshot)
    first.mark_saved(snapshot)  # the first window's save throws away its own journal only
    assert journal_path(second.path, second.owner).exists()
    second.close()
    (recovered,) = find_recoveries()
    assert recovered.stored.draft.analys.systemfel == "Skrivet i det andra fönstret"


def test_a_live_windows_journal_is_never_offered_to_another_process() -> None:
    session = DraftSession.create(drafts_dir(), "", Draft())
    session.draft.analys.systemfel = "Pågående arbete"
    session.write_journal(session.snapshot())
    count = [sys.executable, "-c", "from finsam_desktop.journal import find_recoveries; print(len(find_recoveries()))"]
    assert subprocess.run(count, capture_output=True, text=True, cwd=ROOT, check=True).stdout.strip() == "0"
    session.close()
    assert subprocess.run(count, capture_output=True, text=True, cwd=ROOT, check=True).stdout.strip() == "1"


def test_a_draft_already_open_is_brought_to_the_front_not_opened_twice(qtbot: QtBot, tmp_path: Path) -> None:
    from ui.app import Launcher, create_application

    create_application([])
    name, draft = sample_report()
    path = DraftSession.create(drafts_dir(), name, draft).path
    (tmp_path / "genvag").symlink_to(path.parent, target_is_directory=True)
    launcher = Launcher()
    first = launcher.open(DraftSession.open(path))
    qtbot.addWidget(first)
    again = launcher.open(DraftSession.open(tmp_path / "genvag" / path.name))
    assert again is first and launcher.windows == [first]


def test_the_close_dialog_promises_the_text_only_when_the_journal_holds_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_wizard import open_window
    from ui.app import create_application

    create_application([])
    window = open_window(qtbot, DraftSession.create(drafts_dir(), "", Draft()))
    said: list[str] = []

    def refuse(*_args: object) -> None:
        raise DraftWriteError(window.session.path, "Disken är full.")

    def no_room(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "full")

    monkeypatch.setattr(window.session, "save", refuse)
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *args: (said.append(text), QMessageBox.StandardButton.No)[1])
    window.session.draft.analys.systemfel = "Viktigt"
    window.session.changed()
    window.close()
    assert "erbjuds nästa gång du startar programmet" in said[-1] and window.isVisible()
    monkeypatch.setattr(window.session, "write_journal", no_room)
    window.session.discard_journal()
    window.close()
    assert "försvinner om du stänger nu" in said[-1] and window.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    window.close()


@posix_only
def test_a_fifo_or_a_device_named_docx_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "ror.docx"
    os.mkfifo(fifo)
    device = tmp_path / "noll.docx"
    device.symlink_to("/dev/zero")
    for path in (fifo, device):
        with pytest.raises(ImportFailed, match="är ingen vanlig fil"):
            read_docx(path)  # would block, or read forever


def _exported(tmp_path: Path) -> Path:
    name, draft = sample_report()
    path = tmp_path / "rapport.docx"
    export_docx(draft, name, path)
    return path


def _encrypted(source: Path, target: Path) -> Path:
    """The same package with every entry marked as encrypted (legacy zip encryption)."""
    data = bytearray(source.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (found := data.find(signature, start)) >= 0:
            data[found + offset] |= 0x1
            start = found + 4
    target.write_bytes(bytes(data))
    return target


def _repacked(source: Path, target: Path, method: int) -> Path:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", method) as packed:
        for item in original.infolist():
            packed.writestr(item.filename, original.read(item))
    return target


@pytest.mark.parametrize("kind", ["encrypted", "bzip2", "lzma"])
def test_an_encrypted_or_oddly_packed_docx_gets_a_message_and_does_not_stop_a_compilation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    good = _exported(tmp_path)
    folder = tmp_path / "mottagna"
    folder.mkdir()
    bad = folder / "konstig.docx"
    if kind == "encrypted":
        _encrypted(good, bad)
        message = "lösenordsskyddat"
    else:
        _repacked(good, bad, zipfile.ZIP_BZIP2 if kind == "bzip2" else zipfile.ZIP_LZMA)
        message = "packat på ett sätt som Word inte använder"
    with pytest.raises(ImportFailed, match=message):
        read_docx(bad)
    (folder / "bra.docx").write_bytes(good.read_bytes())
    assert cli.main(["compile", str(folder), "-o", str(tmp_path / "s.xlsx")]) == 1
    out = capsys.readouterr().out
    assert "bra.docx: inläst" in out and "konstig.docx: kunde inte läsas: ”konstig.docx” är" in out
    assert (tmp_path / "s.xlsx").stat().st_size > 0


def test_a_run_of_text_without_spaces_exports_and_its_links_are_still_found() -> None:
    name, draft = sample_report()
    draft.analys.systemfel = "x" * 300_000 + " Mejla kontakt@finsamgavleborg.se eller se www.finsamgavleborg.se."
    data, _marked, _removed = docx_bytes(draft, name)
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as package:
        document = package.read("word/document.xml").decode("utf-8")
    assert "kontakt@finsamgavleborg.se</w:t>" in document and document.count("<w:hyperlink") >= 3


def test_validation_of_tens_of_thousands_of_list_rows_finishes() -> None:
    _name, draft = sample_report()
    draft.samverkansparter = [Samverkanspart(organisation="" if index % 2 else f"Part {index}") for index in range(64_000)]
    problems = validate(draft)
    assert sum(problem.message.startswith("Rad ") for problem in problems) == 32_000


def test_a_draft_larger_than_the_app_can_handle_is_refused_with_the_limit_said(tmp_path: Path) -> None:
    path = tmp_path / "stor.json"
    path.write_bytes(b"{" + b" " * (drafts.MAX_DRAFT_BYTES + 10) + b"}")
    with pytest.raises(DraftUnreadable, match=f"högst {drafts.MAX_DRAFT_BYTES // 2**20} MB"):
        read_draft(path)


def test_a_notepad_unicode_draft_opens_and_a_zip_named_json_is_said_to_be_one(tmp_path: Path) -> None:
    name, draft = sample_report()
    text = encode(name, draft).decode("utf-8")
    stored, _ = decode(tmp_path / "u.json", text.encode("utf-16"))
    assert stored.draft == draft
    with pytest.raises(DraftUnreadable, match="är ett Word-dokument eller en packad fil, inte ett utkast"):
        decode(tmp_path / "r.json", _exported(tmp_path).read_bytes())


def test_a_read_only_disk_is_said_to_be_one(monkeypatch: pytest.MonkeyPatch) -> None:
    session = DraftSession.create(drafts_dir(), "", Draft())

    def read_only(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(drafts, "atomic_write", read_only)
    session.draft.analys.systemfel = "Ändrat"
    with pytest.raises(DraftWriteError, match="disken eller mappen är skrivskyddad"):
        session.save(session.snapshot())


def test_a_drafts_folder_deleted_while_the_app_runs_is_made_again_by_the_next_save() -> None:
    import shutil

    session = DraftSession.create(drafts_dir(), "", Draft())
    shutil.rmtree(drafts_folder())
    session.draft.analys.systemfel = "Efter att mappen togs bort"
    session.save(session.snapshot())
    assert read_draft(session.path).draft.analys.systemfel == "Efter att mappen togs bort"


@posix_only
def test_files_and_folders_with_personal_data_are_the_owners_only(tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from ui import settings
    from ui.app import create_application

    create_application([])
    settings.set_profile_value("ansvarig.mobiltelefon", "070-174 06 42")
    assert stat.S_IMODE(os.stat(QSettings().fileName()).st_mode) == 0o600
    for folder in (drafts_dir(), journals_dir(), locks_dir()):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert cli.main(["sample", "-o", str(tmp_path / "s.json")]) == 0
    assert cli.main(["sample", "-o", str(tmp_path / "s.json")]) == 0  # again: the old one kept as a backup
    for path in (tmp_path / "s.json", tmp_path / "s.json.bak"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    from ui.diagnostics import Diagnostics, log_path

    diagnostics = Diagnostics()
    assert not log_path().exists(), "the log file is made at its first record"
    logging.getLogger("finsam").error("ett fel")
    assert stat.S_IMODE(log_path().stat().st_mode) == 0o600
    diagnostics.handler.close()
    logging.getLogger("finsam").removeHandler(diagnostics.handler)


def test_an_encoded_word_typed_in_the_insats_name_stays_text_in_the_subject() -> None:
    _name, draft = sample_report()
    draft.allmant.insatsens_namn = "=?utf-8?b?QmNjOiBhbmdyaXBhcmVAZXhhbXBsZS5zZQ==?="  # "Bcc: angripare@example.se"
    parsed = email.message_from_bytes(report_message(draft, b"PK", "r.docx").as_bytes(), policy=default)
    assert "Bcc" not in str(parsed["Subject"]) and parsed["Bcc"] is None


def test_a_document_with_another_forms_draft_is_read_with_the_form_asked_for(tmp_path: Path) -> None:
    from finsam_desktop.forms.spec import load_form

    variant_name, variant = sample_report("sjobygden-slutrapport")
    export_docx(variant, variant_name, tmp_path / "v.docx")
    with pytest.raises(ImportFailed, match="exporterades med mallen ”sjobygden-slutrapport”"):
        read_docx(tmp_path / "v.docx", load_form("gavleborg-slutrapport"))  # it does not fit the mall asked for
    name, draft = sample_report()
    export_docx(draft, name, tmp_path / "g.docx")
    result = read_docx(tmp_path / "g.docx", load_form("gavleborg-slutrapport"))
    assert result.source == "inbäddat"


def test_an_embedded_draft_of_a_form_not_installed_is_said_so_not_called_damaged(tmp_path: Path) -> None:
    from finsam_desktop.document.docx_writer import write_docx
    from finsam_desktop.document.structure import build_document

    name, draft = sample_report()
    foreign = encode(name, draft).replace(b'"form": "gavleborg-slutrapport"', b'"form": "okand-mall"')
    (tmp_path / "annan.docx").write_bytes(write_docx(build_document(draft), foreign))
    result = read_docx(tmp_path / "annan.docx")
    assert result.source == "text" and type(result.draft).form_id == "gavleborg-slutrapport"
    assert any("gäller mallen ”okand-mall”, som inte finns i programmet" in note for note in result.notes)
    assert not any("skadad" in note for note in result.notes)


def test_a_draft_with_more_rows_than_a_window_can_hold_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    name, draft = sample_report()
    draft.samverkansparter = [Samverkanspart(organisation=f"Part {index}") for index in range(32_000)]
    path = tmp_path / "manga.json"
    path.write_bytes(encode(name, draft))
    before = path.read_bytes()
    with pytest.raises(DraftUnreadable, match=f"en lista med 32 000 rader; programmet öppnar högst {drafts.MAX_LIST_ROWS}"):
        read_draft(path)
    assert path.read_bytes() == before


def test_a_draft_grown_past_the_limit_is_not_saved_into_a_file_that_would_not_open() -> None:
    session = DraftSession.create(drafts_dir(), "", Draft())
    before = session.path.read_bytes()
    session.draft.analys.systemfel = "ord " * (drafts.MAX_DRAFT_BYTES // 4 + 1)
    with pytest.raises(DraftWriteError, match=f"mer än de {drafts.MAX_DRAFT_BYTES // 2**20} MB programmet kan öppna igen"):
        session.save(session.snapshot())
    assert session.path.read_bytes() == before


@posix_only
def test_a_fifo_in_a_folder_of_received_reports_is_listed_not_waited_for(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mottagna"
    folder.mkdir()
    (folder / "bra.docx").write_bytes(_exported(tmp_path).read_bytes())
    os.mkfifo(folder / "ror.docx")
    os.mkfifo(folder / "ror.json")
    assert cli.main(["compile", str(folder), "-o", str(tmp_path / "s.xlsx")]) == 1
    out = capsys.readouterr().out
    assert "ror.docx: kunde inte läsas: ”ror.docx” är ingen vanlig fil" in out
    assert "ror.json: kunde inte läsas: ”ror.json” är ingen vanlig fil" in out and "bra.docx: inläst" in out
