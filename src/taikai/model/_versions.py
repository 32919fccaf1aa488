"""The versions of the libraries a model depends on: what is installed (recorded in a model's metadata when it is
saved), and whether it matches what a model was trained with (checked before a model is unpickled)."""

from __future__ import annotations

import platform
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata as importlib_metadata
from typing import Any

PACKAGES = ("scikit-learn", "numpy", "scipy", "joblib", "fugashi", "unidic-lite", "pandas")


def library_versions() -> dict[str, str]:
    """Return the versions of Python and of every library whose change can alter a loaded model."""
    return dict(_installed_versions())


@cache
def _installed_versions() -> tuple[tuple[str, str], ...]:
    # Read once per process: a lookup in the installed distributions costs milliseconds per library, and every
    # load_model checks them; the libraries a process has imported do not change under it.
    versions = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            versions[name] = installed_version(name)
        except importlib_metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return tuple(versions.items())


def installed_version(name: str) -> str:
    """Return ``importlib.metadata.version(name)``, read from the ``Version:`` line of the distribution's
    metadata headers: ``version()`` parses the whole file as an e-mail message, which costs about ten times
    more (a hundredth of a second for the seven libraries, on every start of ``taikai predict``)."""
    dist = importlib_metadata.distribution(name)
    headers = (dist.read_text("METADATA") or dist.read_text("PKG-INFO") or "").partition("\n\n")[0]
    for line in headers.splitlines():
        if line.startswith("Version:"):
            return line.removeprefix("Version:").strip()
    return str(dist.version)


_DICTIONARY_KEYS = ("name", "version", "sys_dic_bytes")


@dataclass(frozen=True)
class DictionaryInfo:
    """The MeCab dictionary the tokenizer uses: its name, version and the size of its ``sys.dic`` (``None``: not
    found, or not recorded), as a model's metadata records it (``dictionary``).

    ``keys`` are the keys of the object as written, in order, and ``extra`` the values of keys this taikai does not
    know (a later taikai of the same format may add some): :meth:`to_dict` writes back what :meth:`from_dict` read,
    byte for byte once dumped, so saving a loaded model does not change its ``metadata.json``.
    """

    name: str | None
    version: str | None
    sys_dic_bytes: int | None
    extra: Mapping[str, Any] = field(default_factory=dict)
    keys: tuple[str, ...] = _DICTIONARY_KEYS
    __hash__ = None  # type: ignore[assignment]  # the extra values may be lists or objects: not hashable

    def to_dict(self) -> dict[str, Any]:
        """Return the ``dictionary`` object of ``metadata.json``: name, version, sys_dic_bytes, in that order (or
        the keys read, in their order)."""
        values = {"name": self.name, "version": self.version, "sys_dic_bytes": self.sys_dic_bytes, **self.extra}
        return {key: values[key] for key in self.keys if key in values}

    @classmethod
    def from_dict(cls, values: Mapping[str, Any]) -> DictionaryInfo:
        """Read the ``dictionary`` object of a model's metadata, checked by
        :func:`~taikai.model._recorded.read_dictionary`; a missing or null value reads as ``None``."""
        name, version, size = (values.get(key) for key in _DICTIONARY_KEYS)
        return cls(
            name=None if name is None else str(name),
            version=None if version is None else str(version),
            sys_dic_bytes=size if isinstance(size, int) and not isinstance(size, bool) else None,
            extra={key: value for key, value in values.items() if key not in _DICTIONARY_KEYS},
            keys=tuple(map(str, values)),
        )


def dictionary_info() -> DictionaryInfo:
    """Describe the MeCab dictionary the tokenizer uses."""
    from pathlib import Path

    from taikai.text import default_dicdir

    sys_dic = Path(default_dicdir()) / "sys.dic"
    size = sys_dic.stat().st_size if sys_dic.exists() else None
    return DictionaryInfo("unidic-lite", installed_version("unidic-lite"), size)


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def _major(version: str) -> str:
    return version.split(".")[0]


def _exact(version: str) -> str:
    return version


# What must agree between training and loading: pickles of scikit-learn estimators are only safe within one
# minor release; the dictionary decides the tokens, so it must be the very same.
_RULES = {
    "scikit-learn": (_minor, "minor"),
    "numpy": (_major, "major"),
    "unidic-lite": (_exact, "exact"),
    "fugashi": (_major, "major"),
    "python": (_major, "major"),
}


def check_versions(trained: dict[str, str], installed: dict[str, str] | None = None) -> list[str]:
    """Return one line per library whose installed version does not match what the model was trained with."""
    installed = installed or library_versions()
    problems = []
    for name, (key, level) in _RULES.items():
        want, have = trained.get(name), installed.get(name)
        if want is None:
            problems.append(f"{name}: the metadata does not say which version the model was trained with")
            continue
        if have is None:
            continue
        if key(want) != key(have):
            problems.append(f"{name}: model trained with {want}, installed {have} (must match at {level} level)")
    return problems


def install_hint(trained: dict[str, str], installed: dict[str, str] | None = None) -> str:
    """Return what to install to load a model trained with the versions *trained*: the command for the libraries
    whose installed version does not match (``pip install 'scikit-learn==1.4.2'``), and the Python to run it with."""
    installed = installed or library_versions()
    differing = [
        (name, want)
        for name, (key, _) in _RULES.items()
        if (want := trained.get(name)) is not None
        and (have := installed.get(name)) is not None
        and key(want) != key(have)
    ]
    pins = " ".join(f"'{name}=={want}'" for name, want in differing if name != "python")
    said = [f"pip install {pins}"] if pins else []
    said += [f"in Python {want}" for name, want in differing if name == "python"]
    return (
        f"install the versions it was trained with ({' '.join(said)})"
        if said
        else "install the versions it was trained with"
    )
