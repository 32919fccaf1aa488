"""The HTML report: built from a small predictions file, every section present, Japanese text, self-contained."""

import re

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai import analysis
from taikai.analysis import SECTIONS, build_report, write_report
from taikai.cli import cli
from taikai.errors import InputError
from taikai.io import read_predictions

TEXTS = [
    "手数料が20%も引かれるのがつらい",
    "システム利用料と振込手数料で手取りが減る",
    "単価が安すぎて、何時間やっても数百円にしかならない",
    "提案しても提案しても選ばれない",
    "本業が忙しくなって時間が取れなくなった",
    "直接契約に切り替えたのでもう使っていません",
    "ココナラに移ったのでこちらは整理しました",
    "納品したのに報酬が支払われなかった <script>alert('x')</script>",
    "なんとなく飽きてしまいました",
    "",
    "english only",
]


@pytest.fixture(scope="module")
def predictions(tiny_model) -> pd.DataFrame:
    n = len(TEXTS) * 3
    frame = pd.DataFrame(
        {
            "review_id": [f"r{i:03d}" for i in range(n)],
            "posted_at": pd.date_range("2024-01-05", periods=n, freq="17D").strftime("%Y-%m-%d"),
            "platform": (["Lancers", "CrowdWorks", "ココナラ", ""] * n)[:n],
            "text": TEXTS * 3,
        }
    )
    frame.loc[3, "posted_at"] = "not a date"
    return tiny_model.predict_frame(frame)


@pytest.fixture(scope="module")
def page(predictions, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("report") / "predictions.csv"
    predictions.to_csv(path, index=False)
    out = write_report(path, path.with_suffix(".html"), date_column="posted_at", by="platform")
    return out.read_text(encoding="utf-8")


def test_report_has_every_section(page):
    for key in SECTIONS:
        assert f'<section id="{key}">' in page
    for heading in (
        "退会理由の分布",
        "理由ごとの感情",
        "理由の推移 (月別)",
        "platform 別の内訳",
        "代表的なレビュー",
        "確信度の低い予測",
    ):
        assert heading in page
    assert page.count('<img src="data:image/png;base64,') == 4  # reasons, sentiment, trend, segments


def test_report_holds_japanese_counts_and_texts(page):
    assert '<html lang="ja">' in page and '<meta charset="utf-8">' in page
    assert "手数料が高い" in page and "報酬・単価が低い" in page and "ネガティブ" in page
    assert sum(text in page for text in TEXTS[:9]) >= 6  # the reviews themselves, as written
    assert "日付を読めなかった行: 1" in page
    assert "Lancers" in page and "(空欄)" in page and "ココナラ" in page
    # 2 of 11 texts are not ok (empty, no Japanese), three times over
    assert "33 行のうち 6 行は分類されていません" in page
    assert "<th>empty</th>" in page and "<th>error</th>" in page


def test_report_is_self_contained_and_escaped(page):
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.IGNORECASE)
    assert "<script" not in page and "<link" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_report_without_date_or_segment_says_so(predictions):
    page = build_report(predictions)
    assert "--date-column" in page and "--by" in page
    assert page.count("data:image/png;base64,") == 2


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet", ".tsv"])
def test_read_predictions_formats(predictions, tmp_path, suffix):
    path = tmp_path / f"p{suffix}"
    if suffix == ".jsonl":
        predictions.to_json(path, orient="records", lines=True, force_ascii=False)
    elif suffix == ".parquet":
        predictions.to_parquet(path)
    else:
        predictions.to_csv(path, sep="\t", index=False)
    frame = read_predictions(path)
    assert len(frame) == len(predictions)
    assert analysis.reason_distribution(frame)["count"].sum() == 27


def test_read_predictions_detects_cp932(predictions, tmp_path):
    path = tmp_path / "sjis.csv"
    predictions.to_csv(path, index=False, encoding="cp932")
    assert read_predictions(path)["text"].iloc[0] == TEXTS[0]


def test_tables(predictions):
    assert analysis.reason_distribution(predictions)["share"].sum() == pytest.approx(1)
    weekly = analysis.reasons_over_time(predictions, "posted_at", "W")
    assert weekly.index.freqstr.startswith("W") and weekly.to_numpy().sum() == 26
    uncertain = analysis.least_confident(predictions, n=5)
    assert len(uncertain) == 5 and uncertain["p"].is_monotonic_increasing
    best = analysis.representative_reviews(predictions, per_reason=1)
    assert (best.groupby("reason").size() == 1).all()


def test_missing_columns_are_clear_errors(predictions):
    with pytest.raises(InputError, match="no column 'date'"):
        build_report(predictions, date_column="date")
    with pytest.raises(InputError, match="not a predictions file"):
        build_report(predictions.drop(columns=["reason"]))


def test_cli_report(predictions, tmp_path):
    path = tmp_path / "p.csv"
    predictions.rename(columns={"text": "body"}).to_csv(path, index=False)
    out = tmp_path / "r.html"
    args = ["report", str(path), "-o", str(out), "--date-column", "posted_at", "--by", "platform", "--freq", "W"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "no column 'text' (--text-column)" in result.stderr
    result = CliRunner().invoke(cli, [*args, "--text-column", "body"])
    assert result.exit_code == 0, result.output
    assert "理由の推移 (週別)" in out.read_text(encoding="utf-8")


def test_report_of_a_reason_only_model_with_nothing_classified(tiny_csv):
    import taikai

    model = taikai.train(tiny_csv, folds=0, test_size=0, sentiment_column=None)
    frame = pd.DataFrame(
        {"text": ["", "english"], "when": ["2024-01-01T09:00:00+09:00", None], "platform": ["a", None]}
    )
    page = build_report(model.predict_frame(frame), date_column="when", by="platform")
    assert "2 行のうち 2 行は分類されていません" in page
    assert page.count("data:image/png;base64,") == 1  # the (empty) reason distribution only
