"""timeline mentions: every dated mention, with its value, interval, anchor and rule."""

from __future__ import annotations

import typer

from .common import EXIT_INPUT, EXIT_OK, exit_code, load, open_output, part_stream, prepare_output
from .options import MANNERS, READING, Manners, Output, Reading, output_group, uses, without
from .verbose import Report

FORMATS = ("table", "json", "jsonl", "plain", "csv")
FORMAT_HELP = ("Output format. Default: the one --output FILE's extension names (.json, .jsonl, .csv, .tsv), "
               "else table at a terminal or into a file, plain (tab-separated) in a pipe.")


@uses(without(READING, "entities", "merge"), output_group(FORMATS, help=FORMAT_HELP), MANNERS)
def mentions_command(read: Reading, out: Output, manners: Manners) -> None:
    """List every dated mention, with its offsets, TimeML value, interval, anchor and rule.

    Offsets are code points into the original file, end exclusive: text[start:end] is
    the mention as printed. Values follow TimeML (TIMEX3): 2025-04, 2025 with mod END
    for 年底, P12Y for 效力12年, XXXX-04 when the year cannot be known. The anchor is
    ref_date, or the id of the mention a relative date was resolved against (同年,
    隨後). See docs/timex.md for every expression family and rule.

    In a pipe the output is one mention per line with tab-separated fields: path, id,
    start, end, text, type, value, mod, start date, end date and rule; csv has the same
    columns with a header. json follows the mentions schema (timeline schema
    mentions); jsonl is one mention per line, with its path.

    Examples:
        timeline mentions
            The seed article's mentions: a table at a terminal, tab-separated in a pipe.
        timeline mentions --ref-date 2025-11-20 --format json
            The seed's mentions as JSON, resolved against a given publication date.
        timeline mentions news/ -f jsonl | jq -r 'select(.type=="DURATION") | .text + " " + .value'
            Every duration in a folder of articles.
        echo '警方昨（2）日表示，案件將於下月審理' | timeline mentions -r 2025-12-03
            Mentions of a sentence from a pipe.
    """
    prepare_output(out, FORMATS, terminal="table", pipe="plain", read=read)
    report = Report(manners)
    if out.format == "table":  # for a person: the whole table at once
        inputs = load(read, manners, events=False)
        report.loaded(inputs, found="mentions")
        with open_output(out) as stream:
            stream.write(render_mentions(inputs, out))
        report.done(sum(len(a.mentions) for a in inputs.analyses), "mention")
        raise typer.Exit(exit_code(inputs))
    # For programs: written part by part as the inputs are read, in bounded memory.
    stream_in = part_stream(read, manners)
    with open_output(out) as stream:
        writer = _writer(out.format, stream, out.script)
        for number, analysis in stream_in:
            writer.part(number, analysis)
        writer.close(stream_in.errors)
    report.streamed(stream_in.documents, stream_in.errors, "mention")
    raise typer.Exit(EXIT_INPUT if stream_in.errors else EXIT_OK)


def _writer(fmt: str, out, script: str):
    if fmt == "json":
        from ..render.jsonout import MentionsJsonWriter

        return MentionsJsonWriter(out)
    if fmt == "csv":
        return _CsvWriter(out, script)
    return _LinesWriter(out, script, jsonl=fmt == "jsonl")


class _LinesWriter:
    """jsonl and plain: one line per mention, a part at a time."""

    def __init__(self, out, script: str, *, jsonl: bool):
        self.out, self.script, self.jsonl = out, script, jsonl

    def part(self, number: int, analysis) -> None:
        path = analysis.document.path
        if self.jsonl:
            from ..render.jsonout import mention_json

            head = '"path": ' + _json_text(path) + ", "
            self.out.write("".join([mention_json(m, head) + "\n" for m in analysis.mentions]))
        else:
            self.out.write("".join([self._plain(path, m) + "\n" for m in analysis.mentions]))

    def close(self, errors) -> None:
        pass

    def _plain(self, path: str, m) -> str:
        return "\t".join(x.replace("\t", " ").replace("\n", " ").replace("\r", " ")
                         for x in mention_fields(path, m, self.script))


def _json_text(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


CSV_COLUMNS = ("path", "id", "start", "end", "text", "type", "value", "mod", "start_date", "end_date", "rule")


def mention_fields(path: str, m, script: str) -> list[str]:
    from ..script import convert

    return [path, m.id, str(m.start), str(m.end), convert(m.text, script), m.type, m.value, m.mod or "",
            m.start_date.isoformat() if m.start_date else "", m.end_date.isoformat() if m.end_date else "", m.rule]


class _CsvWriter:
    """csv: a header (after a BOM, for spreadsheets), then one row per mention, a part at a time."""

    def __init__(self, out, script: str):
        import csv
        import io

        self.out, self.script, self.buffer = out, script, io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\r\n")
        self.writer.writerow(CSV_COLUMNS)
        self._flush("\ufeff")

    def _flush(self, prefix: str = "") -> None:
        self.out.write(prefix + self.buffer.getvalue())
        self.buffer.seek(0)
        self.buffer.truncate()

    def part(self, number: int, analysis) -> None:
        for m in analysis.mentions:
            self.writer.writerow(mention_fields(analysis.document.path, m, self.script))
        self._flush()

    def close(self, errors) -> None:
        pass


def render_mentions(inputs, out: Output) -> str:
    """The table of every input's mentions (the other formats are written as they are read)."""
    from rich.console import Group

    from ..render.safe import displayable_mentions
    from ..render.table import mentions_table
    from .console import render_rich

    tables = [mentions_table(f"{a.document.path}  (ref {a.document.ref.iso() if a.document.ref else 'none'}"
                             f"{', ' + a.document.ref.source if a.document.ref else ''})",
                             displayable_mentions(a.mentions), out.script) for a in inputs.analyses]
    return render_rich(Group(*tables), out)


def register(app: typer.Typer) -> None:
    app.command("mentions")(mentions_command)
