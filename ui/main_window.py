# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The wizard: a sidebar of the form's sections, one page each, then Granska och exportera.

The window owns the open :class:`DraftSession`; pages write into its draft and say so.
Problems show under a field once the user has left it, and go away as soon as they are
fixed; while the user types in a field, no new problem is added to it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.drafts import new_draft_path
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.registry import edition_order, installed_forms
from finsam_desktop.roles import form_of, role_text
from finsam_desktop.session import DraftSession, edition_copy
from finsam_desktop.spelling.report import judged_misspellings
from finsam_desktop.validation import FEL, Problem, is_unwritten, validate
from ui import settings
from ui.announce import announce
from ui.autosave import Autosaver
from ui.first_paint import after_first_paint
from ui.geometry import fit_on_screen
from ui.profile import SettingsDialog, has_profile, profile_written, remember_profile
from ui.review_page import ReviewPage
from ui.section_page import SectionPage
from ui.spelling import spelling_service

VALIDATE_DELAY_MS = 300
DEFAULT_SIZE = QSize(1100, 780)
ANNOUNCED = 3  # problems said at once when they appear; the rest are shown
SIDEBAR_CHARACTERS = 24  # section numbers and short titles; the window fits 1000 px
STATUS = {
    "empty": ("○", "inte påbörjad"),
    "started": ("◐", "pågår"),
    "done": ("✔", "klar"),
    "errors": ("✖", "har fel"),
}


class MainWindow(QMainWindow):
    """One report being written.

    Signals (for the start screen, which owns the list of reports): ``library_requested``
    (Arkiv → Alla rapporter), ``new_report_requested``, ``open_file_requested`` and
    ``closed`` once the window has closed.
    """

    library_requested = Signal()
    new_report_requested = Signal()
    open_file_requested = Signal()
    carried = Signal(object, str)  # the same file's draft in a newer edition, to open instead, and what to say
    closed = Signal()

    def __init__(self, session: DraftSession) -> None:
        super().__init__()
        self.session = session
        self.form = form_of(session.draft)
        self.problems: list[Problem] = []
        self.left_paths: set[FieldPath] = set()
        self.typing_in: FieldPath | None = None
        self.shown: list[Problem] = []
        self.autosaver = Autosaver(session, self)
        self.autosaver.saved.connect(self._saved)
        self.autosaver.failed.connect(self._save_failed)
        self.autosaver.conflicted.connect(self._conflicted)
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.timeout.connect(self.revalidate)
        self._build()
        spelling_service().judged.connect(self.update_spelling, Qt.ConnectionType.QueuedConnection)
        spelling_service().ready.connect(self._spelling_ready, Qt.ConnectionType.QueuedConnection)
        spelling_service().accept_report(session.draft)
        self._actions()
        self._restore()
        self.revalidate()
        self._edition_notice()
        after_first_paint(self, self._build_next_page)

    def _build_next_page(self) -> None:
        """The pages not shown yet, one at a time while the window waits for input: the report
        is on the screen with its first page, and each step goes on without a wait."""
        page = next((page for page in self.pages if not page.built), None)
        if page is not None:
            page.build()
            QTimer.singleShot(0, self, self._build_next_page)

    # --- building ------------------------------------------------------------------

    def _build(self) -> None:
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName("Avsnitt")
        self.sidebar.setWordWrap(True)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setSpacing(2)
        self.sidebar.setFixedWidth(self.fontMetrics().averageCharWidth() * SIDEBAR_CHARACTERS + 24)
        self.stack = QStackedWidget()
        self.pages: list[SectionPage] = []
        for section in self.form.sections:
            page = SectionPage(self.session.draft, section)
            page.edited.connect(self._edited)
            page.left.connect(self._left)
            page.renumbered.connect(self._renumbered)
            self.pages.append(page)
            self.stack.addWidget(page)
            self.sidebar.addItem(QListWidgetItem(section.heading))
        self.review = ReviewPage(self.session.draft)
        self.review.problem_chosen.connect(self.go_to_field)
        self.review.export_button.clicked.connect(self.export_word)
        self.review.print_button.clicked.connect(self.print_preview)
        self.review.pdf_button.clicked.connect(self.save_pdf)
        self.review.mail_button.clicked.connect(self.send_by_email)
        self.stack.addWidget(self.review)
        for page in self.pages:
            page.before = lambda: self.sidebar
            page.after = lambda: self.previous_button if self.previous_button.isEnabled() else self.next_button
        self.sidebar.addItem(QListWidgetItem("Granska och exportera"))
        self.sidebar.currentRowChanged.connect(self._show_page)
        self.sidebar.itemClicked.connect(lambda _item: self.focus_first_field())  # arrows keep moving in the list
        self.sidebar.itemActivated.connect(lambda _item: self.focus_first_field())  # Enter
        self.previous_button = QPushButton("← &Föregående")
        self.next_button = QPushButton("&Nästa →")
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.progress = QProgressBar()
        self.progress.setRange(0, self.stack.count())
        self.progress.setFormat("Avsnitt %v av %m")
        self.progress.setAccessibleName("Var i rapporten du är")
        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.progress, 1)
        navigation.addWidget(self.next_button)
        right = QVBoxLayout()
        right.addWidget(self._notice_bar())
        right.addWidget(self.stack, 1)
        right.addLayout(navigation)
        body = QHBoxLayout()
        body.addWidget(self.sidebar)
        body.addLayout(right, 1)
        central = QWidget()
        central.setLayout(body)
        self.setCentralWidget(central)
        self.save_status = QLabel()
        self.statusBar().addPermanentWidget(self.save_status)
        self._update_title()

    def _notice_bar(self) -> QFrame:
        """A message about how the report came to be (from the profile, imported), until closed."""
        self.notice_bar = QFrame()
        self.notice_bar.setProperty("role", "messagebar")
        bar = QHBoxLayout(self.notice_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice_action = QPushButton()
        self.notice_action.hide()
        self.notice_close = QPushButton("Stäng meddelandet")
        self.notice_close.clicked.connect(self.notice_bar.hide)
        bar.addWidget(self.notice, 1)
        bar.addWidget(self.notice_action)
        bar.addWidget(self.notice_close)
        self.notice_bar.hide()
        return self.notice_bar

    def show_notice(self, text: str, action: tuple[str, Callable[[], None]] | None = None) -> None:
        """A message above the page, with a button for what the user may want to do about it."""
        self.notice.setText(text)
        self.notice.setAccessibleName(text)
        if action is not None:
            label, slot = action
            self.notice_action.setText(label)
            self.notice_action.clicked.connect(slot)
        self.notice_action.setVisible(action is not None)
        self.notice_bar.show()

    def _edition_notice(self) -> None:
        """A draft of another edition than the newest installed one: say so, offer to carry it."""
        newest = installed_forms().newest(self.form.id)
        if self.session.read_only:
            for page in self.pages:
                page.column.setEnabled(False)
            self.show_notice(
                f"Rapporten är skriven i utgåva {self.session.written_in} av mallen, som inte finns i programmet. "
                f"Den visas skrivskyddad i utgåva {self.form.edition}; du kan exportera och skicka den, och filen ändras inte.",
                (f"Flytta över till utgåva {newest.edition}", self.carry_forward),
            )
        elif edition_order(newest.edition) > edition_order(self.form.edition):
            self.show_notice(
                f"Det finns en nyare utgåva av mallen ({newest.edition}). Rapporten är skriven i utgåva {self.form.edition}.",
                (f"Flytta över till utgåva {newest.edition}", self.carry_forward),
            )

    def carry_forward(self) -> None:
        """Continue in the newest edition: the file is saved in it (the old one stays as its
        backup), and whatever has no place there is kept in the draft's note."""
        if self.autosaver.flush():
            return  # not saved: say nothing new, the save status says why
        newest = installed_forms().newest(self.form.id)
        edition = self.session.written_in or self.form.edition
        try:
            carried = self.session.carried_to(newest)
        except OSError:
            QMessageBox.warning(
                self, "Kunde inte flytta över", "Filen kunde inte kopieras innan rapporten flyttades över, så inget är ändrat."
            )
            return
        kept = edition_copy(self.session.path, edition)
        self.close()  # first: the file is open in one window at a time
        self.carried.emit(
            carried,
            f"Rapporten är flyttad över till utgåva {newest.edition}. Det som inte fick plats finns i utkastets "
            f"importanteckning, och filen som den var finns kvar som ”{kept.name}”.",
        )

    def _actions(self) -> None:
        file_menu = self.menuBar().addMenu("&Arkiv")
        go_menu = self.menuBar().addMenu("&Gå till")
        help_menu = self.menuBar().addMenu("&Hjälp")
        for menu, text, shortcut, slot in (
            (file_menu, "&Ny rapport…", QKeySequence("Ctrl+N"), self.new_report_requested.emit),
            (file_menu, "Ö&ppna fil…", QKeySequence("Ctrl+O"), self.open_file_requested.emit),
            (file_menu, "&Alla rapporter", QKeySequence("Ctrl+Shift+O"), self.library_requested.emit),
            (file_menu, "&Spara", QKeySequence("Ctrl+S"), self.save_now),
            (file_menu, "&Exportera Word-dokument…", QKeySequence("Ctrl+E"), self.export_word),
            (file_menu, "Förhandsgranska och skriv &ut…", QKeySequence.StandardKey.Print, self.print_preview),
            (file_menu, "Spara som P&DF…", QKeySequence("Ctrl+Shift+P"), self.save_pdf),
            (file_menu, "S&kicka med e-post…", QKeySequence("Ctrl+Shift+E"), self.send_by_email),
            (file_menu, "Skapa &formulär från Word-mall…", QKeySequence("Ctrl+Shift+M"), self.form_from_mall),
            (file_menu, "&Inställningar…", QKeySequence("Ctrl+,"), self.open_settings),
            (file_menu, "S&täng", QKeySequence("Ctrl+W"), self.close),
            (go_menu, "&Föregående avsnitt", QKeySequence("Alt+Left"), lambda: self.step(-1)),
            (go_menu, "&Nästa avsnitt", QKeySequence("Alt+Right"), lambda: self.step(1)),
            (go_menu, "&Granska och exportera", QKeySequence("Ctrl+R"), lambda: self.sidebar.setCurrentRow(len(self.pages))),
            (help_menu, "&Om Finsam Slutrapport", None, self.about),
        ):
            action = QAction(text, self)
            if menu is file_menu and text.startswith("&Spara"):
                file_menu.addSeparator()
            if shortcut is not None:
                action.setShortcut(shortcut)
                keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
                action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({keys})")
            action.triggered.connect(slot)
            menu.addAction(action)

    def form_from_mall(self) -> None:
        from ui.mall_form_window import MallFormWindow

        MallFormWindow(self).exec()

    def _restore(self) -> None:
        geometry = settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(DEFAULT_SIZE)
        fit_on_screen(self, DEFAULT_SIZE)
        self.sidebar.setCurrentRow(settings.last_section(self.session.path, self.stack.count()))

    # --- moving around ---------------------------------------------------------------

    def _remember_scroll(self) -> None:
        page = self.stack.currentWidget()
        if isinstance(page, SectionPage):
            settings.set_scroll_position(self.session.path, page.section.key, page.verticalScrollBar().value())

    def _restore_scroll(self, page: SectionPage) -> None:
        value = settings.scroll_position(self.session.path, page.section.key)
        QTimer.singleShot(0, lambda: page.verticalScrollBar().setValue(value))  # after layout

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        self._remember_scroll()
        if row < len(self.pages):
            self.pages[row].build()
        self.stack.setCurrentIndex(row)
        # A page made a moment ago is laid out now: what is scrolled to or clicked next is where it shows.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        page = self.stack.currentWidget()
        if isinstance(page, SectionPage):
            self._restore_scroll(page)
        self.progress.setValue(row + 1)
        self.previous_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < self.stack.count() - 1)
        settings.set_last_section(self.session.path, row)
        self.autosaver.save_now()
        if self.stack.currentWidget() is self.review:
            self.left_paths.update(problem.path for problem in self.problems)
            self.revalidate()
            self.update_spelling()
            self.review.refresh_preview()

    def step(self, by: int) -> None:
        self.sidebar.setCurrentRow(min(max(self.sidebar.currentRow() + by, 0), self.stack.count() - 1))
        self.focus_first_field()

    def focus_first_field(self) -> None:
        """Typing goes into the section shown: its first field (on the review page, the problems,
        or the export button when there are none)."""
        page = self.stack.currentWidget()
        if isinstance(page, SectionPage):
            first = next(iter(page.stops()), None)
            if first is not None:
                page.ensureWidgetVisible(first)
                first.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        review = self.review
        (review.problems if review.problems.count() else review.export_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def _page_index(self, path: FieldPath) -> int:
        section = self.form.section_of(path)
        return next(i for i, page in enumerate(self.pages) if page.section.key == section.key)

    def _editor_at(self, path: FieldPath) -> QWidget | None:
        return self.pages[self._page_index(path)].editor_for(path)

    def go_to_field(self, path: FieldPath, span: tuple[int, int] | None = None) -> None:
        """Show the page of ``path`` and put the cursor in its field, the field in view (once
        the page is laid out) and ``span`` of its text, a misspelt word, selected."""
        index = self._page_index(path)
        self.sidebar.setCurrentRow(index)
        page, editor = self.pages[index], self.pages[index].editor_for(path)
        if editor is None:
            return
        page.ensureWidgetVisible(editor)
        editor.focus_input()
        if span is not None:
            editor.select_text(*span)
        QTimer.singleShot(0, page.show_focused)  # once the page just shown is laid out

    # --- editing and checking -------------------------------------------------------

    def _edited(self, path: FieldPath) -> None:
        self.typing_in = path
        self.autosaver.changed()
        self._update_title()
        self._validate_timer.start(VALIDATE_DELAY_MS)

    def _left(self, path: FieldPath) -> None:
        self.typing_in = None
        spelling_service().accept_report(self.session.draft)  # a name just typed is a word
        self.left_paths.add(path)
        row = path.row_path
        if row is not None:
            rows = row.parent
            self.left_paths |= {rows, row, rows.joined(path.relative_to(row))}  # the list, the row, the column (its sum)
        fresh = self.revalidate()
        if fresh:  # the user is in the next field already: said, not only shown under this one
            said = " ".join(f"{problem.severity.capitalize()}: {problem.message}" for problem in fresh[:ANNOUNCED])
            announce(self._editor_at(fresh[0].path) or self, said)

    def _renumbered(self, rows: FieldPath, new_index: dict[int, int | None]) -> None:
        """A row removed, put back or moved: what was left before stays with its row, so the
        next goal shows no problem before the user has been there."""
        renumbered = (path.renumbered(rows, new_index) for path in self.left_paths)
        self.left_paths = {path for path in renumbered if path is not None}

    def revalidate(self) -> list[Problem]:
        """Check the draft and show the problems of the fields the user has left; returns
        those shown now that were not before."""
        self._validate_timer.stop()
        self.problems = validate(self.session.draft)
        visible = []
        for problem in self.problems:
            if problem.path not in self.left_paths:
                continue
            if problem.path == self.typing_in and problem not in self.shown:
                continue  # said after leaving the field, never while typing
            visible.append(problem)
        fresh = [problem for problem in visible if problem not in self.shown]
        self.shown = visible
        for page in self.pages:
            page.show_problems(visible)
            page.update_hints()
        self._update_sidebar()
        self.review.show_problems(self.problems)
        self.review.show_spelling(self.review.spelling)
        return fresh

    def _spelling_ready(self) -> None:
        spelling_service().accept_report(self.session.draft)
        self.update_spelling()

    def update_spelling(self) -> None:
        """The review page's count of possible misspellings, from the verdicts reached so far
        (the rest are judged in the background, and this runs again when they are)."""
        service = spelling_service()
        if service.checker is None or self.stack.currentWidget() is not self.review:
            return
        found, unjudged = judged_misspellings(service.checker, self.session.draft)
        if unjudged:
            service.judge_later(unjudged)
        self.review.show_spelling(found)

    def _section_status(self, index: int) -> str:
        """empty, started, done or errors (errors only once they have been shown)."""
        section = self.form.sections[index]
        paths = [path for path, spec, own in self.form.fields() if own.key == section.key and spec.has_value]
        if all(is_unwritten(path.get(self.session.draft)) for path in paths):
            return "empty"
        own = [p for p in self.problems if p.severity == FEL and self.form.section_of(p.path).key == section.key]
        if not own:
            return "done"
        return "errors" if any(problem in self.shown for problem in own) else "started"

    def _update_sidebar(self) -> None:
        for index, section in enumerate(self.form.sections):
            symbol, words = STATUS[self._section_status(index)]
            item = self.sidebar.item(index)
            room = self.sidebar.width() - self.fontMetrics().horizontalAdvance(f"{symbol}  {section.number}. ") - 20
            short = self.fontMetrics().elidedText(section.title, Qt.TextElideMode.ElideRight, room)
            item.setText(f"{symbol}  {section.number}. {short}")  # narrow: the whole title is in the tooltip
            item.setToolTip(f"{section.heading}: {words}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{section.heading}, {words}")

    # --- saving ----------------------------------------------------------------------

    def save_now(self) -> None:
        self.autosaver.changed()
        self.autosaver.save_now()

    def _saved(self, when) -> None:  # type: ignore[no-untyped-def]
        self.save_status.setText(f"✔ Sparat {when:%H:%M}")
        self.save_status.setToolTip(f"Sparat i {self.session.path}")
        self._update_title()

    def _save_failed(self, message: str) -> None:
        self.save_status.setText("⚠ Inte sparat – försöker igen")
        self.save_status.setToolTip(message)
        self.statusBar().showMessage(message, 15000)

    def _conflicted(self, message: str) -> None:
        self.save_status.setText("⚠ Inte sparat")
        self.save_status.setToolTip(message)
        self.conflict_box = QMessageBox(QMessageBox.Icon.Warning, "Filen har ändrats", message, parent=self)
        copy = self.conflict_box.addButton("Spara som kopia", QMessageBox.ButtonRole.AcceptRole)
        self.conflict_box.addButton("Avbryt", QMessageBox.ButtonRole.RejectRole)
        self.conflict_box.buttonClicked.connect(lambda button: self.save_as_copy() if button is copy else None)
        self.conflict_box.open()

    def save_as_copy(self) -> None:
        """Keep this window's text in a new file beside the one someone else changed."""
        self.session.move_to(new_draft_path(self.session.path.parent, f"{self.session.name or 'rapport'} kopia"))
        self.autosaver.conflict = False
        self.save_now()

    def _update_title(self) -> None:
        name = self.session.name or role_text(self.session.draft, "name") or "Ny rapport"  # copies are told apart
        read_only = " (skrivskyddad)" if self.session.read_only else ""
        self.setWindowTitle(f"{name}{read_only}{' •' if self.session.dirty else ''} – Finsam Slutrapport")

    # --- export: the Word writer, print and mail code load when first used, not at start --

    def export_word(self) -> None:
        from ui import export_actions

        self.autosaver.save_now()
        export_actions.export_word(self, self.session)

    def send_by_email(self) -> None:
        from ui import send_mail

        send_mail.send_by_email(self, self.session, recorded=self.save_now)

    def save_pdf(self) -> None:
        from ui import export_actions

        export_actions.save_pdf(self, self.session)

    def print_preview(self) -> None:
        from ui import export_actions

        export_actions.print_preview(self, self.session)

    def open_settings(self) -> None:
        SettingsDialog(self).exec()

    def about(self) -> None:
        from ui.about import AboutDialog

        AboutDialog(self.form.forbund.name, self).exec()

    def _may_close_unsaved(self, problem: str) -> bool:
        """The draft could not be saved: promise it back at the next start only once this
        window's own journal is seen to hold it; otherwise say that closing loses it."""
        snapshot = self.session.snapshot()
        with contextlib.suppress(OSError):  # checked next: nothing is promised unless it is there
            self.session.write_journal(snapshot)
        if self.session.journal_holds(snapshot):
            text = f"{problem}\n\nDin text finns kvar och erbjuds nästa gång du startar programmet. Stänga ändå?"
            default = QMessageBox.StandardButton.Yes
        else:
            text = (
                f"{problem}\n\nTexten kunde inte heller läggas undan, så den försvinner om du stänger nu. "
                "Kopiera den till ett annat program eller frigör utrymme på disken först. Stänga ändå?"
            )
            default = QMessageBox.StandardButton.No
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(self, "Rapporten kunde inte sparas", text, buttons, default)
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:
        focused = self.focusWidget()
        if focused is not None:
            focused.clearFocus()  # a field left now (its canonical form written) is in the last save
        problem = self.autosaver.flush()
        if problem and not self._may_close_unsaved(problem):
            event.ignore()
            return
        self._remember_scroll()
        settings.set_window_geometry(self.saveGeometry())
        if not has_profile() and profile_written(self.session.draft):
            remember_profile(self.session.draft)  # the first report teaches the app who you are
        self.autosaver.shutdown()
        self.session.close()
        super().closeEvent(event)
        self.closed.emit()
