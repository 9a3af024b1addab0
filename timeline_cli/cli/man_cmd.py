"""timeline man: the manual pages, as roff, from the same definitions as --help."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import fail_usage, write_output
from .options import Output


def man_command(
    ctx: typer.Context,
    command: Annotated[str | None, typer.Argument(
        metavar="COMMAND", show_default=False,
        help="The command whose page to print (list, mentions, …). Default: the page of timeline itself.")] = None,
    write: Annotated[str | None, typer.Option(  # str, not Path: no Pydantic on this path
        "--write", metavar="DIR",
        help="Write timeline.1 and one page per command (timeline-list.1, …) into DIR, created if "
             "need be, instead of printing a page; pages of commands that no longer exist are removed.")] = None,
) -> None:
    """Print a manual page (roff), generated from the same definitions as --help.

    The pages have the same sections as the help: NAME, SYNOPSIS, DESCRIPTION,
    OPTIONS, EXAMPLES and EXIT STATUS, and a SEE ALSO. The repository ships them
    in man/ (make man writes them); install them into a man1 folder of your
    MANPATH to read them with man timeline or man timeline-list.

    Examples:
        timeline man | man -l -
            Read the page of timeline itself.
        timeline man list | man -l -
            The page of timeline list.
        timeline man --write man/
            Write every page into man/, as make man does.
    """
    from ..render.man import as_roff
    from .helpformat import all_pages

    root = ctx.find_root()
    prog = root.info_name or "timeline"
    pages = all_pages(root.command, prog)
    if write is not None:
        if command is not None:
            fail_usage("give either COMMAND or --write DIR, not both; e.g. timeline man --write man/")
        write_pages(pages, Path(write), prog)
        return
    name = prog if command is None else f"{prog}-{command}"
    if name not in pages:
        known = ", ".join(page[len(prog) + 1:] for page in pages if page != prog)
        fail_usage(f"no command {command!r}; give one of {known}, e.g. timeline man list")
    write_output(as_roff(pages[name]), Output("roff", None))


def write_pages(pages: dict, folder: Path, prog: str) -> None:
    """Each page into FOLDER/NAME.1 (atomically); generated pages no longer made are removed."""
    from ..render.man import GENERATED, as_roff

    folder.mkdir(parents=True, exist_ok=True)
    wanted = {f"{name}.1" for name in pages}
    for name, page in pages.items():
        write_output(as_roff(page), Output("roff", str(folder / f"{name}.1")))
    for stale in folder.glob(f"{prog}-*.1"):
        if stale.name not in wanted and stale.read_text("utf-8", "replace").startswith(GENERATED):
            stale.unlink()


def register(app: typer.Typer) -> None:
    app.command("man")(man_command)
