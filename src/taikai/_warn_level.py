"""Where a warning of taikai points: the user's line that called into taikai, not a line of taikai itself.

A fixed ``stacklevel`` counts taikai's own frames, which differ from one way in to another (``taikai.evaluate`` is
wrapped by :func:`taikai._argument_order.argument_order`; ``reasons_over_time`` calls the function that warns), so a
warning pointed at ``taikai/_argument_order.py`` or past the user's line, into IPython. It imports nothing of taikai.
"""

from __future__ import annotations

import os
import sys
from types import FrameType

PACKAGE = os.path.dirname(__file__) + os.sep
"""The folder of taikai's modules: a frame whose code is under it is taikai's."""


def user_stacklevel() -> int:
    """Return the ``stacklevel`` that makes ``warnings.warn``, called by the function that calls this, name the
    first frame outside taikai: the user's call (in a script, a notebook cell or a test), or the command line's
    framework for a command (whose warnings are printed without their place)."""
    frame: FrameType | None = sys._getframe(1)  # the function that warns: stacklevel 1
    level = 1
    while frame is not None and frame.f_code.co_filename.startswith(PACKAGE):
        frame = frame.f_back
        level += 1
    return level
