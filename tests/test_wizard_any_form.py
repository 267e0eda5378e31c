# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The wizard of every installed form, written by a person from an empty report: each
field typed with real keys, a row added with the real button in each list, a choice made
with the keyboard; then the review page, the export and its read-back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from finsam_desktop.forms.kinds import FieldBase as FieldSpec
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.spec import load_form
from finsam_desktop.model import report_model
from finsam_desktop.paths import drafts_dir
from finsam_desktop.sample import sample_report
from finsam_desktop.session import DraftSession
from tests.drafting import P
from tests.forms import FORM_IDS
from tests.test_wizard import editor, export_from_review, input_of, open_window, type_into
from ui.app import create_application
from ui.editors.field import FieldEditor
from ui.main_window import MainWindow

TYPED = {"date": "2025-08-01", "kronor": "1000", "phone": "070-174 06 42", "email": "a.b@exempel.se",
         "postnummer": "816 30", "postort": "Sjöby", "antal": "100"}


def _shown(window: MainWindow, path: FieldPath) -> bool:
    return any(editor.isVisibleTo(page) for page in window.pages for key, editor in page.all_editors().items() if key == path)


def _write(qtbot: QtBot, window: MainWindow, path: FieldPath, spec: FieldSpec, first_row: bool = True) -> None:
    if spec.kind == "daterange":
        for (part, _date), text in zip(spec.children(), ("2025-01-01", "2025-06-30"), strict=False):
            type_into(qtbot, window, path.child(part), text)
    elif not spec.has_value or spec.kind == "bilagor" or not _shown(window, path):
        return  # computed, the mall's own note, files (optional here), or a question that does not apply
    elif spec.kind in {"choice", "flerval"}:
        widget = input_of(editor(window, path))
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Space if spec.kind == "flerval" else Qt.Key.Key_Down)  # the first choice
        window.sidebar.setFocus()
    elif spec.numeric and not first_row:
        return  # a table's other rows stay empty: the sums stay within what they are checked against
    else:
        type_into(qtbot, window, path, "3" if spec.kind == "antal" and path.rows else TYPED.get(spec.kind, f"Svar på {spec.name} – åäö"))


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_a_report_of_any_form_is_written_with_the_keyboard_checked_and_exported(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form_id: str
) -> None:
    create_application([])
    form = load_form(form_id)
    window = open_window(qtbot, DraftSession.create(drafts_dir(), "", report_model(form)()))
    for path, spec, _section in form.fields():
        if spec.kind == "list":
            page = next(page for page in window.pages if path in page.lists)
            window.sidebar.setCurrentRow(window.pages.index(page))
            qtbot.mouseClick(page.lists[path].add_button, Qt.MouseButton.LeftButton)
        if spec.kind in {"list", "table"}:
            rows = len(spec.rows) if spec.kind == "table" else 1  # type: ignore[attr-defined]
            for index in range(rows):
                for key, item in spec.children():
                    _write(qtbot, window, path.row(index).child(key), item, first_row=index == 0)
        else:
            _write(qtbot, window, path, spec)
    editors = [field for page in window.pages for field in page.all_editors().values()]
    for field in editors:
        named = input_of(field) if isinstance(field, FieldEditor) else field.input
        assert named.accessibleName() == field.label.text() != "", field.path
    window.sidebar.setCurrentRow(len(window.pages))
    assert window.problems == []
    assert window.review.summary.text() == "✔ Rapporten är komplett och klar att exporteras."
    assert export_from_review(qtbot, window, monkeypatch, tmp_path / "Slutrapport.docx") == window.session.draft


def test_the_cost_table_sums_as_you_type_and_says_when_the_sum_is_too_high(qtbot: QtBot) -> None:
    create_application([])
    name, draft = sample_report("sjobygden-slutrapport")
    window = open_window(qtbot, DraftSession.create(drafts_dir(), name, draft))
    table = next(page.tables[P("ekonomi.kostnader")] for page in window.pages if P("ekonomi.kostnader") in page.tables)
    assert [label.text() for label in table.totals] == ["<b>615 000 kr</b>", "<b>570 050 kr</b>"]
    type_into(qtbot, window, "ekonomi.kostnader[2].utfall", "600 000")  # Lönekostnader
    assert table.totals[1].text() == "<b>717 150 kr</b>"
    type_into(qtbot, window, "ekonomi.kommentar", "")
    input_of(editor(window, "ekonomi.kommentar")).clear()
    window.sidebar.setFocus()
    assert table.problems.isVisible()
    assert "Summa utfall (717 150 kr) är mer än beviljat medel (615 000 kr)" in table.problems.text()
    window.sidebar.setCurrentRow(len(window.pages))
    problems = window.review.problems
    row = next(index for index in range(problems.count()) if "Summa utfall" in problems.item(index).text())
    qtbot.mouseClick(problems.viewport(), Qt.MouseButton.LeftButton, pos=problems.visualItemRect(problems.item(row)).center())
    qtbot.keyClick(problems, Qt.Key.Key_Return)
    assert input_of(editor(window, "ekonomi.kostnader[0].utfall")).hasFocus()
