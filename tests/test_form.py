# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The form data and the model describe the same fields, in the form's own words."""

from __future__ import annotations

from typing import get_args, get_origin

from pydantic import BaseModel

from finsam_desktop.forms.spec import load_form
from finsam_desktop.model import Entry
from tests.drafting import P
from tests.gavleborg import DateRange, Draft


def model_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every place text is typed in the model; list rows as ``name[]``."""
    paths: set[str] = set()
    for name, info in model.model_fields.items():
        annotation, path = info.annotation, f"{prefix}{name}"
        if get_origin(annotation) is list:
            paths |= model_paths(get_args(annotation)[0], f"{path}[].")
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel) and not issubclass(annotation, Entry):
            paths |= model_paths(annotation, f"{path}.")
        else:
            paths.add(path)
    return paths


def form_paths() -> set[str]:
    paths: set[str] = set()
    for path, spec, _section in load_form().fields():
        if spec.kind == "list":
            paths |= {f"{path}[].{key}" for key, _item in spec.children()}
        elif spec.children():
            paths |= {f"{path}.{key}" for key, _part in spec.children()}
        else:
            paths.add(str(path))
    return paths


def test_every_model_field_has_its_label_and_every_label_its_field() -> None:
    assert model_paths(Draft) == form_paths()
    assert set(DateRange.model_fields) == {key for key, _part in load_form().spec_at(P("allmant.insatstid")).children()}


def test_every_field_has_a_label_and_answers_have_their_numbers() -> None:
    form = load_form()
    for _path, spec, section in form.fields():
        assert spec.label.strip()
        if spec.kind == "answer":
            assert spec.number.startswith(section.number + ".")


def test_sections_are_the_forms_eight_in_order() -> None:
    assert [section.heading for section in load_form().sections] == [
        "1. Allmänna uppgifter",
        "2. Ansvarig för genomförande av insatsen",
        "3. Samverkansparter",
        "4. Insatsbeskrivning",
        "5. Resultat och utfall av insats",
        "6. Analys",
        "7. Ekonomiuppföljning utnyttjade medel",
        "8. Uppgiftslämnare",
    ]


def test_wording_is_the_forms_own() -> None:
    form = load_form()
    assert form.spec_at(P("resultat.avvikelser")).heading == (
        "5.3 Avvikelser från planering (tidsplan, aktiviteter numerära mål, m.m.):"
    )
    assert form.spec_at(P("analys.brukarmedverkan")).help == (
        "Beskriv hur deltagare involverats och gjorts delaktiga i insatsen, samt vilka lärdomar och "
        "erfarenheter de bidragit med."
    )
    assert not hasattr(form.spec_at(P("resultat.mal")), "choices") and form.spec_at(P("resultat.mal[0].uppnatt")).choices == (  # type: ignore[attr-defined]
        "Ja", "Delvis", "Nej",
    )
    assert form.forbund.recipient == "kontakt@finsamgavleborg.se"
    assert form.forbund.footer == "På www.finsamgavleborg.se kan du läsa mer om hur du ansöker."
    assert [contact.name for contact in form.forbund.contacts] == ["Anna-Karin Hainsworth", "Per Lundgren"]
    assert form.office_box.labels == ("Diarienummer", "Signatur", "Ankomstdatum")
