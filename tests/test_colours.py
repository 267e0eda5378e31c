# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The app in the system's light and dark schemes: every input's edge stands 3:1 against the
input and the window around it (WCAG 1.4.11), and the report's preview stays white paper."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from finsam_desktop.paths import drafts_dir
from finsam_desktop.sample import sample_report
from finsam_desktop.session import DraftSession
from tests.test_wizard import open_window
from ui.app import create_application
from ui.colours import NON_TEXT_CONTRAST, contrast

SCHEMES = {  # as Windows 11 and a GNOME desktop give them
    "ljust": {"Window": "#f3f3f3", "WindowText": "#000000", "Base": "#ffffff", "Text": "#000000", "Button": "#fbfbfb",
              "ButtonText": "#000000", "Highlight": "#0067c0", "Mid": "#c8c8c8", "Midlight": "#e3e3e3", "Dark": "#a0a0a0"},
    "mörkt": {"Window": "#2b2b2b", "WindowText": "#ffffff", "Base": "#1e1e1e", "Text": "#ffffff", "Button": "#333333",
              "ButtonText": "#ffffff", "Highlight": "#4cc2ff", "Mid": "#3c3c3c", "Midlight": "#404040", "Dark": "#1a1a1a"},
}


def scheme(name: str) -> QPalette:
    palette = QPalette()
    for role, colour in SCHEMES[name].items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    return palette


def pixel(widget: QWidget, at: QPoint) -> QColor:
    return widget.grab().toImage().pixelColor(at)


@pytest.fixture
def original_palette():  # type: ignore[no-untyped-def]
    app = create_application([])
    kept = QPalette(app.palette())
    yield
    app.setPalette(kept)


@pytest.mark.parametrize("name", SCHEMES)
def test_inputs_have_visible_edges_and_the_preview_is_white_paper(qtbot: QtBot, name: str, original_palette) -> None:  # type: ignore[no-untyped-def]
    QApplication.setPalette(scheme(name))  # the system switched scheme: the app follows
    window = open_window(qtbot, DraftSession.create(drafts_dir(), *sample_report()))
    window.resize(1024, 700)
    field = next(each for each in window.pages[0].findChildren(QLineEdit) if each.isVisible())
    middle = field.height() // 2
    edge = pixel(field, QPoint(0, middle))
    inside = pixel(field, QPoint(field.width() // 2, 2))
    around = pixel(window, field.mapTo(window, QPoint(-3, middle)))
    assert contrast(edge, inside) >= NON_TEXT_CONTRAST and contrast(edge, around) >= NON_TEXT_CONTRAST, (
        edge.name(), inside.name(), around.name())
    window.sidebar.setCurrentRow(window.stack.count() - 1)  # Granska och exportera
    preview = window.review.preview
    qtbot.waitUntil(lambda: not preview.document().isEmpty())
    image = preview.viewport().grab().toImage()
    shades = Counter(image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7))
    assert shades.most_common(1)[0][0] == "#ffffff", shades.most_common(3)  # the paper, in either scheme
