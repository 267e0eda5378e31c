"""Compiling 200 received reports, against importing them one by one (the floor)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.runner import Benchmark
from finsam_desktop.compiling.received import Received, files_in, mark_duplicates, read_all
from finsam_desktop.compiling.rows import insats_row
from finsam_desktop.compiling.xlsx_writer import workbook_bytes
from finsam_desktop.document.export import export_docx
from finsam_desktop.reading.importer import read_docx
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
    files = files_in([folder])

    def compile_all() -> None:
        reports = [each for each in read_all(files) if isinstance(each, Received)]
        mark_duplicates(reports)
        workbook_bytes([insats_row(each.draft, each.source.name) for each in reports], [])

    def import_each() -> None:
        for path in files:
            read_docx(path)

    name = f"compile {REPORTS} received reports to Excel"
    return [Benchmark(name, compile_all, "import them one by one", import_each, repeats=3)]
