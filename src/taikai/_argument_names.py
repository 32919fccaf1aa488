"""How messages name an argument of a public function and the command-line option that gives it, together: a
Python user reads ``text_column=``, a user of the command line ``--text-column``; :func:`named_as` names another
argument in its stead within a block (a reference file's ``reference_encoding`` for ``encoding``).
:mod:`taikai.errors` re-exports both, with the arguments messages name."""

from __future__ import annotations

import shlex
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace

from taikai._context_values import set_within


@dataclass(frozen=True)
class Argument:
    """An argument of a public function and the command-line option that gives it, named together in messages
    (the library's messages are read by Python users and, through the command line, by its users)."""

    name: str
    """The Python argument, such as ``text_column``."""
    option: str | None = None
    """The command-line option, such as ``--text-column`` (``None``: no command gives it)."""
    note: str = ""
    """Where the value came from when it was not given (``its default came from p.summary.json``)."""

    def current(self) -> Argument:
        """Return the argument as messages name it here: itself, or within :func:`named_as` the argument that
        stands for it (a reference file's ``reference_encoding`` for ``encoding``)."""
        for old, new in _NAMED_AS.get():
            if (old.name, old.option) == (self.name, self.option):
                return replace(new, note=self.note or new.note)
        return self

    def __str__(self) -> str:
        now = self.current()
        return f"{now.name}={now._said()}"

    def given(self, value: object) -> str:
        """Return the argument with the *value* given, then the option: ``n=0 (--n on the command line)``."""
        now = self.current()
        return f"{now.name}={value!r}{now._said()}"

    def either(self, values: Sequence[object]) -> str:
        """Return the argument given any of *values*, then the option so given, each value quoted for the shell
        as the user pastes it (:func:`shlex.quote`): ``kind='word' or kind='all' (--kind word or --kind all on the
        command line)``, ``reasons_column='退会 理由' (--reasons-column '退会 理由' on the command line)``."""
        python = " or ".join(f"{self.current().name}={value!r}" for value in values)
        shell = self.on_command_line(values)
        return f"{python} ({shell} on the command line)" if shell else python

    def on_command_line(self, values: Sequence[object]) -> str:
        """Return the option given any of *values*, each quoted for the shell (:func:`shlex.quote`): ``--kind word
        or --kind all``, ``--reasons-column '退会 理由'``; ``""`` for an argument no option gives."""
        now = self.current()
        return " or ".join(f"{now.option} {shell_quote(str(value))}" for value in values) if now.option else ""

    def _said(self) -> str:
        said = [f"{self.option} on the command line"] if self.option else []
        said += [self.note] if self.note else []
        return f" ({'; '.join(said)})" if said else ""


def shell_quote(value: str) -> str:
    """Return *value* as a shell reads it back as one word, for a command a message tells the user to paste:
    :func:`shlex.quote` (``'退会 理由'``), except that a value holding a line break, a tab or another character
    that prints as none (a header cell typed with Alt+Enter in Excel) is written in the shell's ``$'…'`` form
    with escapes, ``$'退会理由\\n(自由記述)'`` (bash, zsh and POSIX 2024 ``sh`` read it), so that the message stays
    on one line and the value can be typed: inside ``'…'`` the break would end the message's line, and ``\\n``
    typed there is two characters, not a line break."""
    if not any(_unprintable(char) for char in value):
        return shlex.quote(value)
    return "$'" + "".join(_escaped(char) for char in value) + "'"


_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _unprintable(char: str) -> bool:
    """Whether *char* prints as no character of its own: a control character or a line or paragraph separator."""
    return unicodedata.category(char) in ("Cc", "Zl", "Zp")


def _escaped(char: str) -> str:
    """Return *char* as the shell's ``$'…'`` reads it: ``\\n``, ``\\'``, ``\\x1f``, ``\\u2028``, else itself."""
    if char in _ESCAPES:
        return _ESCAPES[char]
    if _unprintable(char):
        return f"\\x{ord(char):02x}" if ord(char) < 0x80 else f"\\u{ord(char):04x}"
    return char


_NAMED_AS: ContextVar[tuple[tuple[Argument, Argument], ...]] = ContextVar("taikai_named_as", default=())


@contextmanager
def named_as(*pairs: tuple[Argument, Argument]) -> Iterator[None]:
    """Within the block, messages that name the first argument of a pair name the second instead: a reference
    file is read with its own options (``reference_encoding=``, ``--reference-encoding``), and what goes wrong
    reading it names those, not the dump's (:meth:`Argument.current`)."""
    with set_within(_NAMED_AS, pairs + _NAMED_AS.get()):  # the pairs in force when the block starts
        yield
