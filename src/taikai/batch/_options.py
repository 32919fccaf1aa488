"""The options of a batch run, shared by the command line, the local engine and the Dask engine."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, TypedDict

from taikai._keywords import unexpected_keywords
from taikai.batch._columns import text_column_needed
from taikai.errors import (
    EXCEL_SAFE,
    OUTPUT_FORMAT,
    PARTITIONS,
    InputError,
    check_at_least,
    check_bool,
    check_int,
    check_str,
    wrong_type,
)
from taikai.io import ENCODING_ERROR_MODES, ReadOptions, format_of, given_format
from taikai.rules import RulesGiven, RulesMode

DEFAULT_CHUNK_SIZE = 5000
"""Rows read, classified and written at a time (``--chunk-size``): bounds memory and is the unit ``--resume`` saves."""
BAD_LINE_MODES = ("error", "report")
"""What a bad line does (``--on-bad-lines``): stop with its file and line, or be set aside (``bad_lines.csv``)."""
ENGINES = ("local", "dask")
"""The batch engines (``--engine``): this machine's processes, or a Dask cluster."""
DASK_OUTPUT_FORMATS = ("parquet", "csv", "tsv", "jsonl")
"""The formats of the Dask engine's parts."""


_FUNCTION = {
    "local": ("classify_file", ("input", "output", "text_column", "model", "options", "on_chunk")),
    "dask": ("classify_files", ("input", "output", "text_column", "model", "client", "prepare", "options")),
}
"""The function whose options each engine's are and the keywords it takes besides them, which an unknown option's
error names."""
_PREFIX = "a str such as 'pred_'"
_OTHER_ENGINE = {
    "local": " (of the local engine); to run on a Dask cluster, call taikai.dask.classify_files",
    "dask": " (of the Dask engine); to run the local engine, call taikai.classify_file",
}
"""What an unknown option's error adds for each engine: where the other engine is."""


class BatchOptionValues(TypedDict, total=False):
    """The options of :class:`BatchOptions` given as keywords (``jobs=2``) to :func:`taikai.classify_file` and
    :func:`taikai.dask.classify_files`, typed for mypy and the editor: each is a field of :class:`BatchOptions`
    (which says what it does), of the same type; ``text_column`` is an argument of its own. A keyword left out keeps
    the field's default (or the value in ``options=``)."""

    id_column: str | None
    input_format: str | None
    output_format: str | None
    encoding: str | None
    encoding_errors: str
    output_encoding: str | None
    excel_safe: bool
    prefix: str
    progress: bool
    jobs: int
    chunk_size: int
    resume: bool
    sheet: str | int | None
    on_bad_lines: str
    mask_pii: bool
    scheduler: str | None
    partitions: int | None
    rules: RulesGiven
    rules_mode: str
    limit: int | None


def _check_column_name(name: str, value: object) -> None:
    """Raise ``TypeError`` unless *value*, given as *name*, names a column of the input file (a str; an int is said
    not to be there, columns being chosen by name): a Series or a list (``df["text"]``, the column itself) would be
    compared with the file's column names cell by cell."""
    if value is None and name == "id_column":
        return
    if isinstance(value, bool) or not isinstance(value, str | int):
        texts = "; a Series of texts is classified with model.classify(series)" if name == "text_column" else ""
        error = wrong_type(name, value, "the name of a column of the input file (a str)")
        raise TypeError(f"{error}: the file's column of that name is read{texts}")


@dataclass(frozen=True, kw_only=True)
class BatchOptions:
    """How to read, classify and write a dump. The command line's options, one field each.

    ``jobs``, ``chunk_size``, ``sheet`` and ``limit`` belong to the local engine
    (:attr:`LOCAL_ONLY`); ``scheduler`` and ``partitions`` to the Dask engine (:attr:`DASK_ONLY`); an engine refuses
    the other's options unless they keep their default value. ``resume`` continues a run of either engine that a
    malformed record stopped (the local engine's, also one interrupted or stopped by the system). ``on_bad_lines``
    (``error`` or ``report``) applies to both engines: ``report`` sets malformed records aside in one side file,
    ``OUTPUT_STEM.bad_lines.csv`` (the Dask engine's beside its output folder, with a ``file`` column when it read
    several files). ``rules``
    is a rules file (or a :class:`~taikai.rules.RuleSet` or matcher) applied in ``rules_mode`` (``flag`` or
    ``override``). ``prefix`` is put before the name of every column the model adds (``pred_`` gives
    ``pred_reason``, …), so that a labelled file keeps its own ``reasons`` and ``sentiment`` next to the predictions.
    ``mask_pii`` replaces personal data in the text column (and in set-aside bad lines) by placeholders before
    classification (:func:`taikai.mask_pii`), in both engines. ``limit=N`` reads and classifies only the first
    N rows of the input (N rows of output: bad lines set aside and blank lines are not counted) and reads no further,
    to try a long run's options and speed; ``None``: every row. ``excel_safe`` writes each text of CSV or TSV
    output that Excel would read as a formula (``=``, ``+``, ``-``, ``@`` first; not a plain number such as
    ``-163``) with an apostrophe first, so that Excel shows it as text; the summary records it, and
    :func:`taikai.io.read_predictions`, ``taikai report`` and ``taikai drift`` read such cells back as they were.
    """

    text_column: str
    id_column: str | None = None
    input_format: str | None = None
    output_format: str | None = None
    encoding: str | None = None
    encoding_errors: str = "strict"
    output_encoding: str | None = None
    excel_safe: bool = False
    prefix: str = ""
    progress: bool = False
    jobs: int = 1
    chunk_size: int = DEFAULT_CHUNK_SIZE
    resume: bool = False
    sheet: str | int | None = None
    on_bad_lines: str = "error"
    mask_pii: bool = False
    scheduler: str | None = None
    partitions: int | None = None
    rules: RulesGiven = None
    rules_mode: str = RulesMode.FLAG.value
    limit: int | None = None

    LOCAL_ONLY = ("jobs", "chunk_size", "sheet", "limit")
    DASK_ONLY = ("scheduler", "partitions")

    def __post_init__(self) -> None:
        for name in ("text_column", "id_column"):
            _check_column_name(name, getattr(self, name))
        check_str("prefix", self.prefix, _PREFIX)
        check_str("on_bad_lines", self.on_bad_lines, f"one of {', '.join(map(repr, BAD_LINE_MODES))}")
        check_str("encoding_errors", self.encoding_errors, f"one of {', '.join(map(repr, ENCODING_ERROR_MODES))}")
        if self.on_bad_lines not in BAD_LINE_MODES:
            raise InputError(f"on_bad_lines must be one of {', '.join(BAD_LINE_MODES)}, not {self.on_bad_lines!r}")
        if self.encoding_errors not in ENCODING_ERROR_MODES:
            raise InputError(
                f"encoding_errors must be one of {', '.join(ENCODING_ERROR_MODES)}, not {self.encoding_errors!r}"
            )
        # A numpy integer (a count taken from a frame) is kept as the Python int it is: the run's fingerprint
        # (state.json) saves it, and ``--resume`` compares the value, not its type.
        object.__setattr__(self, "jobs", check_int("jobs", self.jobs, 0))
        for flag in ("progress", "resume", "mask_pii", "excel_safe"):
            check_bool(flag, getattr(self, flag))
        object.__setattr__(self, "chunk_size", check_int("chunk_size", self.chunk_size))
        if self.chunk_size < 1:
            raise InputError("the chunk size must be at least 1 row")
        if self.partitions is not None:
            # 0 would split into the default number, True into 1
            object.__setattr__(self, "partitions", check_at_least(PARTITIONS, self.partitions, 1))
        if self.scheduler is not None and not isinstance(self.scheduler, str):
            raise wrong_type("scheduler", self.scheduler, "a str such as 'tcp://10.0.0.5:8786', or None")
        if self.limit is not None:
            object.__setattr__(self, "limit", check_int("limit", self.limit))
            if self.limit < 1:
                raise InputError(f"the limit must be at least 1 row, not {self.limit}; leave it out to read every row")
        RulesMode.for_rules(self.rules_mode, self.rules)  # override without rules would change nothing
        self.read_options  # noqa: B018 - refuses a wrong input_format, encoding or encoding_errors now
        given_format(self.output_format, OUTPUT_FORMAT)
        if self.output_encoding is not None and not isinstance(self.output_encoding, str):
            raise wrong_type("output_encoding", self.output_encoding, "an encoding name (a str) such as 'utf-8'")

    @property
    def applied_rules_mode(self) -> RulesMode | None:
        """Return how rules are applied, or ``None`` without rules."""
        return None if self.rules is None else RulesMode.parse(self.rules_mode)

    @property
    def read_options(self) -> ReadOptions:
        """Return how the input file is read: its format, encoding, sheet and encoding errors."""
        return ReadOptions(
            input_format=self.input_format,
            encoding=self.encoding,
            sheet=self.sheet,
            encoding_errors=self.encoding_errors,
        )

    @classmethod
    def make(
        cls,
        options: BatchOptions | None = None,
        text_column: str | None = None,
        engine: str = "",
        input: str | Path | None = None,
        /,
        **given: Any,
    ) -> BatchOptions:
        """Return *options* (or new ones) with *text_column* and the *given* fields set; an unknown field is a
        :class:`TypeError` listing the options of *engine* (``local`` or ``dask``; all of them without one) and
        naming the other engine's function. Without a text column, the :class:`InputError` lists the columns of
        *input*, the file the options are for, as *engine* reads it (a ``TypeError`` without one). The first four
        are positional only: ``engine=`` among *given* is an unknown option (``classify_file(..., engine="dask")``),
        not this one."""
        if text_column is not None:
            given["text_column"] = text_column
        known = {f.name for f in fields(cls)}
        if not known.issuperset(given):
            other = {"local": cls.DASK_ONLY, "dask": cls.LOCAL_ONLY}.get(engine, ())
            listed = sorted(known - set(other))
            function, own = _FUNCTION.get(engine, ("BatchOptions.make", ("options", "text_column")))
            takes = f"{', '.join(own)} and the batch options {', '.join(listed)}"
            also = _OTHER_ENGINE.get(engine, "")
            raise unexpected_keywords(function, sorted(given), [*own, *listed], takes, also)
        if options is not None:
            if not isinstance(options, BatchOptions):
                raise wrong_type("options", options, "a BatchOptions, or None (give the options as keywords)")
            return replace(options, **given)
        if "text_column" not in given:
            if input is None:
                raise TypeError("the text column is needed: text_column=")
            read = {
                name: given[name] for name in ("input_format", "encoding", "sheet", "encoding_errors") if name in given
            }
            prefix = check_str("prefix", given.get("prefix", ""), _PREFIX)
            raise text_column_needed(input, engine or "local", ReadOptions(**read), prefix=str(prefix))
        return cls(**given)

    @classmethod
    def default(cls, name: str) -> Any:
        """Return the default value of the option *name*."""
        return next(f.default for f in fields(cls) if f.name == name)

    def file_format(self, output: Path) -> str:
        """Return the format of the local engine's *output* file: ``output_format``, else the one its name says; raise
        :class:`InputError` when they disagree (a Parquet file named ``.csv``, which no reader takes for CSV)."""
        fmt = format_of(output, self.output_format, OUTPUT_FORMAT)
        try:
            named: str | None = format_of(output, None, OUTPUT_FORMAT)
        except InputError:  # no suffix, or one that names no format: output_format says it
            named = None
        if named is not None and named != fmt:
            raise InputError(
                f"{output}: the name says {named} but {OUTPUT_FORMAT} says {fmt}, which would write a {fmt} file "
                f"named {output.suffix} that taikai itself does not read as {named}: drop {OUTPUT_FORMAT}, or name "
                f"the file .{fmt}"
            )
        return fmt

    def parts_format(self, output: Path) -> str:
        """Return the format of the Dask engine's parts in the folder *output*: ``output_format``, else the one
        *output*'s suffix names (``o.csv``: CSV parts), else Parquet; raise :class:`InputError` when they disagree.
        """
        try:
            named: str | None = format_of(output, None, OUTPUT_FORMAT)
        except InputError:  # no suffix, or one that names no format
            named = None
        fmt = (self.output_format or named or "parquet").lower()
        if fmt not in DASK_OUTPUT_FORMATS:
            do = f"choose another {OUTPUT_FORMAT}" if self.output_format else f"name the folder without {output.suffix}"
            raise InputError(f"the Dask engine writes {', '.join(DASK_OUTPUT_FORMATS)} parts, not {fmt}; {do}")
        if named is not None and named != fmt:
            raise InputError(
                f"{output}: the name says {named} but {OUTPUT_FORMAT} says {fmt}; the Dask engine writes a "
                f"folder of {fmt} parts under that name: drop {OUTPUT_FORMAT} to write {named} parts, or name the "
                f"folder without the {output.suffix} suffix"
            )
        return fmt

    def check_excel_safe(self, fmt: str) -> None:
        """Refuse ``excel_safe`` for output in *fmt* other than CSV or TSV: the others hold texts as text."""
        if self.excel_safe and fmt not in ("csv", "tsv"):
            raise InputError(
                f"{EXCEL_SAFE.given(True)} applies to CSV and TSV output; {fmt} output holds every text as text, "
                "which Excel never reads as a formula: leave it out"
            )

    def differing(self, names: tuple[str, ...]) -> list[str]:
        """Return those of the options *names* whose value is not their default."""
        return [name for name in names if getattr(self, name) != self.default(name)]

    def refuse_other_engine(self, engine: str) -> None:
        """Raise :class:`InputError` when an option of the other engine than *engine* (``local`` or ``dask``) is
        given at a value other than its default, saying which entry point runs the engine it belongs to."""
        local = engine == "local"
        given = self.differing(self.DASK_ONLY if local else self.LOCAL_ONLY)
        if not given:
            return
        it = "it" if len(given) == 1 else "them"
        kind = "an option" if len(given) == 1 else "options"
        if local:
            raise InputError(
                f"{', '.join(given)}: {kind} of the Dask engine, not of the local engine (classify_file); to run on a "
                f"Dask cluster, call taikai.dask.classify_files with {it}"
            )
        raise InputError(
            f"{', '.join(given)}: {kind} of the local engine, not of the Dask engine; leave {it} out, or call "
            f"taikai.classify_file to run the local engine with {it} (on one file: it reads no folder or glob)"
        )
