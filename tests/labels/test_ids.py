"""The taxonomy id a label names (taikai.labels._ids): ids, Japanese names and the forms taikai shows them in."""

import pandas as pd
import pytest

from taikai.labels import (
    reason_id,
    sentiment_id,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("low_pay", "low_pay"),
        ("報酬・単価が低い", "low_pay"),
        (" 手数料が高い ", "fees"),
        ("Fees", "fees"),
        ("PLATFORM_SWITCH", "platform_switch"),
        ("mine", "mine"),  # outside the taxonomy: unchanged, for own label sets
        # regression: a reason written as taikai shows it was an unknown label, "closest" to itself
        ("low_pay (報酬・単価が低い)", "low_pay"),
        ("Fees(手数料が高い)", "fees"),
        ("low_pay (手数料が高い)", "low_pay (手数料が高い)"),  # two reasons: no one of them
        ("mine (報酬・単価が低い)", "mine (報酬・単価が低い)"),
    ],
)
def test_reason_id_reads_ids_and_japanese_names(value, expected):
    assert reason_id(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("negative", "negative"),
        ("ネガティブ", "negative"),
        ("中立", "neutral"),
        ("Positive", "positive"),
        ("", ""),
        # regression: a sentiment written as taikai's messages offer it was unknown, "closest" to itself
        ("negative (ネガティブ)", "negative"),
        ("中立 (neutral)", "neutral"),
        ("Positive(ポジティブ)", "positive"),
        ("negative (ポジティブ)", "negative (ポジティブ)"),  # two sentiments: no one of them
        ("good (ポジティブ)", "good (ポジティブ)"),
    ],
)
def test_sentiment_id_reads_ids_and_japanese_names(value, expected):
    assert sentiment_id(value) == expected


@pytest.mark.parametrize("encoding", ["cp932", "utf-8-sig"])
def test_a_sheet_with_reasons_written_as_taikai_shows_them_is_read(tmp_path, encoding):
    """Regression: 'low_pay (報酬・単価が低い)' in a sheet filled in Excel, as suggest's and batch's summaries name a
    reason, was refused as an unknown label with the advice "closest: low_pay (報酬・単価が低い)", the label written."""
    from click.testing import CliRunner

    from taikai.cli import cli
    from taikai.io import read_labelled

    sheet = pd.DataFrame(
        {
            "text": ["単価が安すぎて続けられない", "手数料で二割も引かれる", "もう使わない"],
            "担当者": "山田",  # a column the analyst added
            "reasons": ["low_pay (報酬・単価が低い)", "fees（手数料が高い）", "その他"],
            "sentiment": ["negative", "ネガティブ", "neutral (中立)"],  # as the unknown-label message offers one
        }
    )
    path = tmp_path / "filled.csv"
    sheet.to_csv(path, index=False, encoding=encoding)
    assert read_labelled(path)["primary"].tolist() == ["low_pay", "fees", "other"]
    result = CliRunner().invoke(cli, ["rules", "test", "examples/rules.toml", str(path)])
    assert result.exit_code == 0, result.output


def test_a_sentiment_written_as_the_unknown_label_message_offers_it_is_read(tmp_path, tiny_model_dir):
    """Regression: evaluate refused 'negative (ネガティブ)' as "unknown label 'negative (ネガティブ)' (closest:
    negative (ネガティブ))", the form its own message lists the sentiments in; the same defect reasons had."""
    from click.testing import CliRunner

    from taikai.cli import cli

    sheet = pd.DataFrame(
        {
            "text": ["単価が安すぎて続けられない", "手数料で二割も引かれる"],
            "reasons": ["low_pay", "fees"],
            "sentiment": ["negative (ネガティブ)", "neutral"],
        }
    )
    path = tmp_path / "gold.csv"
    sheet.to_csv(path, index=False)
    result = CliRunner().invoke(cli, ["evaluate", str(path), "--model", str(tiny_model_dir)])
    assert result.exit_code == 0, result.output
    assert "unknown label" not in result.output
