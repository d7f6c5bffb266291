"""The atlas on the command line.

    python -m geo export --year 1905 --format png --out map.png [--lang ko] [--size a4]
    python -m geo export --format html --out atlas.html
    python -m geo check

Bad arguments get a one-line message and exit status 2, a broken data file its
:class:`geo.DataError` message and status 1; never a traceback.  ``check`` prints every
problem in the data files, one per line (file, feature: reason), and exits 1 if any.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import events, export, fonts, islands, periods, problems, treaties
from .periods import first_year
from .sources import LANGUAGES, DataError, data_dir

FORMATS = ("png", "pdf", "gif", "html")
NEEDS_YEAR = ("png", "pdf")
HAS_SIZE = ("png", "gif")


def _year(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year, e.g. 1905") from None


def _size(text: str) -> tuple[int, int]:
    try:
        return export.size(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


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
    exporting.add_argument("--lang", default="en", choices=LANGUAGES, help="language of the text (default: en)")
    exporting.add_argument("--size", type=_size, metavar="slide|a4|WxH",
                           help="picture size (png: default slide, 1920x1080; gif: default 1280x720); "
                                "a4 is 2480x3508, A4 at 300 dpi")
    checking = commands.add_parser(
        "check", help="validate the data files",
        description="Load and validate every data file (geometry, period coverage, holders, sources, both "
                    "languages); print each problem with its file, feature and reason.")
    return main, {"export": exporting, "check": checking}


def check_data() -> int:
    found = problems()
    for problem in found:
        print(problem)
    if found:
        print(f"{len(found)} problem(s) in {data_dir()}", file=sys.stderr)
        return 1
    print(f"{data_dir()}: no problems ({len(periods())} periods, {len(treaties())} treaties, "
          f"{len(islands())} islands, {len(events())} events)")
    return 0


def _check(args: argparse.Namespace, complain) -> None:
    """What argparse cannot check alone: the year against the data, and the output folder."""
    if args.format in NEEDS_YEAR:
        if args.year is None:
            complain(f"--year is needed for --format {args.format}")
        last = dt.date.today().year
        if not first_year() <= args.year <= last:
            complain(f"argument --year: {args.year} is outside the atlas's years, {first_year()}–{last}")
    elif args.year is not None:
        print(f"note: --year is not used by --format {args.format}, which shows every period", file=sys.stderr)
    if args.size is not None and args.format not in HAS_SIZE:
        complain("--size applies to png and gif only (pdf is always A4; html fits the window)")
    folder = args.out.parent
    if not folder.is_dir():
        complain(f"argument --out: the folder {folder} does not exist")
    if args.out.is_dir():
        complain(f"argument --out: {args.out} is a folder; give a file name such as map.{args.format}")


def _write(args: argparse.Namespace) -> None:
    if args.format == "png":
        content = export.png(args.year, args.lang, args.size or export.SIZES["slide"])
    elif args.format == "pdf":
        content = export.pdf(args.year, args.lang)
    elif args.format == "gif":
        content = export.gif(args.lang, args.size or export.GIF_SIZE)
    else:
        content = export.html(args.lang).encode("utf-8")
    args.out.write_bytes(content)
    print(f"wrote {args.out} ({len(content) / 1024:,.0f} KB)")


def main(argv: list[str] | None = None) -> int:
    command_line, commands = parsers()
    args = command_line.parse_args(argv)
    if args.command == "check":
        return check_data()
    try:
        _check(args, commands[args.command].error)
        _write(args)
    except (DataError, fonts.FontsMissing) as error:
        print(f"python -m geo {args.command}: error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"python -m geo {args.command}: error: cannot write {args.out}: {error.strerror or error}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
