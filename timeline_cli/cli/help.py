"""The text of the manual that is not a command's own docstring.

`cli/helpformat.py` builds every page (`--help` and `timeline man`) from the command
definitions; what is the same on every page, or belongs to no one command, is here.
A command's summary, description and examples live in its docstring (see
helpformat.py for the format). Keep this module free of imports: it is on the help path.
"""

ROOT_HELP = """\
The chronology of Chinese news articles, in the terminal and in pipes.

Reads articles in Traditional or Simplified Chinese (or a mix), finds every dated
mention (今年4月份, 年底, 效力12年, 5年后), resolves it to calendar dates against the
article's publication date, and builds events: when, what, who, how certain, each with
the sentence it came from.

Every command that reads articles takes files, folders (walked recursively) or - for
stdin, and reads the embedded seed article (LeCun leaving Meta) when given no path.
With no command, timeline runs timeline list. Output knows where it goes: tables at a
terminal, tab-separated lines in a pipe, JSON on request (timeline schema prints the
JSON Schemas).

Relative words (今年, 去年, 上週三, 年底) resolve against the article's reference date:
--ref-date, else a sidecar FILE.meta.toml (published = 2025-11-20), else a dateline in
the text, else a year inferred from the text, which is said on stderr.

Run timeline COMMAND --help, or timeline man COMMAND, for each command's page.

Examples:
    timeline
        The seed article's timeline.
    timeline list news/ --since 2025 --format json
        Events from 2025 on, from every article in a folder, as JSON.
    timeline mentions --format table
        Every dated mention of one article, with its value and interval.
    timeline explain 今年4月份 --ref-date 2025-11-20
        Why a phrase resolved to the date it did.
    timeline chart --width 80
        The timeline drawn on a time axis.
"""

# (code, meaning, whether it applies only to commands that read articles)
EXIT_STATUS = (
    (0, "Success.", False),
    (1, "Some input could not be read (the others are still processed and shown), or the "
        "output could not be written.", True),
    (2, "Usage error: an unknown option, a bad option value or a missing argument.", False),
    (129, "Hung up (SIGHUP); nothing half-written is left behind.", False),
    (130, "Interrupted (Ctrl-C); nothing half-written is left behind.", False),
    (141, "The reader of the output went away early (as head does), or stdout was closed; the rest "
          "is dropped quietly.", False),
    (143, "Terminated (SIGTERM); nothing half-written is left behind.", False),
)

# A command whose parameters include this one reads articles, and can exit 1 for one it cannot read.
INPUTS_PARAM = "paths"

ENVIRONMENT = (
    ("NO_COLOR", "When set and not empty, no colour and no bold anywhere, unless --color always."),
    ("COLUMNS", "The width to draw tables, charts and help at, instead of the terminal's."),
    ("XDG_CONFIG_HOME", "Where timeline-cli/entities.toml is read from: extra entities and "
                        "aliases, as with --entities (default: ~/.config)."),
    ("TIMELINE_DEBUG", "When set, an internal error shows its Python traceback."),
    ("TIMELINE_DB_TIMEOUT", "Seconds to wait for another process writing an index (default 10)."),
)

# Commands with more options than this show them in the groups below, in this order.
GROUP_OPTIONS_OVER = 10
OPTION_GROUPS = (
    ("Input", {"paths", "event_id", "text", "name", "command", "ref_date", "entities", "encoding", "glob",
               "jobs", "merge", "text_field", "date_field", "id_field", "db", "parquet"}),
    ("Index", {"stats", "dask", "partitions"}),
    ("Filters", {"since", "until", "actor", "type", "status", "grep", "precision", "limit", "reverse"}),
    ("Output", {"format", "output", "script", "by", "width", "legend", "color", "write"}),
)
OTHER_OPTIONS = "Messages and help"

# SEE ALSO of each command, besides timeline(1).
RELATED = {
    "list": ("tree", "chart", "show", "schema"),
    "mentions": ("explain", "schema"),
    "explain": ("mentions",),
    "tree": ("list", "chart"),
    "show": ("list", "explain"),
    "actors": ("list",),
    "chart": ("list", "tree"),
    "schema": ("list", "mentions"),
    "index": ("list", "show"),
    "man": (),
}
