"""
The `reseau-coop` command: a thin layer over the public functions.

Exit status: 0 on success; 1 when the data, the question or the input and output
fail (an invalid, missing or unreadable file, a year in no phase, a year with no
snapshot, a file or a standard stream that cannot be written); 2 when the command line
itself is wrong; 130 on Ctrl-C; 141 (128 + SIGPIPE, what the shell shows for `git` or
`cat`) when the reader of standard output goes away early (`reseau-coop | head`).
Errors go to stderr as one line (a data file's problems follow, one per line), never
as a traceback: `main` maps every failure to its message and status, in one place.
No colour is used, so `NO_COLOR` holds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn

from ._claims import Verdict, check_claims
from ._compare import compare
from ._dataset import default_network
from ._errors import DataError, ReseauCoopError
from ._io import FORMATS, MAX_DOCUMENT_SIZE, Format, _loads, dumps, load
from ._lookup import Boundary, phase_at, phases_at
from ._metrics import growth, phase_growth
from ._model import Network
from ._output import OutputError, Stream, machine_json
from ._records import TABLES, csv_text
from ._render import (
    FileReport,
    claims_data,
    claims_lines,
    comparison_lines,
    growth_data,
    growth_lines,
    phase_data,
    phase_lines,
    problem_lines,
    summary,
    validate_data,
    validate_lines,
)
from ._report import REPORT_FORMATS, ReportFormat, render
from ._schema import json_schema_text
from ._text import words
from ._write import write_atomic

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

PROG: Final = "reseau-coop"
STDIN: Final = "<stdin>"
"""How `--data -` and `validate -` name standard input in messages and reports."""

# Exit statuses beside 0, 1 and 2: those a shell gives a command killed by the signal.
EXIT_INTERRUPTED: Final = 130  # 128 + SIGINT
EXIT_BROKEN_PIPE: Final = 141  # 128 + SIGPIPE


class CommandError(Exception):
    """A failure of the data or the question: one sentence on stderr, exit status 1."""


class _UsageError(Exception):
    """The command line is wrong: its usage and one sentence on stderr, exit status 2."""

    def __init__(self, message: str, parser: argparse.ArgumentParser | None = None) -> None:
        super().__init__(message)
        self.parser = parser


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors and output going through `main`'s one error mapping."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message, self)

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # Only --help and --version print (errors raise): to standard output, written as
        # every output is, so a closed or full stdout is an error, not silence.
        del file
        stream = Stream(sys.stdout, "output")
        for line in message.splitlines():
            stream.text(line)


# ---------------------------------------------------------------- arguments


def _when(text: str) -> int | dt.date:
    """A year (`2012`) or an ISO date (`2012-05-01`), for `phase WHEN`."""
    value = text.strip()
    try:
        if value.lstrip("-").isdigit():
            return int(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        msg = f"not a year or an ISO date (YYYY-MM-DD): {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _year(text: str) -> int:
    """A year, for `growth START END`."""
    value = _when(text)
    return value if isinstance(value, int) else value.year


def default_language(environ: dict[str, str] | None = None) -> str:
    """
    French when the user's locale is French, English otherwise.

    The locale is the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set.

    Examples:
        >>> default_language({"LANG": "fr_CA.UTF-8"}), default_language({"LC_ALL": "C"})
        ('fr', 'en')

    """
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


EXAMPLES: Final = {
    "summary": """examples:
  reseau-coop                       the Réseau COOP's history, in your locale's language
  reseau-coop summary --lang en     the same, in English
  reseau-coop --data history.toml   another network's history
  reseau-coop --json                the same, as JSON
  cat history.toml | reseau-coop --data - --data-format toml""",
    "phase": """examples:
  reseau-coop phase 2015            the phase 2015 falls in
  reseau-coop phase 2012 --all      both phases of a year two phases share
  reseau-coop phase 2019-05-01      the phase of a date
  reseau-coop phase 2012 --boundary earlier""",
    "growth": """examples:
  reseau-coop growth                the whole history, first to last snapshot
  reseau-coop growth 2007 2017      between the snapshots of two years
  reseau-coop growth --by-phase     phase by phase
  reseau-coop growth --json         the metrics as JSON""",
    "claims": """examples:
  reseau-coop claims                the source's claims, each with its verdict
  reseau-coop claims --json         the same, as JSON
  reseau-coop --data history.toml claims    exit status 1 when a claim is contradicted""",
    "validate": """examples:
  reseau-coop validate history.json
  reseau-coop validate data/                every *.json and *.toml file under data/
  reseau-coop validate data/ --json
  reseau-coop validate - < history.json     standard input""",
    "plot": """examples:
  reseau-coop plot -o membership.png            the chart, in your locale's language
  reseau-coop plot -o membership.svg --lang en
  reseau-coop --data history.toml plot -o history.pdf
  reseau-coop plot --data a.toml --data b.toml -o both.svg     two networks compared
  reseau-coop plot --default --data a.toml -o both.png""",
    "report": """examples:
  reseau-coop report -o history.html        one page to publish: chart, tables, sources
  reseau-coop report -o history.md --lang en
  reseau-coop --data history.toml report -o history.html
  reseau-coop report --format markdown      on stdout""",
    "compare": """examples:
  reseau-coop compare a.toml b.json               two networks side by side
  reseau-coop compare --default a.toml            the Réseau COOP beside another
  reseau-coop compare a.toml b.toml --from 2010 --to 2020   also over a common window
  reseau-coop compare a.toml b.toml --json        the rows of figures, as JSON""",
    "schema": """examples:
  reseau-coop schema > network.schema.json   for editors and other languages""",
    "export": """examples:
  reseau-coop export                       the data as JSON, on stdout
  reseau-coop export --format toml -o history.toml
  reseau-coop --data old.json export -o new.toml   convert JSON to TOML
  reseau-coop export --format csv --table snapshots -o snapshots.csv""",
}


def _common(*, suppress: bool) -> _Parser:
    """The options every subcommand takes, before or after its name."""
    default: Any = argparse.SUPPRESS if suppress else None
    common = _Parser(add_help=False)
    common.add_argument(
        "--data",
        metavar="FILE",
        action="append",
        # After the subcommand's name, kept apart so as not to overwrite those given before.
        dest="data_after" if suppress else "data",
        default=default,
        help="read this network's JSON or TOML file (a regular file; - for standard input) "
        "instead of the embedded Réseau COOP history; plot takes it more than once",
    )
    common.add_argument(
        "--data-format",
        choices=FORMATS,
        default=default,
        help="the format of standard input (--data - or validate -): json (the default) "
        "or toml; a file's suffix names its own",
    )
    common.add_argument(
        "--lang",
        choices=("fr", "en"),
        default=default,
        help="language of the output (default: French if your locale is, else English)",
    )
    common.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="print machine-readable JSON instead of text",
    )
    return common


def parser() -> argparse.ArgumentParser:
    """The command line, as argparse reads it."""
    from . import __version__

    top = _Parser(
        prog=PROG,
        description="The development history of a co-operative network: phases, services, "
        "membership and growth. Without a subcommand, shows the summary.",
        epilog=EXAMPLES["summary"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[_common(suppress=False)],
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    top.set_defaults(parser=top)
    sub = top.add_subparsers(dest="command", metavar="COMMAND")
    common = _common(suppress=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        command = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=EXAMPLES[name],
            formatter_class=argparse.RawDescriptionHelpFormatter,
            parents=[common],
        )
        command.set_defaults(parser=command)  # so usage errors found later show its usage
        return command

    add("summary", "show the network's phases, services, membership and growth")
    phase = add("phase", "show the phase a year or a date falls in")
    phase.add_argument("when", metavar="WHEN", type=_when, help="a year or an ISO date")
    phase.add_argument("--all", action="store_true", help="show every phase containing WHEN")
    phase.add_argument(
        "--boundary",
        choices=("later", "earlier"),
        default=None,
        help="at a year two phases share, the phase that begins (later, the default) "
        "or the one that ends (earlier); not with --all",
    )
    grow = add("growth", "show membership growth between two years, or phase by phase")
    grow.add_argument("years", metavar="YEAR", type=_year, nargs="*", help="START and END")
    grow.add_argument(
        "--by-phase", action="store_true", help="show the growth of each phase (no YEARs then)"
    )
    add(
        "claims",
        "check the source's claims against the data (exit status 1 when one is contradicted)",
    )
    check = add("validate", "check data files; list every problem with its path")
    check.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help="JSON or TOML files, or folders: every *.json and *.toml file under one, "
        "in sorted order, but hidden ones (- for standard input)",
    )
    side = add("compare", "show several networks side by side: years, counts and growth")
    side.add_argument(
        "files", metavar="FILE", nargs="*", help="JSON or TOML files (- for standard input)"
    )
    side.add_argument(
        "--default",
        action="store_true",
        help="compare the embedded Réseau COOP history too (first)",
    )
    side.add_argument(
        "--from",
        dest="start",
        metavar="YEAR",
        type=_year,
        default=None,
        help="also measure each network from this year (estimated between snapshots)",
    )
    side.add_argument(
        "--to",
        dest="end",
        metavar="YEAR",
        type=_year,
        default=None,
        help="also measure each network to this year (estimated between snapshots)",
    )
    add("schema", "print the data format's JSON Schema (for editors and other languages)")
    export = add("export", "write the data as a JSON or TOML document that loads back equal")
    export.add_argument(
        "--format",
        choices=("json", "toml", "csv"),
        default=None,
        help="json or toml (a document that loads back equal), or csv (one table, see --table; "
        "text cells that start with = + - @, a tab or a carriage return get a leading ', so "
        "no spreadsheet runs them); default: from -o's suffix, else json",
    )
    export.add_argument(
        "--table",
        choices=TABLES,
        default=None,
        help="with --format csv: the table to write",
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE, not stdout (whole or not at all: "
        "a failed write leaves FILE as it was)",
    )
    report = add("report", "write the history as a report: an HTML page, Markdown or text")
    report.add_argument(
        "--format",
        choices=REPORT_FORMATS,
        default=None,
        help="html (one self-contained page, with the chart when matplotlib is installed), "
        "markdown or text; default: from -o's suffix (.html, .htm, .md, .markdown, .txt), "
        "else markdown",
    )
    report.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE, not stdout (whole or not at all: "
        "a failed write leaves FILE as it was)",
    )
    plot = add(
        "plot",
        "draw the membership chart, with its phases, to a PNG, SVG or PDF file; "
        "with several networks, the comparison chart",
    )
    plot.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="FILE.png, .svg or .pdf"
    )
    plot.add_argument(
        "--default",
        action="store_true",
        help="draw the embedded Réseau COOP history too (first), beside the --data files",
    )
    return top


# ---------------------------------------------------------------- subcommands


def _summary(net: Network, args: argparse.Namespace, lang: str, out: Stream) -> None:
    if args.json:
        out.data(machine_json(summary(net, lang)))
    else:
        _lines(out, render(net, lang).splitlines())


def _phase(net: Network, args: argparse.Namespace, lang: str, out: Stream) -> None:
    when = args.when
    boundary: Boundary = args.boundary or "later"
    found = phases_at(net, when) if args.all else (phase_at(net, when, boundary=boundary),)
    if not found:  # --all and no phase: the same error phase_at gives
        phase_at(net, when)
    if args.json:
        out.data(machine_json(phase_data(when, found, lang, every=args.all)))
    else:
        _lines(out, phase_lines(net, when, found, lang, every=args.all))


def _growth(net: Network, args: argparse.Namespace, lang: str, out: Stream) -> None:
    if args.by_phase:
        results = list(phase_growth(net))
    elif args.years:
        results = [growth(net, args.years[0], args.years[1])]
    else:
        results = [growth(net)]
    if args.json:
        body = [growth_data(g, lang) for g in results]
        out.data(machine_json(body if args.by_phase else body[0]))
        return
    for index, result in enumerate(results):
        if index:
            out.text()
        _lines(out, growth_lines(result, lang))


def _claims(net: Network, args: argparse.Namespace, lang: str, out: Stream) -> int:
    checks = check_claims(net, lang)
    if args.json:
        out.data(machine_json(claims_data(checks, lang)))
    else:
        _lines(out, claims_lines(checks, lang))
    return 1 if any(c.verdict is Verdict.CONTRADICTED for c in checks) else 0


def _validate(args: argparse.Namespace, lang: str, out: Stream) -> int:
    reports: list[FileReport] = []
    for name in _data_files(args.files):
        problems: tuple[tuple[str, str], ...] = ()
        try:
            _stdin_network(args.data_format) if name == "-" else load(name)
        except DataError as exc:
            problems = tuple((p.where, p.message) for p in exc.problems)
        except OSError as exc:
            problems = (("$", f"cannot read the file: {exc.strerror or exc}"),)
        reports.append(FileReport(STDIN if name == "-" else name, problems))
    if args.json:
        out.data(machine_json(validate_data(reports)))
    else:
        _lines(out, validate_lines(reports, lang))
    return 1 if any(not report.valid for report in reports) else 0


def _compare(args: argparse.Namespace, lang: str, out: Stream) -> None:
    networks = [default_network()] if args.default else []
    networks += [_read(name, args.data_format) for name in args.files]
    if args.json:
        rows = compare(networks, start=args.start, end=args.end, lang=lang)
        out.data(machine_json(list(rows)))
    else:
        _lines(out, comparison_lines(networks, lang, start=args.start, end=args.end))


def _data_files(names: Iterable[str]) -> list[str]:
    """*names*, each folder replaced by the *.json and *.toml files under it, sorted."""
    files: list[str] = []
    for name in names:
        if name == "-" or not Path(name).is_dir():
            files.append(name)
            continue
        found = sorted(_under(name))
        if not found:
            msg = f"no *.json or *.toml file in {name} or its folders: nothing to validate"
            raise CommandError(msg)
        files += found
    return files


def _under(folder: str) -> Iterator[str]:
    """The paths of the *.json and *.toml files under *folder*, hidden ones left out."""

    def refuse(error: OSError) -> NoReturn:
        msg = f"cannot read {error.filename}: {error.strerror or error}"
        raise CommandError(msg)

    for root, folders, names in os.walk(folder, onerror=refuse):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in names:
            if not name.startswith(".") and Path(name).suffix.lower() in {".json", ".toml"}:
                yield str(Path(root, name))


def _lines(out: Stream, lines: Iterable[str]) -> None:
    for line in lines:
        out.text(line)


def _suffix(path: str) -> str:
    return Path(path).suffix.lower().lstrip(".")


def _export_format(args: argparse.Namespace) -> str:
    """The format `export` writes: --format, else -o's suffix, else JSON."""
    known = (*FORMATS, "csv")
    if args.format is None:
        if args.output is None:
            return "json"
        kind = _suffix(args.output)
        if kind not in known:
            msg = (
                f"cannot tell the format of {args.output}: name it *.json, *.toml or *.csv, "
                "or give --format"
            )
            raise _UsageError(msg)
        return kind
    if args.output is not None and _suffix(args.output) in set(known) - {args.format}:
        msg = f"--format {args.format} does not match the suffix of {args.output}"
        raise _UsageError(msg)  # a name without a known suffix (/dev/stdout) is fine
    format_: str = args.format
    return format_


def _export(net: Network, args: argparse.Namespace, lang: str, out: Stream) -> None:
    kind = _export_format(args)
    if kind == "csv":
        if args.table is None:
            msg = "--format csv writes one table: add --table snapshots, phases or services"
            raise _UsageError(msg)
        # --lang is the network's to have; the locale's language, only if it has it
        text_lang = lang if args.lang is not None or lang in net.languages else None
        text = csv_text(net, args.table, lang=text_lang)
    elif args.table is not None:
        msg = "--table goes with --format csv"
        raise _UsageError(msg)
    else:
        text = dumps(net, "toml" if kind == "toml" else "json")
    if args.output is None:
        out.data(text)
    else:
        _write(args, kind, lang, out, text.encode("utf-8"))


_REPORT_SUFFIXES: Final[dict[str, ReportFormat]] = {
    "html": "html",
    "htm": "html",
    "md": "markdown",
    "markdown": "markdown",
    "txt": "text",
}


def _report_format(args: argparse.Namespace) -> ReportFormat:
    """The format `report` writes: --format, else -o's suffix, else Markdown."""
    suffix = None if args.output is None else _suffix(args.output)
    from_suffix = _REPORT_SUFFIXES.get(suffix or "")
    if args.format is None:
        if args.output is None:
            return "markdown"
        if from_suffix is None:
            msg = (
                f"cannot tell the format of {args.output}: name it *.html, *.md or *.txt, "
                "or give --format"
            )
            raise _UsageError(msg)
        return from_suffix
    if from_suffix is not None and from_suffix != args.format:
        msg = f"--format {args.format} does not match the suffix of {args.output}"
        raise _UsageError(msg)
    chosen: ReportFormat = args.format
    return chosen


def _report(net: Network, args: argparse.Namespace, lang: str, out: Stream) -> None:
    kind = _report_format(args)
    text = render(net, lang, format=kind)
    if args.output is None:
        if kind == "text":
            _lines(out, text.splitlines())
        else:
            out.data(text)
    else:
        _write(args, kind, lang, out, text.encode("utf-8"))


def _plot(net: Network, args: argparse.Namespace, lang: str, out: Stream) -> None:
    kind = _suffix(args.output)
    if kind not in {"png", "svg", "pdf"}:
        msg = f"cannot tell the image format of {args.output}: name it *.png, *.svg or *.pdf"
        raise _UsageError(msg)
    paths: list[str] = args.data or []
    networks = [default_network()] if args.default or not paths else []
    if paths:  # the first file is read already, as *net*
        networks += [net, *(_read(path, args.data_format) for path in paths[1:])]
    from ._plot import comparison_chart, membership_chart  # matplotlib only when they draw

    try:
        if len(networks) > 1:
            ax = comparison_chart(networks, lang=lang)
        else:
            ax = membership_chart(networks[0], lang=lang)
    except ImportError as exc:  # no matplotlib: the one sentence that names the install
        raise CommandError(str(exc)) from None
    figure = ax.get_figure(root=True)
    assert figure is not None  # noqa: S101 - the charts draw into a figure
    image = io.BytesIO()  # drawn in memory, then written whole like any file
    figure.savefig(image, format=kind, dpi=150, bbox_inches="tight")
    _write(args, kind, lang, out, image.getvalue())


def _write(args: argparse.Namespace, kind: str, lang: str, out: Stream, data: bytes) -> None:
    """Write *data* to `-o FILE`, whole or not at all, then say so."""
    try:
        write_atomic(args.output, data)
    except OSError as exc:
        msg = f"cannot write {args.output}: {exc.strerror or exc}"
        raise CommandError(msg) from None
    except ValueError:  # a NUL in the name: Python's "embedded null byte"
        msg = f"cannot write {args.output}: the file name holds a NUL character"
        raise CommandError(msg) from None
    if args.json:
        out.data(machine_json({"written": args.output, "format": kind}))
    else:
        out.text(f"{words(lang)['written']} {args.output} ({kind})")


# ---------------------------------------------------------------- main


def _check(args: argparse.Namespace) -> None:
    """Refuse what the command would otherwise ignore: argparse cannot see these."""
    command = args.command or "summary"
    files: list[str] = args.files if command in {"validate", "compare"} else []
    rules = (
        (
            command == "growth" and len(args.years) not in {0, 2},
            "growth takes two years, START and END, or none",
        ),
        (
            command == "growth" and bool(args.by_phase and args.years),
            "--by-phase measures every phase: give no YEARs with it",
        ),
        (
            command == "phase" and bool(args.all and args.boundary),
            "--boundary chooses one phase; --all shows every phase containing WHEN",
        ),
        (
            command in {"validate", "schema", "compare"} and args.data is not None,
            f"{command} does not read --data"
            + (": give the files to check as arguments" if command == "validate" else "")
            + (": give the files to compare as arguments" if command == "compare" else ""),
        ),
        (
            command == "compare" and len(files) + bool(args.default) < 2,
            "compare needs two networks or more: give two FILEs, or --default and a FILE",
        ),
        (
            command != "plot" and len(args.data or []) > 1,
            "--data names one network (plot draws several; compare takes them as FILEs)",
        ),
        (
            [*(args.data or []), *files].count("-") > 1,
            "standard input (-) can be read only once",
        ),
        (
            args.data_format is not None and "-" not in [*(args.data or []), *files],
            (
                "--data-format names the format of standard input (--data -, validate - "
                "or compare -); "
                "a file's suffix names its own"
            ),
        ),
    )
    for broken, message in rules:
        if broken:
            raise _UsageError(message)


def _stdin_network(data_format: Format | None) -> Network:
    """The network on standard input, in *data_format* (JSON by default)."""
    stream = sys.stdin
    if stream is None:
        raise OSError(errno.EBADF, "it is closed")
    source = getattr(stream, "buffer", stream)
    data = source.read(MAX_DOCUMENT_SIZE + 1)  # never more than the limit
    try:
        return _loads(data, data_format or "json", "pass --data-format toml")
    except DataError as exc:
        raise DataError(exc.problems, subject=STDIN) from None


def _network(args: argparse.Namespace) -> Network:
    if args.data is None:
        return default_network()
    return _read(args.data[0], args.data_format)


def _read(path: str, data_format: Format | None) -> Network:
    """The network in the file *path* (`-`: standard input, in *data_format*)."""
    try:
        return _stdin_network(data_format) if path == "-" else load(path)
    except OSError as exc:
        name = STDIN if path == "-" else path
        msg = f"cannot read {name}: {exc.strerror or exc}"
        raise CommandError(msg) from None


def _run(args: argparse.Namespace, out: Stream) -> int:
    args.data = [*(args.data or []), *getattr(args, "data_after", [])] or None
    _check(args)
    lang = args.lang or default_language()
    command = args.command or "summary"
    if command == "validate":
        return _validate(args, lang, out)
    if command == "schema":
        out.data(json_schema_text())
        return 0
    if command == "compare":
        _compare(args, lang, out)
        return 0
    net = _network(args)
    if command == "claims":
        return _claims(net, args, lang, out)
    commands: dict[str, Callable[[Network, argparse.Namespace, str, Stream], None]] = {
        "summary": _summary,
        "phase": _phase,
        "growth": _growth,
        "export": _export,
        "report": _report,
        "plot": _plot,
    }
    commands[command](net, args, lang, out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the `reseau-coop` command with *argv* (the process's arguments by default).

    Returns the exit status: 0 on success, 1 when the data, the question or the input
    and output fail, 2 when the command line is wrong, 130 on Ctrl-C and 141 when
    standard output is a pipe closed early. Nothing escapes as a traceback.
    """
    out, err = Stream(sys.stdout, "output"), Stream(sys.stderr, "error")
    top = parser()
    args: argparse.Namespace | None = None
    try:
        try:
            args = top.parse_args(argv)
            status = _run(args, out)
        except SystemExit as exc:  # --help and --version, after printing
            status = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        out.flush()
    except BaseException as exc:  # noqa: BLE001 - the one place failures become messages
        return _failure(exc, out, err, (args.parser if args is not None else top))
    return status


def _failure(exc: BaseException, out: Stream, err: Stream, parser: argparse.ArgumentParser) -> int:
    """Say what failed on stderr, in one line (and a data file's problems); the status."""
    if isinstance(exc, BrokenPipeError):  # `reseau-coop | head`: the reader has all it wants
        out.silence()
        return EXIT_BROKEN_PIPE
    if isinstance(exc, OutputError):
        out.silence()  # what Python still holds for stdout must not fail again at exit
    lines, status = _describe(exc, parser)
    try:
        _lines(err, lines)
        err.flush()
    except (OSError, ValueError):  # stderr closed or full: the status is all that is left
        err.silence()
    return status


def _describe(exc: BaseException, parser: argparse.ArgumentParser) -> tuple[list[str], int]:
    """The lines that say what failed, and the exit status."""
    if isinstance(exc, KeyboardInterrupt):
        return [f"{PROG}: interrupted"], EXIT_INTERRUPTED
    if isinstance(exc, _UsageError):
        where = exc.parser or parser
        return [*where.format_usage().splitlines(), f"{where.prog}: error: {exc}"], 2
    if isinstance(exc, DataError):
        if len(exc.problems) == 1 and not exc.problems[0].path:  # the file as a whole
            return [f"{PROG}: error: invalid {exc.subject}: {exc.problems[0].message}"], 1
        first = str(exc).splitlines()[0]
        return [f"{PROG}: error: {first}", *problem_lines(exc.problems)], 1
    return [f"{PROG}: error: {_reason(exc)}"], 1


def _reason(exc: BaseException) -> str:
    if isinstance(exc, MemoryError):
        return "out of memory"
    if isinstance(exc, (ReseauCoopError, CommandError, ValueError, OutputError)):
        return str(exc)
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    if isinstance(exc, Exception):
        return f"unexpected {type(exc).__name__}: {exc} (please report it)"
    raise exc  # GeneratorExit and the like: not ours to turn into words
