# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Gävleborg's form as models, by the names the tests use (the app builds them from the form)."""

from __future__ import annotations

from finsam_desktop.forms.spec import load_form
from finsam_desktop.model import report_model
from tests.drafting import row_of

Draft = report_model(load_form())
_BLANK = Draft()
Mal = row_of(_BLANK, "resultat.mal")
Samverkanspart = row_of(_BLANK, "samverkansparter")
Resultat = type(_BLANK.resultat)
DateRange = type(_BLANK.allmant.insatstid)
