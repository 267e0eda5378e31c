# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Spelling while typing: the dictionary loads in the background at start, each long
answer underlines possible misspellings with a red wavy line, and its context menu (right
click or the menu key) offers suggestions, "Lägg till i ordlistan" and "Ignorera".

The UI thread never waits for the dictionary: a word not yet judged is judged on a worker
thread, and the answers are highlighted again when verdicts arrive. A very long paragraph
is underlined once typing pauses, so keystrokes stay as fast as without spelling.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMenu, QMessageBox, QPlainTextEdit

from finsam_desktop.model import Report
from finsam_desktop.spelling.checker import SpellChecker, words_in
from finsam_desktop.spelling.lexicon import NoDictionary, load_lexicon
from finsam_desktop.spelling.readability import LONG_SENTENCE_WORDS, sentences
from finsam_desktop.spelling.report import own_words
from finsam_desktop.spelling.user_words import add_user_word, user_words

log = logging.getLogger("finsam.spelling")

LARGE_BLOCK = 4000  # characters of one paragraph underlined only when typing pauses
PAUSE_MS = 400
LOADING_SWITCH_SECONDS = 0.0002
FINISH_SECONDS = 10  # at most, at exit: a first build of the dictionary from source takes about 6 s
MISSPELLED = QColor("#d32f2f")
LONG_SENTENCE = QColor(255, 193, 7, 80)  # amber, see-through: reads on light and dark palettes


class SpellingService(QObject):
    """The one checker of the app. Signals: ``ready`` once the dictionary is loaded (or
    could not be: ``unavailable`` with why), ``judged`` when new verdicts are in."""

    ready = Signal()
    unavailable = Signal(str)
    judged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.checker: SpellChecker | None = None
        self.problem = ""
        self._queue: set[str] = set()
        self._lock = threading.Lock()
        self._working = False
        self._threads: list[threading.Thread] = []
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.finish)
        # once the window is up: the built dictionary loads in milliseconds
        QTimer.singleShot(0, lambda: self._start(self._load, "ordlista"))

    def _start(self, work: Callable[[], None], name: str) -> None:
        thread = threading.Thread(target=work, name=name, daemon=True)
        self._threads = [*(each for each in self._threads if each.is_alive()), thread]
        thread.start()

    def finish(self, seconds: float = FINISH_SECONDS) -> None:
        """Wait for the loader and the checkers: a signal they send must not outlive the app
        (one emitted while Python shut down crashed the frozen app's self-test)."""
        deadline = time.monotonic() + seconds
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))

    def _load(self) -> None:
        # Building the dictionary's trie (once, run from source) holds Python's lock in long
        # stretches; the UI thread, which takes and gives it back at every call into Qt, would
        # wait up to 5 ms each time: keys and the recovery journal would lag for seconds. A
        # short switch interval while loading keeps the window as quick as without it.
        interval = sys.getswitchinterval()
        sys.setswitchinterval(LOADING_SWITCH_SECONDS)
        try:
            self.checker = SpellChecker(load_lexicon(), user_words())
        except (NoDictionary, OSError) as error:
            self.problem = str(error)
            log.warning("spelling unavailable: %s", error)
            self.unavailable.emit(self.problem)
            return
        finally:
            sys.setswitchinterval(interval)
        self.ready.emit()

    def judge_later(self, words: set[str]) -> None:
        """Judge ``words`` on a worker thread, then say ``judged``."""
        with self._lock:
            self._queue |= words
            if self._working or not self._queue:
                return
            self._working = True
        self._start(self._judge, "stavning")

    def _judge(self) -> None:
        checker = self.checker
        while checker is not None:
            with self._lock:
                if not self._queue:
                    self._working = False
                    break
                batch, self._queue = self._queue, set()
            for word in batch:
                checker.is_right(word)
            self.judged.emit()

    def add_to_word_list(self, word: str) -> None:
        """Right from now on, in every report (kept in the data folder)."""
        add_user_word(word)
        self.ignore(word)

    def accept_report(self, draft: Report) -> None:
        """The report's own names (insats, organisations, people) are right while it is open."""
        if self.checker is not None and self.checker.accept(own_words(draft)):
            self.judged.emit()

    def ignore(self, word: str) -> None:
        """Right from now on, until the app closes."""
        if self.checker is not None:
            self.checker.accept([word])
            self.judged.emit()


@cache
def spelling_service() -> SpellingService:
    """Started once, at the app's start, so the dictionary is ready when typing begins."""
    return SpellingService()


class SpellHighlighter(QSyntaxHighlighter):
    """Red wavy underline under each possibly misspelled word of one answer."""

    def __init__(self, document: QTextDocument, service: SpellingService) -> None:
        super().__init__(document)
        self.service = service
        self.underline = QTextCharFormat()
        self.underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.underline.setUnderlineColor(MISSPELLED)
        self.long_sentence = QTextCharFormat()
        self.long_sentence.setBackground(LONG_SENTENCE)
        self.mark_long = False  # on request, from the answer's context menu
        self._settled = True
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self._after_pause)
        self._revision = document.revision()
        document.contentsChange.connect(lambda *_: self._typing())
        service.ready.connect(self.rehighlight, Qt.ConnectionType.QueuedConnection)
        service.judged.connect(self.rehighlight, Qt.ConnectionType.QueuedConnection)

    def _typing(self) -> None:
        document = self.document()
        if document is None or document.revision() == self._revision:
            return  # our own underlining, not typing
        self._revision = document.revision()
        self._settled = False
        self._pause.start()

    def _after_pause(self) -> None:
        self._settled = True
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if len(text) > LARGE_BLOCK and not self._settled:
            return
        if self.mark_long:
            for start, end in sentences(text):
                if sum(1 for _ in words_in(text[start:end])) > LONG_SENTENCE_WORDS:
                    self.setFormat(start, end - start, self.long_sentence)
        checker = self.service.checker
        if checker is None:
            return
        unjudged: set[str] = set()
        for start, end, word in words_in(text):
            verdict = checker.known_verdict(word)
            if verdict is None:
                unjudged.add(word)
            elif not verdict:
                underlined = self.format(start)
                underlined.merge(self.underline)
                self.setFormat(start, end - start, underlined)
        if unjudged:
            self.service.judge_later(unjudged)


def _add_to_word_list(parent: QPlainTextEdit, service: SpellingService, word: str) -> None:
    try:
        service.add_to_word_list(word)
    except OSError as error:  # the list is in the data folder: a full or read-only disk says so
        why = error.strerror or str(error)
        QMessageBox.warning(parent, "Ordlistan sparades inte", f"”{word}” kunde inte läggas till i ordlistan ({why}).")


def spelling_menu(menu: QMenu, edit: QPlainTextEdit, at: QPoint) -> None:
    """Put the word's suggestions, "Lägg till i ordlistan" and "Ignorera" first in ``menu``
    when the word at ``at`` may be misspelled."""
    service = spelling_service()
    checker = service.checker
    cursor = edit.cursorForPosition(at)
    block = cursor.block()
    column = cursor.positionInBlock()
    found = next(((start, end, word) for start, end, word in words_in(block.text()) if start <= column <= end), None)
    if checker is None or found is None or checker.is_right(found[2]):
        return
    start, end, word = found
    before = menu.actions()[0] if menu.actions() else None

    def put(action: QAction) -> None:
        if before is None:
            menu.addAction(action)
        else:
            menu.insertAction(before, action)

    def replace(with_word: str) -> None:
        change = edit.textCursor()
        change.setPosition(block.position() + start)
        change.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
        change.insertText(with_word)

    suggestions = checker.suggest(word, 5)
    for suggestion in suggestions or ["(inga förslag)"]:
        action = QAction(suggestion, menu)
        action.setEnabled(bool(suggestions))
        action.triggered.connect(lambda _checked=False, chosen=suggestion: replace(chosen))
        put(action)
    add = QAction("Lägg till i ordlistan", menu)
    add.triggered.connect(lambda: _add_to_word_list(edit, service, word))
    ignore = QAction("Ignorera", menu)
    ignore.triggered.connect(lambda: service.ignore(word))
    for action in (add, ignore):
        put(action)
    if before is not None:
        menu.insertSeparator(before)
