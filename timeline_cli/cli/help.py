"""Help texts, written like a man page: what the command does, examples, exit status."""

ROOT_HELP = """\
[bold]timeline[/bold] — the chronology of Chinese news articles, in the terminal and in pipes.

Reads articles in Traditional or Simplified Chinese (or a mix), finds every dated
mention (今年4月份, 年底, 效力12年, 5年后), resolves it to calendar dates against the
article's publication date, and builds events: when, what, who, how certain, each with
the sentence it came from.

With no command, [bold]timeline[/bold] runs [bold]timeline list[/bold] on the embedded seed article.
"""

ROOT_EPILOG = """\
[bold]Examples[/bold]

  timeline                                   the seed article's timeline
  timeline list news/*.txt --since 2025      events from 2025 on, from many articles
  timeline list a.txt --format json | jq '.events[].title'
  timeline mentions a.txt --ref-date 2025-11-20 --format table

[bold]Exit status[/bold]: 0 success; 1 some input could not be read (the rest is still shown);
2 usage error. Run [bold]timeline COMMAND --help[/bold] for each command.
"""

EXIT_STATUS = """\
[bold]Exit status[/bold]: 0 success; 1 some input could not be read (the others are still
processed and shown); 2 usage error (a bad option value)."""
