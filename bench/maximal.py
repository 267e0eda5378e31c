"""The largest draft worth planning for: every text field about 20 000 characters."""

from __future__ import annotations

from typing import get_args, get_origin

from pydantic import BaseModel

from finsam_desktop.model import Draft, Entry, Mal, Resultat, Samverkanspart

PARAGRAPH = (
    "Insatsen har under perioden arbetat med samordnad planering för deltagarna, och "
    "handläggarna från Försäkringskassan, Arbetsförmedlingen och regionen har träffats varannan "
    "vecka. Deltagarna har varit med och bestämt vad mötena ska handla om.\n"
    "- En punkt i en lista som klistrats in från Word\n\n"
)
LONG_TEXT = (PARAGRAPH * (20_000 // len(PARAGRAPH) + 1))[:20_000]
TYPED = {"datum": "2026-02-10", "start": "2024-01-15", "slut": "2025-12-31", "beviljade_medel": "480 000",
         "utnyttjade_medel": "452 300", "mobiltelefon": "070-174 06 42", "epost": "lena.sjoberg@ockelbo.se",
         "postnummer": "816 30"}


def _fill(model: BaseModel) -> None:
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if isinstance(value, Entry):
            value.raw = TYPED[name]
        elif isinstance(value, BaseModel):
            _fill(value)
        elif info.annotation is str:
            setattr(model, name, LONG_TEXT)
        elif get_origin(info.annotation) is list:
            for row in value:
                _fill(row)
            assert get_args(info.annotation)


def maximal_draft() -> Draft:
    """Four samverkansparter, eight goals, and ~20 000 characters in every text field."""
    draft = Draft(samverkansparter=[Samverkanspart() for _ in range(4)], resultat=Resultat(mal=[Mal() for _ in range(8)]))
    _fill(draft)
    for goal in draft.resultat.mal:
        goal.uppnatt = "Ja"
    return draft
