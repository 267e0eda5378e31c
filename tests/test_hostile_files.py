# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Odd and hostile files never stop the app: each is refused with a message, the rest work."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from finsam_desktop.drafts import DraftUnreadable, encode, list_drafts, read_draft, remove_leftover_temps
from finsam_desktop.paths import drafts_dir
from finsam_desktop.sample import sample_report
from finsam_desktop.session import DraftSession
from finsam_desktop.validation import FEL, validate
from tests.gavleborg import Draft

ROOT = Path(__file__).resolve().parent.parent


def draft_text(**changes: str) -> str:
    text = encode("", Draft()).decode("utf-8")
    for old, new in changes.items():
        text = text.replace(old, new)
    return text


def hostile_folder(folder: Path) -> None:
    """The files an audit put in the drafts folder, each of which once stopped the app."""
    (folder / "belopp.json").write_text(
        re.sub(r'("beviljade_medel": \{\s*"raw": )""', lambda m: m.group(1) + '"' + "9" * 5000 + '"', draft_text())
    )
    (folder / "djup.json").write_text("[" * 100_000 + "]" * 100_000)
    (folder / "version.json").write_text('{"format": "finsam-slutrapport-utkast", "schema_version": ' + "9" * 5000 + "}")
    (folder / "dubbel.json").write_text(draft_text().replace('"name": ""', '"name": "a", "name": "b"'))
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "rör.json")


def test_every_hostile_file_is_listed_with_its_problem_and_the_rest_work() -> None:
    folder = drafts_dir()
    name, draft = sample_report()
    good = DraftSession.create(folder, name, draft).path
    hostile_folder(folder)
    result: list[object] = []
    lister = threading.Thread(target=lambda: result.append(list_drafts(folder)), daemon=True)
    lister.start()
    lister.join(30)
    assert result, "listing the folder must not hang (a FIFO is never read)"
    listed = {info.path.name: info for info in result[0]}  # type: ignore[attr-defined]
    assert listed[good.name].error == "" and listed[good.name].insats == draft.allmant.insatsens_namn
    assert listed["belopp.json"].error == ""  # readable: the absurd amount is a fel, below
    assert "skadad" in listed["djup.json"].error
    assert "skadad" in listed["version.json"].error
    assert listed["dubbel.json"].error == "Filen ”dubbel.json” har uppgiften ”name” två gånger och kan inte öppnas säkert."
    if hasattr(os, "mkfifo"):
        assert listed["rör.json"].error == "”rör.json” är ingen vanlig fil och kan inte vara ett utkast."


def test_an_absurd_amount_is_a_fel_and_everything_else_still_works() -> None:
    folder = drafts_dir()
    hostile_folder(folder)
    session = DraftSession.open(folder / "belopp.json")
    problems = [p for p in validate(session.draft) if str(p.path) == "allmant.beviljade_medel"]
    assert [p.severity for p in problems] == [FEL]
    assert problems[0].message.startswith("Här står för mycket text (5 000 tecken) för ett belopp.")
    session.changed()
    session.write_journal(session.snapshot())
    session.save(session.snapshot())
    assert read_draft(session.path).draft.allmant.beviljade_medel.raw == "9" * 5000


def test_a_draft_saved_by_notepad_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    name, draft = sample_report()
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + encode(name, draft))
    assert read_draft(path).draft == draft


def test_a_duplicate_key_is_refused_rather_than_silently_losing_text(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    text = draft_text().replace('"systemfel": ""', '"systemfel": "Viktig text", "systemfel": ""')
    path.write_text(text)
    with pytest.raises(DraftUnreadable, match="har uppgiften ”systemfel” två gånger"):
        read_draft(path)


def test_leftover_temporary_files_of_a_killed_save_are_removed(tmp_path: Path) -> None:
    leftover = tmp_path / ".r.json.abc123.tmp"
    leftover.write_bytes(b"{")
    fresh = tmp_path / ".r.json.def456.tmp"
    fresh.write_bytes(b"{")
    os.utime(leftover, (0, 0))
    remove_leftover_temps(tmp_path, older_than=60)
    assert not leftover.exists() and fresh.exists(), "a save under way in another window is left alone"


def test_the_start_screen_opens_with_hostile_files_in_the_folder(qtbot: QtBot) -> None:
    from ui.app import create_application
    from ui.start_window import StartWindow

    create_application([])
    hostile_folder(drafts_dir())
    window = StartWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.listed)
    assert window.recent.topLevelItemCount() == len(list(drafts_dir().glob("*.json")))


@pytest.mark.slow
@pytest.mark.parametrize("how", ["one data folder", "two data folders", "through a linked folder"])
def test_two_processes_saving_one_draft_never_lose_a_reported_save(tmp_path: Path, how: str) -> None:
    """Every save reported done must have started from the file's latest content: two saves
    that started from the same content mean one silently overwrote the other. Two users (two
    data folders) on a shared folder, or one reaching it through a link, share the lock too."""
    path = drafts_dir() / "delad.json"
    path.write_bytes(encode("", Draft()))
    paths, envs = [path, path], [dict(os.environ), dict(os.environ)]
    if how != "one data folder":
        envs[1]["FINSAM_DATA_DIR"] = str(tmp_path / "annan-anvandare")
    if how == "through a linked folder":
        (tmp_path / "genvag").symlink_to(path.parent, target_is_directory=True)
        paths[1] = tmp_path / "genvag" / path.name
    savers = [
        subprocess.Popen([sys.executable, "-m", "tests.concurrent_saver", str(where), tag, "1000"], cwd=ROOT,
                         stdout=subprocess.PIPE, text=True, env=env)
        for where, tag, env in zip(paths, ("A", "B"), envs, strict=True)
    ]
    outputs = [saver.communicate(timeout=240)[0].split("\n") for saver in savers]
    oks = [line.split() for output in outputs for line in output if line.startswith("ok ")]
    conflicts = sum(line == "conflict" for output in outputs for line in output)
    started_from = Counter(before for _, before, _ in oks)
    forks = {before: count for before, count in started_from.items() if count > 1}
    assert not forks, f"{sum(forks.values())} of {len(oks)} reported saves were overwritten without a conflict"
    assert len(oks) + conflicts == 2000
    final = read_draft(path)
    last = {after for _, _, after in oks} - set(started_from)
    assert {final.revision.digest} == last, "the file holds the one save nothing followed"
