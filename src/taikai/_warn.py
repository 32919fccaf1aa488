"""Warn a user at the line of theirs that called taikai, however deep in taikai the warning is given.

A ``stacklevel`` counted by hand names the caller of the function that warns only while no other function stands
between them: a wrapper (:func:`taikai._argument_order.argument_order`), a helper that moves the warning one call
deeper, and every such warning pointed at a line of taikai (``_argument_order.py:222: DataWarning``). :func:`warn_user`
looks the line up instead: the caller of the outermost frame of taikai's own code, so that a library taikai calls and
that calls taikai back (``contextlib``, pandas, scikit-learn running a model's steps) is passed over too, as is
pandas calling taikai for the user (``df.pipe(taikai.suggest)``, ``df.apply``): the warning names the user's line.

Within :func:`reworded` (a call asked to mask personal data, :mod:`taikai._masked_messages`), each message is
reworded before it is given: the warning itself carries the masked text, in a notebook as on the command line.

It imports only :mod:`taikai._context_values`, so that every package, however low its layer, uses one copy.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable
from contextlib import AbstractContextManager
from contextvars import ContextVar
from types import FrameType

from taikai._context_values import set_within

Rewording = Callable[[str, type[Warning]], str]
"""What a warning's message becomes, given it and its category."""

_REWORDING: ContextVar[Rewording | None] = ContextVar("taikai_warnings_reworded", default=None)

_PACKAGE = os.path.dirname(__file__) + os.sep
"""The directory of taikai's modules, as their code names its files: a frame whose code lies in it is taikai's."""


_CALLING_BACK = ("pandas",)
"""The libraries that call a function a user gives them (``df.pipe(f)``): the frames of theirs above taikai's are
passed over, to the user's line that called them."""


def _is_taikai(frame: FrameType) -> bool:
    return frame.f_code.co_filename.startswith(_PACKAGE)


def _calls_back(frame: FrameType) -> bool:
    return str(frame.f_globals.get("__name__", "")).partition(".")[0] in _CALLING_BACK


def user_frame(frame: FrameType) -> FrameType:
    """Return the frame to name for a warning whose ``warnings.warn`` would be called in *frame*: the caller of the
    outermost frame of taikai's code on the stack, past the frames of a library that called taikai for the user
    (pandas' ``pipe``; that frame itself when nothing else called it, as in a thread taikai started), or *frame* when
    no frame is taikai's."""
    outermost = None
    walked: FrameType | None = frame
    while walked is not None:
        if _is_taikai(walked):
            outermost = walked
        walked = walked.f_back
    if outermost is None:
        return frame
    caller = outermost
    while caller.f_back is not None and (caller is outermost or _calls_back(caller)):
        caller = caller.f_back
    return caller


def reworded(rewording: Rewording) -> AbstractContextManager[None]:
    """Within the block, :func:`warn_user` gives each message as *rewording* returns it."""
    return set_within(_REWORDING, rewording)


def warn_user(message: str, category: type[Warning], *, reword: bool = True) -> None:
    """Warn *message* as *category*, at the line of the user's code that called taikai (see :func:`user_frame`),
    reworded within :func:`reworded` unless not to *reword* (a message that holds nothing of the user's data, whose
    rewording, masking it, could need what the message is about: the note that the MeCab dictionary's copy is
    written, which masking's tagger waits for).

    The filters, the ``__warningregistry__`` of once-only warnings and ``warnings.showwarning`` apply as for
    ``warnings.warn``, which this is with the frame looked up.
    """
    frame = user_frame(sys._getframe(1))  # its caller, where warnings.warn would have been called
    rewording = _REWORDING.get()
    message = message if rewording is None or not reword else rewording(message, category)
    module_globals = frame.f_globals
    warnings.warn_explicit(
        message,
        category,
        frame.f_code.co_filename,
        frame.f_lineno,
        module=module_globals.get("__name__", "<string>"),
        registry=module_globals.setdefault("__warningregistry__", {}),
    )  # no module_globals: as warnings.warn, which gives none (a loader without get_source, as python -c's, fails)
