# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""``finsam-desktop``: the app with no arguments, headless commands with one.

Each command is a function taking the parsed arguments and returning the exit code;
:data:`COMMANDS` lists them with their arguments, so new ones are one entry each. A command
loads what it uses when it runs: the app, started from here, waits for none of it.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

from finsam_desktop import __version__
from finsam_desktop.forms.heading import DEFAULT_FORM

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


def _validate(args: argparse.Namespace) -> int:
    from finsam_desktop.drafts import DraftError, read_draft
    from finsam_desktop.validation import has_errors, validate

    try:
        loaded = read_draft(args.path)
    except DraftError as error:
        print(error, file=sys.stderr)
        return EXIT_UNREADABLE
    problems = validate(loaded.draft)
    for problem in problems:
        print(problem)
    return EXIT_PROBLEMS if has_errors(problems) else EXIT_OK


def _write(path: Path, data: bytes, keep_backup: bool = False) -> int:
    """Write an output file; with ``keep_backup`` (drafts), one already there is kept as ``<file>.bak``."""
    from finsam_desktop.document.export import export_message
    from finsam_desktop.drafts import atomic_write, backup_path

    try:
        if keep_backup and path.is_file():
            atomic_write(backup_path(path), path.read_bytes(), private=True)
            print(f"Den tidigare filen finns kvar som {backup_path(path)}")
        atomic_write(path, data, private=keep_backup)  # drafts hold names and numbers: the owner's only
    except OSError as error:
        print(f"Kunde inte skriva ”{path}”: {export_message(path, error)}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _form_id(args: argparse.Namespace) -> str | None:
    """The ``--form`` asked for, if it is installed (else it is said, and None)."""
    from finsam_desktop.forms.registry import installed_forms

    forms = installed_forms().forms
    if args.form in forms:
        return str(args.form)
    print(f"Formuläret ”{args.form}” finns inte. Installerade: {', '.join(forms)}.", file=sys.stderr)
    return None


def _new(args: argparse.Namespace) -> int:
    """An empty report in the newest installed edition of the form."""
    from finsam_desktop.drafts import encode
    from finsam_desktop.forms.spec import load_form
    from finsam_desktop.model import report_model

    form_id = _form_id(args)
    if form_id is None:
        return EXIT_UNREADABLE
    form = load_form(form_id)
    code = _write(args.output, encode("", report_model(form)()), keep_backup=True)
    if code == EXIT_OK:
        print(f"En ny rapport enligt {form.forbund.name}s mall (utgåva {form.edition}) är sparad i {args.output}")
    return code


def _sample(args: argparse.Namespace) -> int:
    from finsam_desktop.drafts import encode
    from finsam_desktop.sample import has_sample, sample_report

    form_id = _form_id(args)
    if form_id is None:
        return EXIT_UNREADABLE
    if not has_sample(form_id):
        print(
            f"Formuläret ”{form_id}” har ingen exempelrapport. "
            f"Skapa en tom rapport med: finsam-desktop new --form {form_id} -o UTKAST.json",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    name, draft = sample_report(form_id)
    code = _write(args.output, encode(name, draft), keep_backup=True)
    if code == EXIT_OK:
        print(f"Exempelrapporten är sparad i {args.output}")
    return code


def _export(args: argparse.Namespace) -> int:
    from finsam_desktop.document.export import ExportError, export_docx
    from finsam_desktop.document.pdf_writer import write_pdf
    from finsam_desktop.document.structure import build_document
    from finsam_desktop.drafts import DraftError, read_draft

    outputs = [args.output, *([args.pdf] if args.pdf is not None else [])]
    if any(output.exists() and output.samefile(args.draft) for output in outputs):
        print(f"”{args.draft.name}” är utkastet självt. Välj ett annat namn för dokumentet.", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        loaded = read_draft(args.draft)
    except DraftError as error:
        print(error, file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        result = export_docx(loaded.draft, loaded.name, args.output, loaded.imported)
    except ExportError as error:
        print(error, file=sys.stderr)
        return EXIT_PROBLEMS
    for line in result.summary():
        print(line)
    if args.pdf is not None:
        try:
            pages = write_pdf(build_document(loaded.draft, office=loaded.imported.office), args.pdf)
        except ExportError as error:
            print(error, file=sys.stderr)
            return EXIT_PROBLEMS
        print(f"PDF-filen är sparad som {args.pdf} ({pages} sidor)")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from finsam_desktop.document.errors import ImportFailed
    from finsam_desktop.drafts import encode
    from finsam_desktop.forms.spec import load_form
    from finsam_desktop.reading.importer import read_docx

    form_id = _form_id(args) if args.form else ""
    if form_id is None:
        return EXIT_UNREADABLE
    try:
        result = read_docx(args.docx, load_form(form_id) if form_id else None)
    except ImportFailed as error:
        print(error, file=sys.stderr)
        return EXIT_PROBLEMS
    for line in result.summary():
        print(line)
    code = _write(args.output, encode(result.name, result.draft, imported=result.imported), keep_backup=True)
    if code == EXIT_OK:
        print(f"Utkastet är sparat som {args.output}")
    return code


def _schema(args: argparse.Namespace) -> int:
    from finsam_desktop.schema import draft_schema

    form_id = _form_id(args)
    if form_id is None:
        return EXIT_UNREADABLE
    text = json.dumps(draft_schema(form_id), ensure_ascii=False, indent=2) + "\n"
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    return _write(args.output, text.encode("utf-8"))


def _spell(args: argparse.Namespace) -> int:
    """Possibly misspelled words of every answer, with up to three suggestions each."""
    from finsam_desktop.drafts import DraftError, read_draft
    from finsam_desktop.spelling.checker import SpellChecker
    from finsam_desktop.spelling.lexicon import NoDictionary, load_lexicon
    from finsam_desktop.spelling.report import misspellings
    from finsam_desktop.spelling.user_words import user_words

    try:
        loaded = read_draft(args.path)
        checker = SpellChecker(load_lexicon(), user_words())
    except (DraftError, NoDictionary) as error:
        print(error, file=sys.stderr)
        return EXIT_UNREADABLE
    found = misspellings(checker, loaded.draft)
    for each in found:
        suggestions = ", ".join(checker.suggest(each.misspelling.word, 3)) or "inga"
        print(f"{each.path}: stavning: {each.misspelling.word} (förslag: {suggestions})")
    return EXIT_PROBLEMS if found else EXIT_OK


def _compile(args: argparse.Namespace) -> int:
    """Received reports into the annual report's tables: .xlsx or .docx by the output's name."""
    from finsam_desktop.compiling.compilation import Compilation
    from finsam_desktop.compiling.docx_summary import summary_docx
    from finsam_desktop.compiling.xlsx_writer import workbook_bytes

    suffix = args.output.suffix.lower()
    if suffix not in {".xlsx", ".docx"}:
        print(f"”{args.output.name}”: välj .xlsx (Excel) eller .docx (Word).", file=sys.stderr)
        return EXIT_UNREADABLE
    compilation = Compilation()
    compilation.read(args.paths)
    for line in compilation.said():
        print(line)
    rows = compilation.rows()
    if not rows:
        print("Ingen rapport kunde läsas; inget skrevs.", file=sys.stderr)
        return EXIT_UNREADABLE
    data = workbook_bytes(compilation) if suffix == ".xlsx" else summary_docx(rows)
    if _write(args.output, data) != EXIT_OK:
        return EXIT_UNREADABLE
    print(f"Sammanställningen är sparad som {args.output} ({len(rows)} insatser)")
    return EXIT_PROBLEMS if compilation.failures else EXIT_OK


def _forms(_args: argparse.Namespace) -> int:
    """One line per installed form; broken form files on standard error, with their problem."""
    from finsam_desktop.forms.registry import installed_forms

    installed = installed_forms()
    for form in installed.all():
        print(f"{form.id}\t{form.form.title} – {form.form.subtitle} ({form.edition})\t{form.forbund.name}")
    for path, problem in installed.broken:
        print(f"{path}: kan inte användas: {problem}", file=sys.stderr)
    return EXIT_OK


def _form_check(args: argparse.Namespace) -> int:
    from finsam_desktop.forms.form_file import read_form_file

    _form, problems = read_form_file(args.file)
    for problem in problems:
        where = f"{problem.line}:{problem.column}" if problem.column else f"{problem.line}"
        print(f"{args.file}:{where}: fel: {problem.message}")
    if not problems:
        print(f"{args.file}: formuläret är i ordning")
    return EXIT_PROBLEMS if problems else EXIT_OK


def _form_from_docx(args: argparse.Namespace) -> int:
    from finsam_desktop.document.errors import ImportFailed
    from finsam_desktop.from_mall.mall_form import form_from_docx

    try:
        text, form = form_from_docx(args.mall, args.id or "", args.forbund or "")
    except ImportFailed as error:
        print(f"finsam-desktop: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        args.output.write_text(text, encoding="utf-8")
        written = args.output.read_text(encoding="utf-8") == text
    except OSError as error:
        print(f"finsam-desktop: kunde inte spara {args.output}: {error.strerror or error}", file=sys.stderr)
        return EXIT_PROBLEMS
    if not written:
        print(f"finsam-desktop: {args.output} fick inte hela formuläret; försök igen på en annan plats.", file=sys.stderr)
        return EXIT_PROBLEMS
    fields = sum(1 for _ in form.fields())
    print(f"{args.output}: formuläret ”{form.id}” med {len(form.sections)} avsnitt och {fields} fält.")
    print("Kontrollera raderna märkta ”gissat” mot mallen innan formuläret lämnas ut.")
    return EXIT_OK


def _with_form(parser: argparse.ArgumentParser, default: str | None = DEFAULT_FORM) -> argparse.Action:
    return parser.add_argument("--form", default=default, help="formulärets id (se kommandot forms)")


Command = tuple[str, str, Callable[[argparse.ArgumentParser], object], Callable[[argparse.Namespace], int]]

COMMANDS: list[Command] = [
    (
        "validate",
        "Granska ett utkast: ett problem per rad (fält: fel|varning: meddelande).",
        lambda parser: parser.add_argument("path", type=Path, help="utkastets fil"),
        _validate,
    ),
    (
        "new",
        "Spara en ny, tom rapport i den nyaste installerade utgåvan av en mall.",
        lambda parser: (
            parser.add_argument("-o", "--output", type=Path, required=True, help="filen att skapa"),
            _with_form(parser),
        ),
        _new,
    ),
    (
        "sample",
        "Spara exempelrapporten som ett utkast.",
        lambda parser: (
            parser.add_argument("-o", "--output", type=Path, required=True, help="filen att skapa"),
            _with_form(parser),
        ),
        _sample,
    ),
    (
        "export",
        "Exportera ett utkast som Word-dokument (och PDF).",
        lambda parser: (
            parser.add_argument("draft", type=Path, help="utkastets fil"),
            parser.add_argument("-o", "--output", type=Path, required=True, help="Word-filen att skapa (.docx)"),
            parser.add_argument("--pdf", type=Path, help="skapa också en PDF-fil"),
        ),
        _export,
    ),
    (
        "import",
        "Läs in en slutrapport i Word (.docx) som ett utkast.",
        lambda parser: (
            parser.add_argument("docx", type=Path, help="Word-filen"),
            parser.add_argument("-o", "--output", type=Path, required=True, help="utkastet att skapa"),
            _with_form(parser, None),
        ),
        _import,
    ),
    (
        "schema",
        "Skriv utkastformatet som JSON Schema.",
        lambda parser: (
            parser.add_argument("-o", "--output", type=Path, help="filen att skapa (annars skärmen)"),
            _with_form(parser),
        ),
        _schema,
    ),
    (
        "spell",
        "Stavningskontroll av ett utkasts svar: ett möjligt stavfel per rad, med förslag.",
        lambda parser: parser.add_argument("path", type=Path, help="utkastets fil"),
        _spell,
    ),
    (
        "compile",
        "Sammanställ mottagna rapporter (Word, utkast, mappar) till årsredovisningens tabeller i Excel eller Word.",
        lambda parser: (
            parser.add_argument("paths", type=Path, nargs="+", metavar="FIL_ELLER_MAPP", help="rapporter eller mappar"),
            parser.add_argument("-o", "--output", type=Path, required=True, help="filen att skapa (.xlsx eller .docx)"),
        ),
        _compile,
    ),
    ("forms", "Visa de installerade formulären: id, titel och förbund, tabbseparerade.", lambda parser: None, _forms),
    (
        "form-check",
        "Kontrollera en formulärfil: ett fel per rad (fil:rad: fel: meddelande).",
        lambda parser: parser.add_argument("file", type=Path, help="formulärfilen (.toml)"),
        _form_check,
    ),
    (
        "form-from-docx",
        "Skapa en formulärfil från ett förbunds tomma Word-mall; gissningar står som kommentarer.",
        lambda parser: (
            parser.add_argument("mall", type=Path, metavar="MALL.docx", help="den tomma mallen"),
            parser.add_argument("-o", "--output", type=Path, required=True, help="formulärfilen att skapa (.toml)"),
            parser.add_argument("--id", help="formulärets id (små bokstäver, siffror och bindestreck)"),
            parser.add_argument("--forbund", metavar="NAMN", help="förbundets namn"),
        ),
        _form_from_docx,
    ),
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="finsam-desktop",
        description="Finsam Slutrapport. Utan argument startar programmet.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--self-test", action="store_true", help="kontrollera att programmet fungerar och avsluta")
    subcommands = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    for name, summary, add_arguments, run in COMMANDS:
        sub = subcommands.add_parser(name, help=summary, description=summary)
        add_arguments(sub)
        sub.set_defaults(run=run)
    return parser


def start_gui(path: Path | None = None) -> int:
    """The core knows the UI only by module name (here, for ``--pdf`` and the self-test),
    so everything else runs headless, without Qt installed. A report opened at start needs
    the forms engine before its window: it loads before Qt, whose import hook reads the
    source of every module imported after it (a tenth of the wait)."""
    if path is not None:
        for engine in ("finsam_desktop.library", "finsam_desktop.validation", "finsam_desktop.spelling.report"):
            importlib.import_module(engine)
    return int(importlib.import_module("ui.app").main(path))


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) == 1 and not argv[0].startswith("-") and argv[0] not in {name for name, *_ in COMMANDS}:
        return start_gui(Path(argv[0]))  # "Öppna med": a draft or a Word document
    args = build_parser().parse_args(argv)
    if args.self_test:
        return int(importlib.import_module("ui.self_test").run())
    if args.command is None:
        return start_gui()
    return int(args.run(args))
