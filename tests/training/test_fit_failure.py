"""Training on rows whose words the features cannot keep says what a taikai user can do about it."""

from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai import FeatureConfig, InputError, train
from taikai.cli import cli

# Four texts with no word in common: at min_df 2 no n-gram is kept.
APART = pd.DataFrame(
    {
        "text": ["単価", "手数料", "審査", "詐欺"],
        "reasons": ["low_pay", "fees", "rejection", "trouble"],
        "sentiment": ["negative", "neutral", "negative", "positive"],
    }
)


@pytest.mark.parametrize(
    ("config", "said"),
    [
        (FeatureConfig(min_df=2), r"no word or word pair is in at least 2 of the texts .*min_df=2.*min_df is 1"),
        (FeatureConfig(min_df=3), r"in at least 3 of the texts .*min_df=3"),
    ],
)
def test_no_word_kept_names_what_to_do(config: FeatureConfig, said: str) -> None:
    with pytest.raises(InputError, match=said) as caught:
        train(APART, config=config, folds=0, test_size=0.0)
    assert "max_df" not in str(caught.value)  # scikit-learn's advice names a setting taikai does not offer


def test_min_df_1_trains_on_the_same_rows() -> None:
    model = train(APART, config=FeatureConfig(min_df=1), folds=0, test_size=0.0)
    assert set(model.metadata.reasons) >= {"low_pay", "fees"}


def test_command_line_says_it_without_a_traceback(tmp_path) -> None:
    data = tmp_path / "apart.csv"
    APART.to_csv(data, index=False)
    result = CliRunner().invoke(
        cli, ["train", str(data), "--out", str(tmp_path / "m"), "--vectors", "none", "--folds", "0"]
    )
    assert result.exit_code == 2
    assert "no word or word pair is in at least 2 of the texts" in result.output
    assert "max_df" not in result.output and "Traceback" not in result.output
