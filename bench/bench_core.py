# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Saving and validating the maximal draft of each form, against what the bare work costs."""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from bench.maximal import maximal_draft
from bench.runner import Benchmark
from finsam_desktop.drafts import NEW_FILE, read_draft, write_draft
from finsam_desktop.model import all_texts
from finsam_desktop.validation import validate

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _form_benchmarks(form_id: str) -> list[Benchmark]:
    folder = Path(tempfile.mkdtemp(prefix="finsam-bench-"))
    draft = maximal_draft(form_id)
    path = folder / "maximal.json"
    write_draft(path, "Maximal", draft, NEW_FILE)
    state = {"revision": read_draft(path).revision}
    content = draft.model_dump(mode="json")
    bare = folder / "bare.json"
    texts = list(all_texts(draft))  # the draft's own strings: where they lie in memory is the same for both

    def autosave() -> None:
        state["revision"] = write_draft(path, "Maximal", draft, state["revision"])

    def bare_dump() -> None:
        temp = bare.with_suffix(".tmp")
        with open(temp, "w", encoding="utf-8") as handle:
            json.dump(content, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, bare)

    def scan_once() -> None:
        for text in texts:
            _CONTROL.search(text)

    size = sum(map(len, texts))
    return [
        Benchmark(f"autosave maximal draft, {form_id} ({path.stat().st_size // 1024} kB)", autosave,
                  "json.dump + fsync + replace", bare_dump),
        Benchmark(f"validate maximal draft, {form_id} ({size // 1000}k chars)", lambda: validate(draft),
                  "one regex scan over every text", scan_once),
        Benchmark(f"load maximal draft, {form_id}", lambda: read_draft(path), "json.load of the same file",
                  lambda: json.loads(path.read_bytes())),
    ]


def benchmarks() -> list[Benchmark]:
    """The same measures for each form shipped with the app."""
    return [bench for form_id in ("gavleborg-slutrapport", "sjobygden-slutrapport") for bench in _form_benchmarks(form_id)]
