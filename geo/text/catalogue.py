"""The catalogue of interface strings: every key the code shows, with the placeholders the
code fills in.

The words themselves are data (``data/ui.yaml``, one text per language); this is the code's
side of the contract.  :func:`problems` checks the data against it, so a ``{yaer}`` typed in
one language, or a key the code needs but the file lacks, is reported by
``python -m geo check`` instead of failing on a page.
"""

from __future__ import annotations

from geo.model import Atlas, Problem
from geo.model.atlas import MESSAGES_FILE
from geo.model.schema import placeholders

#: key -> the names the code fills into it.
MESSAGES: dict[str, frozenset[str]] = {key: frozenset(names) for key, names in {
    "app_title": (), "app_intro": (), "language": (), "page_atlas": (), "year": (), "jump_to": (),
    "play": (), "play_help": (), "stop_playing": (), "stop_playing_help": (),
    "viewpoint": (), "viewpoint_help": (), "view_shown": ("view",), "view_same": (),
    "view_others": ("year",),
    "legend_title": (), "holder_joint": (), "holder_undetermined": (), "drawn_undetermined": (),
    "drawn_as": ("holder",), "drawn_as_occupied": ("holder",),
    "kind_treaty": (), "kind_de_facto": (), "kind_claim": (), "kind_state_border": (), "kind_undetermined_edge": (),
    "held_by": ("holder",), "held_by_occupied": ("holder",), "held_by_disputed": ("holder",),
    "held_jointly": ("holders",), "claimed_by": ("claimant",),
    "map_attribution": (), "degrees_east": ("degrees",), "degrees_north": ("degrees",),
    "treaty_in_force": (), "no_treaty": (), "signed": (), "old_style": ("date", "old"), "signatories": (),
    "entry_into_force": (), "quoted": ("article", "language"), "translation_by_atlas": ("language",),
    "translation_established": ("language", "title"), "summary": (), "territorial_effect": (),
    "open_questions": (), "sources": (), "source": (), "what_changed": ("year",),
    "area_change": ("area", "before", "after"),
    "map_in_words": ("year",), "map_held_jointly": ("land", "holders"),
    "map_line": ("kind", "line"), "alt_text": (),
    "no_change_first": (), "milestones": (), "period_sources": (),
    "documents_cited": (), "cited_by": ("side",),
    "bad_year": ("value", "first", "last", "shown"), "bad_language": ("value",), "bad_names": ("value",),
    "treaty_library": (), "treaty_library_intro": (), "timeline": (), "timeline_intro": ("first", "last", "map_from"),
    "show_on_map": ("year",), "timeline_kinds": (), "timeline_period": (),
    "timeline_all_periods": (), "timeline_before": ("year",), "period_since": ("year",),
    "year_range": ("first", "last"), "timeline_count": ("count",),
    "event_kind_treaty": (), "event_kind_declaration": (), "event_kind_war": (), "event_kind_visit": (),
    "event_kind_other": (), "bad_event": ("value",), "bad_choice": ("value",), "contested": (), "note": (),
    "dispute_title": (), "dispute_status": ("date",), "position_of": ("state",), "key_documents": (),
    "sources_title": (), "licence": (), "how_sea_borders": (), "place_names": (), "names_ru": (), "names_ja": (),
    "names_both": (), "events_nearby": ("year",), "web_tiles": (), "web_tiles_help": (), "zoom_in": (), "zoom_out": (),
    "map_name": ("year",), "close_popup": (),
    "gesture_touch": (), "gesture_scroll": (), "gesture_scroll_mac": (),
    "export_year": ("year",), "export_treaty": ("treaty", "date"), "export_no_treaty": (),
    "export_quote_source": ("title",), "offline_atlas_intro": (), "periods": (),
    "download_png": (), "download_pdf": (), "download_gif": (), "download_html": (),
    "downloads": (), "download_png_help": (), "download_pdf_help": (), "download_gif_help": (),
    "download_html_help": (), "download_png_view": (),
    "compare_downloads": (), "download_compare_png": (), "download_compare_png_help": (),
    "download_compare_pdf": (), "download_compare_pdf_help": (),
    "compare_title": (), "compare_intro": (), "compare_year": (), "compare_changes": ("first", "second"),
    "compare_views": ("year", "first", "second"),
    "compare_no_change": (), "compare_same_treaty": (),
}.items()}


def problems(atlas: Atlas) -> list[Problem]:
    """How ``ui.yaml`` differs from :data:`MESSAGES`: keys missing or unknown, and texts whose
    placeholders are not the ones the code fills in (in any language)."""
    found = []
    for key, wanted in MESSAGES.items():
        if key not in atlas.messages:
            found.append(Problem(MESSAGES_FILE, f"key {key}", "missing: the atlas shows this text"))
            continue
        for code, text in atlas.messages[key].items():
            given = placeholders(text)
            if given != wanted:
                expected = ", ".join(f"{{{name}}}" for name in sorted(wanted)) or "no placeholder"
                extra = ", ".join(f"{{{name}}}" for name in sorted(given - wanted))
                found.append(Problem(MESSAGES_FILE, f"key {key}",
                                     f"{code}: {extra or 'a placeholder is missing'}; expected {expected}"))
    for key in sorted(atlas.messages.keys() - MESSAGES.keys()):
        found.append(Problem(MESSAGES_FILE, f"key {key}", "not used by the atlas (a misspelt key?)"))
    return found
