# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""``form-from-docx``: a förbund's blank Word mall to a form file that passes form-check."""

from __future__ import annotations

import re
from pathlib import Path

from finsam_desktop.document.errors import ImportFailed
from finsam_desktop.forms.form_file import check_form
from finsam_desktop.forms.spec import FormSpec
from finsam_desktop.from_mall.derive import derive
from finsam_desktop.from_mall.form_text import form_text
from finsam_desktop.from_mall.outline import footer_text, outline
from finsam_desktop.reading.matching import norm
from finsam_desktop.reading.package import open_docx


def suggested_id(forbund: str) -> str:
    """``Samordningsförbundet Sjöbygden`` → ``sjobygden-slutrapport``."""
    words = [word for word in norm(forbund).split() if not word.startswith(("samordningsforbund", "finsam"))]
    return "-".join([*words[:3], "slutrapport"])


def form_from_docx(path: Path, form_id: str = "", forbund: str = "") -> tuple[str, FormSpec]:
    """The form file's text for the mall at ``path``, and the form it defines. Raises
    ImportFailed, in Swedish, for a file that is not a readable Word document or has no
    numbered sections."""
    doc = open_docx(path)
    mall = derive(outline(doc))
    mall.footer = footer_text(doc)
    if not mall.sections:
        raise ImportFailed(
            f"”{path.name}” har inga numrerade avsnitt (som ”1. Allmänna uppgifter” i fetstil eller rubrikformat), "
            "så det går inte att se mallens delar."
        )
    forbund = forbund or "Samordningsförbundet (ange namnet)"
    form_id = form_id or suggested_id(forbund)
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", form_id):
        raise ImportFailed(f"Id ”{form_id}” får bara ha små bokstäver a–z, siffror och bindestreck.")
    text = form_text(mall, form_id, forbund, path.name)
    form, problems = check_form(text)
    if form is None or problems:
        said = "; ".join(f"rad {problem.line}: {problem.message}" for problem in problems[:3])
        raise ImportFailed(f"Formuläret från ”{path.name}” blev inte giltigt: {said}")
    return text, form


def install_form(text: str, form_id: str) -> Path:
    """Save a derived form into the forms folder, where the app finds it, and check it is
    there as written: the path it is at. An id already installed, or a file already there,
    is never replaced: that would take over another förbund's mall or lose an edited file."""
    from finsam_desktop.drafts import atomic_write
    from finsam_desktop.forms.form_file import read_form_file
    from finsam_desktop.forms.registry import installed_forms
    from finsam_desktop.paths import forms_dir

    target = forms_dir() / f"{form_id}.toml"
    if target.exists() or any(form.id == form_id for form in installed_forms().all()):
        raise ImportFailed(f"Det finns redan ett formulär med id ”{form_id}”. Välj ett annat id; inget av det som finns ändras.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, text.encode("utf-8"))
    except OSError as error:
        raise ImportFailed(f"Formuläret kunde inte sparas i ”{target.parent}”: {error.strerror or error}.") from error
    form, problems = read_form_file(target)
    if form is None or problems or form.id != form_id:
        raise ImportFailed(f"Formuläret sparades i ”{target}” men gick inte att läsa tillbaka; försök igen.")
    installed_forms.cache_clear()
    return target
