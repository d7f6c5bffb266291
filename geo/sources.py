"""Reading the plain data files under ``data/``, with errors a historian can act on.

Every loader in :mod:`geo` reads through :func:`read_yaml`, :func:`read_csv` or
:func:`read_geojson`, so a missing or malformed file always surfaces as a
:class:`DataError` naming the file, the feature (record) and the reason, never as a bare
traceback from a parser.  The data folder defaults to ``data/`` beside this package and can
be pointed elsewhere with the ``ATLAS_DATA_DIR`` environment variable (tests use this to
load broken copies).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache, wraps
from pathlib import Path
from typing import Any, Callable, TypeVar

import pandas as pd
import yaml

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LANGUAGES = ("en", "ko")


class DataError(ValueError):
    """A data file is missing or wrong; says which file, which feature and why."""

    def __init__(self, file: str | Path, reason: str, feature: str | None = None):
        self.file = Path(file).name
        self.feature = feature
        self.reason = reason
        where = f"{self.file}, {feature}" if feature else self.file
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True)
class Text:
    """A piece of text in every language of the atlas (English and Korean)."""

    en: str
    ko: str

    def __call__(self, lang: str) -> str:
        return self.ko if lang == "ko" else self.en

    def __str__(self) -> str:
        return self.en

    @classmethod
    def parse(cls, value: Any, file: str | Path, feature: str, field: str) -> "Text":
        if not isinstance(value, dict):
            raise DataError(file, f"'{field}' must give both 'en' and 'ko' text", feature)
        missing = [lang for lang in LANGUAGES if not str(value.get(lang) or "").strip()]
        if missing:
            raise DataError(file, f"'{field}' has no {' or '.join(missing)} text", feature)
        return cls(en=str(value["en"]).strip(), ko=str(value["ko"]).strip())


@dataclass(frozen=True)
class Source:
    """Where a fact or a quotation comes from."""

    title: str
    url: str

    @classmethod
    def parse(cls, value: Any, file: str | Path, feature: str) -> "Source":
        if not isinstance(value, dict) or not value.get("title") or not value.get("url"):
            raise DataError(file, "a source needs a 'title' and a 'url'", feature)
        url = str(value["url"]).strip()
        if not url.startswith(("https://", "http://")):
            raise DataError(file, f"source url {url!r} is not an http(s) link", feature)
        return cls(title=str(value["title"]).strip(), url=url)


T = TypeVar("T")


class _TextDatesLoader(yaml.SafeLoader):
    """YAML's safe loader, leaving dates as text: each loader parses them and can then say
    which record holds a date like 1891-13-11 (YAML itself would fail with no record named)."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def data_dir() -> Path:
    return Path(os.environ.get("ATLAS_DATA_DIR") or DEFAULT_DATA_DIR)


def per_data_dir(load: Callable[[], T]) -> Callable[[], T]:
    """Cache a loader's result once per data folder, so the files are read once per process
    (and a test pointing ``ATLAS_DATA_DIR`` at a broken copy gets that copy, not a cache)."""
    cached = lru_cache(maxsize=4)(lambda folder: load())

    @wraps(load)
    def wrapper() -> T:
        return cached(str(data_dir()))

    wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return wrapper


def _path(name: str) -> Path:
    path = data_dir() / name
    if not path.is_file():
        raise DataError(name, f"file not found in {path.parent}")
    return path


def read_yaml(name: str) -> Any:
    path = _path(name)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_TextDatesLoader)  # noqa: S506 (safe)
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise DataError(name, f"not valid YAML: {err}") from None


def read_csv(name: str, columns: list[str]) -> pd.DataFrame:
    path = _path(name)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as err:
        raise DataError(name, f"not valid CSV: {err}") from None
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataError(name, f"missing column(s): {', '.join(missing)}")
    return frame


def read_geojson(name: str) -> dict:
    path = _path(name)
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise DataError(name, f"not valid GeoJSON: {err}") from None
    if not isinstance(collection, dict) or not isinstance(collection.get("features"), list):
        raise DataError(name, "not a GeoJSON FeatureCollection")
    return collection


def require_list(value: Any, name: str) -> list:
    if not isinstance(value, list) or not value:
        raise DataError(name, "expected a non-empty list of records")
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise DataError(name, "each record must be a mapping of fields", f"record {index + 1}")
    return value
