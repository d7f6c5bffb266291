"""The atlas on the command line.

    python -m geo check
    python -m geo export --year 1905 --format png --out map.png [--lang ko] [--size a4] [--bounds W,S,E,N]
    python -m geo export --year 1875 --compare 1945 --format pdf --out compare.pdf
    python -m geo export --year 1956 --compare 1956 --view jp --compare-view ru --format png --out views.png
    python -m geo export --format html --out atlas.html

``check`` prints every problem in the data files, one per line (``file, record: reason``),
and exits 1 if there is any.  Bad arguments get a one-line message and exit status 2, broken
data its problems and status 1, an interrupted export status 130; never a traceback, and
never a half-written file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from . import export
from .model import Atlas, DataError, data_dir
from .printing.fonts import FontsMissingError

FORMATS = ("png", "pdf", "gif", "html")
NEEDS_YEAR = ("png", "pdf")
HAS_SIZE = ("png", "gif")


def _year(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year, e.g. 1905") from None


def parsers() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The command line's parser, and each command's (whose usage line an error shows)."""
    main = argparse.ArgumentParser(prog="python -m geo", description="The Kuril and Sakhalin border atlas.")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    exporting = commands.add_parser(
        "export", help="write a picture, handout, animation or offline atlas",
        description="Write a map for teaching: a picture of one year (png), a one-page A4 handout with the "
                    "treaty (pdf), an animation through every period (gif), or a self-contained atlas with "
                    "every period that works offline (html).")
    exporting.add_argument("--format", required=True, choices=FORMATS, help="what to write")
    exporting.add_argument("--out", required=True, type=Path, metavar="FILE", help="the file to write")
    exporting.add_argument("--year", type=_year, help="the year to show (png and pdf)")
    exporting.add_argument("--compare", type=_year, metavar="YEAR",
                           help="a second year, shown beside --year with what changed between them (png: a slide, "
                                "pdf: an A4 landscape handout)")
    exporting.add_argument("--bounds", metavar="W,S,E,N",
                           help="the area to show (png and pdf), west,south,east,north in degrees, e.g. "
                                "141,45.5,144.5,48.5 (default: the whole map, 139,41,163,56)")
    exporting.add_argument("--view", default="neutral", metavar="neutral|jp|ru",
                           help="whose map: the atlas's neutral map (default), or the islands as Japan's (jp) or "
                                "Russia's (ru) own maps draw them; data/viewpoints.yaml")
    exporting.add_argument("--compare-view", metavar="neutral|jp|ru",
                           help="whose map the --compare year shows (default: --view), e.g. --view jp "
                                "--compare-view ru for one year as each side draws it")
    exporting.add_argument("--lang", default=None, metavar="CODE",
                           help="language of the text, a code of data/languages.yaml (default: the first, ko)")
    exporting.add_argument("--size", metavar="slide|a4|WxH",
                           help="picture size (png: default slide, 1920x1080; gif: default 1280x720); "
                                "a4 is 2480x3508, A4 at 300 dpi")
    checking = commands.add_parser(
        "check", help="validate the data files",
        description="Load and validate every data file (types, required fields, dates, coordinates, sources, "
                    "every language, cross-references, geometry); print each problem as 'file, record: reason'.")
    return main, {"export": exporting, "check": checking}


def check_data() -> int:
    """Print every problem of the data folder (one per line) and return 1, or a summary and 0."""
    from . import current

    try:
        atlas = current()
    except DataError as error:
        for problem in error.problems:
            print(problem)
        sys.stdout.flush()
        print(f"{len(error.problems)} problem(s) in {data_dir()}", file=sys.stderr)
        return 1
    print(f"{data_dir()}: no problems ({len(atlas.periods)} periods, {len(atlas.treaties)} documents, "
          f"{len(atlas.islands)} islands, {len(atlas.events)} events, {len(atlas.languages)} languages)")
    return 0


def _viewed(atlas: Atlas, option: str, view: str, complain) -> Atlas:
    try:
        return atlas.viewed(view)
    except ValueError:
        complain(f"argument {option}: {view!r} is not one of {', '.join(v.lower() for v in atlas.viewpoints)}")


def _checked(args: argparse.Namespace, atlas: Atlas, complain) -> tuple[str, tuple[int, int] | None, tuple | None,
                                                                      tuple[Atlas, Atlas]]:
    """What argparse cannot check alone: the years, language and viewpoints against the data,
    the size, the area, and the output folder.  Returns the language, the size in pixels, the
    area (degrees, EPSG:4326; None for the whole map) and the snapshot as each map's
    viewpoint draws it (--view, and --compare-view for the --compare year)."""
    lang = args.lang or atlas.language_codes[0]
    views = (_viewed(atlas, "--view", args.view, complain),
             _viewed(atlas, "--compare-view", args.compare_view or args.view, complain))
    if args.compare_view is not None and args.compare is None:
        complain("--compare-view needs --compare (the year it shows)")
    if lang not in atlas.language_codes:
        complain(f"argument --lang: {lang!r} is not one of {', '.join(atlas.language_codes)}")
    if args.format in NEEDS_YEAR:
        last = dt.date.today().year
        if args.year is None:
            complain(f"--year is needed for --format {args.format}")
        for option, year in (("--year", args.year), ("--compare", args.compare)):
            if year is not None and not atlas.first_year <= year <= last:
                complain(f"argument {option}: {year} is outside the atlas's years, {atlas.first_year}–{last}")
    elif args.year is not None:
        print(f"note: --year is not used by --format {args.format}, which shows every period", file=sys.stderr)
    if args.format not in NEEDS_YEAR:
        for option in ("compare", "bounds"):
            if getattr(args, option) is not None:
                complain(f"--{option} applies to png and pdf only (--format {args.format} shows every period)")
    area = None
    if args.bounds is not None:
        try:
            area = export.bounds(args.bounds)
        except ValueError as error:
            complain(f"argument --bounds: {error}")
    size = None
    if args.size is not None:
        if args.format not in HAS_SIZE:
            complain("--size applies to png and gif only (pdf is always A4; html fits the window)")
        try:
            size = export.size(args.size, args.format)
        except ValueError as error:
            complain(f"argument --size: {error}")
    if not args.out.parent.is_dir():
        complain(f"argument --out: the folder {args.out.parent} does not exist")
    if args.out.is_dir():
        complain(f"argument --out: {args.out} is a folder; give a file name such as map.{args.format}")
    return lang, size, area, views


def _content(args: argparse.Namespace, views: tuple[Atlas, Atlas], lang: str, size: tuple[int, int] | None,
             area: tuple | None) -> bytes:
    atlas, other = views
    if args.format == "png" and args.compare is not None:
        return export.compare_png(atlas, args.year, args.compare, lang, size or export.SIZES["slide"], area, other)
    if args.format == "png":
        return export.png(atlas, args.year, lang, size or export.SIZES["slide"], area)
    if args.format == "pdf" and args.compare is not None:
        return export.compare_pdf(atlas, args.year, args.compare, lang, area, other)
    if args.format == "pdf":
        return export.pdf(atlas, args.year, lang, area)
    if args.format == "gif":
        return export.gif(atlas, lang, size or export.GIF_SIZE)
    return export.html(atlas, lang)


def _write(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` whole or not at all (through a temporary file beside it)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    command_line, commands = parsers()
    args = command_line.parse_args(argv)
    if args.command == "check":
        return check_data()
    from . import current

    try:
        atlas = current()
        lang, size, area, views = _checked(args, atlas, commands[args.command].error)
        content = _content(args, views, lang, size, area)
        _write(args.out, content)
    except DataError as error:
        print(f"python -m geo {args.command}: the data has problems (python -m geo check lists them):\n{error}",
              file=sys.stderr)
        return 1
    except FontsMissingError as error:
        print(f"python -m geo {args.command}: error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"python -m geo {args.command}: error: cannot write {args.out}: {error.strerror or error}",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"python -m geo {args.command}: interrupted; {args.out} was not written", file=sys.stderr)
        return 130
    print(f"wrote {args.out} ({len(content) / 1024:,.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
