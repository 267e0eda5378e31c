# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Show a file in the system's file manager, selected where the system allows it; where
none answers, say where the file is and offer to copy its path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def _shown(path: Path) -> bool:
    try:
        if sys.platform == "win32":
            subprocess.Popen(["explorer", "/select,", str(path)])
            return True
        if sys.platform == "darwin":
            subprocess.Popen(["open", "-R", str(path)])
            return True
    except OSError:
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def reveal(parent: QWidget, path: Path) -> None:
    if not _shown(path):
        where(parent, "Kunde inte visa mappen", f"Inget filhanteringsprogram svarade. ”{path.name}” finns i {path.parent}.", path)


def where(parent: QWidget, title: str, text: str, path: Path) -> None:
    """Say where ``path`` is, with a button that copies its whole path."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    copy = box.addButton("Kopiera sökväg", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Stäng", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is copy:
        QApplication.clipboard().setText(str(path))
