"""The ``random`` strategy: a uniform draw of the rows, for a baseline or an unbiased check of the model.

Every candidate row is equally likely to be drawn, whatever its text, and every row drawn is on the sheet: a text
that fills a tenth of the dump fills about a tenth of the sheet, so that the sheet's reasons, and the scores of
``taikai evaluate`` on it once filled, estimate the dump's without weights (which no command applies). A text drawn
more than once is listed each time, the repeats right after its first (``train --add`` keeps it once). A row that is
a near-duplicate of a text handed out before (``--exclude``) is left out and another drawn in its place: whether a
row is one depends on that row (and, when most texts are written in one form, on the form's fixed parts, which are
left out: a different answer filled into the form is no near-duplicate, as for the other strategies), so the draw
stays uniform over the rows left.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from taikai.suggestion._select import Selection
from taikai.text import FORM_SHARE, near_duplicates


def _near_excluded(texts: Sequence[str], excluded: Sequence[str]) -> list[bool]:
    """Return, per text, whether it is a near-duplicate of one of the *excluded* texts (directly, not by a chain
    through other drawn texts, which would make it depend on the draw)."""
    if not excluded:
        return [False] * len(texts)
    distinct = list(dict.fromkeys(texts))
    pairs = near_duplicates([*distinct, *excluded], form=FORM_SHARE)  # answers filled into one form: no duplicates
    close = {distinct[i] for i, j, _ in pairs if i < len(distinct) <= j}
    return [t in close for t in texts]


def draw(texts: Sequence[str], order: npt.NDArray[np.float64], n: int, excluded: Sequence[str] = ()) -> Selection:
    """Draw *n* of the rows of *texts* uniformly, in the order of *order* (a seeded shuffle: highest first).

    Every row drawn is chosen (``similar`` is 0: each stands for itself; ``duplicates`` is 0), in the order drawn,
    but a text drawn again comes right after its first draw. Rows that are near-duplicates of an *excluded* text are
    left out (``near_excluded``) and replaced by the next rows of the order; ``not_chosen`` counts the rows not
    drawn. Fewer than *n* rows are chosen only when the rows run out.
    """
    ranked = np.argsort(-order, kind="stable").tolist()
    kept: list[int] = []
    taken = near = 0
    while len(kept) < n and taken < len(ranked):
        batch = ranked[taken : taken + n - len(kept)]
        taken += len(batch)
        gone = _near_excluded([texts[i] for i in batch], excluded)
        kept += [i for i, g in zip(batch, gone, strict=True) if not g]
        near += sum(gone)
    first: dict[str, int] = {}  # a drawn text → when it was first drawn
    for k, i in enumerate(kept):
        first.setdefault(texts[i], k)
    picked = sorted(kept, key=lambda i: first[texts[i]])  # stable: the repeats of a text after it, in the order drawn
    return Selection(picked, [0] * len(picked), 0, near, len(texts) - taken)
