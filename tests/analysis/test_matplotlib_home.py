"""A home folder matplotlib cannot write (a nightly job's service account, a read-only container): before matplotlib
is imported, MPLCONFIGDIR names a folder of the user's in the temporary directory, kept between runs, so that
matplotlib says nothing on stderr and builds its font cache once; a home it can write, or MPLCONFIGDIR set, is left
as it is."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

import pytest

from taikai.analysis._matplotlib_home import FOLDER, use_writable_matplotlib_home

matplotlib = pytest.importorskip("matplotlib")  # the report extra; imported here, before a test changes HOME
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the folders of Linux are laid out")


def _file(tmp_path: Path) -> Path:
    """A file where a folder is looked for: no folder can be made under it, whoever runs the tests (root too)."""
    path = tmp_path / "not-a-folder"
    path.write_text("", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("home", "config", "cache", "given", "ours"),
    [
        ("file", None, None, None, True),  # HOME cannot be written: ~/.config and ~/.cache cannot be made
        ("home", None, None, None, False),  # a home it can write: matplotlib's own folders
        ("home", "home/config", "file", None, True),  # the cache folder alone cannot be made
        ("file", "home/config", "home/cache", None, False),  # XDG folders it can write, whatever HOME is
        ("file", None, None, "mine", False),  # MPLCONFIGDIR set by the user is kept
    ],
)
def test_matplotlib_gets_a_folder_it_can_write(tmp_path, monkeypatch, caplog, home, config, cache, given, ours):
    places = {"file": _file(tmp_path), "home": tmp_path / "home", "mine": tmp_path / "mine"}
    places["home"].mkdir()

    def place(name: str) -> str:
        return str(places[name] if name in places else tmp_path / name)

    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("HOME", place(home))
    for variable, value in (("XDG_CONFIG_HOME", config), ("XDG_CACHE_HOME", cache), ("MPLCONFIGDIR", given)):
        if value is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, place(value))
    monkeypatch.delitem(sys.modules, "matplotlib")  # as before matplotlib's first import
    use_writable_matplotlib_home()
    monkeypatch.setitem(sys.modules, "matplotlib", matplotlib)

    own = temp / FOLDER.format(user=os.getuid())
    assert os.environ.get("MPLCONFIGDIR") == (str(own) if ours else None if given is None else place(given))
    with caplog.at_level(logging.WARNING, logger="matplotlib"):
        for xdg in (matplotlib._get_xdg_config_dir, matplotlib._get_xdg_cache_dir):
            used = Path(matplotlib._get_config_or_cache_dir(xdg))
            assert used.parent != temp or used == own, "matplotlib made a temporary folder of its own"
    assert caplog.records == []  # no "mkdir -p failed", no "Matplotlib created a temporary cache directory"


def test_a_folder_another_user_could_write_is_not_used(tmp_path, monkeypatch):
    temp = tmp_path / "temp"
    (temp / FOLDER.format(user=os.getuid())).mkdir(parents=True, mode=0o777)
    os.chmod(temp / FOLDER.format(user=os.getuid()), 0o777)
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("HOME", str(_file(tmp_path)))
    monkeypatch.delenv("MPLCONFIGDIR", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delitem(sys.modules, "matplotlib", raising=False)
    use_writable_matplotlib_home()
    assert "MPLCONFIGDIR" not in os.environ  # matplotlib then makes a temporary folder of its own, as before
