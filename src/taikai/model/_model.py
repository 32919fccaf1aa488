"""A loaded churn model: classify texts into reasons and sentiment (data frames: :mod:`taikai.model._frame_prediction`,
a base of :class:`Model`), and load one."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from taikai._keywords import keywords_checked
from taikai._masked_messages import errors_masked
from taikai.errors import ModelError, check_bool, check_path, wrong_type
from taikai.labels import REASON_IDS, SENTIMENTS, OwnLabels, label_order
from taikai.model._artifact import load_verified, model_directory
from taikai.model._classified import Classified, output_columns, proba_columns, reason_sets
from taikai.model._default_labels import checked_rules
from taikai.model._default_model import default_model_dir
from taikai.model._describe import Described
from taikai.model._env_named import empty_path_error
from taikai.model._frame_prediction import FramePrediction
from taikai.model._inputs import fitted_classifier, masked_values, series_index, text_values
from taikai.model._lemmas import features_and_lemmas
from taikai.model._library_calls import LibraryCalls
from taikai.model._metadata import DEFAULT_THRESHOLD, ModelMetadata
from taikai.model._pipeline import ReasonSentimentClassifier
from taikai.model._prediction import Prediction, split_predictions
from taikai.model._retrain import retrain_command
from taikai.model._save import save_model
from taikai.model._vectors import check_tables
from taikai.model._word_block import FeatureBlocks
from taikai.privacy import read_as_model
from taikai.rules import NO_HITS, RuleHits, RuleMatcher, RulesGiven, RulesMode
from taikai.text import Status, reading_note, with_note

CHUNK_TEXTS = 5000
"""The most texts :meth:`Model.classify` scores at once: a long input goes through in chunks of about this size
(as ``taikai batch`` reads a file), so that its tokens and feature matrices are held for one chunk at a time.
Measured on 100,000 unique texts with the shipped model: classify's peak RSS 1.56 GB in one pass, 0.47 GB in
chunks (predict_frame 1.70 and 0.62 GB), for the same CPU time; the results are the same, a text's features not
depending on the others."""


def _chunks(rows: list[int]) -> list[list[int]]:
    """Return *rows* cut into the fewest runs of at most :data:`CHUNK_TEXTS`, of sizes as equal as can be (no
    short last run: a batch of a few texts goes another, slower way through the word block)."""
    count = -(-len(rows) // CHUNK_TEXTS)
    return [rows[len(rows) * k // count : len(rows) * (k + 1) // count] for k in range(count)]


def _display_order(labels: list[str], preferred: tuple[str, ...]) -> list[int]:
    """Return the column indices of *labels* in display order (see :func:`taikai.labels.label_order`)."""
    return [labels.index(label) for label in label_order(labels, preferred)]


class Model(FramePrediction, Described, LibraryCalls):
    """A verified pipeline with its metadata. Create it with :func:`taikai.load_model` (or :func:`taikai.train`).

    Its attributes: ``metadata`` (:class:`ModelMetadata`), ``path`` (its directory, ``None`` for a model never
    saved), ``loaded`` (verified and loaded by :func:`taikai.load_model`, not trained in this session),
    ``reason_labels`` and ``sentiment_labels`` (in the order of the probability columns), ``thresholds`` (the
    probability past which each reason of ``reason_labels`` is added to ``reasons``, as the metadata records it;
    read-only: a threshold changed in memory would classify otherwise than the model :meth:`save` writes, so edit
    ``reason_thresholds`` in the model's ``metadata.json``, which :func:`taikai.load_model` reads, or retrain) and
    ``pipeline`` (the fitted scikit-learn pipeline).
    """

    def __init__(self, pipeline: Any, metadata: ModelMetadata | None = None, path: str | Path | None = None):
        classifier = fitted_classifier(pipeline)
        if metadata is not None and not isinstance(metadata, ModelMetadata):
            accepted = "a ModelMetadata (model.metadata, ModelMetadata.from_dict(values)) or None"
            raise wrong_type("metadata", metadata, accepted)
        if path is not None:
            check_path("path", path)
        self.pipeline = pipeline
        self.metadata = metadata or ModelMetadata.unsaved()
        self.path = None if path is None else Path(path)
        self._artifact: bytes | None = None  # the model.joblib bytes it was loaded from or saved as (see save)
        self.loaded = False  # made in this session; load_model, which verifies a model, sets it
        # Columns follow the taxonomy's order, or labels of one's own their own (taikai.labels.label_order).
        self._reason_order = _display_order([str(c) for c in classifier.reason_classes_], REASON_IDS)
        self._sentiment_order = _display_order([str(c) for c in classifier.sentiment_classes_], SENTIMENTS)
        # labels of one's own (--free-labels) are OwnLabels: never named or defined by the taxonomy
        own = OwnLabels if self.metadata.free_labels else list
        self.sentiment_labels: list[str] = own(str(classifier.sentiment_classes_[j]) for j in self._sentiment_order)
        reasons = [str(classifier.reason_classes_[j]) for j in self._reason_order]
        # its sentiments with its reasons: a rule labelled with one is told so (taikai.rules)
        self.reason_labels: list[str] = OwnLabels(reasons, self.sentiment_labels) if own is OwnLabels else reasons
        thresholds = self.metadata.reason_thresholds
        self._thresholds = np.array([thresholds.get(label, DEFAULT_THRESHOLD) for label in self.reason_labels])
        # The texts reaching the pipeline are already normalised by check_text: skip its normalise step.
        self._features = pipeline[1:-1]
        self._classifier = classifier

    @property
    def thresholds(self) -> npt.NDArray[np.float64]:
        """The threshold of each reason of ``reason_labels``, as the metadata records it (a read-only array: see
        the class)."""
        shown: npt.NDArray[np.float64] = self._thresholds.view()
        shown.flags.writeable = False
        return shown

    def _predict_proba(self, texts: list[str]) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        """Return the heads' probabilities for normalised *texts*; the feature blocks apart where the pipeline
        allows it (no joined matrix), else through the pipeline's own features."""
        union = self.pipeline.named_steps["features"]
        if isinstance(union, FeatureBlocks) and isinstance(self._classifier, ReasonSentimentClassifier):
            reason, sentiment = self._classifier.predict_proba_parts(union.transform_parts(texts))
        else:
            reason, sentiment = self._classifier.predict_proba(self._features.transform(texts))
        return reason, sentiment

    def _read(self, texts: list[str], lemmas: bool) -> tuple[Any, Any, list[str] | None]:
        """Return the heads' probabilities for normalised *texts* and, if *lemmas*, their words in dictionary form
        (:func:`features_and_lemmas`). A word-vector table missing or changed since the model was loaded is
        refused with the model's own retrain command, as loading refuses it (:func:`check_tables`)."""
        try:
            if not lemmas:
                return (*self._predict_proba(texts), None)
            features, words = features_and_lemmas(self.pipeline.named_steps["features"], texts)
            return (*self._classifier.predict_proba(features), words)
        except ModelError:
            check_tables(self.pipeline, retrain_command(self.metadata))
            raise

    def __repr__(self) -> str:
        where = "not saved" if self.path is None else f"path={str(self.path)!r}"
        return f"Model({where}, reasons={self.reason_labels}, sentiments={self.sentiment_labels})"

    @keywords_checked
    def save(self, directory: str | Path, overwrite: bool = False) -> Path:
        """Write the model into *directory* (created if need be) as ``taikai.train(data, out=directory)`` does:
        ``model.joblib`` and ``metadata.json``, which :func:`load_model` reads back. A directory that holds a
        model, or other files, is refused unless *overwrite*. The model's ``path`` is then *directory*.

        A model unchanged since it was loaded (or saved) is written as the same ``model.joblib`` bytes, so its
        sha256, which predictions files record, stays its identity: ``taikai drift`` and ``taikai report``
        accept the predictions it made under either directory. One refit or given other parameters
        (``set_params``) is pickled anew, under a new sha256."""
        check_bool("overwrite", overwrite)
        out, self.metadata, self._artifact = save_model(
            self.pipeline, self.metadata, directory, overwrite, self._artifact
        )
        self.path = out
        return out

    @property
    def max_chars(self) -> int:
        """The longest text the model reads, in characters: a longer one is classified from its first ``max_chars``
        characters after normalisation, and its ``message`` says so."""
        return self.metadata.max_chars

    def proba_columns(self) -> list[str]:
        """Return the names of the probability columns that :meth:`predict_frame` adds."""
        return proba_columns(self.reason_labels, self.sentiment_labels)

    def output_columns(self, rules_mode: RulesMode | str | None = None) -> list[str]:
        """Return the names of all columns that :meth:`predict_frame` adds, in order (with rules: *rules_mode*)."""
        return output_columns(self.reason_labels, self.sentiment_labels, rules_mode)

    def prepare_rules(self, rules: RulesGiven) -> RuleMatcher | None:
        """Return *rules* compiled, after checking that every rule's label is one of this model's reasons."""
        return checked_rules(rules, self, given=self)

    @keywords_checked
    @errors_masked
    def classify(
        self,
        values: str | Iterable[object],
        rules: RulesGiven = None,
        rules_mode: RulesMode | str = RulesMode.FLAG,
        mask_pii: bool = False,
    ) -> Classified:
        """Classify raw *values* (texts, or anything a data file holds); one entry per value, in order. A str is
        one text, as for :meth:`predict`. A pandas Series keeps its index (:attr:`Classified.index`, duplicates and
        a MultiIndex too): ``sub.join(model.classify(sub["text"]).to_frame())`` puts each row's columns on its own
        row when the index is unique (a duplicated label is joined to every row of that label: use
        ``pd.concat([sub, frame], axis=1)`` or :meth:`predict_frame`); the rows of other values are 0 to n-1.

        *rules* (see :meth:`prepare_rules`) are matched on the same normalised texts; compile them once
        (:func:`taikai.rules.compile_rules`) when classifying many batches. ``rules_mode="override"`` needs rules.
        ``mask_pii=True`` masks personal data first, as :meth:`predict` does: the rules and model read masked texts.
        """
        index = series_index(values)
        values = text_values("values", values)
        check_bool("mask_pii", mask_pii)
        mode = RulesMode.for_rules(rules_mode, rules)
        matcher = self.prepare_rules(rules)
        values = masked_values(values) if mask_pii else values
        n = len(values)
        # A masked text is judged without its placeholders (masking must not make a text of no Japanese readable), and
        # read with them as ○ by the model and the rules alike (read_as_model, which rules test shares); others as is.
        checked = [read_as_model(v, self.max_chars) for v in values]
        ok = [i for i, c in enumerate(checked) if c.status is Status.OK]
        reason_p = np.full((n, len(self.reason_labels)), np.nan)
        sentiment_p = np.full((n, len(self.sentiment_labels)), np.nan)
        reasons: list[tuple[str, ...]] = [()] * n
        sentiments: list[str | None] = [None] * n
        hits: list[RuleHits] | None = None if matcher is None else [NO_HITS] * n
        for rows in _chunks(ok):
            texts = [checked[i].text for i in rows]
            rp, sp, lemmas = self._read(texts, matcher is not None and matcher.needs_lemmas)
            if matcher is not None and hits is not None:
                for i, found in zip(rows, matcher.match_all(texts, lemmas), strict=True):
                    hits[i] = found
            reason_p[rows] = rp[:, self._reason_order]
            sentiment_p[rows] = sp[:, self._sentiment_order]
        if ok:
            for i, labels in zip(ok, reason_sets(reason_p[ok], self.reason_labels, self.thresholds), strict=True):
                reasons[i] = labels
            if self.sentiment_labels:
                names = np.array(self.sentiment_labels, dtype=object)
                for i, label in zip(ok, names[sentiment_p[ok].argmax(axis=1)], strict=True):
                    sentiments[i] = label
        return Classified(
            reason_labels=tuple(self.reason_labels),
            sentiment_labels=tuple(self.sentiment_labels),
            statuses=[c.status for c in checked],
            messages=[with_note(c.message, reading_note(c.text)) if c.ok else c.message for c in checked],
            reasons=reasons,
            sentiments=sentiments,
            reason_proba=reason_p,
            sentiment_proba=sentiment_p,
            rule_hits=hits,
            rules_mode=None if hits is None else mode,
            free_labels=isinstance(self.reason_labels, OwnLabels),
            index=index,
        )

    @keywords_checked
    @errors_masked
    def predict(
        self,
        texts: str | Iterable[object],
        rules: RulesGiven = None,
        rules_mode: RulesMode | str = RulesMode.FLAG,
        mask_pii: bool = False,
    ) -> list[Prediction]:
        """Classify one text or many; return one :class:`Prediction` per text, in order.

        With *rules* (a rules file, :class:`~taikai.rules.RuleSet` or compiled matcher), each prediction also
        says which rules fired, their labels and whether they conflict with the model; ``rules_mode="override"``
        makes the first firing rule's label the ``reason`` (the model's own stays in ``model_reason``).
        ``mask_pii=True`` replaces personal data by placeholders (:func:`taikai.mask_pii`) first: the masked text
        is what the rules and the model read, and each prediction's ``text``. A data frame goes to
        :meth:`predict_frame`.
        """
        values = text_values("texts", texts)
        check_bool("mask_pii", mask_pii)
        RulesMode.for_rules(rules_mode, rules)
        values = masked_values(values) if mask_pii else values
        return split_predictions(values, self.classify(values, rules, rules_mode))


@keywords_checked
def load_model(path: str | Path | None = None) -> Model:
    """Load and verify a model directory (default: the shipped model)."""
    if path is not None:
        check_path("path", path)
        if not str(path).strip():
            raise empty_path_error(path)
    model_dir = model_directory(path) if path is not None else default_model_dir()
    pipeline, meta, data = load_verified(model_dir)
    model = Model(pipeline, meta, model_dir)
    model._artifact = data
    model.loaded = True
    return model


def resolve_model(model: Model | str | Path | None) -> Model:
    """Return *model* if it is a :class:`Model`, else load the directory it names (``None``: the default model)."""
    if model is None or isinstance(model, Model):
        return model if model is not None else load_model()
    if not isinstance(model, str | Path):
        raise wrong_type("model", model, "a Model, the directory of one (str or pathlib.Path), or None")
    return load_model(model)
