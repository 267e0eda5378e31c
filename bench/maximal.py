"""The largest draft worth planning for: every text field about 20 000 characters."""

from __future__ import annotations

from finsam_desktop.form import DEFAULT_FORM, FieldSpec, load_form
from finsam_desktop.model import Report, report_model, row_model, set_text_at, value_at

PARAGRAPH = (
    "Insatsen har under perioden arbetat med samordnad planering för deltagarna, och "
    "handläggarna från Försäkringskassan, Arbetsförmedlingen och regionen har träffats varannan "
    "vecka. Deltagarna har varit med och bestämt vad mötena ska handla om.\n"
    "- En punkt i en lista som klistrats in från Word\n\n"
)
LONG_TEXT = (PARAGRAPH * (20_000 // len(PARAGRAPH) + 1))[:20_000]
TYPED = {"date": "2025-12-31", "kronor": "480 000", "phone": "070-174 06 42", "email": "lena.sjoberg@ockelbo.se",
         "postnummer": "816 30"}


def _fill(draft: Report, path: str, spec: FieldSpec, text: str) -> None:
    if spec.kind == "daterange":
        for part in spec.parts:
            set_text_at(draft, f"{path}.{part}", TYPED["date"])
    elif spec.kind in {"list", "table"}:
        rows = value_at(draft, path)
        if spec.kind == "list":
            wanted = 4 if len(spec.items) == 1 else 8
            rows.extend(row_model(draft, path)() for _ in range(min(wanted, spec.max_rows or wanted)))
        for index in range(len(rows)):
            for item in spec.items:
                _fill(draft, f"{path}[{index}].{item.key}", item, text)
                if spec.kind == "table" and index and item.kind == "kronor":
                    set_text_at(draft, f"{path}[{index}].{item.key}", "0")  # the sum stays the first row's
    elif spec.kind == "choice":
        set_text_at(draft, path, spec.choices[0])
    else:
        set_text_at(draft, path, TYPED.get(spec.kind, text))


def maximal_draft(form_id: str = DEFAULT_FORM, text: str = LONG_TEXT) -> Report:
    """Four rows in a list of names, eight in other lists (or as many as the form allows),
    ``text`` (~20 000 characters) in every text field, and valid amounts and dates."""
    form = load_form(form_id)
    draft = report_model(form)()
    for path, spec, _section in form.fields():
        _fill(draft, path, spec, text)
    return draft
