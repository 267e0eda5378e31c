#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Run by the screen-reader test with Debian's Python (which has ``gi``), in a session with
the AT-SPI bus: the app's showing nodes as a screen reader sees them, as JSON lines.

usage: atspi_probe.py APP_NAME [--press NAME]... [--leave-empty NAME]
(each press, then the tree again; then the field NAME emptied with real keys and left with
Tab, and what the app announced meanwhile, as {"announced": [...]})"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

LISTEN_SECONDS = 3


def find_app(name: str, timeout: float = 30.0):  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        desktop = Atspi.get_desktop(0)
        for index in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(index)
            if app is not None and name.lower() in (app.get_name() or "").lower() and app.get_child_count():
                return app
        time.sleep(0.2)
    sys.exit(f"no app named {name!r} on the AT-SPI desktop")


def showing(node, depth: int = 0):  # type: ignore[no-untyped-def]
    states = node.get_state_set()
    if depth > 1 and not states.contains(Atspi.StateType.SHOWING):
        return  # another page of the wizard
    yield {
        "role": node.get_role_name(),
        "name": node.get_name() or "",
        "description": node.get_description() or "",
        "states": [state.value_nick for state in states.get_states()],
        "depth": depth,
    }
    for index in range(node.get_child_count()):
        child = node.get_child_at_index(index)
        if child is not None:
            yield from showing(child, depth + 1)


def press(app, name: str) -> None:  # type: ignore[no-untyped-def]
    def find(node):  # type: ignore[no-untyped-def]
        if node.get_name() == name and "Action" in node.get_interfaces() and node.get_state_set().contains(Atspi.StateType.SHOWING):
            return node
        for index in range(node.get_child_count()):
            child = node.get_child_at_index(index)
            found = find(child) if child is not None else None
            if found is not None:
                return found
        return None

    button = find(app)
    if button is None:
        sys.exit(f"no showing button {name!r}")
    button.do_action(0)
    time.sleep(0.8)


def _find(node, name: str, role: str):  # type: ignore[no-untyped-def]
    if node.get_name() == name and node.get_role_name() == role and node.get_state_set().contains(Atspi.StateType.SHOWING):
        return node
    for index in range(node.get_child_count()):
        child = node.get_child_at_index(index)
        found = _find(child, name, role) if child is not None else None
        if found is not None:
            return found
    return None


def leave_empty(app, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Empty the text field ``name`` as a user does (Ctrl+A, Backspace), leave it with Tab, and
    listen for what the app announces."""
    field = _find(app, name, "text")
    if field is None:
        sys.exit(f"no showing text field {name!r}")
    heard: list[str] = []
    listener = Atspi.EventListener.new(lambda event: heard.append(str(event.any_data)))
    listener.register("object:announcement")
    # no window manager here: give the app's window the X input focus, then the field Qt's
    subprocess.run(["xdotool", "search", "--name", "Finsam Slutrapport", "windowfocus", "--sync"], check=True)
    field.grab_focus()
    time.sleep(0.3)
    subprocess.run(["xdotool", "key", "--delay", "100", "ctrl+a", "BackSpace", "Tab"], check=True)  # real X keys
    GLib.timeout_add_seconds(LISTEN_SECONDS, lambda: Atspi.event_quit() or False)
    Atspi.event_main()
    return heard


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("app")
    parser.add_argument("--press", action="append", default=[])
    parser.add_argument("--leave-empty", default="")
    args = parser.parse_args()
    Atspi.set_timeout(3000, -1)
    app = find_app(args.app)
    time.sleep(1.0)  # the first page laid out
    print(json.dumps(list(showing(app)), ensure_ascii=False))
    for name in args.press:
        press(app, name)
        print(json.dumps(list(showing(app)), ensure_ascii=False))
    if args.leave_empty:
        heard = leave_empty(app, args.leave_empty)
        print(json.dumps(list(showing(app)), ensure_ascii=False))
        print(json.dumps({"announced": heard}, ensure_ascii=False))


if __name__ == "__main__":
    main()
