"""Loading the data folder into an :class:`~geo.model.atlas.Atlas`, and the current snapshot.

:func:`load` reads and validates a folder once.  :func:`current` is what a long-running
program (the app) asks for on every request: it looks at the folder's files again at most
once a second and rebuilds the snapshot only when their names or contents changed, so an
edit, a rename or a deletion is picked up within a second, without a restart, whatever the
files' modification times say.  Building is serialized: when many sessions ask at once after
an edit, the new snapshot is built once.
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from pathlib import Path

from .atlas import Atlas, build
from .errors import DataError
from .readers import read_folder

#: The data folder beside the package; ``ATLAS_DATA_DIR`` points elsewhere (tests load
#: broken copies this way).
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
RECHECK_SECONDS = 1.0
#: Snapshots kept by version: an edit and its undo need no rebuild.
KEPT_SNAPSHOTS = 3

_lock = threading.Lock()
_snapshots: OrderedDict[str, Atlas | DataError] = OrderedDict()
_checked: dict[Path, tuple[float, str]] = {}


def data_dir(path: str | os.PathLike | None = None) -> Path:
    """The data folder: ``path``, else ``$ATLAS_DATA_DIR``, else ``data/`` beside the package."""
    return Path(path or os.environ.get("ATLAS_DATA_DIR") or DEFAULT_DATA_DIR)


def load(path: str | os.PathLike | None = None) -> Atlas:
    """Read and validate a data folder.

    Parameters
    ----------
    path : str or PathLike, optional
        The folder (default: :func:`data_dir`).

    Returns
    -------
    Atlas

    Raises
    ------
    DataError
        Listing every problem of every file.
    """
    return build(read_folder(data_dir(path)))


def current(path: str | os.PathLike | None = None) -> Atlas:
    """The snapshot of the data folder as it is now (rechecked at most once a second).

    Parameters
    ----------
    path : str or PathLike, optional
        The folder (default: :func:`data_dir`).

    Raises
    ------
    DataError
        If the folder's files as they are now have problems (the same error object until
        they change).
    """
    folder_path = data_dir(path).resolve()
    now = time.monotonic()
    with _lock:
        checked_at, version = _checked.get(folder_path, (float("-inf"), ""))
        if now - checked_at < RECHECK_SECONDS and version in _snapshots:
            found = _snapshots[version]
        else:
            folder = read_folder(folder_path)
            if folder.version not in _snapshots:
                try:
                    _snapshots[folder.version] = build(folder)
                except DataError as error:
                    _snapshots[folder.version] = error
                while len(_snapshots) > KEPT_SNAPSHOTS:
                    _snapshots.popitem(last=False)
            _snapshots.move_to_end(folder.version)
            _checked[folder_path] = (now, folder.version)
            found = _snapshots[folder.version]
    if isinstance(found, DataError):
        raise found
    return found
