# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Draft files: exact round trips, clear errors for bad files, no silent overwrites."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from finsam_desktop import drafts
from finsam_desktop.drafts import (
    NEW_FILE,
    DraftConflict,
    DraftUnreadable,
    DraftWriteError,
    backup_path,
    list_drafts,
    new_draft_path,
    read_draft,
    write_draft,
)
from finsam_desktop.paths import drafts_dir
from finsam_desktop.sample import sample_report
from tests.conftest import need
from tests.gavleborg import Draft
from tests.strategies import drafts as any_draft

FIXTURES = Path(__file__).parent / "fixtures"


def save_new(path: Path, draft: Draft, name: str = "Rapport") -> drafts.Revision:
    return write_draft(path, name, draft, NEW_FILE)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(draft=any_draft)
def test_any_draft_comes_back_exactly(tmp_path: Path, draft: Draft) -> None:
    path = tmp_path / "utkast.json"
    path.unlink(missing_ok=True)
    save_new(path, draft, name="Åsa 😀\x0b")
    loaded = read_draft(path)
    assert loaded.draft == draft
    assert loaded.name == "Åsa 😀\x0b"


def test_texts_near_the_size_limit_in_several_fields_come_back_exactly(tmp_path: Path) -> None:
    _, draft = sample_report()
    big = ("Stycke med åäö, tabb\t, vertikal tabb\x0b och 😀.\n" * 25_000)[:600_000]
    draft.analys.erfarenheter = big
    draft.resultat.mal[0].resultat = big
    draft.allmant.insatsens_namn = big[:100_000]
    path = tmp_path / "stor.json"
    save_new(path, draft)
    assert read_draft(path).draft == draft
    assert path.stat().st_size > 1_500_000


def test_lone_surrogates_are_kept_and_the_file_stays_valid_utf8(tmp_path: Path) -> None:
    draft = Draft()
    draft.analys.systemfel = "före\ud800efter"
    path = tmp_path / "surrogat.json"
    save_new(path, draft)
    path.read_bytes().decode("utf-8")
    assert read_draft(path).draft.analys.systemfel == "före\ud800efter"


def test_file_holds_format_version_raw_text_and_canonical_values(tmp_path: Path) -> None:
    name, draft = sample_report()
    draft.allmant.beviljade_medel.raw = "480 000 kr."
    path = tmp_path / "exempel.json"
    save_new(path, draft, name)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["schema_version"], data["name"]) == ("finsam-slutrapport-utkast", 4, name)
    assert (data["form"], data["edition"]) == ("gavleborg-slutrapport", "2021–2022")
    assert data["handoffs"] == []
    assert data["draft"]["allmant"]["beviljade_medel"] == {"raw": "480 000 kr.", "value": 480000}
    assert data["draft"]["uppgiftslamnare"]["datum"] == {"raw": "2026-02-10", "value": "2026-02-10"}
    assert "Ockelbo" in path.read_text(encoding="utf-8")  # readable, not escaped


def test_saving_keeps_the_previous_version_as_backup(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    first = Draft()
    first.allmant.insatsens_namn = "Första"
    revision = save_new(path, first)
    assert not backup_path(path).exists()
    second = first.model_copy(deep=True)
    second.allmant.insatsens_namn = "Andra"
    write_draft(path, "Rapport", second, revision)
    assert read_draft(path).draft.allmant.insatsens_namn == "Andra"
    assert read_draft(backup_path(path)).draft.allmant.insatsens_namn == "Första"
    left = {p.name for p in tmp_path.iterdir() if p.is_file()} - {".r.json.lock"}  # the save lock, where the OS keeps it
    assert sorted(left) == ["r.json", "r.json.bak"]


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    save_new(path, Draft())
    window_a, window_b = read_draft(path), read_draft(path)
    mine = Draft()
    mine.analys.erfarenheter = "Fönster A"
    write_draft(path, "Rapport", mine, window_a.revision)
    theirs = Draft()
    theirs.analys.erfarenheter = "Fönster B"
    with pytest.raises(DraftConflict, match="har ändrats av ett annat fönster eller program"):
        write_draft(path, "Rapport", theirs, window_b.revision)
    assert read_draft(path).draft.analys.erfarenheter == "Fönster A"
    with pytest.raises(DraftConflict):
        save_new(path, theirs)  # a new draft never replaces an existing file
    path.unlink()  # deleted by someone: writing it again loses nothing
    write_draft(path, "Rapport", theirs, window_b.revision)
    assert read_draft(path).draft.analys.erfarenheter == "Fönster B"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "är tom"),
        (b"   \n", "är tom"),
        (b"\xff\xfe\x00garbage", "är skadad eller ofullständig"),
        (b'{"format": "finsam-slutrapport-utkast", "schema_version": 1, "dra', "är skadad eller ofullständig"),
        (b'{"name": "something else"}', "är inte ett utkast från Finsam Slutrapport"),
        (b"[1, 2, 3]", "är inte ett utkast från Finsam Slutrapport"),
        (b'{"format": "finsam-slutrapport-utkast", "schema_version": "1"}', "är inte ett utkast"),
        (b'{"format": "finsam-slutrapport-utkast", "schema_version": 99}', "nyare version av programmet"),
        (b'{"format": "finsam-slutrapport-utkast", "schema_version": 2, "draft": {"allmant": 5}}', "inte passar formuläret"),
        (b'{"format": "finsam-slutrapport-utkast", "schema_version": 2, "form": "annat"}', "gäller formuläret ”annat”, som inte finns"),
    ],
)
def test_bad_files_give_a_clear_error_naming_the_file_and_are_left_alone(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "trasig rapport.json"
    path.write_bytes(content)
    with pytest.raises(DraftUnreadable, match=message) as caught:
        read_draft(path)
    assert "”trasig rapport.json”" in str(caught.value)
    with pytest.raises(DraftConflict):
        save_new(path, Draft())
    assert path.read_bytes() == content


def test_a_truncated_real_draft_is_reported_not_half_read(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    save_new(path, sample_report()[1])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DraftUnreadable, match="skadad eller ofullständig"):
        read_draft(path)


def test_missing_file_and_vanished_folder(tmp_path: Path) -> None:
    with pytest.raises(DraftUnreadable, match="finns inte"):
        read_draft(tmp_path / "borta.json")
    with pytest.raises(DraftWriteError, match="Mappen för ”r.json” finns inte längre") as caught:
        save_new(tmp_path / "borttagen mapp" / "r.json", Draft())
    assert caught.value.path.name == "r.json"


DISK_FULL_SCRIPT = """
import json, sys
from pathlib import Path
from finsam_desktop.drafts import NEW_FILE, DraftWriteError, read_draft, write_draft
from finsam_desktop.sample import sample_report
path = Path(sys.argv[1]) / "r.json"
name, draft = sample_report()
revision = write_draft(path, name, draft, NEW_FILE)
before = path.read_bytes()
draft.analys.erfarenheter = "x" * 400_000
try:
    write_draft(path, name, draft, revision)
    message = ""
except DraftWriteError as error:
    message = str(error)
print(json.dumps({
    "message": message,
    "intact": path.read_bytes() == before,
    "files": sorted(p.name for p in path.parent.iterdir()),
}))
"""


def test_disk_full_is_reported_and_the_old_file_survives(tmp_path: Path) -> None:
    """A real full disk: a 256 KiB RAM disk mounted in a private mount namespace."""
    disk = tmp_path / "disk"
    disk.mkdir()
    command = [
        "unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
        'mount -t tmpfs -o size=256k tmpfs "$1" && exec "$2" -c "$3" "$1"',
        "sh", str(disk), sys.executable, DISK_FULL_SCRIPT,
    ]
    probe = subprocess.run([*command[:4], "true"], capture_output=True, check=False) if shutil.which("unshare") else None
    need(probe is not None and probe.returncode == 0, "a private mount namespace (unshare) for a small RAM disk")
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["message"].startswith("Disken är full, så ”r.json” kunde inte sparas.")
    assert outcome["intact"] is True
    assert outcome["files"] == [".r.json.lock", "r.json", "r.json.bak"]  # no half-written temporary file left


def test_a_version_1_file_is_migrated_and_saved_as_the_current_version(tmp_path: Path) -> None:
    """The fixture was written by schema version 1 (before hand-offs were recorded)."""
    fixture = FIXTURES / "utkast-v1.json"
    assert json.loads(fixture.read_text(encoding="utf-8"))["schema_version"] == 1
    loaded = read_draft(fixture)
    assert (loaded.migrated_from, loaded.handoffs) == (1, ())
    assert loaded.draft == sample_report()[1] and loaded.name == "Exempel – Steget före"
    copy = tmp_path / "v1.json"
    copy.write_bytes(fixture.read_bytes())
    write_draft(copy, loaded.name, loaded.draft, read_draft(copy).revision)
    again = json.loads(copy.read_text(encoding="utf-8"))
    assert (again["schema_version"], again["handoffs"], again["imported"]) == (4, [], {"note": "", "office": {}, "source": ""})
    assert read_draft(copy).draft == loaded.draft


@pytest.mark.parametrize("version", [2, 3])
def test_older_files_load_unchanged_and_are_saved_as_version_4_with_their_form(tmp_path: Path, version: int) -> None:
    """The fixtures were written by schema versions 2 (before import records were kept) and
    3 (before the form's edition was recorded): both are Gävleborg's form, edition 2021–2022."""
    fixture = FIXTURES / f"utkast-v{version}.json"
    assert json.loads(fixture.read_text(encoding="utf-8"))["schema_version"] == version
    loaded = read_draft(fixture)
    assert (loaded.migrated_from, loaded.imported.note, loaded.imported.office) == (version, "", {})
    assert loaded.draft == sample_report()[1]
    copy = tmp_path / "old.json"
    copy.write_bytes(fixture.read_bytes())
    write_draft(copy, loaded.name, loaded.draft, read_draft(copy).revision)
    again = json.loads(copy.read_text(encoding="utf-8"))
    assert (again["schema_version"], again["form"], again["edition"]) == (4, "gavleborg-slutrapport", "2021–2022")
    assert read_draft(copy).draft == loaded.draft


def test_migrations_run_in_order_from_older_versions(tmp_path: Path) -> None:
    """The upgrade path itself, with made-up steps 1 → 2 → 3."""
    steps = {
        1: lambda data: {**data, "trail": ["1→2"]},
        2: lambda data: {**data, "trail": [*data["trail"], "2→3"]},
    }
    path = tmp_path / "gammal.json"
    data, old = drafts.migrate({"schema_version": 1}, path, current=3, steps=steps)
    assert (data, old) == ({"schema_version": 3, "trail": ["1→2", "2→3"]}, 1)
    data, old = drafts.migrate({"schema_version": 3}, path, current=3, steps=steps)
    assert (data, old) == ({"schema_version": 3}, None)
    with pytest.raises(DraftUnreadable, match="”gammal.json” är sparad med en nyare version"):
        drafts.migrate({"schema_version": 4}, path, current=3, steps=steps)


def test_listing_shows_every_draft_and_survives_broken_ones() -> None:
    folder = drafts_dir()
    name, sample = sample_report()
    save_new(new_draft_path(folder, name), sample, name)
    started = Draft()
    started.allmant.insatsens_namn = "Påbörjad insats"
    save_new(new_draft_path(folder, "Påbörjad insats"), started, "")
    (folder / "trasig.json").write_bytes(b"{")
    (folder / ".trasig.json.1234.tmp").write_bytes(b"half")
    listed = {info.path.name: info for info in list_drafts(folder, today=date(2026, 3, 1))}
    assert set(listed) == {"exempel-steget-fore.json", "paborjad-insats.json", "trasig.json"}
    assert listed["exempel-steget-fore.json"].completeness == 1.0
    assert listed["exempel-steget-fore.json"].insats.startswith("Steget före")
    assert listed["paborjad-insats.json"].name == "Påbörjad insats"
    assert 0 < listed["paborjad-insats.json"].completeness < 0.1  # type: ignore[operator]
    assert listed["trasig.json"].completeness is None
    assert "”trasig.json” är skadad" in listed["trasig.json"].error


def test_new_draft_paths_are_readable_and_never_taken(tmp_path: Path) -> None:
    first = new_draft_path(tmp_path, "Trisam 2.0 – Hofors")
    assert first.name == "trisam-2-0-hofors.json"
    first.write_text("x")
    assert new_draft_path(tmp_path, "Trisam 2.0 – Hofors").name == "trisam-2-0-hofors-2.json"
    assert new_draft_path(tmp_path, "???").name == "rapport.json"


def test_drafts_are_private_to_their_owner(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    save_new(path, Draft())
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600


def test_backup_stays_whole_after_a_save_cut_off_between_link_and_rename(tmp_path: Path) -> None:
    """A kill can leave the backup as a second name of the current file (the state the
    crash test once found). The next saves must not write through that shared file."""
    path = tmp_path / "r.json"
    first = Draft()
    first.allmant.insatsens_namn = "Första"
    revision = save_new(path, first)
    os.link(path, backup_path(path))  # what the cut-off save left behind
    os.link(path, tmp_path / ".r.json.bak.stale.tmp")
    for name in ["Andra", "Tredje"]:
        draft = Draft()
        draft.allmant.insatsens_namn = name
        revision = write_draft(path, "Rapport", draft, revision)
    assert read_draft(path).draft.allmant.insatsens_namn == "Tredje"
    assert read_draft(backup_path(path)).draft.allmant.insatsens_namn == "Andra"
    assert read_draft(tmp_path / ".r.json.bak.stale.tmp").draft.allmant.insatsens_namn == "Första"
