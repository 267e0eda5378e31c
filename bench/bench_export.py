# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Exporting the maximal report, against python-docx writing the same paragraphs bare."""

from __future__ import annotations

from io import BytesIO

import docx

from bench.maximal import maximal_draft
from bench.runner import Benchmark
from finsam_desktop.document.export import docx_bytes
from finsam_desktop.document.structure import build_document, plain_text


def benchmarks() -> list[Benchmark]:
    draft = maximal_draft()
    paragraphs = plain_text(build_document(draft))

    def bare_docx() -> None:
        document = docx.Document()
        for text in paragraphs:
            document.add_paragraph(text)
        document.save(BytesIO())

    return [
        Benchmark(f"export maximal report ({len(paragraphs)} lines)", lambda: docx_bytes(draft, "Maximal"),
                  "bare python-docx, same paragraphs", bare_docx, repeats=5),
    ]
