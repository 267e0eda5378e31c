#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Run by the screen-reader test with Debian's Python (which has ``gi``), in a session with
the AT-SPI bus: the app's showing nodes as a screen reader sees them, as JSON lines.

usage: atspi_probe.py APP_NAME [--press NAME]...   (each press, then the tree again)"""

from __future__ import annotations

import argparse
import json
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("app")
    parser.add_argument("--press", action="append", default=[])
    args = parser.parse_args()
    Atspi.set_timeout(3000, -1)
    app = find_app(args.app)
    time.sleep(1.0)  # the first page laid out
    print(json.dumps(list(showing(app)), ensure_ascii=False))
    for name in args.press:
        press(app, name)
        print(json.dumps(list(showing(app)), ensure_ascii=False))


if __name__ == "__main__":
    main()
