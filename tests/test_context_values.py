"""A context variable set for a block is the block's alone: after it, also when it raises, it is what it was; the
four blocks that scope what messages say (the command running, the arguments named, the rewording of warnings, the
texts masking keeps) are one context manager."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from contextvars import ContextVar
from typing import Any

import pytest

from taikai._argument_names import Argument, named_as
from taikai._command import running, running_command
from taikai._context_values import set_within
from taikai._masked_messages import _KEPT, masking
from taikai._warn import reworded, warn_user

_VAR: ContextVar[str] = ContextVar("taikai_test_var", default="outside")


def test_set_within_sets_for_the_block_nested_and_resets_after_it_even_when_it_raises():
    with pytest.raises(KeyError), set_within(_VAR, "a"):
        assert _VAR.get() == "a"
        with set_within(_VAR, "b"):
            assert _VAR.get() == "b"
        assert _VAR.get() == "a"
        raise KeyError("x")
    assert _VAR.get() == "outside"


ENCODING = Argument("encoding", "--encoding")
REFERENCE = Argument("reference_encoding", "--reference-encoding")


def _reworded_warning() -> str:
    with pytest.warns(UserWarning) as caught:
        warn_user("said", UserWarning)
    return str(caught[0].message)


SCOPES: list[tuple[str, Callable[[], AbstractContextManager[Any]], Callable[[], object], object, object]] = [
    ("running", lambda: running("evaluate"), running_command, "evaluate", "taikai"),
    (
        "named_as",
        lambda: named_as((ENCODING, REFERENCE)),
        lambda: ENCODING.current().name,
        "reference_encoding",
        "encoding",
    ),
    ("reworded", lambda: reworded(lambda m, c: m.upper()), _reworded_warning, "SAID", "said"),
    ("masking", lambda: masking(["kept"]), lambda: _KEPT.get(), ("kept",), None),
]


@pytest.mark.parametrize(("block", "seen", "inside", "outside"), [s[1:] for s in SCOPES], ids=[s[0] for s in SCOPES])
def test_each_scope_holds_within_its_block_and_ends_with_it_even_when_it_raises(block, seen, inside, outside):
    with pytest.raises(KeyError), block():
        assert seen() == inside
        raise KeyError("x")
    assert seen() == outside
