"""bench/paired.py: the agreed subsets follow what the file says (one agreement column, or a second reader's labels
per head), the comparison is paired (identical predictions differ by exactly 0), a better B reads as better, and the
script skips cleanly without its data."""

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
spec = importlib.util.spec_from_file_location("paired", ROOT / "bench" / "paired.py")
paired = importlib.util.module_from_spec(spec)
sys.modules["paired"] = paired  # its dataclass looks its module up
spec.loader.exec_module(paired)

REASONS = ["fees"] * 10 + ["time"] * 10 + ["other"] * 4


def _row(i: int, reason: str, **extra: str) -> dict:
    return {"id": str(i), "text": f"t{i}", "reasons": reason, "sentiment": "negative", **extra}


def _preds(reasons: list[str]) -> list[SimpleNamespace]:
    return [SimpleNamespace(reason=r, sentiment="negative") for r in reasons]


@pytest.mark.parametrize(
    ("rows", "reason", "sentiment"),
    [
        ([_row(0, "fees", annotators_agree="yes"), _row(1, "time", annotators_agree="no")], [0], [0]),
        (
            [
                _row(0, "fees|low_pay", reader_reasons="fees", reader_sentiment="neutral"),
                _row(1, "time", reader_reasons="other|time", reader_sentiment="negative"),
            ],
            [0],
            [1],
        ),
        ([_row(0, "fees"), _row(1, "time")], [], []),
    ],
    ids=["one agreement column", "a second reader, per head", "nothing said"],
)
def test_agreed_subsets_follow_what_the_file_says(rows, reason, sentiment):
    assert paired.agreed_subsets(rows) == {"reason": reason, "sentiment": sentiment}


@pytest.mark.parametrize(
    ("new_reasons", "sign", "changed"),
    [
        (["fees"] * 10 + ["time"] * 10 + ["other"] * 4, 1, 4),
        (["fees"] * 5 + ["other"] * 5 + ["time"] * 10 + ["fees"] * 4, 0, 5),
        (["fees"] * 10 + ["time"] * 10 + ["fees"] * 4, 0, 0),
    ],
    ids=["B right where A was wrong", "B wrong elsewhere", "identical"],
)
def test_the_difference_is_paired_and_signed(new_reasons, sign, changed):
    rows = [_row(i, r) for i, r in enumerate(REASONS)]
    base = _preds(["fees"] * 10 + ["time"] * 10 + ["fees"] * 4)
    (reason_all,) = [c for c in paired.compare(rows, base, _preds(new_reasons), resamples=200) if c.head == "reason"]
    assert reason_all.n == 24 and reason_all.changed == changed
    if changed == 0:
        assert reason_all.diff == 0 and reason_all.diff_ci == (0.0, 0.0) and reason_all.win == 0.5
    elif sign > 0:
        assert reason_all.diff > 0 and reason_all.diff_ci[0] >= 0 and reason_all.new > reason_all.base
    else:
        assert reason_all.diff < 0 and reason_all.diff_ci[1] <= 0


def test_the_table_has_a_row_per_head_and_subset():
    rows = [_row(i, r, annotators_agree="yes" if i % 2 else "no") for i, r in enumerate(REASONS)]
    table = paired.render(paired.compare(rows, _preds(REASONS), _preds(REASONS), resamples=50))
    assert [line.split(" | ")[0:2] for line in table.splitlines()[2:]] == [
        ["| reason", "all"],
        ["| reason", "agreed"],
        ["| sentiment", "all"],
        ["| sentiment", "agreed"],
    ]


def test_it_skips_without_its_data(tmp_path, capsys):
    assert paired.main(["a", "b", "--data", str(tmp_path / "none.csv")]) == 0
    assert "skipped" in capsys.readouterr().out
