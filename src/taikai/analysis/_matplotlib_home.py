"""Where matplotlib keeps its configuration and font cache when the home folder cannot be written.

A nightly job often runs with a HOME it cannot write (a service account, a read-only container). matplotlib then
said two lines of its own on stderr at every ``taikai report`` (``mkdir -p failed for path …`` and ``Matplotlib
created a temporary cache directory …``), which a log grep for ``taikai: warning`` misses and which read as a
failure, and rebuilt its font cache in a new temporary folder each run. Before matplotlib is first imported, such a
process gets ``MPLCONFIGDIR`` set to a folder of its user's in the temporary directory, kept between runs: no line
on stderr, and the font cache built once. A ``MPLCONFIGDIR`` already set, or a home matplotlib can write, is left
as it is.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

FOLDER = "taikai-matplotlib-{user}"
"""The folder, in the temporary directory, that holds matplotlib's configuration and font cache for such a user."""


def use_writable_matplotlib_home() -> None:
    """Set ``MPLCONFIGDIR`` to this user's folder in the temporary directory when matplotlib is not imported yet,
    ``MPLCONFIGDIR`` is not set, and a folder matplotlib would keep its configuration or cache in (under
    ``XDG_CONFIG_HOME`` and ``XDG_CACHE_HOME``, else ``~/.config`` and ``~/.cache``; ``~/.matplotlib`` on macOS)
    cannot be made or written. Nothing changes on Windows, or when that folder cannot be made safely (another user
    owns it): matplotlib then makes a temporary one, as it always did."""
    if "matplotlib" in sys.modules or os.environ.get("MPLCONFIGDIR") or sys.platform == "win32":
        return
    folders = _default_folders()
    if folders is not None and all(_writable(f) for f in folders):
        return
    own = _own_folder()
    if own is not None:
        os.environ["MPLCONFIGDIR"] = str(own)


def _default_folders() -> list[Path] | None:
    """Return the folders matplotlib would use for its configuration and cache, as it finds them (``None``: no home
    folder is known, so that matplotlib would make a temporary one)."""
    try:
        home = Path.home()
    except RuntimeError:  # no HOME, and no entry for the user in the password database
        return None
    if sys.platform.startswith(("linux", "freebsd")):
        config = os.environ.get("XDG_CONFIG_HOME") or str(home / ".config")
        cache = os.environ.get("XDG_CACHE_HOME") or str(home / ".cache")
        return [Path(config, "matplotlib"), Path(cache, "matplotlib")]
    return [home / ".matplotlib"]


def _writable(folder: Path) -> bool:
    """Whether *folder* is a folder this process can write, or can be made in the nearest folder above it."""
    folder = folder.resolve()
    if folder.exists():
        return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)
    above = folder.parent
    while not above.exists() and above != above.parent:
        above = above.parent
    return above.is_dir() and os.access(above, os.W_OK | os.X_OK)


def _own_folder() -> Path | None:
    """Return this user's folder in the temporary directory, made private if new (``None``: it cannot be made, or
    it is not a folder this user owns and alone can write)."""
    uid = os.getuid()
    folder = Path(tempfile.gettempdir(), FOLDER.format(user=uid))
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        made = os.lstat(folder)
    except OSError:
        return None
    private = made.st_uid == uid and not (made.st_mode & 0o022)
    if folder.is_symlink() or not folder.is_dir() or not private or not os.access(folder, os.W_OK | os.X_OK):
        return None
    return folder
