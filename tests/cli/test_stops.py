"""Ctrl-C and SIGTERM while a batch engine runs (taikai.cli._stops.FirstStop): the first stops the run, once, and is
not lost where Python drops exceptions; the later ones add nothing; with none, the handlers are given back."""

from __future__ import annotations

import gc
import signal
import sys
import time

import pytest

from taikai.cli._stops import FirstStop


def _wait_for_the_stop(seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(0.01)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_raised_in_a_garbage_collector_callback_is_given_again(handlers, stop):
    """Regression: on the Dask engine the stop was handled, more often than not, in distributed's gc callback, where
    Python drops exceptions: the run went on to the end (SIGTERM), or its workers died and it waited 60 s for them
    (Ctrl-C), with a traceback on stderr; and a handler ignoring the later stops would have left none to stop it."""
    stops = FirstStop()
    fired: list[int] = []

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and not fired:
            fired.append(stop)
            signal.raise_signal(stop)  # handled in this callback, as the signal was in distributed's

    gc.callbacks.append(callback)
    try:
        with pytest.raises(KeyboardInterrupt):
            gc.collect()
            _wait_for_the_stop()  # given again from another thread, it comes here
    finally:
        gc.callbacks.remove(callback)
    assert fired == [stop] and stops.came


@pytest.mark.parametrize("again", [signal.SIGINT, signal.SIGTERM])
def test_the_stops_after_the_first_add_nothing(handlers, again):
    stops = FirstStop()
    with pytest.raises(KeyboardInterrupt):
        signal.raise_signal(signal.SIGTERM)
    signal.raise_signal(again)  # while the run stops, prints its message, exits: ignored
    stops.restore()  # the command is ending: the handlers stay
    signal.raise_signal(again)
    assert signal.getsignal(again) is stops


def test_without_a_stop_the_handlers_are_given_back(handlers):
    hook = sys.unraisablehook
    stops = FirstStop()
    assert signal.getsignal(signal.SIGINT) is stops and signal.getsignal(signal.SIGTERM) is stops
    stops.restore()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    assert signal.getsignal(signal.SIGTERM) is signal.default_int_handler
    assert sys.unraisablehook is hook


def test_an_exception_dropped_that_is_not_the_stop_goes_to_the_hook_there_was(handlers, monkeypatch):
    seen: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", seen.append)
    stops = FirstStop()

    class Noisy:
        def __del__(self) -> None:
            raise ValueError("from __del__")

    Noisy()
    stops.restore()
    assert [type(u.exc_value) for u in seen] == [ValueError]  # type: ignore[attr-defined]
