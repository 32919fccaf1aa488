"""What every command shares: the user-error exception, the command group class (which also turns a failed read or
write into a clean error), the check that an output is none of the inputs, and options several commands take
(--model, --mask-pii, --rules, --prefix, --encoding-errors)."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from taikai._command import running, running_command
from taikai._stopped import stopped
from taikai._whole_file import write_whole
from taikai.cli._given_path import refuse_empty, refuse_unexpanded
from taikai.cli._masked_errors import errors_masked
from taikai.cli._os_errors import os_error_message
from taikai.cli._saved import INTERRUPTED_EXIT, said_saved
from taikai.cli._stdout import echo_encodable, write_advice
from taikai.cli._stops import release_stops
from taikai.cli._usage_errors import Resolved, UserError, in_taikai_voice, unknown_command
from taikai.errors import DataWarning, TaikaiError
from taikai.io import ENCODING_ERRORS
from taikai.rules import RULES_MODES, RulesMode

F = TypeVar("F", bound=Callable[..., Any])

OUTPUTS_KEY = "taikai.outputs"
"""Where :func:`check_output` records, in the click context's ``meta``, the paths a command is about to write."""


class Command(click.Command):
    """A command of taikai's: its ``--help``, printed while click parses the arguments, that cannot be written to
    standard output (a full disk, ``> /dev/full``) is reported as such, not as a file of the command's."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        with writing_results(ctx.command_path, _HELP):
            try:
                return super().parse_args(ctx, args)
            except click.UsageError as exc:  # said by Group (in_taikai_voice), naming this command
                exc.ctx = exc.ctx or ctx  # click's parser leaves it out ("Option '-o' requires an argument")
                raise

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command, the library's messages naming it (``-: evaluate does not read standard input``)."""
        with running(ctx.command_path.removeprefix(ctx.find_root().command_path).strip()), errors_masked(ctx):
            return super().invoke(ctx)  # running "rules test"; under --mask-pii, its error message masked too


_HELP = "the help or version asked for"
"""What a command writes to standard output while click parses its arguments."""


class Group(click.Group):
    """Turn every :class:`TaikaiError` and click usage error into a clean message and exit code 2 (and a failed write
    of ``--help`` or ``--version`` into one about standard output, see :class:`Command`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        with writing_results(ctx.command_path, _HELP), in_taikai_voice(ctx):
            return super().parse_args(ctx, args)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Resolved:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:  # no command of that name, or an unknown option of the group's, as it looked
            unknown = UserError(unknown_command(ctx, args[0], self.list_commands(ctx)))
            raise exc if isinstance(exc, click.NoSuchOption) else unknown from None

    command_class = Command  # ``@group.command()`` (taikai rules test)

    def invoke(self, ctx: click.Context) -> Any:
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
    saved = f"the {what} to {path}"
    with said_saved(saved):  # a stop from here on says the file is complete
        click.echo(f"{what} written to {path}", err=True)
    return saved


def echo_report(text: str, json_out: Path | None, saved: str | None = None) -> None:
    """Print the text report: to standard output, or to standard error when the JSON goes there (``--json -``);
    *saved*: what the command wrote before (see :func:`echo_result`)."""
    if json_out == STDOUT:
        click.echo(text, err=True)
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
    """Print a warning of the library as a message on stderr (without the source line Python would print)."""
    if issubclass(category, DataWarning):
        click.echo(f"taikai: warning: {message}", err=True)
    else:
        click.echo(warnings.formatwarning(message, category, filename, lineno, line), err=True, nl=False)


def _model_path(ctx: click.Context, param: click.Parameter, value: str | Path | None) -> Path | None:
    """Return --model as a path; refuse an empty one, which would name the current directory."""
    if isinstance(value, str) and not value.strip():
        from taikai.model import or_default  # what a command without --model uses, if it has one

        refuse_empty(value, f"the directory of a trained model{or_default('leave --model out for')}", ctx, param)
    refuse_unexpanded(value, ctx, param)
    return None if value is None else Path(value)


def model_option_helped(text: str) -> Callable[[Any], Any]:
    """Return ``--model``/``-m`` (parameter ``model_path``) with the help *text*: a command whose default is
    not the default model says which it is."""
    return click.option("--model", "-m", "model_path", type=click.Path(), default=None, callback=_model_path, help=text)


model_option = model_option_helped("Model directory (default: the shipped model, or $TAIKAI_MODEL).")


_RULES_HELP = (
    "adds rule_names, rule_reasons and rule_conflict",
    "flag: add the rule columns only. override: the first firing rule's label becomes the reason (the model's own is "
    "kept in model_reason)",
)


def rules_options(command: Callable[..., Any], helps: tuple[str, str] = _RULES_HELP) -> Callable[..., Any]:
    """Add ``--rules FILE`` and ``--rules-mode flag|override`` (parameters ``rules`` and ``rules_mode``); *helps*:
    what the rules do to this command's output, and what each mode does."""
    modes, default = click.Choice(RULES_MODES), RulesMode.FLAG.value
    command = click.option("--rules-mode", type=modes, default=default, show_default=True, help=f"{helps[1]}.")(command)
    rules_help = f"Coding rules (TOML, see examples/rules.toml): {helps[0]}."
    return click.option("--rules", type=click.Path(), callback=_rules_path, metavar="FILE", help=rules_help)(command)


def _rules_path(ctx: click.Context, param: click.Parameter, value: str | None) -> Path | None:
    """Return --rules as a path; refuse an empty one, which would name the current directory (``.``)."""
    refuse_empty(value, "a rules file such as rules.toml, or leave --rules out", ctx, param)
    refuse_unexpanded(value, ctx, param)
    return None if value is None else Path(value)


def check_rules_mode(rules: Path | None, rules_mode: str) -> None:
    """Refuse ``--rules-mode override`` without ``--rules`` (it would do nothing), as the library refuses
    ``rules_mode="override"`` without ``rules=`` (:meth:`RulesMode.for_rules`); the default, ``flag``, written out
    is accepted, as it is in Python."""
    if rules is None and RulesMode.parse(rules_mode) is not RulesMode.FLAG:
        raise click.UsageError(
            f"--rules-mode {rules_mode} applies to rules: give the rules file with --rules FILE, or leave "
            "--rules-mode out"
        )


def check_freq(ctx: click.Context, date_column: str | None, freq: str) -> str | None:
    """Refuse ``--freq`` given without ``--date-column`` (there are no periods for it to set); return the ``freq=``
    to call the library with: ``None`` when the option was not given (the library's default, months, which it
    refuses to be given without a date column)."""
    if ctx.get_parameter_source("freq") is ParameterSource.DEFAULT:
        return None
    if date_column is None:
        raise click.UsageError("--freq applies to periods: give the column of dates with --date-column COLUMN")
    return freq


def masked_option(said: str) -> Callable[[F], F]:
    """The ``--mask-pii`` flag, its help ending in what the command's output then holds (*said*)."""
    return click.option(
        "--mask-pii",
        is_flag=True,
        help="Replace e-mail addresses, URLs, phone numbers, postal codes, street addresses (the town on: the "
        "prefecture and city stay), account IDs, bank and card numbers, My Numbers, IP addresses and person names in "
        "the text by placeholders ([メール], [URL], [電話番号], [郵便番号], [住所], [ID], [口座], [カード番号], "
        f"[個人番号], [IPアドレス], [人名]) before anything else sees it; {said}. Best effort: see docs/privacy.md.",
    )


mask_pii_option = masked_option("the output holds only the masked text")
"""``--mask-pii`` of a command that writes the texts it reads (predict, batch, suggest, report)."""


def encoding_errors_option(
    kept: str = "such rows keep their place, are named in a warning and counted",
) -> Callable[[F], F]:
    """Add ``--encoding-errors strict|replace``; *kept*: what this command does with what was read as U+FFFD."""
    said = (
        "strict: stop at a byte the encoding cannot decode, naming file and line. replace: read it as U+FFFD and go on"
    )
    choice = click.Choice(ENCODING_ERRORS)
    return click.option("--encoding-errors", type=choice, default="strict", show_default=True, help=f"{said}; {kept}.")


text_column_option = click.option(
    "--text-column",
    default=None,
    help="Column holding the review text. Default: the one taikai batch classified, as the batch summary beside "
    "the file recorded; else text.",
)

prefix_option = click.option(
    "--prefix",
    default=None,
    help="The prefix of the predicted columns, as given to taikai batch --prefix (pred_ for pred_reason, …). "
    "Default: the one the batch summary beside the file recorded, or the only set of predicted columns found; "
    "--prefix '' names the columns without one.",
)
