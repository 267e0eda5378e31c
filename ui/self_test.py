# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""``finsam-desktop --self-test``: prove an installed (or frozen) app works, offscreen.

Starts the app, opens the example report in the wizard, validates it, exports Word and
PDF to a temporary folder, reads the Word document back, and checks that the Swedish Qt
translation and the keyring backends are there. Exit 0 only if every step worked.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path

SPELLING_SECONDS = 30  # for the window's own load of the dictionary


def run() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="finsam-sjalvtest-"))
    os.environ["FINSAM_DATA_DIR"] = str(folder / "data")

    from PySide6.QtCore import QCoreApplication, QTranslator

    from finsam_desktop.document.export import export_docx
    from finsam_desktop.document.pdf_writer import write_pdf
    from finsam_desktop.document.structure import build_document
    from finsam_desktop.paths import drafts_dir
    from finsam_desktop.reading.importer import read_docx
    from finsam_desktop.sample import sample_report
    from finsam_desktop.session import DraftSession
    from finsam_desktop.validation import validate
    from ui.app import create_application
    from ui.main_window import MainWindow

    app = create_application([sys.argv[0]])
    name, draft = sample_report()
    steps: list[tuple[str, Callable[[], object]]] = [
        ("Swedish Qt translation", lambda: _check(any(isinstance(child, QTranslator) for child in app.children()))),
        ("example report is valid", lambda: _check(validate(draft) == [])),
        ("wizard opens the example", lambda: _open_and_close(MainWindow(DraftSession.create(drafts_dir(), name, draft)))),
        ("Word export", lambda: export_docx(draft, name, folder / "r.docx")),
        ("PDF export", lambda: _check(write_pdf(build_document(draft), folder / "r.pdf") > 0)),
        ("Word document reads back", lambda: _check(read_docx(folder / "r.docx").draft == draft)),
        ("keyring backends", lambda: _check(all(point.load() for point in entry_points(group="keyring.backends")))),
        ("Swedish dictionary", _spelling),
    ]
    failed = 0
    for title, step in steps:
        try:
            step()
            print(f"OK   {title}")
        except Exception:
            failed += 1
            print(f"FEL  {title}\n{traceback.format_exc()}")
    QCoreApplication.processEvents()
    print("Självtestet lyckades." if not failed else f"Självtestet misslyckades: {failed} steg.")
    return 0 if not failed else 1


def _spelling() -> None:
    """The dictionary is in the bundle, built, read, and suggests: a typo caught and mended."""
    from PySide6.QtCore import QCoreApplication

    from finsam_desktop.spelling.checker import SpellChecker
    from finsam_desktop.spelling.lexicon import BUILT_NAME, dictionary_base, load_lexicon
    from ui.spelling import spelling_service

    base = dictionary_base()
    _check((base is not None and base.with_name(BUILT_NAME).is_file()) or not getattr(sys, "frozen", False))
    checker = SpellChecker(load_lexicon())
    _check(not checker.is_right("identidiera") and checker.suggest("identidiera", 1) == ["identifiera"])
    service = spelling_service()  # the window's own, loaded on its thread: done before the test ends
    deadline = time.monotonic() + SPELLING_SECONDS
    while service.checker is None and not service.problem and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    service.finish()
    _check(service.checker is not None)


def _check(condition: bool) -> None:
    if not condition:
        raise AssertionError("check failed")


def _open_and_close(window) -> None:  # type: ignore[no-untyped-def]
    window.show()
    window.close()
