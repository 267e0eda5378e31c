# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The reporter's own details (section 2), remembered as settings and put into new reports.

They live in QSettings, not in drafts: a new report starts with them filled in, and
*Inställningar* edits them with the same field editors the wizard uses.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.spec import FormSpec, load_form
from finsam_desktop.forms.values import Values
from finsam_desktop.model import Report, report_model
from finsam_desktop.roles import form_of
from ui import settings
from ui.editors.field import FieldEditor
from ui.wheel_safe import ChoiceBox, NumberBox

SECURITY = {"starttls": "STARTTLS (port 587)", "ssl": "SSL/TLS (port 465)", "none": "Ingen (bara inom organisationens nät)"}


def profile_paths(form: FormSpec) -> list[FieldPath]:
    """The fields about the reporter that the form's ``profile`` role names."""
    return [FieldPath.parse(text) for text in form.roles.profile if form.has_text(text)]


def _sections(form: FormSpec) -> str:
    numbers = dict.fromkeys(form.section_of(path).number for path in profile_paths(form))
    return " och ".join(numbers)


def has_profile() -> bool:
    return any(settings.profile_value(str(path)) for path in profile_paths(load_form()))


def profile_written(draft: Report) -> bool:
    """Whether the reporter has written any of the details a profile remembers."""
    values = Values(draft, form_of(draft))
    return any(not values.is_blank(path) for path in profile_paths(values.form))


def fill_from_profile(draft: Report) -> str:
    """Put the remembered details into the empty fields of ``draft`` (of any form whose
    profile has the same fields); what to tell the user about it, or ""."""
    form = form_of(draft)
    values = Values(draft, form)
    filled = []
    for path in profile_paths(form):
        remembered = settings.profile_value(str(path))
        if remembered and values.is_blank(path):
            path.set(draft, form.spec_at(path).from_text(remembered, path.get(draft)))
            filled.append(path)
    if not filled:
        return ""
    return f"Uppgifterna i avsnitt {_sections(form)} kommer från din förra rapport – ändra dem om de inte stämmer."


def remember_profile(draft: Report) -> None:
    values = Values(draft, form_of(draft))
    for path in profile_paths(values.form):
        settings.set_profile_value(str(path), values.text(path))


class SettingsDialog(QDialog):
    """Inställningar: the details that new reports start with."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Inställningar")
        form = load_form()
        self.scratch = report_model(form)()
        fill_from_profile(self.scratch)
        outer = QVBoxLayout(self)
        content = QWidget()
        layout = QVBoxLayout(content)
        where = f" (avsnitt {_sections(form)})" if profile_paths(form) else ""
        intro = QLabel(f"Uppgifterna om dig fylls i automatiskt i nya rapporter{where}.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.editors = [FieldEditor(self.scratch, path, form.spec_at(path)) for path in profile_paths(form)]
        for editor in self.editors:
            layout.addWidget(editor)
        layout.addWidget(self._mail_settings())
        scroll = QScrollArea()  # on a small screen it scrolls rather than cutting anything off
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)
        layout = outer
        buttons = QDialogButtonBox()
        buttons.addButton("Spara", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Avbryt", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        wanted = content.sizeHint() + QSize(48, buttons.sizeHint().height() + 48)
        screen = (parent.screen() if parent is not None else QGuiApplication.primaryScreen()).availableGeometry()
        self.resize(min(max(wanted.width(), 560), screen.width() - 40), min(wanted.height(), screen.height() - 80))

    def _mail_settings(self) -> QGroupBox:
        """Direct sending over SMTP, for organisations that allow it (else the mail program)."""
        host, port, security, user = settings.stored_smtp_form()
        box = QGroupBox("E-post: skicka direkt via e-postserver (valfritt)")
        form = QFormLayout(box)
        self.server = QLineEdit(host)
        self.server.setPlaceholderText("Lämna tomt för att använda ditt e-postprogram")
        self.port = NumberBox()
        self.port.setRange(1, 65535)
        self.port.setValue(port)
        self.security = ChoiceBox()
        for value, text in SECURITY.items():
            self.security.addItem(text, value)
        self.security.setCurrentIndex(max(0, self.security.findData(security)))
        self.user = QLineEdit(user)
        for label, widget in (
            ("Server", self.server),
            ("Port", self.port),
            ("Säkerhet", self.security),
            ("Användarnamn", self.user),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        note = QLabel("Lösenordet sparas bara i datorns nyckelring och frågas efter första gången du skickar.")
        note.setWordWrap(True)
        form.addRow(note)
        return box

    def accept(self) -> None:
        remember_profile(self.scratch)
        settings.save_smtp(self.server.text(), self.port.value(), str(self.security.currentData()), self.user.text())
        super().accept()
