"""Gävleborg's form as models, by the names the tests use (the app builds them from the form)."""

from __future__ import annotations

from finsam_desktop.form import load_form
from finsam_desktop.model import report_model, row_model

Draft = report_model(load_form())
_BLANK = Draft()
Mal = row_model(_BLANK, "resultat.mal")
Samverkanspart = row_model(_BLANK, "samverkansparter")
Resultat = type(_BLANK.resultat)
DateRange = type(_BLANK.allmant.insatstid)
