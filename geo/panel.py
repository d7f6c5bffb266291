"""The text beside the map, as Markdown: the treaty of the year, what changed, what came after.

Pure functions from data to Markdown so the app stays thin and tests can read the panel
without a browser.  Everything taken from data files is escaped: it shows as written and
can never become markup or a link the data did not declare as a source.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from . import i18n
from .i18n import format_date
from .land import areas
from .periods import Period, period_at, previous
from .sources import Source, per_data_version
from .treaties import Treaty, treaty

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=])")


def md(text: str) -> str:
    """Escape ``text`` so Markdown (and Streamlit's extensions) shows it literally."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def link(source: Source) -> str:
    url = quote(source.url, safe=":/?#@!$&'*+,;=%~")
    return f"[{md(source.title)}]({url})"


def _quote_block(text: str) -> str:
    return "\n".join("> " + md(line) if line.strip() else ">" for line in text.splitlines())


def treaty_markdown(item: Treaty, lang: str) -> str:
    """A treaty as the panel and the treaty library show it."""
    tr = i18n.tr
    signed = format_date(item.date, lang)
    if item.date_old_style:
        signed += " (" + tr("old_style", lang, date=format_date(item.date_old_style, lang)) + ")"
    native = f" · {md(item.native_title)}" if item.native_title else ""
    people = "; ".join(
        md(s.name(lang)) + (f" ({md(s.role(lang))})" if s.role else "") for s in item.signatories
    )
    parts = [
        f"### {md(item.title(lang))}",
        f"*{md(item.full_title(lang))}*{native}",
        f"**{tr('signed', lang)}:** {md(signed)} · {md(item.place(lang))}  \n"
        f"**{tr('signatories', lang)}:** {people}",
    ]
    if item.entry_into_force:
        parts.append(f"**{tr('entry_into_force', lang)}:** {md(item.entry_into_force(lang))}")
    for q in item.quotes:
        header = tr("quoted", lang, article=q.article(lang), language=i18n.language_name(q.language, lang))
        block = f"**{md(header)}**\n\n{_quote_block(q.text)}\n\n{tr('source', lang)}: {link(q.source)}"
        if q.note:
            block += f"  \n*{md(q.note(lang))}*"
        parts.append(block)
    parts.append(f"**{tr('summary', lang)}:** {md(item.summary(lang))}")
    parts.append(f"**{tr('territorial_effect', lang)}:** {md(item.territorial_effect(lang))}")
    if item.open_questions:
        parts.append(f"**{tr('open_questions', lang)}:** {md(item.open_questions(lang))}")
    parts.append(f"**{tr('sources', lang)}:** " + " · ".join(link(s) for s in item.sources))
    return "\n\n".join(parts)


def _holding_changes(before: Period, after: Period, lang: str) -> list[str]:
    """Each area held (or claimed) differently in ``after`` than in ``before``, as
    "area: before → after"."""

    def holding(p: Period, area: str) -> str:
        return i18n.holding_label(p.holders[area], p.status(area), p.claims.get(area), lang)

    lines = []
    for area_id, area in areas().items():
        old, new = holding(before, area_id), holding(after, area_id)
        if old != new:
            lines.append(i18n.tr("area_change", lang, area=area.name(lang), before=old, after=new))
    return lines


def changes(period: Period, lang: str) -> list[str]:
    """What the period changed, area by area, against the period before it."""
    before = previous(period)
    if before is None:
        return [i18n.tr("no_change_first", lang)]
    return _holding_changes(before, period, lang)


def differences(year_a: int, year_b: int, lang: str) -> list[str]:
    """What changed, area by area, from ``year_a`` to ``year_b`` (either order; empty if both
    years have the same holders and claims).  Only the two years are compared: an area
    that changed hands and changed back in between is not listed."""
    return _holding_changes(period_at(year_a), period_at(year_b), lang)


@per_data_version(maxsize=512)
def year_panel_markdown(year: int, lang: str) -> str:
    """Everything the panel beside the map says about ``year``."""
    tr = i18n.tr
    period = period_at(year)
    parts = [
        f"## {md(period.title(lang))}",
        md(period.description(lang)),
        f"#### {tr('what_changed', lang, year=period.start)}",
        "\n".join(f"- {md(line)}" for line in changes(period, lang)),
    ]
    reached = period.milestones_until(year)
    if reached:
        parts.append(f"#### {tr('milestones', lang)}")
        parts.append("\n".join(
            f"- **{md(format_date(m.date, lang))}**: {md(m.text(lang))} "
            + "(" + ", ".join(link(s) for s in m.sources) + ")"
            for m in reached
        ))
    parts.append(f"**{tr('period_sources', lang)}:** " + " · ".join(link(s) for s in period.sources))
    parts.append("---")
    parts.append(f"#### {tr('treaty_in_force', lang)}")
    parts.append(treaty_markdown(treaty(period.treaty_id), lang))
    return "\n\n".join(parts)
