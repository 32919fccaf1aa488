"""The Dask engine's local cluster started deaf to Ctrl-C (taikai.batch._dask_signals.ctrl_c_held): its processes
ignore it, and a Ctrl-C that comes meanwhile reaches this process once the cluster is up."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from taikai.batch._dask_signals import ctrl_c_held

SAYS = "import signal; print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)"
"""Whether a child ignores SIGINT (else Python's default_int_handler raises KeyboardInterrupt there)."""


@pytest.fixture
def caught():
    """Catch SIGINT in a list for the test, as the command line's handler would."""
    came: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: came.append(signum))
    yield came
    signal.signal(signal.SIGINT, previous)


def _child_ignores() -> str:
    return subprocess.run([sys.executable, "-c", SAYS], capture_output=True, text=True, check=True).stdout.strip()


def test_processes_started_in_the_block_ignore_ctrl_c(caught):
    """Regression: a terminal's Ctrl-C reached the local cluster's workers too, and each printed a traceback as it
    died (67 lines on stderr under the command's one)."""
    with ctrl_c_held():
        inside = _child_ignores()
    assert inside == "True"
    assert _child_ignores() == "False"  # after the block, as before


def test_a_ctrl_c_within_the_block_comes_as_it_ends(caught):
    handler = signal.getsignal(signal.SIGINT)
    with ctrl_c_held():
        signal.raise_signal(signal.SIGINT)
        assert caught == []  # held, not dropped
    assert caught == [signal.SIGINT]
    assert signal.getsignal(signal.SIGINT) is handler
    assert signal.pthread_sigmask(signal.SIG_BLOCK, []) == set()
