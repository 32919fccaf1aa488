"""Ctrl-C and SIGTERM while a batch engine runs (taikai.cli._stops.FirstStop): the first stops the run, once, and is
not lost where Python drops exceptions; the later ones add nothing; with none, the handlers are given back. SIGTERM
stops any other command as Ctrl-C does, and an import Ctrl-C failed is said as a stop."""

from __future__ import annotations

import gc
import signal
import sys
import threading
import time
from types import SimpleNamespace

import click
import pytest
from click.testing import CliRunner
from support_commands import ctrl_c_default

from taikai.cli import cli
from taikai.cli._stops import FirstStop, stop_on_sigterm


def _wait_for_the_stop(seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(0.01)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
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


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_stop_dropped_as_the_run_ends_does_not_stop_the_command_after_it(handlers, monkeypatch, stop):
    """Regression: a stop dropped in the last 10 ms of a run was given again to the handler there was once the run
    had given it back: the command, its output complete, ended with "taikai: interrupted" (or a traceback as the
    interpreter exited). The timer's thread starts only once the run has ended, as on a loaded machine: before, the
    test gave it 300 ms, which a test stalled between two lines outlasts now and then."""
    timers: list[threading.Timer] = []

    def start_later(timer: threading.Timer) -> None:
        timers.append(timer)

    monkeypatch.setattr(threading.Timer, "start", start_later)
    stops = FirstStop()
    with pytest.raises(KeyboardInterrupt) as raised:
        signal.raise_signal(stop)
    stops._dropped(SimpleNamespace(exc_value=raised.value))  # where Python drops it: given again a moment later
    stops.restore()  # the run ended meanwhile
    try:
        for timer in timers:
            threading.Thread.start(timer)
            timer.join()
        _wait_for_the_stop(0.1)  # the command prints its summary and exits
    except KeyboardInterrupt:
        pytest.fail("the stop came after the run, to the handler there was")
    assert len(timers) == 1
    assert not stops.came and signal.getsignal(stop) is signal.default_int_handler


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_stop_dropped_on_a_loaded_machine_is_given_again_after_the_hook(handlers, monkeypatch, stop):
    """Regression (seen under load): the timer giving a dropped stop again could fire before the hook that started
    it had returned; raised in the hook, the stop was dropped for good ("Exception ignored in sys.unraisablehook")
    and the run went on."""
    start = threading.Timer.start

    def slow_start(timer: threading.Timer) -> None:
        start(timer)
        time.sleep(0.1)  # the hook returns late, as on a loaded machine

    monkeypatch.setattr(threading.Timer, "start", slow_start)
    stops = FirstStop()
    with pytest.raises(KeyboardInterrupt) as raised:
        signal.raise_signal(stop)
    try:
        stops._dropped(SimpleNamespace(exc_value=raised.value))  # returns once the timer's 10 ms are past
    except KeyboardInterrupt:
        pytest.fail("the stop came in the hook, where Python drops it")
    with pytest.raises(KeyboardInterrupt):
        _wait_for_the_stop()
    assert stops.came
    stops.restore()


@pytest.mark.parametrize(
    ("first", "again"),
    [
        (signal.SIGTERM, signal.SIGINT),
        (signal.SIGTERM, signal.SIGTERM),
        (signal.SIGHUP, signal.SIGTERM),  # the ssh session dropped, and its shell's SIGTERM follows
        (signal.SIGTERM, signal.SIGHUP),
    ],
)
def test_the_stops_after_the_first_add_nothing(handlers, first, again):
    stops = FirstStop()
    with pytest.raises(KeyboardInterrupt):
        signal.raise_signal(first)
    signal.raise_signal(again)  # while the run stops, prints its message, exits: ignored
    stops.restore()  # the command is ending: the handlers stay
    signal.raise_signal(again)
    assert signal.getsignal(again) is stops


def test_without_a_stop_the_handlers_are_given_back(handlers):
    hook = sys.unraisablehook
    stops = FirstStop()
    for stop in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        assert signal.getsignal(stop) is stops, stop.name
    stops.restore()
    for stop in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        assert signal.getsignal(stop) is signal.default_int_handler, stop.name
    assert sys.unraisablehook is hook


@pytest.mark.parametrize("ignored", [signal.SIGINT, signal.SIGHUP], ids=["ctrl-c in the background", "nohup"])
def test_an_ignored_stop_stays_ignored_while_a_batch_engine_runs(handlers, ignored):
    """Under ``nohup`` (SIGHUP ignored) a run goes on when the terminal hangs up, as the user asked."""
    signal.signal(ignored, signal.SIG_IGN)
    stops = FirstStop()
    assert signal.getsignal(ignored) is signal.SIG_IGN and signal.getsignal(signal.SIGTERM) is stops
    stops.restore()
    assert signal.getsignal(ignored) is signal.SIG_IGN


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_a_hang_up_stop_any_command(handlers, stop):
    """Regression: a hang-up of the terminal (an ssh session that drops) killed a command at once, exit 129, silent,
    a batch leaving its partial output without a word; it stops the command as SIGTERM does (exit 130, one line)."""
    signal.signal(stop, signal.SIG_DFL)
    stop_on_sigterm()
    assert signal.getsignal(stop) is not signal.SIG_DFL, "it would kill the command (and this test's process)"
    with pytest.raises(KeyboardInterrupt):
        signal.raise_signal(stop)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP])
@pytest.mark.parametrize("kind", ["ignored", "handled"])
def test_a_sigterm_the_program_running_taikai_ignores_or_handles_is_left_so(handlers, kind, stop):
    """``nohup taikai batch …`` ignores SIGHUP: the run goes on when the terminal hangs up."""
    own = signal.SIG_IGN if kind == "ignored" else (lambda signum, frame: None)
    signal.signal(stop, own)
    stop_on_sigterm()
    assert signal.getsignal(stop) is own


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


def _in_pytests_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Have ``main()`` end by ``SystemExit`` here: a stopped command, as one that asked to (an earlier predict, whose
    request stays), ends its process at once (``os._exit``), which would end pytest itself."""
    import taikai.cli
    import taikai.cli._startup as startup

    monkeypatch.setattr(startup, "_quick_exit", False)
    monkeypatch.setattr(taikai.cli, "exit_quickly_when_done", lambda: None)


def _terminated(*args: object, **kwargs: object) -> None:
    """Stand for a command's work as ``timeout`` or a job scheduler sends it SIGTERM."""
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        pytest.fail("SIGTERM would end the command at once: no cleanup, nothing said, not 130")
    signal.raise_signal(signal.SIGTERM)
    _wait_for_the_stop()


@pytest.mark.parametrize(
    ("command", "patched"),
    [
        (["train", "{data}", "--out", "{out}"], "taikai.training.train"),
        (["evaluate", "{data}", "-m", "{model}"], "taikai.evaluation.evaluate"),
        (["drift", "{data}", "-m", "{model}"], "taikai.drift.check_drift"),
    ],
    ids=["train", "evaluate", "drift"],
)
def test_sigterm_stops_any_command_as_ctrl_c_does(
    monkeypatch, capsys, tiny_csv, tiny_model_dir, tmp_path, command, patched
):
    """Regression: SIGTERM killed every command but batch at once (`timeout` saw 143, nothing said): a train
    stopped so left its save marker, a report or a sheet its first half; now it stops as Ctrl-C does (exit 130)."""
    from taikai.cli import main

    module, _, name = patched.rpartition(".")
    monkeypatch.setattr(__import__(module, fromlist=[name]), name, _terminated)
    _in_pytests_process(monkeypatch)
    args = [a.format(data=tiny_csv, model=tiny_model_dir, out=tmp_path / "m") for a in command]
    monkeypatch.setattr(sys, "argv", ["taikai", *args])
    before = signal.signal(signal.SIGTERM, signal.SIG_DFL)  # as a new process has it
    try:
        with pytest.raises(SystemExit) as stop:
            main()
    finally:
        signal.signal(signal.SIGTERM, before)
    assert stop.value.code == 130
    assert capsys.readouterr().err == "taikai: interrupted\n"


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "ctrl-c"])
@pytest.mark.parametrize("where", ["the group's", "the command's"])
def test_a_stop_while_click_parses_the_arguments_is_an_interruption(
    handlers, monkeypatch, capsys, tiny_csv, stop, where
):
    """Regression (CI, once in many runs): a SIGTERM sent as train started came while click parsed the arguments,
    outside the command's handling of stops: click's "Aborted!" and exit 1, not "taikai: interrupted" and 130."""
    import taikai.cli._common as common
    from taikai.cli import main

    cls = common.Group if where == "the group's" else common.Command
    parse = cls.parse_args

    def parse_args(self: click.Command, ctx: click.Context, args: list[str]) -> list[str]:
        signal.raise_signal(stop)
        return parse(self, ctx, args)

    def train(*args: object, **kwargs: object) -> None:
        _wait_for_the_stop()
        pytest.fail("the stop held while click parsed was not delivered as the command ran")

    monkeypatch.setattr(cls, "parse_args", parse_args)
    monkeypatch.setattr(__import__("taikai.training", fromlist=["train"]), "train", train)
    _in_pytests_process(monkeypatch)
    monkeypatch.setattr(sys, "argv", ["taikai", "train", str(tiny_csv), "--out", "unused"])
    before = signal.signal(signal.SIGTERM, signal.SIG_DFL)  # as a new process has it
    try:
        with pytest.raises(SystemExit) as ended:
            main()
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
        signal.signal(signal.SIGTERM, before)
    assert (ended.value.code, capsys.readouterr().err) == (130, "taikai: interrupted\n")


@pytest.mark.parametrize("stopped", [True, False], ids=["by-ctrl-c", "missing"])
def test_an_import_failed_by_ctrl_c_is_an_interruption(monkeypatch, tiny_csv, tmp_path, stopped):
    """Regression: Ctrl-C while scikit-learn loaded SciPy's compiled modules ended with their traceback,
    "ImportError: initialization failed", and exit 1."""

    def importing(*args: object, **kwargs: object) -> None:
        try:
            if stopped:
                raise KeyboardInterrupt
            raise ImportError("No module named 'scipy'")
        except KeyboardInterrupt as exc:
            raise ImportError("initialization failed") from exc  # what pybind11 makes of it

    monkeypatch.setattr(__import__("taikai.training", fromlist=["train"]), "train", importing)
    result = CliRunner().invoke(cli, ["train", str(tiny_csv), "--out", str(tmp_path / "m")])
    if stopped:
        assert (result.exit_code, result.stderr) == (130, "taikai: interrupted\n")
    else:  # a library truly missing is not said to be a stop
        assert isinstance(result.exception, ImportError) and "interrupted" not in result.stderr


_FLAGGED = """
import ctypes

import taikai.training


def train(*args, **kwargs):
    # as a compiled module may run Python code through PyRun_String (pybind11 can), and a stop ends it
    run = ctypes.pythonapi.PyRun_String
    run.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.py_object, ctypes.py_object]
    run.restype = ctypes.py_object
    run(b"raise KeyboardInterrupt", 257, {}, {})  # 257: Py_file_input


taikai.training.train = train
from taikai.cli import main

main()
"""


def test_a_stop_inside_code_a_compiled_library_ran_exits_130_under_python_m(tiny_csv, tmp_path):
    """Regression (1 in 10 to 50 real SIGTERMs to ``python -m taikai train``): a stop that ended code a compiled
    library runs through ``PyRun_String`` (as pybind11 modules can) is marked by CPython, which under ``-m`` kills
    itself with SIGINT after its teardown: "taikai: interrupted", then exit -2, not 130."""
    import os
    import subprocess

    (tmp_path / "flagged.py").write_text(_FLAGGED, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    cmd = [sys.executable, "-m", "flagged", "train", str(tiny_csv), "--out", str(tmp_path / "m")]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert (done.returncode, done.stderr) == (130, "taikai: interrupted\n")
    assert not (tmp_path / "m").exists()


_STOPPED_AS_IT_LOADS = """
import signal
import sys


class Stop:  # the stop comes as the command line loads click, before main() runs
    def find_spec(self, name, path=None, target=None):
        if name == "click":
            sys.meta_path.remove(self)
            signal.raise_signal(signal.{stop})


sys.meta_path.insert(0, Stop())
"""


@pytest.mark.parametrize("started", ["console script", "python -m taikai"])
@pytest.mark.parametrize("stop", ["SIGTERM", "SIGINT"])
def test_a_stop_as_the_command_line_loads_stops_the_command(tiny_model_dir, tmp_path, started, stop):
    """Regression: a SIGTERM while taikai.cli loaded, before main() ran (a few tenths of a second), killed the command
    silently (143), and a Ctrl-C printed a KeyboardInterrupt traceback (exit 1)."""
    import os
    import subprocess

    hook = _STOPPED_AS_IT_LOADS.format(stop=stop)
    if started == "console script":  # as pip writes it: its __main__ is the file named taikai
        (tmp_path / "taikai").write_text(hook + "from taikai.cli import main\n\nsys.exit(main())\n", encoding="utf-8")
        cmd = [sys.executable, str(tmp_path / "taikai")]
    else:
        cmd = [
            sys.executable,
            "-c",
            hook + "import runpy\n\nrunpy.run_module('taikai', run_name='__main__', alter_sys=True)\n",
        ]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [*cmd, "info", "-m", str(tiny_model_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        preexec_fn=ctrl_c_default,
    )
    assert (done.returncode, done.stderr) == (130, "taikai: interrupted\n")


def test_the_command_line_imported_as_a_library_holds_no_stop():
    """taikai.cli imported by a program of one's own (a notebook, a test) leaves Ctrl-C and SIGTERM as they are."""
    import subprocess

    code = "import signal, taikai.cli; print(sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [])))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout == "[]\n", done.stderr


def _catches_sigterm(pid: int) -> bool:
    """Return whether process *pid* has a handler for SIGTERM (Linux: the SigCgt mask of /proc/PID/status)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        caught = next(line for line in f if line.startswith("SigCgt:")).split()[1]
    return bool(int(caught, 16) >> (signal.SIGTERM - 1) & 1)


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/PID/status")
def test_a_real_sigterm_stops_train_and_leaves_nothing(tiny_csv, tmp_path):
    """``timeout`` sends SIGTERM to train as it starts: exit 130, one line, no model directory nor save marker."""
    import os
    import subprocess

    out = tmp_path / "m"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    cmd = [sys.executable, "-m", "taikai", "train", str(tiny_csv), "--out", str(out), "--folds", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    while proc.poll() is None and not _catches_sigterm(proc.pid):  # no deadline: a loaded machine outlasts any
        time.sleep(0.01)  # (a batch took 40 s to its first chunk at load 20); a process that ends ends the wait
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert (proc.returncode, err) == (130, "taikai: interrupted\n")
    assert not out.exists()


class _FailedByCtrlC:
    """A module finder for which Ctrl-C stops a compiled module's import, as pybind11 says it."""

    def __init__(self, name: str) -> None:
        self.name = name

    def find_spec(self, name: str, path: object, target: object = None) -> None:
        if name == self.name:
            try:
                raise KeyboardInterrupt
            except KeyboardInterrupt as exc:
                raise ImportError("initialization failed") from exc


@pytest.mark.parametrize(
    ("command", "module"),
    [
        (["report", "{data}", "-o", "{out}"], "matplotlib_fontja"),
        (["batch", "{data}", "-o", "{out}", "--engine", "dask", "--text-column", "text"], "taikai.dask"),
        # regression: "give the column of texts with --text-column" and exit 2, the columns not listed
        (["batch", "{data}", "-o", "{out}", "--engine", "dask"], "taikai.batch._dask_input"),
    ],
    ids=["report", "batch-dask", "batch-dask-columns"],
)
def test_an_extra_whose_import_ctrl_c_stopped_is_not_said_missing(monkeypatch, tiny_csv, tmp_path, command, module):
    """Regression: Ctrl-C while report (or batch --engine dask) imported its extra ended with exit 2 and "install
    the report extra", which is installed."""
    monkeypatch.delitem(sys.modules, module, raising=False)
    monkeypatch.setattr(sys, "meta_path", [_FailedByCtrlC(module), *sys.meta_path])
    args = [a.format(data=tiny_csv, out=tmp_path / "out") for a in command]
    result = CliRunner().invoke(cli, args)
    assert (result.exit_code, result.stderr) == (130, "taikai: interrupted\n")
