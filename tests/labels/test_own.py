"""Labels of one's own (taikai.labels._own): those outside the taxonomy, or a --free-labels model's."""

import pytest

from taikai.labels import (
    REASON_IDS,
    SENTIMENTS,
    OwnLabels,
    own_labels,
)


@pytest.mark.parametrize(
    ("labels", "taxonomy", "own"),
    [
        (None, REASON_IDS, False),
        (["fees", "other"], REASON_IDS, False),
        (["お金", "その他"], REASON_IDS, True),
        (["fees", "その他"], REASON_IDS, True),
        (["positive", "negative"], SENTIMENTS, False),
        (["ポジティブ"], SENTIMENTS, True),
        # a --free-labels model's labels are its own even when all are spelt as taxonomy ids (fees meaning ratings)
        (OwnLabels(["fees", "other"]), REASON_IDS, True),
        (OwnLabels(["positive", "negative"]), SENTIMENTS, True),
    ],
)
def test_own_labels_are_those_outside_the_taxonomy(labels, taxonomy, own):
    assert own_labels(labels, taxonomy) is own
