# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Compiling 200 received reports, against decoding the drafts they carry (the floor: what
any compilation of exported reports must do)."""

from __future__ import annotations

import base64
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

from bench.runner import Benchmark
from finsam_desktop.compiling.compilation import Compilation
from finsam_desktop.compiling.xlsx_writer import workbook_bytes
from finsam_desktop.document.embedded import ROOT_TAG
from finsam_desktop.document.export import export_docx
from finsam_desktop.drafts import decode
from finsam_desktop.sample import sample_report

REPORTS = 200


def _received() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="finsam-bench-compile-"))
    for index in range(REPORTS):
        form_id = "gavleborg-slutrapport" if index % 2 else "sjobygden-slutrapport"
        name, draft = sample_report(form_id)
        node = draft.allmant if form_id == "gavleborg-slutrapport" else draft.insatsen
        node.insatsens_namn = f"{node.insatsens_namn} {index}"
        export_docx(draft, name, folder / f"rapport-{index:03d}.docx")
    return folder


def benchmarks() -> list[Benchmark]:
    folder = _received()
    files = sorted(folder.iterdir())

    def compile_all() -> None:
        compilation = Compilation()
        compilation.read([folder])
        workbook_bytes(compilation)

    def drafts_alone() -> None:
        for path in files:
            with zipfile.ZipFile(path) as package:
                for name in package.namelist():
                    if name.startswith("customXml/item") and "Props" not in name:
                        root = etree.fromstring(package.read(name))
                        if root.tag == ROOT_TAG:
                            decode(path, base64.b64decode(root.text or ""))

    name = f"compile {REPORTS} received reports to Excel"
    return [Benchmark(name, compile_all, "their embedded drafts alone", drafts_alone, repeats=3)]
