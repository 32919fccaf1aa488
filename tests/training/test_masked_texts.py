"""Training reads a masked text as prediction does: its placeholders as ``○`` (taikai.privacy.neutralize).

Regression: training read ``[電話番号]`` and ``[メール]`` as words (``[``, ``]``, ``メール``, ``電話`` were the top
features of the reason whose rows carried them), while prediction reads them as ``○``.
"""

import warnings

import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.model import FeatureConfig, word_vocabulary
from taikai.training._cv import model_texts

CONFIG = FeatureConfig(min_df=1)
CONTACT = " 連絡先は[電話番号]と[メール]だった。"  # what a taikai suggest --mask-pii sheet carries
PLACEHOLDER_WORDS = {"[", "]", "電話", "番号", "メール", "電話番号"}


def with_contact(frame: pd.DataFrame) -> pd.DataFrame:
    """The trouble rows of *frame* with the masked contact appended."""
    trouble = frame["reasons"].str.startswith("trouble")
    return frame.assign(text=[t + CONTACT if t_ else t for t, t_ in zip(frame["text"], trouble, strict=True)])


def trained(tiny_csv, tmp_path, path: str) -> taikai.Model:
    tiny = pd.read_csv(tiny_csv)
    if path == "data":
        return taikai.train(with_contact(tiny), config=CONFIG, folds=2, test_size=0.25)
    if path == "add":
        added = with_contact(tiny[tiny["reasons"].str.startswith("trouble")]).assign(
            text=lambda d: d["text"] + "(追加)"  # not duplicates of the base rows
        )
        return taikai.train(tiny, config=CONFIG, folds=2, test_size=0, add=[added], compare_folds=2)
    raise AssertionError(path)


@pytest.mark.parametrize("path", ["data", "add"])
def test_training_reads_placeholders_as_prediction_does(tiny_csv, tmp_path, path):
    model = trained(tiny_csv, tmp_path, path)
    vocabulary = word_vocabulary(model.pipeline)
    assert vocabulary is not None
    assert sorted(vocabulary.known & PLACEHOLDER_WORDS) == []
    assert "○" in vocabulary.known
    top = [k.feature for k in taikai.keywords(model, top=5).reason["trouble"]]
    assert not [f for f in top if set(f.split()) & PLACEHOLDER_WORDS], top
    masked, neutral = model.predict(["連絡先は[電話番号]と[メール]だった", "連絡先は○と○だった"])
    assert masked.reason_proba == neutral.reason_proba


def test_taikai_train_keywords_show_no_placeholder(tiny_csv, tmp_path):
    data = tmp_path / "train_ph.csv"
    with_contact(pd.read_csv(tiny_csv)).to_csv(data, index=False)
    out = tmp_path / "mph"
    runner = CliRunner()
    trained = runner.invoke(cli, ["train", str(data), "--out", str(out), "--folds", "2", "--vectors", "none"])
    assert trained.exit_code == 0, trained.output
    shown = runner.invoke(cli, ["keywords", "--model", str(out), "--top", "5"], catch_exceptions=False)
    line = next(li for li in shown.output.splitlines() if li.startswith("reason trouble"))
    assert "○" in line
    assert not [w for w in ("[", "]", "メール", "電話") if w in line], line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("連絡先は[電話番号]と[メール]だった", "連絡先は○と○だった"),
        ("[人名]さんに連絡した", "○さんに連絡した"),
        ("連絡先は［電話番号］", "連絡先は○"),  # full-width brackets: normalised first
        ("[メモ]は関係ない", "[メモ]は関係ない"),  # not a placeholder
        ("手数料が高い", "手数料が高い"),
        ("[電話番号] [メール]", ""),  # nothing but placeholders: no text, as at prediction
    ],
)
def test_model_texts_are_those_prediction_reads(text, expected):
    assert model_texts(pd.Series([text])) == [expected]


def test_a_row_of_nothing_but_placeholders_is_skipped_with_the_reason(tiny_csv):
    tiny = pd.read_csv(tiny_csv)
    tiny.loc[0, "text"] = "[電話番号] [メール]"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = taikai.train(tiny, config=CONFIG, folds=0, test_size=0)
    said = [str(w.message) for w in caught if issubclass(w.category, taikai.training.SkippedRowsWarning)]
    assert said == [
        "1 training row(s) cannot be used and were skipped:\n  <frame>: row 1 (data row, 1-based): text: no Japanese "
        "characters but placeholders of masked personal data ([電話番号] [メール]), which do not count as Japanese: "
        "the model only reads Japanese ('[電話番号] [メール]')"
    ]
    assert model.metadata.training_data.skipped_rows == 1
