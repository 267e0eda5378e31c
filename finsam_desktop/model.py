"""The report as the reporter wrote it: one pydantic model per section of the form.

A draft holds exactly what was typed, valid or not; nothing is dropped, trimmed or
rewritten here. Fields with a kind (dates, kronor, phone, postnummer, e-mail) keep the
typed ``raw`` text and expose the canonical ``value`` their parser understood, which is
also written to draft files so other programs can read it without parsing. Labels and
help texts are not here: they come from the form data (``finsam_desktop.form``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

from finsam_desktop import parsing

T = TypeVar("T")


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Entry(_Part, Generic[T]):
    """Typed text with a meaning; a plain string is accepted in place of the object."""

    raw: str = ""
    parser: ClassVar[Callable[[str], parsing.Parsed[Any]]]

    @model_validator(mode="before")
    @classmethod
    def _accept_text(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"raw": data}
        if isinstance(data, dict):
            return {key: item for key, item in data.items() if key != "value"}  # derived, recomputed
        return data

    def parsed(self) -> parsing.Parsed[T]:
        return type(self).parser(self.raw)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def value(self) -> T | None:
        """The canonical value, or None while the text is empty or not understood."""
        return self.parsed().value


class DateEntry(Entry[date]):
    parser = parsing.parse_date


class KronorEntry(Entry[int]):
    parser = parsing.parse_kronor


class PhoneEntry(Entry[str]):
    parser = parsing.parse_phone


class PostnummerEntry(Entry[str]):
    parser = parsing.parse_postnummer


class EmailEntry(Entry[str]):
    parser = parsing.parse_email


class DateRange(_Part):
    start: DateEntry = Field(default_factory=DateEntry)
    slut: DateEntry = Field(default_factory=DateEntry)


class Allmant(_Part):
    """1. Allmänna uppgifter"""

    insatsens_namn: str = ""
    insatstid: DateRange = Field(default_factory=DateRange)
    beviljade_medel: KronorEntry = Field(default_factory=KronorEntry)
    utnyttjade_medel: KronorEntry = Field(default_factory=KronorEntry)


class Ansvarig(_Part):
    """2. Ansvarig för genomförande av insatsen"""

    organisation: str = ""
    arbetsstalle: str = ""
    kontaktperson: str = ""
    mobiltelefon: PhoneEntry = Field(default_factory=PhoneEntry)
    epost: EmailEntry = Field(default_factory=EmailEntry)
    postnummer: PostnummerEntry = Field(default_factory=PostnummerEntry)
    postadress: str = ""


class Samverkanspart(_Part):
    """One row of 3. Samverkansparter"""

    organisation: str = ""


class Insatsbeskrivning(_Part):
    """4. Insatsbeskrivning"""

    syfte_bakgrund: str = ""
    malgrupp: str = ""


class Mal(_Part):
    """One goal of 5.1: the goal, its result and whether it was reached (Ja/Delvis/Nej, or "")."""

    mal: str = ""
    resultat: str = ""
    uppnatt: str = ""


class Resultat(_Part):
    """5. Resultat och utfall av insats"""

    mal: list[Mal] = Field(default_factory=list)
    arbetssatt: str = ""
    avvikelser: str = ""
    uppfoljning: str = ""


class Analys(_Part):
    """6. Analys"""

    erfarenheter: str = ""
    implementering: str = ""
    brukarmedverkan: str = ""
    framgangsfaktorer: str = ""
    systemfel: str = ""


class Ekonomi(_Part):
    """7. Ekonomiuppföljning: 7.1.1 when the funds were used up, 7.2.1 when not."""

    budget_avvagning: str = ""
    ej_utnyttjade_orsak: str = ""


class Uppgiftslamnare(_Part):
    """8. Uppgiftslämnare"""

    datum: DateEntry = Field(default_factory=DateEntry)
    namn: str = ""


class Draft(_Part):
    """A whole Slutrapport, as far as it has been written."""

    allmant: Allmant = Field(default_factory=Allmant)
    ansvarig: Ansvarig = Field(default_factory=Ansvarig)
    samverkansparter: list[Samverkanspart] = Field(default_factory=list)
    insatsbeskrivning: Insatsbeskrivning = Field(default_factory=Insatsbeskrivning)
    resultat: Resultat = Field(default_factory=Resultat)
    analys: Analys = Field(default_factory=Analys)
    ekonomi: Ekonomi = Field(default_factory=Ekonomi)
    uppgiftslamnare: Uppgiftslamnare = Field(default_factory=Uppgiftslamnare)


_STEP = re.compile(r"([a-z_]+)(?:\[([0-9]+)\])?")


def value_at(draft: BaseModel, path: str) -> Any:
    """What a field path (``resultat.mal[1].resultat``) points at in ``draft``."""
    node: Any = draft
    for step in path.split("."):
        match = _STEP.fullmatch(step)
        if match is None:
            raise KeyError(path)
        node = getattr(node, match.group(1))
        if match.group(2) is not None:
            node = node[int(match.group(2))]
    return node


def text_of(node: Any) -> str:
    """The typed text of a field, whether it is plain text or an :class:`Entry`."""
    return node.raw if isinstance(node, Entry) else str(node)


def set_text_at(draft: BaseModel, path: str, text: str) -> None:
    """Put typed ``text`` in the field at ``path``: the raw text of a typed field, or the text."""
    parent_path, _, leaf = path.rpartition(".")
    parent = value_at(draft, parent_path) if parent_path else draft
    current = getattr(parent, leaf)
    if isinstance(current, Entry):
        current.raw = text
    else:
        setattr(parent, leaf, text)
