"""The MeCab taggers of a process: one per tagger arguments and thread, shared by every tokenizer, model and tagger.

MeCab never gives a tagger's memory back: its dictionary stays mapped after the tagger is freed, so a tagger made
per model loaded (or per tokenizer) grew a process by a mapping of ``sys.dic`` each time. Here a tagger is made on
first use and reused by every user that asks for the same arguments (:class:`TaggerSpec`) in the same process and
thread. A MeCab tagger is not safe across threads, so each thread has its own; when a thread ends, its taggers go
to the process's idle ones, which the next thread that asks takes. A process so holds, per arguments, at most as
many taggers as threads used them at once (a pool of 8 threads: 8), however many threads come and go. A forked
child never uses its parent's taggers (they are keyed by process id), and taggers are never pickled: nothing
here is in an object's state.
"""

from __future__ import annotations

import os
import threading
import weakref
from typing import Any, NamedTuple


class TaggerSpec(NamedTuple):
    """The exact arguments of a MeCab tagger: its MeCab options, and whether it is fugashi's ``GenericTagger``
    (features as raw strings) or its UniDic ``Tagger`` (features by name). A tuple: a key hashed at C speed, as it
    is looked up for every text tagged."""

    args: str
    generic: bool = True

    def make(self) -> Any:
        """Return a new fugashi tagger of these arguments (one more mapping of the dictionary; see the module)."""
        import fugashi

        return fugashi.GenericTagger(self.args) if self.generic else fugashi.Tagger(self.args)


class _Held:
    """One thread's taggers, made in process *pid*; they go to the idle ones when the thread ends."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.taggers: dict[TaggerSpec, Any] = {}
        finalizer = weakref.finalize(self, _give_back, pid, self.taggers)
        finalizer.atexit = False  # at exit nothing takes them


_local = threading.local()
_idle: dict[tuple[int, TaggerSpec], list[Any]] = {}
"""Taggers of ended threads, by process id and arguments (list append and pop are atomic: no lock)."""


def _give_back(pid: int, taggers: dict[TaggerSpec, Any]) -> None:
    if os.getpid() != pid:  # a fork's copy of its parent's thread: not this process's taggers
        return
    for spec, tagger in taggers.items():
        _idle.setdefault((pid, spec), []).append(tagger)


def _forget_parent() -> None:
    _idle.clear()  # a fork's child: its parent's idle taggers are not its own


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_parent)


def shared_tagger(spec: TaggerSpec) -> Any:
    """Return this thread's tagger of *spec* in this process, made (or taken from an ended thread) on first use.

    Use it within the call that asked for it, one parse at a time; keep it on no object and give it to no other
    thread (once this thread ends, another takes it): ask again, a dictionary look-up, for the next call.
    """
    pid = os.getpid()
    held: _Held | None = getattr(_local, "held", None)
    if held is None or held.pid != pid:
        held = _local.held = _Held(pid)
    tagger = held.taggers.get(spec)
    if tagger is None:
        try:
            tagger = _idle.get((pid, spec), []).pop()
        except IndexError:
            tagger = spec.make()
        held.taggers[spec] = tagger
    return tagger
