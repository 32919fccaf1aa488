"""A model described in words: what ``taikai info`` shows of it, and the summary ``taikai train`` prints of a run.

:meth:`taikai.model.Model.describe` and :meth:`taikai.model.Model.training_summary` return the same text for a
model at hand, as after :func:`taikai.train` in a notebook.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from taikai._cut import cut_lines, cut_list
from taikai._whole_file import written_line
from taikai.errors import ADD, ON_BAD_ROWS, ModelError
from taikai.labels import REASON_IDS, SENTIMENTS, label_list, label_order
from taikai.model._figures import (
    count,
    describe_config,
    describe_data,
    describe_dictionary,
    describe_figures,
    describe_heads,
    describe_input,
    describe_thresholds,
)
from taikai.model._metadata import DEFAULT_THRESHOLD
from taikai.model._trained_with import trained_with
from taikai.text import wrap_line

if TYPE_CHECKING:
    from pathlib import Path

    from taikai.model._metadata import ModelMetadata

UNCHECKED = (
    "that the artifact is a taikai pipeline, and the labels, thresholds and feature configuration against it: only "
    "loading checks them (taikai info without --metadata-only)"
)
"""What reading a model's metadata without loading it leaves unchecked."""


@dataclass(frozen=True)
class ModelStatus:
    """Whether a model was verified and loaded (``loaded``), and the ``problems`` for which loading refuses it.

    A model whose metadata alone was read (``loaded`` false) without a problem is not known to load: ``refused``
    is then ``None``, since only loading checks that the artifact is a taikai pipeline, and the labels, thresholds and
    feature configuration against it.
    """

    loaded: bool
    problems: tuple[str, ...] = ()
    trained: bool = False
    """A model made in this session (by :func:`taikai.train`, or ``Model(pipeline)``): not loaded, so not verified."""

    @property
    def refused(self) -> bool | None:
        """``True`` when loading refuses the model, ``False`` when it loads, ``None`` when not known."""
        return bool(self.problems) if self.loaded or self.problems else None

    def to_dict(self) -> dict[str, Any]:
        """Return the ``status`` object of ``taikai info --json``."""
        if self.loaded or self.problems:
            return {"loaded": self.loaded, "refused": bool(self.problems), "problems": list(self.problems)}
        return {"loaded": False, "refused": None, "problems": [], "unchecked": UNCHECKED}

    def describe(self) -> str:
        """Return the status in words, as ``taikai info`` prints it."""
        if self.loaded:
            return "verified and loaded"
        if self.trained:
            return "trained in this session, not loaded from a directory (so not verified: load_model verifies one)"
        if self.problems:
            return "REFUSED when loading: " + "; ".join(self.problems)
        return f"sha256 and library versions match (metadata only: not loaded, so not checked: {UNCHECKED})"


class Described:
    """What a :class:`~taikai.model.Model` says of itself in words: its ``metadata`` and ``path`` described."""

    metadata: ModelMetadata
    path: Path | None
    loaded: bool
    """Whether it was loaded by :func:`taikai.load_model`, which verifies it (``False``: trained in this session)."""
    reason_labels: list[str]
    sentiment_labels: list[str]

    def describe(self) -> str:
        """Return what ``taikai info`` prints of this model (:func:`describe_model`): its status (verified and
        loaded, or trained in this session), labels, thresholds, configuration, data, versions, figures and
        warnings; of a ``Model(pipeline)``, of which nothing is recorded, its labels and thresholds, and why no more."""
        if not self.metadata.created_at:  # ModelMetadata.unsaved(): its labels are the pipeline's, nothing else known
            return "\n".join(
                [
                    f"model:      {'not saved' if self.path is None else self.path}",
                    f"status:     {HAND_BUILT}",
                    f"reasons:    {label_list(self.reason_labels)}",
                    f"sentiments: {label_list(self.sentiment_labels) or '-'}",
                    f"thresholds: {_thresholds(self.metadata)}",
                ]
            )
        loaded = getattr(self, "loaded", True)  # a Model pickled before the attribute was: one loaded
        return describe_model(self.metadata, self.path, ModelStatus(loaded=loaded, trained=not loaded))

    def training_summary(self) -> str:
        """Return what ``taikai train`` prints of the run that made this model, as after :func:`taikai.train`: the
        summary (:func:`training_summary`), then the block about skipped rows (:func:`skipped_rows_block`), if any
        (of a ``Model(pipeline)``, that there was no such run)."""
        if not self.metadata.created_at:
            return f"no training run to summarise: {HAND_BUILT}"
        summary, skipped = training_summary(self.metadata, self.path), skipped_rows_block(self.metadata)
        return f"{summary}\n{skipped}" if skipped else summary


HAND_BUILT = (
    "built from a pipeline fitted by hand (Model(pipeline)), not trained by taikai.train: nothing of its training is "
    "recorded (when, its configuration, data, library versions and figures), and it cannot be saved"
)
"""What a ``Model(pipeline)`` says of itself in place of its training (its metadata is ``ModelMetadata.unsaved()``)."""


NO_TEST_SPLIT = (
    "none: no test split (test_size=0, --test-size 0 on the command line; or a split column in DATA that marks no "
    "row test: trained on every usable row); measure the model on labelled rows it never saw with taikai evaluate "
    "(taikai.evaluate)"
)
"""What ``taikai info`` and a training run say of a model trained without a test split, in place of its test figures."""


REFITTED = (
    "the test figures were measured before the saved model was refitted on all rows (--refit-all, refit_all=True): "
    "it has since been trained on the test rows too, so measure it on labelled rows it never saw with taikai evaluate"
)
"""What a training run says after the test figures of a model refitted on all rows."""


FREE_LABELS = "  (free labels: the user's own, trained with --free-labels; each read as written, not the taxonomy's)"
"""What ``taikai info`` says after the reasons of a model whose labels are its user's own (``free_labels``)."""


def describe_model(meta: ModelMetadata, path: Path | str | None, status: ModelStatus, width: int | None = None) -> str:
    """Return what ``taikai info`` prints of the model at *path*: status, labels, thresholds, the longest text
    classified (``max_chars``), configuration, data, versions, then its figures (cross-validation, test, what added
    labels bought) and warnings. *width*: the columns of the terminal it is shown on (``taikai info`` on a
    terminal): a line wider wraps between words, under its value (:func:`~taikai.text.wrap_line`)."""
    lines = [
        f"model:      {'not saved' if path is None else path}",
        f"status:     {status.describe()}",
        f"created:    {meta.created_at}  (taikai {meta.taikai_version}, model format {meta.format})",
        f"reasons:    {label_list(label_order(meta.reasons, REASON_IDS))}{FREE_LABELS if meta.free_labels else ''}",
        f"sentiments: {label_list(label_order(meta.sentiments, SENTIMENTS)) or '-'}",
        f"thresholds: {_thresholds(meta)}",
        f"max_chars:  {meta.max_chars:,} (a longer text is classified from its first {meta.max_chars:,} characters)",
        f"config:     {_config(meta)}",
        f"data:       {describe_data(meta)}",
        f"columns:    {_columns(meta)}",
        *(f"heads:      {heads}" for heads in [describe_heads(meta)] if heads),
        *(f"added:      {describe_input(f)}" for f in meta.inputs if f.role == "added"),
        *(f"trained:    {_trained_with(options)}" for options in [trained_with(meta)] if options),
        f"artifact:   sha256 {meta.artifact.sha256 if meta.artifact else None}",
        "versions:   " + ", ".join(f"{k} {v}" for k, v in meta.versions.items()),
        f"dictionary: {describe_dictionary(meta.dictionary)}",
    ]
    for name, figures in meta.metrics.to_dict().items():
        if name == "added" and isinstance(figures, dict):
            added = meta.added_comparison()
            lines += added.lines() if added is not None else []
        elif name == "cv" and isinstance(figures, dict) and not figures.get("folds"):
            lines.append("cv:         skipped (no cross-validation)")
        elif isinstance(figures, dict):
            lines.append(f"{name + ':':11s} {describe_figures(figures)}")
    if _no_test_split(meta):
        lines.append(f"test:       {NO_TEST_SPLIT}")
    lines += [f"warning:    {warning}" for warning in meta.warnings]
    return "\n".join(part for line in lines for part in wrap_line(line, width))


def _columns(meta: ModelMetadata) -> str:
    """The columns the model was trained on, as ``train`` was given them: ``本文, 理由, 感情 (text, reasons,
    sentiment)``, or ``text, reasons, sentiment``, the standard names; a model trained without sentiments has none."""
    columns = meta.columns
    names = [columns.text, columns.reasons] + ([columns.sentiment] if columns.sentiment is not None else [])
    roles = ["text", "reasons", "sentiment"][: len(names)]
    said = ", ".join(names) + ("" if names == roles else f" ({', '.join(roles)})")
    return said + ("; no sentiment" if columns.sentiment is None else "")


def _trained_with(options: list[str]) -> str:
    """Say the options beside the features that the model was trained with (:func:`trained_with`), which a retrain
    gives again: ``--seed 7 --mask-pii --folds 0 --test-size 0 (texts masked before training)``."""
    masked = " (texts masked before training)" if "--mask-pii" in options else ""
    return " ".join(options) + masked


def _no_test_split(meta: ModelMetadata) -> bool:
    """Whether the model was trained without a test split (``test_size=0``, or a split column without test rows),
    so that it has no test figures."""
    return meta.metrics.test is None and meta.trained_on().test_rows == 0


def _config(meta: ModelMetadata) -> str:
    try:
        config = meta.feature_config()
    except ModelError as exc:  # shown, not raised: info shows what it can of a model
        return f"unreadable: {exc}"
    return describe_config(config, sentiment=bool(meta.sentiments))


def _thresholds(meta: ModelMetadata) -> str:
    if not meta.reason_thresholds:
        return f"none tuned: every reason is added at {DEFAULT_THRESHOLD}"
    order = label_order(meta.reasons, REASON_IDS)
    untuned = [reason for reason in order if reason not in meta.reason_thresholds]  # an older --refit-all model's
    shown = describe_thresholds(meta.reason_thresholds, order)
    return shown + (f"; none tuned, so at {DEFAULT_THRESHOLD}: {label_list(untuned)}" if untuned else "")


def training_summary(meta: ModelMetadata, out: Path | str | None) -> str:
    """Return what a training run prints: where the model was written (*out*; ``None``: not saved, no line), every
    input file's rows, the cross-validation and test figures (and, for a model refitted on all rows, a note that the
    test figures were measured before refitting), what added labels bought, and the warnings."""
    lines = [] if out is None else [written_line("model", out)]
    lines += [f"{f.role + ':':7s}{describe_input(f)}" for f in meta.inputs]
    heads = describe_heads(meta)
    if heads:
        lines.append(f"heads: {heads}")
    if (ids := meta.training_data.id_column) is not None:  # the rows of its messages were named by them
        lines.append(f"ids:   {ids} ({'found by its name' if meta.training_data.id_found_by_name else 'given'})")
    data = meta.trained_on()
    if data.disagreeing_duplicates:
        lines.append(
            f"note:  {count(data.disagreeing_duplicates)} dropped duplicate(s) carry labels that differ from DATA's"
            f"{_differing(data.duplicates_differing_in)} (DATA's were kept)"
            + _places(data.duplicates_differing_at, data.disagreeing_duplicates)
        )
    if data.disagreeing_repeats:
        lines.append(
            f"note:  {count(data.disagreeing_repeats)} dropped duplicate(s) among the files given to {ADD} carry "
            f"labels that differ from the row kept{_differing(data.repeats_differing_in)} (the last one: of the "
            "later file, or later in the file)" + _places(data.repeats_differing_at, data.disagreeing_repeats)
        )
    for name, scores in meta.metrics.scored().items():
        if name == "cv" and not scores.folds:
            lines.append("cv: skipped (no cross-validation; see the warnings)")
        else:
            lines.append(f"{name + ':':6s}{describe_figures(scores.to_dict())}")
    if _no_test_split(meta):
        lines.append(f"test:  {NO_TEST_SPLIT}")
    elif meta.refit_on_all_rows and meta.metrics.test is not None:
        lines.append(f"note:  {REFITTED}")
    added = meta.added_comparison()
    if added is not None:
        lines += added.lines()
    lines += [f"warning: {warning}" for warning in meta.warnings]
    return "\n".join(lines)


def _places(places: tuple[str, ...], rows: int) -> str:
    """Return where the first dropped rows with other labels are, each with the row kept (``: a.csv:3 (kept:
    a.csv:9), …``), and how many more; ``""`` when not recorded."""
    return f": {cut_list(places, len(places), total=rows)}" if places else ""


def _differing(by: dict[str, int]) -> str:
    """Return what differs in some dropped rows (``: reasons in 2, sentiment in 31``), when recorded."""
    parts = [f"{name} in {count(by[name])}" for name in ("reasons", "sentiment") if by.get(name)]
    return f": {', '.join(parts)}" if parts else ""


def skipped_rows_block(meta: ModelMetadata) -> str:
    """Return the warning block about skipped training rows: their count and the first few, at their file line;
    ``""`` when no row was skipped."""
    data = meta.trained_on()
    if not data.skipped_rows:
        return ""
    lines = [f"WARNING: {count(data.skipped_rows)} training row(s) cannot be used and were skipped:"]
    lines += cut_lines(data.skipped_examples, len(data.skipped_examples), total=data.skipped_rows)
    lines.append(f"Fix them and train again, or pass {ON_BAD_ROWS.either(['error'])} to stop at such rows.")
    return "\n".join(lines)
