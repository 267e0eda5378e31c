"""A file name for the exported report that any Windows folder accepts."""

from __future__ import annotations

import re

from finsam_desktop.document.structure import shown_value
from finsam_desktop.model import Draft

RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}
MAX_PART = 60
MAX_STEM = 150  # leaves room for the folder within Windows' 260-character paths


def safe_part(text: str) -> str:
    """One part of a file name: no characters Windows refuses, no line breaks, not too long."""
    text = re.sub(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f\ud800-\udfff]', " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    return text[:MAX_PART].rstrip(" .")


def suggested_filename(draft: Draft, suffix: str = ".docx") -> str:
    """``Slutrapport – <Insatsens namn> – <Organisation> – <Datum>.docx``, made safe."""
    parts = [
        "Slutrapport",
        safe_part(draft.allmant.insatsens_namn),
        safe_part(draft.ansvarig.organisation),
        safe_part(shown_value(draft.uppgiftslamnare.datum)),
    ]
    stem = " – ".join(part for part in parts if part)[:MAX_STEM].rstrip(" .–")
    if stem.split(".")[0].upper() in RESERVED:
        stem = f"_{stem}"
    return stem + suffix
