"""How a command ends: ``predict`` skips the interpreter's teardown after flushing its output and running the
``atexit`` handlers; every other case exits the usual way."""

import atexit
import subprocess
import sys
import threading

import pytest

from taikai.cli import _startup


class Ended(Exception):
    """Raised by the stand-ins of ``os._exit`` and ``sys.exit``: how the process would have ended."""


@pytest.fixture
def ends(monkeypatch):
    calls = []

    def record(how):
        def end(code=None):
            calls.append((how, code))
            raise Ended

        return end

    monkeypatch.setattr(_startup.os, "_exit", record("quick"))
    monkeypatch.setattr(_startup.sys, "exit", record("usual"))
    monkeypatch.setattr(atexit, "_run_exitfuncs", lambda: calls.append(("atexit", None)))
    monkeypatch.setattr(_startup, "_quick_exit", False)
    return calls


@pytest.mark.parametrize(
    ("asked", "code", "threads", "calls"),
    [
        (True, None, 1, [("atexit", None), ("quick", 0)]),
        (True, 0, 1, [("atexit", None), ("quick", 0)]),
        (True, 2, 1, [("atexit", None), ("quick", 2)]),
        (False, 2, 1, [("usual", 2)]),  # not asked: the usual exit
        (True, "a message", 1, [("usual", "a message")]),  # printed by the usual exit
        (True, 2, 2, [("usual", 2)]),  # another thread: the usual exit joins it
    ],
)
def test_finish_ends_quickly_only_when_asked_and_safe(ends, monkeypatch, asked, code, threads, calls):
    monkeypatch.setattr(threading, "active_count", lambda: threads)
    if asked:
        _startup.exit_quickly_when_done()
    with pytest.raises(Ended):
        _startup.finish(code)
    assert ends == calls


def test_a_failing_flush_falls_back_to_the_usual_exit(ends, monkeypatch):
    class Closed:
        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(_startup.sys, "stdout", Closed())
    _startup.exit_quickly_when_done()
    with pytest.raises(Ended):
        _startup.finish(0)
    assert ends == [("usual", 0)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("texts", "returncode", "stderr"),
    [
        (["手数料が高すぎて続けられません"], 0, ""),
        (["手数料が高すぎて続けられません", " "], 2, "taikai: error: <argument 2>: empty or whitespace-only text\n"),
    ],
)
def test_predict_ends_with_its_output_its_code_and_the_atexit_handlers(tmp_path, texts, returncode, stderr):
    ran = tmp_path / "atexit"
    code = f"""
import atexit, sys
atexit.register(lambda: open({str(ran)!r}, "w").write("ran"))
from taikai.cli import main
sys.argv = ["taikai", "predict", "--format", "jsonl", *{texts!r}]
main()
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == returncode, done.stderr
    assert len(done.stdout.splitlines()) == len(texts) and done.stderr == stderr
    assert ran.read_text() == "ran"
