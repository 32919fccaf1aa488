"""Keywords: the model's strongest features per label, and the words that set a label apart in a classified dump."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import islice
from numbers import Real
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from taikai._argument_order import argument_order
from taikai._masked_messages import errors_masked
from taikai.analysis._keyword_labels import check_labels, only_labels, refuse_misplaced_labels
from taikai.analysis._personal_features import personal
from taikai.analysis._plain_names import as_renamed, names_as_given
from taikai.analysis._tables import plain_predictions
from taikai.errors import TOP, Argument, InputError, check_at_least, check_bool, check_int, check_str, wrong_type
from taikai.labels import REASON_IDS, SENTIMENTS, label_order
from taikai.model import Model, centred_coefficients, feature_blocks, find_column, resolve_model
from taikai.privacy import NEUTRAL, neutralize
from taikai.text import (
    MAX_CHARS,
    Status,
    WordTagger,
    markdown_cell,
    normalize,
    notebook_markdown,
    reviews_told,
    shown_text,
    without_markup,
)

DEFAULT_TOP = 10

FEATURE_KINDS = {"word": "word n-grams", "char": "character n-grams", "vector": "pooled word vectors"}
"""What each kind of feature block is, in messages (``vector`` columns have no words: never keywords)."""
_KINDS = (None, "all", "word", "char")
"""The *kind* :func:`keywords` takes: ``None`` and ``"all"`` keep word and character n-grams alike."""


@dataclass(frozen=True)
class Keyword:
    """One feature of the model and its centred coefficient for a label (see :mod:`taikai.explain`)."""

    feature: str
    kind: str
    weight: float

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values."""
        return {"feature": self.feature, "kind": self.kind, "weight": self.weight}


@dataclass(frozen=True)
class Keywords:
    """The strongest features per reason and per sentiment, strongest first."""

    reason: dict[str, tuple[Keyword, ...]]
    sentiment: dict[str, tuple[Keyword, ...]]
    __hash__: ClassVar[None] = None  # type: ignore[assignment]  # dicts of keywords: not hashable, so hash() is not offered

    def __repr__(self) -> str:
        """Return the labels and how many features each has on one line (a notebook shows them as a table)."""
        heads = [
            f"{head}: {len(per_label)} label(s), up to {max(map(len, per_label.values()), default=0)} feature(s) each"
            for head, per_label in (("reason", self.reason), ("sentiment", self.sentiment))
        ]
        return f"Keywords({'; '.join(heads)})"

    def _repr_markdown_(self) -> str:
        """Return one row per head and label, its features strongest first (:meth:`by_label`), for a notebook."""
        lines = ["| head | label | features |", "|---|---|---|"]
        for (head, label), features in self.by_label().itertuples(index=True, name=None):
            lines.append(f"| {head} | {markdown_cell(label)} | {markdown_cell(features)} |")
        return notebook_markdown("\n".join(lines))

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values."""
        return {
            head: {label: [k.to_dict() for k in found] for label, found in per_label.items()}
            for head, per_label in (("reason", self.reason), ("sentiment", self.sentiment))
        }

    def to_frame(self) -> pd.DataFrame:
        """Return one row per keyword: head, label, rank, feature, kind, weight."""
        rows = [
            {"head": head, "label": label, "rank": rank, **k.to_dict()}
            for head, per_label in (("reason", self.reason), ("sentiment", self.sentiment))
            for label, found in per_label.items()
            for rank, k in enumerate(found, 1)
        ]
        return pd.DataFrame(rows, columns=["head", "label", "rank", "feature", "kind", "weight"])

    def by_label(self, sep: str = " / ") -> pd.DataFrame:
        """Return one row per head and label, its features strongest first joined by *sep* (a label without any
        keyword has an empty cell, not no row)."""
        check_sep(sep)
        heads: list[str] = []
        labels: list[str] = []
        joined: list[str] = []
        for head, per_label in (("reason", self.reason), ("sentiment", self.sentiment)):
            for label, found in per_label.items():
                heads.append(head)
                labels.append(label)
                joined.append(sep.join(k.feature for k in found))
        index = pd.MultiIndex.from_arrays([heads, labels], names=["head", "label"])
        return pd.DataFrame({"features": joined}, index=index, dtype=object)


def _per_label(
    estimator: Any, names: Any, kinds: Any, labels: list[str], top: int, kind: str | None, masked: bool = False
) -> dict[str, tuple[Keyword, ...]]:
    coef, _, classes = centred_coefficients(estimator)
    allowed = kinds != "vector" if kind is None else kinds == kind  # vector columns are no words
    out = {}
    for label in labels:
        row = np.where(allowed, coef[classes.index(label)], -np.inf)
        order = (j for j in np.argsort(-row, kind="stable") if row[j] > 0)
        best = list(islice((j for j in order if not (masked and personal(str(names[j])))), top))
        out[label] = tuple(Keyword(str(names[j]), str(kinds[j]), float(row[j])) for j in best)
    return out


@argument_order
@errors_masked
def keywords(
    model: Model | str | Path | None = None,
    top: int = DEFAULT_TOP,
    kind: str | None = None,
    mask_pii: bool = False,
    labels: str | Sequence[str] | None = None,
) -> Keywords:
    """Return the *top* features with the largest positive centred coefficient for each reason and sentiment.

    *model* is a :class:`~taikai.Model` or the directory of one (``None``: the default model, or
    ``$TAIKAI_MODEL``), as for :func:`taikai.check_drift`.
    *kind* keeps only ``"word"`` or ``"char"`` n-grams; ``"all"`` (as ``taikai keywords --kind all``) or ``None``
    keeps both. Coefficients act on L2-normalised TF-IDF values, so they compare across features of one model.
    ``mask_pii=True`` leaves out, for the next strongest, a feature that may hold personal data: one masking
    changes, a name or place UniDic tags, four digits in a row (best effort: see ``docs/privacy.md``).
    *labels* keeps only the reasons and sentiments it names (``"fees"``, ``["手数料が高い", "negative"]``: ids in any
    case, or the taxonomy's Japanese names), in the model's order, as ``taikai keywords LABEL…``; a label the model
    has not raises :class:`~taikai.errors.InputError` naming the closest one. ``None`` keeps every label.
    """
    refuse_misplaced_labels(model, top)  # keywords("fees"), as taikai keywords fees: labels= takes them
    wanted = check_labels(labels)
    check_at_least(TOP, top, 1)
    check_bool("mask_pii", mask_pii)  # as --top: no features per label is no keywords
    check_str("kind", kind, "'all', 'word', 'char' or None (all)", none=True)
    if kind not in _KINDS:
        raise InputError(f"kind must be 'all', 'word', 'char' or None (all), not {kind!r}")
    kind = None if kind == "all" else kind
    model = resolve_model(model)
    blocks = feature_blocks(model.pipeline)
    present = [k for k in FEATURE_KINDS if any(b.kind == k for b in blocks)]
    if kind is not None and kind not in present:
        has = " and ".join(FEATURE_KINDS[k] for k in present) or "no features"
        other = [k for k in present if k != "vector"]
        raise InputError(
            f"the model {model.path or '(not saved)'} has no {FEATURE_KINDS[kind]} (its features are {has}); "
            f"ask for {Argument('kind', '--kind').either([*other, 'all'])}"
        )
    names = np.concatenate([b.names() for b in blocks])
    kinds = np.concatenate([np.full(b.width, b.kind) for b in blocks])
    classifier = model.pipeline.named_steps["classify"]
    reason = _per_label(classifier.reason_, names, kinds, model.reason_labels, top, kind, mask_pii)
    sentiment = {}
    if classifier.sentiment_ is not None:
        sentiment = _per_label(classifier.sentiment_, names, kinds, model.sentiment_labels, top, kind, mask_pii)
    found = Keywords(reason, sentiment)
    return found if wanted is None else only_labels(found, wanted)


@argument_order
def distinctive_words(
    predictions: pd.DataFrame,
    text_column: Hashable = "text",
    label_column: Hashable = "reason",
    top: int = DEFAULT_TOP,
    min_count: int = 2,
    max_chars: int = MAX_CHARS,
    min_z: float | None = None,
    *,
    prefix: str | None = None,
) -> pd.DataFrame:
    """Return the *top* words per label ranked by log-odds against the other labels, with a Dirichlet prior.

    Monroe, Colaresi & Quinn (2008), "Fightin' words": the prior counts are the word's counts over the whole
    frame, which shrinks rare words toward zero; ``z`` is the log-odds ratio divided by its standard
    deviation. Only ``ok`` rows (when there is a ``status`` column) with a label count, and only the words of
    each text's first *max_chars* characters after normalisation (the model's limit, ``MAX_CHARS``), as
    ``taikai batch`` classifies them. A word counts once per row: ``count`` is the number of rows of the label
    that hold it (``count_rest``: of the other labels), as the drift section counts words. The placeholders of
    masked personal data (``[人名]``, ``[メール]``, …) are no words, nor are the names of the HTML tags a text copied
    from a web page holds (``div``, ``br``, ``href``: :func:`taikai.text.without_markup`), as the drift section's new
    words are not. Predicted columns written with a prefix
    (``pred_reason``, …) are read under their plain names, as :func:`taikai.analysis.plain_predictions` finds
    them (*prefix* chooses among several sets).
    *min_z* keeps only the words whose ``z`` is at least that (``1.96``, as the report's words section: a word
    used in a label's rows clearly more than chance gives); ``None`` keeps the *top* whatever their ``z``, which on a
    few dozen rows ranks words no label uses more than another (``する`` at ``z`` 0.1 of 20 rows).
    """
    if not isinstance(predictions, pd.DataFrame):
        raise wrong_type("predictions", predictions, "a pandas DataFrame (read a file with taikai.io.read_predictions)")
    plain = plain_predictions(predictions, prefix)
    text_column = as_renamed(predictions, plain, text_column)  # as *predictions* names it (not label_column: plain)
    shown = names_as_given(predictions, plain)  # a text column not found lists the columns under the caller's names
    predictions = plain
    check_int("top", top, 1)  # as keywords: no words per label is no answer
    check_int("min_count", min_count, 0)
    check_int("max_chars", max_chars, 1)
    if min_z is not None and (isinstance(min_z, bool) or not isinstance(min_z, Real) or min_z != min_z):
        raise wrong_type("min_z", min_z, "a number such as 1.96, or None (every word)")
    # found as predict_frame finds a column: 0 or "0" for a frame read with header=None
    index = predictions.index.names
    told = reviews_told(predictions, text_column, Argument("text_column"))  # not there: the ones of reviews named
    text_column = find_column(
        predictions.columns, text_column, Argument("text_column"), shown=shown, index=index, hint=told
    )
    label_column = find_column(predictions.columns, label_column, Argument("label_column"), index=index)
    # only the columns counted are copied with the rows kept (a dump of a million rows is not copied whole)
    rows = predictions[[c for c in dict.fromkeys((text_column, label_column, "status")) if c in predictions.columns]]
    rows = rows[rows[label_column].notna()]
    if "status" in rows.columns:
        rows = rows[rows["status"] == Status.OK.value]
    counts: dict[str, Counter[str]] = {}
    # each text made str as shown_text gives it (a missing text as "": no words; not astype(str), whose pyarrow
    # conversion left a UTF-8 copy inside every text of the frame), its placeholders ([人名], [メール]) as ○, which is
    # no word, as the drift section counts them: one at a time, never all held as copies at once
    texts = (neutralize(shown_text(value)) for value in rows[text_column])
    tagger = WordTagger()  # each text's words as content_words gives them, counted as they come, not all kept
    for label, text in zip(rows[label_column].astype(str), texts):
        words = tagger.words(without_markup(normalize(text)[:max_chars]))[1]  # no tag's name (div, br, href)
        counts.setdefault(label, Counter()).update({w for w in words if NEUTRAL not in w})  # rows, not occurrences
    columns = ["label", "rank", "word", "z", "count", "count_rest"]
    if not counts:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(counts).fillna(0.0)
    prior = table.sum(axis=1)
    prior_total = prior.sum()
    frames = []
    taxonomy = SENTIMENTS if set(table.columns) <= set(SENTIMENTS) else REASON_IDS  # reasons' or sentiments' order
    for label in label_order(table.columns, taxonomy):
        own, rest = table[label], prior - table[label]
        n_own, n_rest = own.sum(), rest.sum()
        log_own = np.log((own + prior) / (n_own + prior_total - own - prior))
        log_rest = np.log((rest + prior) / (n_rest + prior_total - rest - prior))
        z = (log_own - log_rest) / np.sqrt(1.0 / (own + prior) + 1.0 / (rest + prior))
        found = pd.DataFrame(
            {"word": table.index, "z": z.to_numpy(), "count": own.to_numpy(), "count_rest": rest.to_numpy()}
        )
        found = found[(found["count"] >= min_count) & (found["z"] >= (-np.inf if min_z is None else min_z))]
        found = found.sort_values(["z", "word"], ascending=[False, True]).head(top)
        frames.append(found.assign(label=label, rank=range(1, len(found) + 1)))
    out = pd.concat(frames, ignore_index=True)[columns]
    return out.astype({"count": int, "count_rest": int})


def words_by_label(words: pd.DataFrame, sep: str = " / ") -> pd.DataFrame:
    """Return one row per label of *words* (as :func:`distinctive_words` returns it), its words in rank order
    joined by *sep*, the labels in the order of *words*."""
    if not isinstance(words, pd.DataFrame):
        raise wrong_type("words", words, "a pandas DataFrame (taikai.distinctive_words)")
    check_sep(sep)
    missing = [c for c in ("label", "word") if c not in words.columns]
    if missing:
        raise InputError(
            f"no column {missing[0]!r}: pass the frame taikai.distinctive_words returns "
            f"(its columns are {list(map(str, words.columns))})"
        )
    labels = list(dict.fromkeys(words["label"].astype(str)))
    if "rank" in words.columns:
        words = words.sort_values("rank", kind="stable")
    joined = words.groupby(words["label"].astype(str), sort=False)["word"].agg(lambda w: sep.join(map(str, w)))
    return joined.reindex(labels).rename("words").to_frame().rename_axis("label")


def check_sep(sep: object) -> None:
    """Refuse a *sep* (what joins a label's words) that is not a str, naming it, rather than fail inside a join."""
    if not isinstance(sep, str):
        raise wrong_type("sep", sep, "a str such as ' / '")
