"""scripts/select_model.py: the note on the in-domain floor says what happens to the chosen reason head."""

import pytest
import select_model
from select_model import DEFAULTS, TEST_FLOOR, floor_notes

OTHER = next(head for head in select_model.REASON_HEADS if head != DEFAULTS["reason"])


@pytest.mark.parametrize(
    ("test_r", "head", "said"),
    [
        (TEST_FLOOR + 0.01, OTHER, None),
        (TEST_FLOOR + 0.01, DEFAULTS["reason"], None),
        (TEST_FLOOR - 0.01, OTHER, f"below the floor: {OTHER} gives way to the default reason head"),
        (TEST_FLOOR - 0.01, DEFAULTS["reason"], "below the floor, with the default reason head already chosen"),
    ],
)
def test_the_floor_note_says_what_happens_to_the_chosen_head(test_r, head, said):
    """Regression: "below the floor: the default reason head stays" was said when the default was already chosen."""
    notes = floor_notes(test_r, head)
    assert notes[0] == f"in-domain test reason macro-F1 {test_r:.3f} (floor {TEST_FLOOR})"
    assert notes[1:] == ([] if said is None else [notes[1]]) and (said is None or notes[1].startswith(said))
