"""The report says when its input texts were masked by taikai batch --mask-pii (analysis/_report/_masked_input.py)."""

import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.privacy import MASKER_VERSION

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews.csv"
VERSION_JA = f" (taikai のマスク処理のバージョン {MASKER_VERSION})"
VERSION_EN = f" (taikai masker version {MASKER_VERSION})"
# Regression: the page did not say which version of the masking masked its texts, which the batch summary records
# (masker_version): two versions mask some texts otherwise
BATCH_JA = (
    "入力のテキストは分類の前にマスク済みです (分類したときの記録による): [メール] 60 件、[人名] 61 件" + VERSION_JA
)
BATCH_EN = (
    "The input texts were masked before they were classified (as the record of that run says): email [メール] 60, "
    "name [人名] 61" + VERSION_EN
)
NOT_MASKED_JA = (
    "テキストは個人情報をマスクしていません: 引用したレビューに名前やメールアドレスなどがそのまま含まれることが"
    "あります (このページの作成者は、taikai report --mask-pii で個人情報をマスクしたページを作れます)"
)  # who can mask it: the reader of a forwarded page was told an option of a command they do not run
NOT_MASKED_EN = (
    "The texts are not masked: the reviews this page quotes may hold names, e-mail addresses and other personal data "
    "as written (whoever made this page can make it with them masked: taikai report --mask-pii)"
)
SEEN_JA = "入力のテキストはマスク済みです: taikai のマスクが書く置き換え ([メール]、[人名]) を含みます"


def _header(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    head = html[: html.index("<nav") if "<nav" in html else html.index("<section")]
    return [re.sub("<[^>]+>", "", n) for n in re.findall(r'<p class="note">(.*?)</p>', head, re.S)]


@pytest.mark.parametrize(
    ("batch_mask", "summary", "report_args", "expected"),
    [
        # Regression: "個人情報をマスクしました (--mask-pii): 見つかりませんでした" though batch had masked every text
        (
            True,
            True,
            ["--mask-pii"],
            [BATCH_JA, "このページでは個人情報をマスクしました: ほかには見つかりませんでした" + VERSION_JA],
        ),
        # Regression: without --mask-pii the page said nothing about the texts being masked
        (True, True, [], [BATCH_JA]),
        (True, True, ["--lang", "en"], [BATCH_EN]),
        (True, False, [], [SEEN_JA]),  # no summary: the placeholders in the texts say it
        # Regression: a page quoting unmasked texts (names, e-mail addresses) did not say so
        (False, True, [], [NOT_MASKED_JA]),
        (False, False, ["--lang", "en"], [NOT_MASKED_EN]),
        (
            False,
            True,
            ["--mask-pii"],
            ["このページでは個人情報をマスクしました: [メール] 60 件、[人名] 61 件" + VERSION_JA],
        ),
        (
            False,
            True,
            ["--mask-pii", "--lang", "en"],
            ["Personal data masked on this page: email [メール] 60, name [人名] 61" + VERSION_EN],
        ),
    ],
)
def test_the_page_says_the_input_was_masked_by_batch(tiny_model, tmp_path, batch_mask, summary, report_args, expected):
    frame = pd.read_csv(HOTELS)
    frame["text"] = [t + " 田中さんに taro@example.com で連絡した" for t in frame["text"]]
    dump, predictions, page, model_dir = (tmp_path / n for n in ("dump.csv", "pred.csv", "report.html", "model"))
    frame.to_csv(dump, index=False)
    tiny_model.save(model_dir)
    runner = CliRunner()
    batch = ["batch", str(dump), "-o", str(predictions), "--text-column", "text", "--model", str(model_dir)]
    result = runner.invoke(cli, [*batch, *(["--mask-pii"] if batch_mask else [])])
    assert result.exit_code == 0, result.output
    if not summary:
        predictions.with_name("pred.summary.json").unlink()
    args = ["report", str(predictions), "-o", str(page), "--model", str(model_dir), "--no-drift", *report_args]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert _header(page)[1:] == expected


@pytest.mark.parametrize(
    ("texts", "said"),
    [
        (["[人名]さんが対応", float("nan"), None, 3], "[人名]"),  # empty cells and numbers are read past
        ([float("nan"), None], None),
    ],
)
def test_the_placeholders_of_texts_with_empty_cells_are_found(texts, said):
    from taikai.analysis._report._ja import JA
    from taikai.analysis._report._masked_input import masked_input_line

    line = masked_input_line(None, texts, JA)
    assert (line is None) if said is None else (line is not None and said in line)
