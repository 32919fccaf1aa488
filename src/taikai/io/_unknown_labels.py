"""What a labelled file is told about a label it may not use: the closest known label, how to separate two, or
that it is a label of the other column (reasons and sentiment typed in each other's column)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Hashable, Sequence

from taikai._closest_label import closest_label, names_known
from taikai._cut import cut_list
from taikai.errors import FREE_LABELS, REASONS_COLUMN
from taikai.labels import (
    REASON_IDS,
    SENTIMENTS,
    display_order,
    label_order,
    named_labels,
    own_labels,
    reason_id,
    sentiment_id,
    sentiment_name,
)

_RUN_TOGETHER = re.compile(r"\s*\band\b\s*|[,、;；/／+＋&＆\s]+", re.IGNORECASE)
"""What may have been meant to separate labels: commas and whitespace (they separate reasons of the taxonomy, but not
labels of one's own, which may hold them), semicolons, slashes, ``+``, ``&`` and ``and`` (they separate none:
``fees+trouble`` was offered ``(closest: trouble)``, one of the two reasons meant)."""


def known_labels(kinds: set[str], reasons: Collection[str] | None, sentiments: Collection[str] | None) -> str:
    """Say which labels are known, of the *kinds* found unknown only; the Japanese display names only for a
    label set that has them (the taxonomy's), not for labels of one's own."""
    listed = [
        (kind, known, not own_labels(known, taxonomy) and taxonomy)
        for kind, known, taxonomy in (("reasons", reasons, REASON_IDS), ("sentiments", sentiments, SENTIMENTS))
        if kind in kinds and known
    ]
    said = [f"one of the {kind} {_named(known, taxonomy or ())}" for kind, known, taxonomy in listed]
    named = any(taxonomy for _, _, taxonomy in listed)
    return " or ".join(said) + (": the id or the Japanese name in brackets" if named else "")


SHOWN_KNOWN = 20
"""How many known labels of a kind the error about unknown ones lists: hundreds of labels of one's own are counted."""


def _named(known: Collection[str], taxonomy: Sequence[str]) -> str:
    """Return the *known* labels as :func:`named_labels` lists them, the first :data:`SHOWN_KNOWN` of more counted."""
    items = [named_labels([label], taxonomy) for label in label_order(known, taxonomy)]
    return cut_list(items, SHOWN_KNOWN, "each line above names the closest where one is close")


def unknown_label(label: str, known: Collection[str], several: bool = True) -> str:
    """Say that *label* is unknown, with the known label closest to it (``'sports watch'`` for ``sports-watch``;
    ``fees (手数料が高い)`` for ``手数料高い``: :func:`~taikai._closest_label.closest_label`).

    Where *several* labels may be given (reasons) and *label* is known labels run together with ``、``, a comma or
    a space (``お金、忙しさ``: a label of one's own may hold those, so they do not separate such labels), or with a
    semicolon or a slash (``fees;low_pay``, ``手数料が高い／時間がない``), say to separate them with ``|``.
    """
    own = own_labels(known, REASON_IDS)
    pieces = _run_together(label, lambda x: x in known or (not own and reason_id(x) in known))
    if several and len(pieces) > 1:
        whose = "labels of your own" if own else "reasons"
        return f"unknown label {label!r}: separate {whose} with |: {'|'.join(pieces)}"
    if not several and len(meant := _sentiments_together(label, known)) > 1:
        return (
            f"{label!r} gives {len(meant)} sentiments ({', '.join(meant)}), but a row takes one: keep the one meant, "
            f"{' or '.join(meant)}"
        )
    close = closest_label(label, known) or (None if several else _scored(label, known))
    said = f"unknown label {label!r}" + (f" (closest: {close})" if close else "")
    return said + (_NOT_KNOWN_ADVICE if _NOT_KNOWN.fullmatch(label.casefold()) else "")


def _sentiments_together(label: str, known: Collection[str]) -> list[str]:
    """Return the distinct sentiments of *known* that *label* runs together, as written (``negative|neutral``,
    ``ネガティブ/中立``: :func:`_run_together`, or with ``|``, which separates reasons), or ``[]``."""
    by_id = not own_labels(known, SENTIMENTS)
    pieces = [
        piece
        for part in label.split("|")
        for piece in _run_together(part, lambda x: x in known or (by_id and sentiment_id(x) in known)) or [part]
    ]
    if not all(x in known or (by_id and sentiment_id(x) in known) for x in pieces):
        return []
    meant = {(x if x in known else sentiment_id(x)): x for x in reversed(pieces)}  # the first spelling of each
    return list(reversed(meant.values()))


_NOT_KNOWN = re.compile(
    r"[?？]+|[-‐‑–—―−ー]+|不明|[分わ]から(?:ない|ず)|判[断定別](?:不能|不可|できない)|保留|未定|未判定|未分類|要確認"
    r"|n/?a|unknown|unsure|tbd"
)
"""What a coder types in a label cell for a label not known (``?``, ``不明``, ``-``), casefolded: such a cell is left
empty, which every reader takes as no label (:data:`_NOT_KNOWN_ADVICE`)."""
_NOT_KNOWN_ADVICE = (
    "; if it means not known, leave the cell empty: the row is read for its other labels, or skipped and counted "
    "with none"
)


def _run_together(label: str, is_label: Callable[[str], bool]) -> list[str]:
    """Return the labels *label* runs together (:data:`_RUN_TOGETHER`, or a ``・``, the Japanese mark that lists
    words: ``fees・low_pay``, ``トラブル・不信・その他``), each as written, when every piece is one (*is_label*); else
    ``[]``. A label's own ``・`` (``報酬・単価が低い``, ``トラブル・不信``) is kept: the pieces between two ``・`` are
    joined back into the longest label they make."""
    pieces: list[str] = []
    for part in (x.strip("・") for x in _RUN_TOGETHER.split(re.sub(r"\s*・\s*", "・", label)) if x):
        words = part.split("・")
        ends: dict[int, list[str]] = {0: []}  # the labels that the first n words make, by n
        for end in range(1, len(words) + 1):
            start = next((i for i in range(end) if i in ends and is_label("・".join(words[i:end]))), None)
            if start is not None:
                ends[end] = [*ends[start], "・".join(words[start:end])]
        if len(words) not in ends:
            return []
        pieces += ends[len(words)]
    return pieces


_SCORES = {"-1": "negative", "0": "neutral", "1": "positive", "+1": "positive"}
"""The sentiment a score of -1, 0 or 1 stands for, as sheets that code sentiment as a number write it."""


def _scored(label: str, known: Collection[str]) -> str | None:
    """Return the taxonomy's sentiment that *label* stands for as a score (``-1``: ``negative (ネガティブ)``), said as
    a guess, when *known* are the taxonomy's sentiments; else ``None`` (a digit is no typo of a word)."""
    named = _SCORES.get(label.strip())
    if named is None or named not in known or own_labels(known, SENTIMENTS):
        return None
    return f"{named} ({sentiment_name(named)}), if -1, 0 and 1 stand for negative, neutral and positive"


def _of(label: str, known: Collection[str], to_id: Callable[[str], str], own: Collection[str] = ()) -> bool:
    """Whether *label* names one of *known*: as written, or by the taxonomy's id or Japanese name (*to_id*); never
    when it names one of *own*, the labels of its own column, in another spelling (``Positive`` of a reason
    ``positive``: :func:`~taikai._closest_label.names_known`)."""
    return (label in known or to_id(label) in known) and not names_known(label, own)


def row_unknowns(
    reasons: Sequence[tuple[Hashable, Sequence[str]]],
    sentiment: tuple[Hashable, str] | None,
    known_reasons: Collection[str] | None,
    known_sentiments: Collection[str] | None,
) -> tuple[list[tuple[str, str]], list[tuple[str, Collection[str]]], list[str]]:
    """Return what is wrong with one row's labels outside the known ones, the unknown labels that are no label
    of the other column (each with the labels it was not among, for the closest-label check), and the sentiment
    labels in a reasons column whose row does not look swapped (for :func:`misplaced_sentiments`).

    *reasons* pairs each reasons column with its labels (``reasons``, then ``more_reasons``); *sentiment* the
    sentiment column with its label (checked against *known_sentiments* unless ``None``: a sentiment column not
    read, only told of), ``None`` without one. Each problem is ``(COLUMN: message, kind)``, kind ``reasons`` or
    ``sentiments``. A reason that is a sentiment label, or a sentiment that is a reason label (*known_sentiments* /
    *known_reasons*, else the taxonomy's), is said to be one; when the reasons column holds a sentiment and the
    sentiment column a reason, the two columns are asked to be swapped back.
    """
    as_sentiments = known_sentiments if known_sentiments is not None else SENTIMENTS
    as_reasons = known_reasons if known_reasons is not None else REASON_IDS
    unknown_reasons = [
        (column, label)
        for column, labels in reasons
        for label in labels
        if known_reasons is not None and label not in known_reasons
    ]
    column, feeling = sentiment if sentiment else (None, "")
    unknown_feeling = bool(feeling) and known_sentiments is not None and feeling not in known_sentiments
    # the first reason column's first label that is a sentiment, and the sentiment when it is a reason: swapped?
    crossed = next(
        (
            label
            for c, label in unknown_reasons
            if c == reasons[0][0] and _of(label, as_sentiments, sentiment_id, as_reasons)
        ),
        "",
    )
    of_reasons = (
        bool(feeling)
        and not _of(feeling, as_sentiments, sentiment_id)
        and _of(feeling, as_reasons, reason_id, as_sentiments)
    )
    reversed_ = feeling if of_reasons else ""
    swapped = (reasons[0][0], column) if crossed and reversed_ else None
    problems: list[tuple[str, str]] = []
    far: list[tuple[str, Collection[str]]] = []
    misplaced: list[str] = []
    for where, label in unknown_reasons:
        if _of(label, as_sentiments, sentiment_id, as_reasons):
            said = _other_column(label, "sentiment", "reason", reversed_, swapped if where == reasons[0][0] else None)
            problems.append((f"{where}: {said}", "reasons"))
            misplaced += [label] if where == reasons[0][0] and not swapped else []
        else:
            far.append((label, as_reasons))
            problems.append((f"{where}: {unknown_label(label, as_reasons)}", "reasons"))
    if reversed_ and unknown_feeling:
        problems.append((f"{column}: {_other_column(feeling, 'reason', 'sentiment', crossed, swapped)}", "sentiments"))
    elif unknown_feeling:
        far.append((feeling, as_sentiments))
        problems.append((f"{column}: {unknown_label(feeling, as_sentiments, several=False)}", "sentiments"))
    return problems, far, misplaced


def misplaced_sentiments(
    source: str, places: Sequence[str], labels: Sequence[str], column: Hashable, sentiments_alone: bool
) -> str:
    """Say in one line that the reasons *column* holds sentiment *labels* in every row that has an unknown label
    (*places*, each row's ``FILE:LINE``), with what to do first: a line per row would repeat one message up to
    :data:`~taikai.io._labelled.MAX_SHOWN` times before the advice. *sentiments_alone*: the file is training data
    whose sentiment column is not read (``--no-sentiment``), which is trained on its sentiments as the labels with
    ``--free-labels``."""
    shown = ", ".join(repr(x) for x in display_order(labels, SENTIMENTS))
    alone = (
        f"to train on the sentiments as the labels, add {FREE_LABELS.given(True)}; else " if sentiments_alone else ""
    )
    return (
        f"{source}: {alone}name the column of reasons with {REASONS_COLUMN}: the reasons column "
        f"{str(column)!r} holds sentiment labels ({shown}), not reasons, in {len(places)} row(s), the first at "
        f"{places[0]}"
    )


def _other_column(label: str, kind: str, other: str, partner: str, swapped: tuple[object, object] | None) -> str:
    """Say that *label* is a *kind* label, not an *other* one; when the row's label columns look *swapped* (their
    names: the other column's label, *partner*, is an *other* label), ask whether they are."""
    if swapped is not None:
        return (
            f"{label!r} is a {kind} label (and {partner!r} a {other}): are the {swapped[0]} and {swapped[1]} columns "
            "swapped?"
        )
    return f"{label!r} is a {kind} label, not a {other}: is it in the wrong column?"


_LINE_BREAK = re.compile(r"[\r\n\t\v\f\x85\u2028\u2029]")
"""What ends a line or jumps a column inside a label: a label of one's own is kept as written, and one holding a line
break (Alt+Enter in an Excel cell) or a tab would break every table and column name that shows it."""


def broken_labels(columns: Sequence[tuple[Hashable, Sequence[str]]]) -> list[str]:
    """Return ``COLUMN: message`` for each label of *columns* (each column with its labels) that holds a line break
    or a tab; the taxonomy's labels never do (whitespace separates them)."""
    return [
        f"{column}: the label {label!r} holds a line break or a tab (Alt+Enter in an Excel cell?); write it on one line"
        for column, labels in columns
        for label in labels
        if _LINE_BREAK.search(label)
    ]


SAME_SHOWN = 5
"""How many further places of one unknown label :func:`grouped_unknowns` names after its first."""


def grouped_unknowns(source: str, found: Sequence[tuple[str, str]]) -> list[str]:
    """Return one ``PLACE: message`` line per distinct message of *found* (each ``(place, message)``, places as
    :func:`~taikai.io._splits.row_name` names them in *source*), in the order they first come, with the places of
    its repeats: 30 rows labelled with one reason the model lacks are one line, not 30 that hide a typo further down.
    ``FILE:LINE`` places are shortened to their line numbers (``the same on 29 more lines: 3, 4, 5, 6, 7, …``), with
    their ids when the rows are named by an id column (``3 (id R-17), 4 (id R-18), …``)."""
    places: dict[str, list[str]] = {}
    for place, message in found:
        places.setdefault(message, []).append(place)
    lines = []
    for message, where in places.items():
        rest = where[1:]
        said = f"{where[0]}: {message}"
        if rest:
            prefix = f"{source}:"
            numbered = all(p.startswith(prefix) and _line_first(p[len(prefix) :]) for p in rest)
            shown = cut_list([p[len(prefix) :] if numbered else p for p in rest], SAME_SHOWN)
            said += f" (the same on {len(rest):,} more {'line' if numbered else 'row'}(s): {shown})"
        lines.append(said)
    return lines


def _line_first(place: str) -> bool:
    """Whether *place*, a row's place after ``FILE:``, is its line number, alone or followed by its id (``5``,
    ``5 (id R-17)``)."""
    line, _, said = place.partition(" ")
    return line.isdigit() and (not said or said.startswith("("))
