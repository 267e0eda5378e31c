# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The forms the tests run for: those shipped with the app, and the tiny test form in
``tests/forms`` that uses every kind and rule (installed in each test's forms folder)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from bench.maximal import maximal_draft
from finsam_desktop.model import Report
from finsam_desktop.sample import has_sample, sample_report

ROOT = Path(__file__).resolve().parent.parent
TEST_FORMS = Path(__file__).resolve().parent / "forms"
SHIPPED_IDS = sorted(tomllib.loads(path.read_text(encoding="utf-8"))["form"]["id"] for path in (ROOT / "resources" / "forms").glob("*.toml"))
TEST_FORM_IDS = sorted(tomllib.loads(path.read_text(encoding="utf-8"))["form"]["id"] for path in TEST_FORMS.glob("*.toml"))
FORM_IDS = SHIPPED_IDS + TEST_FORM_IDS
_FILES = [*(ROOT / "resources" / "forms").glob("*.toml"), *TEST_FORMS.glob("*.toml")]
RULE_CASES = sorted(
    (data["form"]["id"], index)
    for data in (tomllib.loads(path.read_text(encoding="utf-8")) for path in _FILES)
    for index in range(len(data.get("rules", [])))
)


def filled_draft(form_id: str) -> tuple[str, Report]:
    """A complete report of the form: its example report, or every field filled."""
    if has_sample(form_id):
        return sample_report(form_id)
    return "Ifylld", maximal_draft(form_id, text="Ett svar med å, ä och ö.\n\n- en punkt\n- en till")
