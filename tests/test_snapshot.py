"""One immutable snapshot of the data folder, whose version follows the files' contents:
edits, renames, deletions and copies are picked up whatever the modification times say, and
whatever is cached by the version follows."""

import os
import threading

import pytest
from pydantic import ValidationError

import geo
from geo.model import atlas as atlas_module
from geo.model import loading
from geo.web import layers

PORTSMOUTH = "title: {en: Treaty of Portsmouth,"


def rename_portsmouth(data_copy, title="Portsmouth Peace Treaty", keep_mtime=True):
    path = data_copy / "treaties.yaml"
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(PORTSMOUTH, f"title: {{en: {title},"), encoding="utf-8")
    if keep_mtime:
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_an_edit_that_keeps_the_modification_time_is_picked_up(data_copy):
    before = geo.current()
    assert before.treaty("portsmouth_1905").title["en"] == "Treaty of Portsmouth"
    rename_portsmouth(data_copy)
    after = geo.current()
    assert after.version != before.version
    assert after.treaty("portsmouth_1905").title["en"] == "Portsmouth Peace Treaty"
    assert before.treaty("portsmouth_1905").title["en"] == "Treaty of Portsmouth"  # the old snapshot is unchanged


def test_a_deleted_file_is_noticed_even_when_another_is_newer(data_copy):
    geo.current()
    (data_copy / "ui.yaml").touch()
    (data_copy / "dispute.yaml").unlink()
    assert "dispute.yaml: file not found in " + str(data_copy) in map(str, geo.problems())


def test_a_renamed_file_is_noticed(data_copy):
    geo.current()
    os.rename(data_copy / "events.yaml", data_copy / "events.yml")
    assert any(str(p).startswith("events.yaml: file not found") for p in geo.problems())


def test_an_undo_returns_the_same_version(data_copy):
    before = geo.current().version
    original = (data_copy / "treaties.yaml").read_bytes()
    rename_portsmouth(data_copy)
    assert geo.current().version != before
    (data_copy / "treaties.yaml").write_bytes(original)
    assert geo.current().version == before


def test_the_version_is_checked_at_most_once_a_second(data_copy, monkeypatch):
    monkeypatch.setattr(loading, "RECHECK_SECONDS", 3600.0)
    first = geo.current()
    rename_portsmouth(data_copy)
    assert geo.current() is first  # within the second: no reading of the folder
    monkeypatch.setattr(loading, "RECHECK_SECONDS", 0.0)
    assert geo.current() is not first


def test_a_query_cannot_change_the_snapshot():
    snapshot = geo.current()
    frame = snapshot.territories(1905)
    frame["holder"] = "JP"
    assert snapshot.holder_at(1905, 142.16, 50.90) == "RU"   # Aleksandrovsk, north Sakhalin
    with pytest.raises(ValidationError, match="frozen"):
        snapshot.treaty("portsmouth_1905").date = None


def test_many_sessions_asking_after_an_edit_build_the_snapshot_once(data_copy, monkeypatch):
    geo.current()
    rename_portsmouth(data_copy, title="Treaty of Portsmouth (built once)")
    built = []
    real_build = atlas_module.build

    def counting(folder):
        built.append(folder.version)
        return real_build(folder)

    monkeypatch.setattr(loading, "build", counting)
    threads = [threading.Thread(target=geo.current) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(built) == 1


def test_map_layers_follow_the_data(data_copy):
    """Layer caches are keyed by the snapshot: an edited line name shows on the next map."""
    def tooltip(year):
        snapshot = geo.current()
        page = layers.base_map(snapshot, "en")
        layers.year_layer(snapshot, year, "en").add_to(page)
        return page.get_root().render()

    assert "La Pérouse (Sōya) Strait" in tooltip(1880)
    path = data_copy / "borders.geojson"
    path.write_text(path.read_text(encoding="utf-8").replace('"en": "La Pérouse (Sōya) Strait"',
                                                            '"en": "Strait of La Pérouse"'), encoding="utf-8")
    assert "Strait of La Pérouse" in tooltip(1880)
