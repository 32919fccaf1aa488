"""What every command shares: the command and group classes (which turn a failed read or write into a clean error),
writing results to standard output and JSON reports, and the check that an output is none of the inputs; the options
several commands take are in :mod:`taikai.cli._options`."""

from __future__ import annotations

import errno
import os
import shlex
import sys
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from taikai._command import running, running_command
from taikai._stopped import stopped
from taikai._whole_file import write_whole, written_line
from taikai.cli._given_twice import record_given, refuse_given_twice
from taikai.cli._masked_errors import errors_masked
from taikai.cli._os_errors import os_error_message
from taikai.cli._plain_types import ARGS_KEY
from taikai.cli._saved import INTERRUPTED_EXIT, said_saved
from taikai.cli._stdout import echo_encodable, echo_to_stderr, write_advice
from taikai.cli._stops import release_stops
from taikai.cli._taken_options import refuse_taken_options
from taikai.cli._usage_errors import Resolved, UserError, in_taikai_voice, unknown_command
from taikai.errors import DataWarning, TaikaiError

OUTPUTS_KEY = "taikai.outputs"
"""Where :func:`check_output` records, in the click context's ``meta``, the paths a command is about to write."""


class Command(click.Command):
    """A command of taikai's: its ``--help``, printed while click parses the arguments, that cannot be written to
    standard output (a full disk, ``> /dev/full``) is reported as such, not as a file of the command's; an option
    that takes one value, given different ones, is refused (:mod:`taikai.cli._given_twice`)."""

    def make_parser(self, ctx: click.Context) -> Any:
        parser = super().make_parser(ctx)
        record_given(parser, ctx)  # each value given, which click's parser keeps the last of
        return parser

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta[ARGS_KEY] = tuple(args)  # as given: --jobs==2 is told apart from -j=2, which give the same value
        with writing_help(ctx.command_path):
            try:
                left = super().parse_args(ctx, args)
                refuse_taken_options(ctx)  # --json --exit-code: --json given no value, not a file --exit-code
                refuse_given_twice(ctx)  # -o a.csv -o b.csv: click wrote b.csv alone
                return left
            except click.UsageError as exc:  # said by Group (in_taikai_voice), naming this command
                exc.ctx = exc.ctx or ctx  # click's parser leaves it out ("Option '-o' requires an argument")
                if isinstance(exc, click.MissingParameter):  # --text-column -o out.csv: -o taken, then missing
                    refuse_taken_options(ctx)
                raise

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command, the library's messages naming it (``-: evaluate does not read standard input``)."""
        with running(ctx.command_path.removeprefix(ctx.find_root().command_path).strip()), errors_masked(ctx):
            return super().invoke(ctx)  # running "rules test"; under --mask-pii, its error message masked too


_HELP = "the help or version asked for"
"""What a command writes to standard output while click parses its arguments."""


@contextmanager
def writing_help(command: str) -> Iterator[None]:
    """Report a failed write of the help or version *command* prints while click parses its arguments (see
    :func:`writing_results`); standard output closed at start-up (``>&-``, ``sys.stdout`` None), to which click
    writes nothing without a word, as such: the eager option's exit 0 would say the help was shown."""
    with writing_results(command, _HELP):
        try:
            yield
        except click.exceptions.Exit as exc:
            if exc.exit_code == 0 and sys.stdout is None:  # only --help and --version end the parse so
                raise OSError(errno.EBADF, "it is closed") from None
            raise


class Group(click.Group):
    """Turn every :class:`TaikaiError` and click usage error into a clean message and exit code 2 (and a failed write
    of ``--help`` or ``--version`` into one about standard output, see :class:`Command`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta[ARGS_KEY] = tuple(args)  # an option of a command given before it is told where it goes
        with writing_help(ctx.command_path), in_taikai_voice(ctx):
            return super().parse_args(ctx, args)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Resolved:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:  # no command of that name, or an unknown option of the group's, as it looked
            unknown = UserError(unknown_command(ctx, args[0], self.list_commands(ctx), args[1:2]))
            raise exc if isinstance(exc, click.NoSuchOption) else unknown from None

    command_class = Command  # ``@group.command()`` (taikai rules test)

    def invoke(self, ctx: click.Context) -> Any:
        if os.environ.get("NO_COLOR"):  # no-color.org: set and not empty, no colours even on a terminal
            ctx.color = False  # the command's context inherits it, and click.echo and secho read it
        with warnings.catch_warnings():
            try:
                release_stops()  # held since main(): one that came as click parsed is handled here, as any stop
                warnings.simplefilter("always", DataWarning)
                warnings.showwarning = _show_warning
                with in_taikai_voice(ctx):  # click's usage errors in the command's arguments, or its own
                    return super().invoke(ctx)
            except BrokenPipeError:
                raise  # the reader of standard output went away (``| head``): as before, not a file problem
            except (KeyboardInterrupt, TaikaiError, OSError, ImportError) as exc:
                if stopped(exc):  # Ctrl-C or SIGTERM, also while a command imports (a compiled module's ImportError,
                    click.echo("taikai: interrupted", err=True)  # "install the extra"): 130, not click's exit 1
                    raise SystemExit(INTERRUPTED_EXIT) from None
                if isinstance(exc, TaikaiError):
                    raise UserError(str(exc)) from exc
                if isinstance(exc, OSError):
                    raise UserError(os_error_message(exc, ctx.meta.get(OUTPUTS_KEY, []))) from exc
                raise


def echo_result(message: str, saved: str | None = None, *, as_json: bool = False) -> None:
    """Write *message*, results of the running command, to standard output in its encoding (see
    :func:`~taikai.cli._stdout.echo_encodable`; *as_json*: *message* is JSON): a failed write is reported as one to
    standard output (see :func:`writing_results`), not to some file; *saved* (``the model to m/``) says what the
    command wrote before it, which the failure does not undo, nor a stop (:func:`~taikai.cli._saved.said_saved`)."""
    command = running_command()
    with writing_results(command, saved=saved), said_saved(saved, command):
        echo_encodable(message, as_json=as_json)


def echo_status(message: str, saved: str | None = None) -> None:
    """Write *message*, what the running command says of its work (where its file went, its summary), to standard
    error: standard output holds only a command's results (a table, a text report, JSON), so that it can be piped
    or redirected whole (see :mod:`taikai.cli`); *saved* (``the model to m/``): what the command wrote, which a
    stop as the message is written does not undo (:func:`~taikai.cli._saved.said_saved`)."""
    with said_saved(saved):
        echo_to_stderr(message)


STDOUT = Path("-")
"""``--json -``: the JSON goes to standard output, and the text report to standard error."""


def write_json_report(path: Path, values: object, what: str) -> str | None:
    """Write *values* as JSON to *path* (``-``: standard output), and say on stderr where *what* went (a file that
    cannot be written is reported by :class:`Group`, as every output is); return what was saved (``the report to
    r.json``), for a stop as the command prints what follows (:func:`echo_report`), or ``None`` for ``-``."""
    import json

    text = json.dumps(values, ensure_ascii=False, indent=2)
    if path == STDOUT:
        echo_result(text, as_json=True)
        return None
    write_whole(path, text + "\n")  # stopped while written: no half of it
    saved = f"the {what} to {shlex.quote(str(path))}"
    echo_status(written_line(what, path), saved)  # a stop from here on says the file is complete
    return saved


def echo_report(text: str, json_out: Path | None, saved: str | None = None) -> None:
    """Print the text report: to standard output, or to standard error when the JSON goes there (``--json -``);
    *saved*: what the command wrote before (see :func:`echo_result`)."""
    if json_out == STDOUT:
        echo_to_stderr(text)
    else:
        echo_result(text, saved=saved)


@contextmanager
def writing_results(command: str, what: str = "its results", saved: str | None = None) -> Iterator[None]:
    """Report a failed write to standard output (a full disk, a device that takes nothing) as such: *command*
    writes *what* there, not to a file of its own; *saved* (``the model to m/``) names what it wrote first."""
    try:
        yield
    except BrokenPipeError:
        raise  # the reader went away (``| head``): as for any command
    except OSError as exc:
        if exc.filename is not None:
            raise
        done = f"{command} writes {what} to standard output"
        if saved is not None:
            done = f"{command} saved {saved}, but could not print its summary, which it writes to standard output"
        raise UserError(f"standard output: cannot write ({exc.strerror or exc}); {done}: {write_advice(exc)}") from exc


def check_output(
    output: Path, inputs: Mapping[str, Path | None], option: str = "", *, folder: bool = False, model: bool = False
) -> None:
    """Refuse an *output* that is one of *inputs* or a model's file (see :func:`taikai.io.check_not_input`; *model*:
    it is one, which the command writes), and remember *output* so that a failure to write it (or a file beside or
    in it) is reported as a failed write."""
    from taikai.io import check_not_input

    check_not_input(output, inputs, option, folder=folder, model=model)
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta.setdefault(OUTPUTS_KEY, []).append(Path(output))


def model_inputs(model_path: Path | None) -> dict[str, Path | None]:
    """Return the files of the model directory that a command reads: *model_path*, or when it is not given the
    default model, found as loading finds it ($TAIKAI_MODEL, else the shipped one; none when no default is
    installed), so that no output overwrites the model however it was chosen."""
    from taikai.errors import ModelError
    from taikai.model import ARTIFACT_NAME, METADATA_NAME, default_model_dir, model_directory

    if model_path is None:
        try:
            model_path = default_model_dir()
        except ModelError:  # no default model: loading says so, with what to do
            return {}
    folder = model_directory(model_path)
    return {f"the model's {name}": folder / name for name in (METADATA_NAME, ARTIFACT_NAME)}


def _show_warning(
    message: Warning | str, category: type[Warning], filename: str, lineno: int, file: Any = None, line: Any = None
) -> None:
    """Print a warning on stderr as one line, ``taikai: warning: …``: the library's as its message; another
    package's (openpyxl, pandas) as its message on one line, with its kind and where it was raised, in place of
    Python's two lines (the file and the source line), which a log grep for ``taikai: warning`` missed."""
    if issubclass(category, DataWarning):
        click.echo(f"taikai: warning: {message}", err=True)
        return
    said = " ".join(part.strip() for part in str(message).splitlines() if part.strip())
    click.echo(f"taikai: warning: {said} ({category.__name__}, {_raised_at(filename, lineno)})", err=True)


def _raised_at(filename: str, lineno: int) -> str:
    """Return where a warning was raised: the file under its package's install folder (``openpyxl/reader/excel.py``),
    else its name, and the line."""
    parts = Path(filename).parts
    for at in range(len(parts) - 1, -1, -1):
        if parts[at] in ("site-packages", "dist-packages"):
            return f"{'/'.join(parts[at + 1 :])}:{lineno}"
    return f"{Path(filename).name}:{lineno}"
