"""Reading the data folder: every file's bytes at one moment, their version, and parsers for
YAML, CSV and GeoJSON that turn any fault into a :class:`~geo.model.errors.Problem`.

YAML is read with ruamel.yaml, which refuses a duplicated key
(https://yaml.dev/doc/ruamel.yaml/api/#Dup): a second ``iturup:`` under one period's
holders is an error, not a silent rewrite of history.  Dates stay text, so the schema parses
them and can name the record of a date such as ``1891-05-41``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

from .errors import DataError, Problem

#: Where a file's list records start, for naming the record a YAML error sits in.
_RECORD_START = re.compile(r"^- id:\s*['\"]?([\w-]+)")


@dataclass(frozen=True)
class DataFolder:
    """The files of a data folder as read at one moment.

    Attributes
    ----------
    path : Path
        The folder.
    files : Mapping[str, bytes]
        Every regular file's content by name (hidden files and sub-folders are not data).
    version : str
        A SHA-256 over the names and contents: any edit, rename, copy or deletion changes it,
        whatever the modification times say.
    """

    path: Path
    files: Mapping[str, bytes]
    version: str

    def text(self, name: str) -> str:
        """The file ``name`` decoded as UTF-8; DataError if it is missing or not UTF-8."""
        if name not in self.files:
            raise DataError([Problem(name, None, f"file not found in {self.path}")])
        try:
            return self.files[name].decode("utf-8")
        except UnicodeDecodeError as error:
            raise DataError([Problem(name, None, f"not UTF-8 text ({error.reason} at byte {error.start})")]) from None


def read_folder(path: Path) -> DataFolder:
    """Every data file in ``path``, and the version of the whole.

    Raises
    ------
    DataError
        If ``path`` is not a readable folder.
    """
    try:
        entries = sorted(entry for entry in path.iterdir() if entry.is_file() and not entry.name.startswith("."))
        files = {entry.name: entry.read_bytes() for entry in entries}
    except OSError as error:
        raise DataError([Problem(path.name or str(path), None, f"cannot read the data folder: {error.strerror}")]) \
            from None
    digest = hashlib.sha256()
    for name, content in files.items():
        digest.update(name.encode() + b"\0" + len(content).to_bytes(8, "big") + content)
    return DataFolder(path, files, digest.hexdigest()[:16])


def _yaml() -> YAML:
    yaml = YAML(typ="safe", pure=True)
    # Dates stay strings; the schema parses them and names the record of a bad one.
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
    return yaml


def _record_at(text: str, line: int) -> str | None:
    """The id of the list record that line ``line`` (0-based) of a YAML file belongs to."""
    for previous in reversed(text.splitlines()[: line + 1]):
        found = _RECORD_START.match(previous)
        if found:
            return found.group(1)
    return None


@lru_cache(maxsize=32)
def _parsed_yaml(text: str) -> Any:
    # Parsing is most of a load (ruamel.yaml is pure Python here): an edit to one file
    # re-parses that file only.  Callers never change what they get.
    return _yaml().load(text)


def parse_yaml(folder: DataFolder, name: str) -> Any:
    """The YAML file ``name``, parsed; DataError naming the line (and record) of a fault."""
    text = folder.text(name)
    try:
        return _parsed_yaml(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line if mark else 0
        record = _record_at(text, line)
        where = f"line {line + 1}" + (f", in record {record}" if record else "")
        reason = (error.problem or "not valid YAML").strip()
        if "duplicate key" in reason and error.context_mark:
            reason += f", in the mapping that starts at line {error.context_mark.line + 1}"
        raise DataError([Problem(name, where, reason)]) from None


def parse_csv(folder: DataFolder, name: str) -> list[dict[str, str]]:
    """The CSV file ``name`` as a list of rows (column name to text, stripped).

    Raises
    ------
    DataError
        If the file is missing, not UTF-8, has a duplicated column name or a row with more
        cells than the header.
    """
    reader = csv.DictReader(io.StringIO(folder.text(name), newline=""))
    header = reader.fieldnames or []
    duplicated = sorted({column for column in header if header.count(column) > 1})
    if duplicated:
        raise DataError([Problem(name, None, f"duplicated column(s): {', '.join(duplicated)}")])
    rows, problems = [], []
    for number, row in enumerate(reader, start=2):
        if None in row:
            problems.append(Problem(name, f"line {number}", "more cells than the header has columns"))
            continue
        rows.append({column: (value or "").strip() for column, value in row.items()})
    if problems:
        raise DataError(problems)
    return rows


class _DuplicateKeyError(ValueError):
    pass


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    duplicated = sorted({key for key in keys if keys.count(key) > 1})
    if duplicated:
        raise _DuplicateKeyError(f"duplicate key(s) {', '.join(map(repr, duplicated))} in one object")
    return dict(pairs)


def parse_json(folder: DataFolder, name: str) -> Any:
    """The JSON (GeoJSON) file ``name``, parsed; DataError naming the line of a syntax error
    or the duplicated key of an object (JSON parsers otherwise keep the last one silently)."""
    try:
        return json.loads(folder.text(name), object_pairs_hook=_refuse_duplicates)
    except json.JSONDecodeError as error:
        raise DataError([Problem(name, f"line {error.lineno}", f"not valid JSON: {error.msg}")]) from None
    except _DuplicateKeyError as error:
        raise DataError([Problem(name, None, str(error))]) from None
