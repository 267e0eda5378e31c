# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Hypothesis strategies for whole drafts, built by walking the pydantic model."""

from __future__ import annotations

from typing import Any, get_args, get_origin

from hypothesis import strategies as st
from pydantic import BaseModel

from finsam_desktop.forms.spec import load_form
from finsam_desktop.model import Entry, report_model
from tests.gavleborg import Draft

# Any code point at all: å/ä/ö, emoji, tabs, \x0b and other controls, lone surrogates.
any_text = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=()), max_size=60)
word_text = st.sampled_from(["", "Försäkringskassan", "2021-10-01", "625 000 kr.", "åäö ÅÄÖ 😀", "\t\x0b\x0c\r\n"])
texts = st.one_of(any_text, word_text)


def model_strategy(model: type[BaseModel], text: st.SearchStrategy[str] = texts) -> st.SearchStrategy[Any]:
    """Instances of ``model`` with every text field drawn from ``text``."""
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for name, info in model.model_fields.items():
        annotation = info.annotation
        if annotation is str:
            fields[name] = text
        elif get_origin(annotation) is list and get_args(annotation)[0] is str:
            fields[name] = st.lists(text, max_size=3)
        elif get_origin(annotation) is list:
            fields[name] = st.lists(model_strategy(get_args(annotation)[0], text), max_size=3)
        elif isinstance(annotation, type) and issubclass(annotation, Entry):
            fields[name] = text.map(lambda raw, kind=annotation: kind(raw=raw))
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            fields[name] = model_strategy(annotation, text)
        else:
            raise TypeError(f"no strategy for {model.__name__}.{name}: {annotation}")
    return st.builds(model, **fields)


drafts = model_strategy(Draft)


def drafts_of(form_id: str) -> st.SearchStrategy[Any]:
    """Drafts of any installed form, every text drawn from ``texts``."""
    return model_strategy(report_model(load_form(form_id)))
