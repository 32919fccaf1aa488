"""The weak-data warnings name the rarest labels, count the rest and say where every label's training rows are."""

import json
import shlex

import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli

WORDS = ["報酬", "手数料", "却下", "時間", "卒業", "移行", "トラブル", "評価", "連絡", "支払い", "登録", "作業"]
EVERY = "every label's training rows: 'training_data.label_rows' in taikai info -m {} --json"


def _data(rare: int) -> pd.DataFrame:
    """Two labels of 4 rows each, then *rare* labels of one row each (too rare to cross-validate) and *rare* labels
    only ever a further reason (never learned)."""
    rows = [
        (f"{WORDS[i]}と{WORDS[i + 2]}が不満で辞めた{k}回目", label) for i, label in enumerate("ab") for k in range(4)
    ]
    rows += [(f"{WORDS[i % 12]}{WORDS[(i * 5) % 12]}の理由{i}", f"r{i:02d}") for i in range(rare)]
    rows += [(f"{WORDS[i % 12]}の件で辞めた、その{i}", f"a|x{i:02d}") for i in range(rare)]
    return pd.DataFrame(rows, columns=["text", "reasons"])


@pytest.mark.parametrize(
    ("rare", "named", "more"),
    [(3, 3, None), (10, 10, None), (11, 10, "and 1 more (11 in all; "), (40, 10, "and 30 more (40 in all; ")],
    ids=["few", "ten", "eleven", "forty"],
)
def test_a_warning_about_many_rare_labels_names_the_rarest_and_counts_the_rest(tmp_path, rare, named, more):
    """Regression: with hundreds of labels of one or two rows, the warnings named every one of them: a wall."""
    every = EVERY.format(shlex.quote(str(tmp_path / "my model")))
    model = taikai.train(
        _data(rare),
        tmp_path / "my model",
        sentiment_column=None,
        free_labels=True,
        folds=2,
        test_size=0,
        config=taikai.FeatureConfig(vectors=None, min_df=1),
    )
    skipped, lost = (next(w for w in model.metadata.warnings if w.startswith(s)) for s in ("cross-val", "reason(s)"))
    for warning, prefix in ((skipped, "r"), (lost, "x")):
        assert sum(f"{prefix}{i:02d} (1)" in warning for i in range(rare)) == named
        assert (more is not None and more in warning and every in warning) or (more is None and every not in warning)
    command = shlex.split(every.split("' in ")[1])  # where the warning sends the reader, followed literally
    recorded = json.loads(CliRunner().invoke(cli, command[1:]).output)
    rows = recorded["training_data"]["label_rows"]["reasons"]
    assert rows == {
        **{f"x{i:02d}": 0 for i in range(rare)},
        **{f"r{i:02d}": 1 for i in range(rare)},
        "b": 4,
        "a": 4 + rare,
    }
    assert list(rows)[: 2 * rare] == [*(f"x{i:02d}" for i in range(rare)), *(f"r{i:02d}" for i in range(rare))]


@pytest.mark.parametrize(
    ("rows", "of", "up", "share"),
    [
        (2, 9, True, 0.12),  # 0.11 holds out ceil(0.99) = 1: one step up
        (8, 40, True, 0.18),
        (3, 7, True, 0.29),
        (8, 10, False, 0.8),  # exact
        (7, 9, False, 0.77),  # 0.78 holds out ceil(7.02) = 8: one step down
        (5, 7, False, 0.71),
        (29, 30, False, 0.96),
    ],
)
def test_the_test_size_advised_holds_out_the_rows_it_says(rows, of, up, share):
    """The smallest share that holds out at least *rows* of *of* (up), or the largest that holds out at most *rows*,
    in two significant digits, counted as scikit-learn counts the test rows (ceil(share * of))."""
    import math

    from taikai.training._checks import _share

    found = _share(rows, of, up)
    assert found == share
    step = 10 ** (math.floor(math.log10(share)) - 1)
    if up:
        assert math.ceil(share * of) >= rows > math.ceil(round(share - step, 9) * of)
    else:
        assert math.ceil(share * of) <= rows < math.ceil(round(share + step, 9) * of)
