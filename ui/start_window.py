"""The first window until the wizard arrives: it says what the app is for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from finsam_desktop.form import load_form


class StartWindow(QMainWindow):
    """A calm start screen naming the form this app fills in."""

    def __init__(self) -> None:
        super().__init__()
        form = load_form().form
        self.setWindowTitle(f"{form.title} – {form.subtitle}")
        title = QLabel(f"<h1>{form.title}</h1><p>{form.subtitle}</p>")
        title.setTextFormat(Qt.TextFormat.RichText)
        intro = QLabel(form.instruction)
        intro.setWordWrap(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addStretch()
        self.setCentralWidget(body)
        self.resize(720, 480)
