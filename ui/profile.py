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

from finsam_desktop.form import FormSpec, SectionSpec, field_path, load_form
from finsam_desktop.model import Report, report_model, set_text_at, text_of, value_at
from finsam_desktop.roles import form_of
from finsam_desktop.validation import is_blank
from ui import settings
from ui.fields import FieldEditor
from ui.wheel_safe import ChoiceBox, NumberBox

SECURITY = {"starttls": "STARTTLS (port 587)", "ssl": "SSL/TLS (port 465)", "none": "Ingen (bara inom organisationens nät)"}


def profile_section(form: FormSpec) -> SectionSpec | None:
    """The section about the reporter that the form's ``profile`` role names, if any."""
    return next((section for section in form.sections if section.key == form.roles.profile), None)


def profile_paths(form: FormSpec) -> list[str]:
    section = profile_section(form)
    return [field_path(section, spec) for spec in section.fields if spec.kind not in {"list", "table"}] if section else []


def has_profile() -> bool:
    return any(settings.profile_value(path) for path in profile_paths(load_form()))


def fill_from_profile(draft: Report) -> str:
    """Put the remembered details into the empty fields of ``draft`` (of any form whose
    profile section has the same fields); what to tell the user about it, or ""."""
    filled = []
    for path in profile_paths(form_of(draft)):
        remembered = settings.profile_value(path)
        if remembered and is_blank(text_of(value_at(draft, path))):
            set_text_at(draft, path, remembered)
            filled.append(path)
    section = profile_section(form_of(draft))
    if not filled or section is None:
        return ""
    return f"Uppgifterna i avsnitt {section.number} kommer från din förra rapport – ändra dem om de inte stämmer."


def remember_profile(draft: Report) -> None:
    for path in profile_paths(form_of(draft)):
        settings.set_profile_value(path, text_of(value_at(draft, path)))


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
        section = profile_section(form)
        where = f" (avsnitt {section.number})" if section else ""
        intro = QLabel(f"Uppgifterna om dig fylls i automatiskt i nya rapporter{where}.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        specs = section.fields if section else ()
        self.editors = [FieldEditor(self.scratch, field_path(section, spec), spec) for spec in specs if section]
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
