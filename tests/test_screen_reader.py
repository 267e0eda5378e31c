# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The accessibility tree as a screen reader (Orca) sees it: the app runs in a real X
window under Xvfb with the AT-SPI bus, and a separate process walks the tree over D-Bus."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from finsam_desktop.drafts import encode
from finsam_desktop.forms.spec import load_form
from finsam_desktop.paths import drafts_dir
from finsam_desktop.sample import sample_report
from finsam_desktop.session import DraftSession
from tests.conftest import need
from tests.drafting import P
from tests.test_wizard import input_of, open_window
from tests.typing import activate, type_text
from ui.app import create_application

ROOT = Path(__file__).resolve().parent.parent
DISPLAY = ":94"
SESSION = """
dbus-update-activation-environment DISPLAY XDG_RUNTIME_DIR HOME
/usr/libexec/at-spi-bus-launcher --launch-immediately --a11y=1 & BUS=$!
for i in $(seq 100); do
  gdbus call --session -d org.freedesktop.DBus -o /org/freedesktop/DBus \\
    -m org.freedesktop.DBus.NameHasOwner org.a11y.Bus 2>/dev/null | grep -q true && break; sleep 0.1
done
QT_QPA_PLATFORM=xcb QT_ACCESSIBILITY=1 QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 "$APP_PYTHON" -m finsam_desktop "$DRAFT" & APP=$!
/usr/bin/python3 -I "$PROBE" Finsam "$@"; STATUS=$?  # -I: not tests/ first on the path (tests/typing.py)
kill $APP $BUS
exit $STATUS
"""


def tree_as_read(tmp_path: Path, draft: Path, *presses: str, leave_empty: str = "") -> list:  # type: ignore[type-arg]
    """The showing nodes at start and after each button pressed through AT-SPI; with
    ``leave_empty``, last what the app announced when that field was emptied and left."""
    tools = ["Xvfb", "xdpyinfo", "dbus-run-session", "gdbus", "/usr/libexec/at-spi-bus-launcher"]
    need(sys.platform.startswith("linux") and all(shutil.which(tool) or Path(tool).exists() for tool in tools),
         "Xvfb, D-Bus and AT-SPI (Debian xvfb x11-utils dbus-daemon libglib2.0-bin at-spi2-core)")
    need(subprocess.run(["/usr/bin/python3", "-c", "import gi; gi.require_version('Atspi', '2.0')"],
                        capture_output=True, check=False).returncode == 0, "python3-gi and gir1.2-atspi-2.0")
    folders = {name: tmp_path / "a11y" / name for name in ("home", "data", "config", "cache", "run", "finsam")}
    for folder in folders.values():
        folder.mkdir(mode=0o700, parents=True)
    env = {key: value for key, value in os.environ.items() if key not in {"QT_QPA_PLATFORM", "DBUS_SESSION_BUS_ADDRESS"}}
    env.update(HOME=str(folders["home"]), XDG_DATA_HOME=str(folders["data"]), XDG_CONFIG_HOME=str(folders["config"]),
               XDG_CACHE_HOME=str(folders["cache"]), XDG_RUNTIME_DIR=str(folders["run"]), DISPLAY=DISPLAY,
               FINSAM_DATA_DIR=str(folders["finsam"]), APP_PYTHON=sys.executable, DRAFT=str(draft),
               PROBE=str(ROOT / "tests" / "atspi_probe.py"))
    server = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while subprocess.run(["xdpyinfo"], env=env, capture_output=True, check=False).returncode and time.monotonic() < deadline:
            time.sleep(0.1)
        arguments = [argument for name in presses for argument in ("--press", name)]
        arguments += ["--leave-empty", leave_empty] if leave_empty else []
        result = subprocess.run(["dbus-run-session", "--", "bash", "-c", SESSION, "session", *arguments],
                                env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    finally:
        server.kill()
        server.wait()
    assert result.returncode == 0, result.stderr[-2000:]
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith(("[", "{"))]


@pytest.mark.slow
def test_a_screen_reader_hears_every_field_its_help_and_each_sections_state(tmp_path: Path) -> None:
    name, draft = sample_report()
    draft.analys.systemfel = ""  # section 6 is not finished
    path = tmp_path / "rapport.json"
    path.write_bytes(encode(name, draft))
    first, fourth = tree_as_read(tmp_path, path, "Nästa →", "Nästa →", "Nästa →")[0::3]
    frames = [node["name"] for node in first if node["role"] == "frame"]
    assert frames == ["Exempel – Steget före – Finsam Slutrapport"]
    sections = [node["name"] for node in first if node["role"] == "list item"]
    form = load_form()
    assert sections[:2] == [f"{form.sections[0].heading}, klar", f"{form.sections[1].heading}, klar"]
    assert sections[5] == f"{form.sections[5].heading}, pågår"
    for tree in (first, fourth):
        inputs = [node for node in tree if node["role"] in {"text", "combo box"} and "editable" in node["states"]]
        labels = {node["name"] for node in tree if node["role"] == "label"}
        assert inputs and all(node["name"] in labels for node in inputs), [node["name"] for node in inputs]
    described = {node["name"]: node["description"] for node in fourth if node["role"] == "text"}
    spec = form.spec_at(P("insatsbeskrivning.malgrupp"))
    assert described[spec.heading] == spec.help


@pytest.mark.slow
def test_a_problem_that_appears_on_leaving_a_field_is_announced(tmp_path: Path) -> None:
    """Orca on the next field would say nothing of it: the app announces it as it appears."""
    name, draft = sample_report()
    path = tmp_path / "rapport.json"
    path.write_bytes(encode(name, draft))
    label = load_form().spec_at(P("allmant.insatsens_namn")).heading
    *_, after, heard = tree_as_read(tmp_path, path, leave_empty=label)
    emptied = next(node for node in after if node["role"] == "text" and node["name"] == label)
    assert str(emptied["description"]).startswith("Fel: "), emptied  # the field says it when reached again
    assert any(said.startswith("Fel: ") for said in heard["announced"]), heard  # and it was said at once


def test_a_problem_under_a_field_is_part_of_what_the_screen_reader_says(qtbot: QtBot) -> None:
    create_application([])
    name, draft = sample_report()
    window = open_window(qtbot, DraftSession.create(drafts_dir(), name, draft))
    activate(qtbot, window)
    window.sidebar.setCurrentRow(1)
    email = input_of(window.pages[1].all_editors()[P("ansvarig.epost")])
    email.setFocus()
    email.selectAll()  # type: ignore[attr-defined]
    type_text(email, "lena.sjoberg.ockelbo.se")
    window.sidebar.setFocus()
    assert email.accessibleDescription().startswith("Fel: En e-postadress har ett @")
    email.setFocus()
    email.selectAll()  # type: ignore[attr-defined]
    type_text(email, "lena.sjoberg@ockelbo.se")
    window.sidebar.setFocus()
    assert email.accessibleDescription() == ""


@pytest.fixture(autouse=True)
def _no_session_bus(monkeypatch: pytest.MonkeyPatch) -> None:
    """The probe's session is its own; the test's environment's bus is never touched."""
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
