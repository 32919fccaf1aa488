"""Pick the rows worth labelling: score uncertainty, count near-duplicates once, spread the slots over reasons.

The allocation rule (:func:`allocate`): every predicted reason gets an equal share of the *n* slots; a reason with
fewer distinct candidates than its share gives its spare slots to the others, shared equally again (max-min fair,
"water-filling"); slots that do not divide evenly go to the reasons whose next candidate is the most uncertain.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

import numpy as np
import numpy.typing as npt

from taikai.text import duplicate_groups

POOL_FACTOR = 2
"""Candidates per reason taken into near-duplicate detection at first: POOL_FACTOR × n (doubled when short)."""


class Strategy(str, Enum):
    """How rows are chosen: smallest top-2 margin, highest entropy (both spread over reasons), or uniformly."""

    MARGIN = "margin"
    ENTROPY = "entropy"
    RANDOM = "random"

    def __str__(self) -> str:
        return self.value


def uncertainty(proba: npt.NDArray[np.float64], strategy: Strategy) -> npt.NDArray[np.float64]:
    """Return one score per row of reason probabilities, higher = less sure, in [0, 1].

    ``margin``: 1 − (top probability − runner-up). ``entropy``: the entropy of the row divided by its maximum,
    log(number of reasons).
    """
    k = proba.shape[1]
    if strategy is Strategy.ENTROPY:
        if k < 2:
            return np.zeros(len(proba))
        p = np.clip(proba, 1e-12, 1.0)
        return np.asarray(-(p * np.log(p)).sum(axis=1) / np.log(k), dtype=np.float64)
    if k < 2:
        return np.zeros(len(proba))
    top2 = -np.partition(-proba, 1, axis=1)[:, :2]
    return np.asarray(1.0 - (top2[:, 0] - top2[:, 1]), dtype=np.float64)


def allocate(scores: Mapping[str, Sequence[float]], n: int) -> dict[str, int]:
    """Return how many of *n* slots each reason gets, from its candidates' scores (most uncertain first).

    Equal shares; a reason with fewer candidates than its share takes them all and its spare slots are shared by
    the rest; the remainder of an uneven division goes, one slot each, to the reasons whose next candidate has the
    highest score (ties: in the order of *scores*). Never more slots than candidates in total.
    """
    quota = dict.fromkeys(scores, 0)
    remaining = min(n, sum(len(v) for v in scores.values()))
    while remaining > 0:
        open_ = [r for r in scores if quota[r] < len(scores[r])]
        share = remaining // len(open_)
        short = [r for r in open_ if len(scores[r]) - quota[r] <= share]
        if short:  # they take everything they have; the others share what is left
            for r in short:
                remaining -= len(scores[r]) - quota[r]
                quota[r] = len(scores[r])
            continue
        for r in open_:
            quota[r] += share
        remaining -= share * len(open_)
        order = sorted(open_, key=lambda r: -scores[r][quota[r]] if quota[r] < len(scores[r]) else 1.0)
        for r in order[:remaining]:
            quota[r] += 1
        remaining = 0
    return quota


@dataclass(frozen=True)
class Selection:
    """The chosen rows (positions in the candidate arrays, in the order to label them) and what was passed over.

    ``similar`` counts, per chosen row, the other candidates it stands for (same or near-duplicate text);
    ``duplicates`` the candidates left out as such; ``near_excluded`` those left out as near-duplicates of an
    excluded text; ``not_chosen`` the others (not uncertain enough, or not drawn). Every candidate is counted
    once: ``len(picked) + duplicates + near_excluded + not_chosen`` is the number of candidates.
    """

    picked: list[int]
    similar: list[int]
    duplicates: int
    near_excluded: int = 0
    not_chosen: int = 0


def _groups(texts: Sequence[str], pool: list[int], excluded: Sequence[str] = ()) -> dict[int, list[int]]:
    """Return near-duplicate groups of the *pool* positions: first member (most uncertain) → members; without
    the groups that hold a near-duplicate of an *excluded* text."""
    roots = duplicate_groups([*(texts[i] for i in pool), *excluded])
    gone = {roots[j] for j in range(len(pool), len(roots))}
    groups: dict[int, list[int]] = {}
    for position, root in zip(pool, roots[: len(pool)], strict=True):
        if root not in gone:
            groups.setdefault(pool[root], []).append(position)
    return groups


def select(
    texts: Sequence[str],
    reasons: Sequence[str],
    scores: npt.NDArray[np.float64],
    n: int,
    spread: bool = True,
    excluded: Sequence[str] = (),
) -> Selection:
    """Choose up to *n* rows, most uncertain first (highest *scores*), near-duplicates counted once.

    Exact repeats are collapsed over all rows; near-duplicates (3-gram Jaccard ≥ 0.8, the fixed parts of a form
    many candidates were written in left out: :func:`taikai.text.duplicate_groups`) among the candidates each
    reason's top ``POOL_FACTOR × n`` rows, a pool doubled until every reason has *n* distinct candidates or none
    left. With *spread* the slots are shared over the predicted *reasons* (:func:`allocate`), else taken in
    score order. Candidates in a near-duplicate group with one of the *excluded* texts are left out.
    """
    order = np.argsort(-scores, kind="stable")
    first: dict[str, int] = {}
    repeats: dict[int, int] = {}
    by_reason: dict[str, list[int]] = {}
    for i in order.tolist():
        owner = first.setdefault(texts[i], i)
        if owner != i:
            repeats[owner] = repeats.get(owner, 0) + 1
            continue
        by_reason.setdefault(reasons[i] if spread else "", []).append(i)
    factor = POOL_FACTOR
    while True:
        pool = sorted((i for rows in by_reason.values() for i in rows[: factor * n]), key=lambda i: -scores[i])
        groups = _groups(texts, pool, excluded)
        distinct: dict[str, list[int]] = {r: [] for r in by_reason}
        for head in sorted(groups, key=lambda i: -scores[i]):
            distinct[reasons[head] if spread else ""].append(head)
        if all(len(distinct[r]) >= n or len(rows) <= factor * n for r, rows in by_reason.items()):
            break
        factor *= 2
    quota = allocate({r: [float(scores[i]) for i in heads] for r, heads in distinct.items()}, n)
    picked = sorted((i for r, heads in distinct.items() for i in heads[: quota[r]]), key=lambda i: -scores[i])
    similar = [sum(1 + repeats.get(j, 0) for j in groups[i]) - 1 for i in picked]
    grouped = {j for members in groups.values() for j in members}
    gone = [i for i in pool if i not in grouped]  # near-duplicates of an excluded text, with their repeats
    near = sum(1 + repeats.get(i, 0) for i in gone)
    passed_over = sum(repeats.values()) - sum(repeats.get(i, 0) for i in gone)
    passed_over += sum(len(members) - 1 for members in groups.values())
    in_pool = set(pool)
    not_chosen = sum(1 for rows in by_reason.values() for i in rows if i not in in_pool) + len(groups) - len(picked)
    return Selection(picked, similar, passed_over, near, not_chosen)


def random_scores(n: int, seed: int) -> npt.NDArray[np.float64]:
    """Return *n* scores in a random order fixed by *seed* (``random`` strategy: the order to take rows in)."""
    rng = np.random.default_rng(seed)
    return np.asarray(rng.permutation(n).astype(np.float64) / max(n, 1), dtype=np.float64)


def reason_matrix(frame: Any, labels: Sequence[str]) -> npt.NDArray[np.float64]:
    """Return the ``p_reason_*`` columns of *frame* for *labels* as a float matrix."""
    return np.asarray(frame[[f"p_reason_{r}" for r in labels]].to_numpy(dtype=float), dtype=np.float64)
