"""The Markdown of the atlas's reading pages: timeline events, the dispute, the sources.

Pure functions from data to escaped Markdown (see ``geo.panel.md``), so the Streamlit pages
only arrange them and tests can read them without a browser.
"""

from __future__ import annotations

import pandas as pd

from .dispute import Position, dispute
from .events import events_near
from .i18n import format_date
from .i18n import tr
from .panel import link, md
from .sources import DataError, Text, per_data_dir, per_data_version, read_yaml
from .treaties import treaty

DATASETS_FILE = "datasets.yaml"


def event_markdown(event, lang: str) -> str:
    """One event: date (and end), place, title, description, contested dates, sources."""
    when = format_date(event["date"], lang, event["precision"])
    if pd.notna(event["end_date"]):
        when += " – " + format_date(event["end_date"], lang, event["precision"])
    parts = [f"**{md(when)}** · {md(event['place'](lang))}",
             f"#### {md(event['title'](lang))}",
             md(event["description"](lang))]
    if event["contested"] is not None:
        parts.append(f"*{md(tr('contested', lang))}: {md(event['contested'](lang))}*")
    parts.append(f"{tr('sources', lang)}: " + " · ".join(link(s) for s in event["sources"]))
    return "\n\n".join(parts)


@per_data_version(maxsize=512)
def events_near_markdown(year: int, lang: str) -> str:
    """The events of the years around ``year``, one line each, those on the map marked."""
    lines = [
        f"- **{md(format_date(e['date'], lang, e['precision']))}** {md(e['title'](lang))}"
        + (" ●" if pd.notna(e["lon"]) else "")
        for _, e in events_near(year).iterrows()
    ]
    return f"**{tr('events_nearby', lang, year=year)}**\n\n" + "\n".join(lines) if lines else ""


def dispute_intro_markdown(lang: str) -> str:
    today = dispute()
    documents = ", ".join(md(treaty(d).title(lang)) for d in today.key_documents)
    return "\n\n".join([md(today.intro(lang)), f"**{tr('key_documents', lang)}:** {documents}",
                        f"*{md(today.note(lang))}*"])


def position_markdown(position: Position, lang: str) -> str:
    points = "\n".join(
        f"- {md(point.text(lang))} (" + ", ".join(link(s) for s in point.sources) + ")"
        for point in position.points
    )
    return f"### {md(position.name(lang))}\n\n{points}"


@per_data_dir
def datasets() -> tuple[list[dict], Text]:
    """Every dataset (file, name, origin, licence) and the note on how sea borders are drawn."""
    table = read_yaml(DATASETS_FILE)
    if not isinstance(table, dict) or not isinstance(table.get("datasets"), list):
        raise DataError(DATASETS_FILE, "expected 'datasets' (a list) and 'sea_borders'")
    items = []
    for item in table["datasets"]:
        feature = f"dataset {item.get('file') or '?'}"
        licence = item.get("licence")
        if not licence:
            raise DataError(DATASETS_FILE, "no licence", feature)
        items.append({
            "file": str(item.get("file")),
            "name": Text.parse(item.get("name"), DATASETS_FILE, feature, "name"),
            "origin": Text.parse(item.get("origin"), DATASETS_FILE, feature, "origin"),
            "licence": Text.parse(licence, DATASETS_FILE, feature, "licence") if isinstance(licence, dict)
            else Text(str(licence), str(licence)),
        })
    return items, Text.parse(table.get("sea_borders"), DATASETS_FILE, "sea_borders", "sea_borders")


def sources_markdown(lang: str) -> str:
    """Every dataset with where it comes from and its licence, then how sea borders are drawn."""
    items, sea_borders = datasets()
    rows = [
        f"#### {md(item['name'](lang))}\n\n`{item['file']}` · {tr('licence', lang)}: "
        f"{md(item['licence'](lang))}\n\n{md(item['origin'](lang))}"
        for item in items
    ]
    return "\n\n".join(rows + [f"### {tr('how_sea_borders', lang)}", md(sea_borders(lang))])
