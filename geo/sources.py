"""Reading the plain data files under ``data/``, with errors a historian can act on.

Every loader in :mod:`geo` reads through :func:`read_yaml`, :func:`read_csv` or
:func:`read_geojson`, so a missing or malformed file always surfaces as a
:class:`DataError` naming the file, the feature (record) and the reason, never as a bare
traceback from a parser.  The data folder defaults to ``data/`` beside this package and can
be pointed elsewhere with the ``ATLAS_DATA_DIR`` environment variable (tests use this to
load broken copies).

Loaded data is cached per version of the data folder (its path and the newest change to
its files, looked at no more than once a second), so a running app picks up an edited
file on the next rerun without a restart.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from dataclasses import dataclass
from functools import lru_cache, wraps
from pathlib import Path
from typing import Any, Callable, TypeVar

import pandas as pd
import yaml

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LANGUAGES = ("en", "ko")


class DataError(ValueError):
    """A data file is missing or wrong; says which file, which feature and why.

    One error may carry several problems (``problems``), e.g. every broken record of a file;
    its message then has one line per problem."""

    def __init__(self, file: str | Path, reason: str, feature: str | None = None):
        self.file = Path(file).name
        self.feature = feature
        self.reason = reason
        self.problems: list[DataError] = [self]
        where = f"{self.file}, {feature}" if feature else self.file
        super().__init__(f"{where}: {reason}")

    @classmethod
    def of(cls, problems: list["DataError"]) -> "DataError":
        """One error for several problems (each listed once, in order)."""
        unique = list({str(p): p for problem in problems for p in problem.problems}.values())
        if len(unique) == 1:
            return unique[0]
        error = cls(unique[0].file, unique[0].reason, unique[0].feature)
        error.problems = unique
        error.args = ("\n".join(map(str, unique)),)
        return error


def parse_date(value: Any, file: str, feature: str, field: str) -> dt.date:
    """An ISO date (1855-02-07) from a data file, or a DataError naming the record."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise DataError(file, f"'{field}' {value!r} is not a date like 1855-02-07", feature) from None


def parse_each(records: list, parse: Callable[[Any], T]) -> list[T]:
    """``parse`` every record; if some fail, one DataError listing every failure."""
    parsed, problems = [], []
    for record in records:
        try:
            parsed.append(parse(record))
        except DataError as problem:
            problems.append(problem)
    if problems:
        raise DataError.of(problems)
    return parsed


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


_VERSION_TTL_S = 1.0
_versions: dict[str, tuple[float, str]] = {}


def data_dir() -> Path:
    return Path(os.environ.get("ATLAS_DATA_DIR") or DEFAULT_DATA_DIR)


def data_key() -> str:
    """The data folder and the newest change to its files: a key for caches of loaded data."""
    folder = str(data_dir())
    now = time.monotonic()
    checked, key = _versions.get(folder, (-_VERSION_TTL_S, ""))
    if now - checked >= _VERSION_TTL_S:
        try:
            newest = max((entry.stat().st_mtime_ns for entry in os.scandir(folder) if entry.is_file()), default=0)
        except OSError:
            newest = 0
        key = f"{folder}@{newest}"
        _versions[folder] = (now, key)
    return key


def per_data_version(maxsize: int):
    """Cache a function of plain arguments (a year, a language) per version of the data folder."""
    def decorate(function: Callable[..., T]) -> Callable[..., T]:
        cached = lru_cache(maxsize=maxsize)(lambda key, *args: function(*args))

        @wraps(function)
        def wrapper(*args) -> T:
            return cached(data_key(), *args)

        return wrapper
    return decorate


def per_data_dir(load: Callable[[], T]) -> Callable[[], T]:
    """Cache a loader's result per version of the data folder (see :func:`data_key`): the
    files are read once, again after an edit, and a test pointing ``ATLAS_DATA_DIR`` at a
    broken copy gets that copy, not a cache."""
    cached = lru_cache(maxsize=4)(lambda key: load())

    @wraps(load)
    def wrapper() -> T:
        return cached(data_key())

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
