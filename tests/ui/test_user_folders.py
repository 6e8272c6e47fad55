"""One name for the app's folders: data, cache and settings all under `report-lens`, the
settings an INI file in the config folder (issue 13), with and without REPORT_LENS_HOME."""

from __future__ import annotations

from pathlib import Path

from reader import paths


def test_without_a_home_override_every_folder_is_named_report_lens(monkeypatch, tmp_path):
    monkeypatch.delenv(paths.HOME_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folders = [paths.data_dir(), paths.config_dir(), paths.cache_dir()]
    assert [f.name for f in folders] == ["report-lens"] * 3
    assert [f.parent.name for f in folders] == ["data", "config", "cache"]

    from reader.store.highlights import db_path
    from reader.ui import app as app_setup

    assert db_path().parent == paths.data_dir()
    settings = Path(app_setup.settings().fileName())
    assert settings.parent == paths.config_dir() and settings.suffix == ".ini"


def test_with_the_override_all_three_live_in_it(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.HOME_VARIABLE, str(tmp_path / "home"))
    assert paths.data_dir() == paths.config_dir() == tmp_path / "home"
    assert paths.cache_dir() == tmp_path / "home" / "cache"
