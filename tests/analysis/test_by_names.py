"""A --by value that is a person's name as a whole is masked under --mask-pii (analysis/_report/_by_names.py)."""

import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.analysis._report._by_names import is_whole_name, mask_name_cells
from taikai.analysis._report._masking import mask_report_frame
from taikai.cli import cli

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews.csv"
AUTHORS = ["Taro Yamada", "キムラ", "佐藤", "鈴木", "中村", "ヤマダタロウ", "高橋 健", "ｽｽﾞｷ ｲﾁﾛｳ"]


@pytest.mark.parametrize(
    ("value", "name"),
    [
        *((author, True) for author in AUTHORS),
        ("ナカジマ", True),  # 固有名詞-一般 alone, a surname too
        ("YAMADA Taro", True),
        ("Hanako Suzuki", True),
        ("Ōno Yūki", True),  # masking reads it as Ono Yuki
        ("Shin'ichi Satoh", True),
        ("まさみ", True),
        ("髙橋", True),  # a variant form CP932 holds, read as 高橋 (was shown as written)
        ("德永", True),
        ("東京", False),  # a place
        ("楽天", False),  # a company masking knows, though also a given name
        ("Google Play", False),  # Latin words masking knows as a service
        ("Crowd Works", False),
        ("Upwork", False),
        ("ランサーズ", False),
        ("Smith", False),  # one Latin word: the rule's limit
        ("John Smith", False),  # a name not in Hepburn syllables: the rule's limit
        ("Mary Jane Watson", False),
        ("本業", False),
        ("20代", False),
        ("", False),
    ],
)
def test_a_value_is_a_name_as_a_whole(value, name):
    assert is_whole_name(value) is name


CATEGORIES = [
    "Data Entry",
    "Web Design",
    "Writing Jobs",
    "Mechanical Turk",
    "New York",
    "Tokyo Osaka",
    "App Store",
    "Bank Transfer",
    "Credit Card",
    "DATA ENTRY",
    "Home Page",
    "To Do",
]


@pytest.mark.parametrize("value", CATEGORIES)
def test_an_english_category_value_is_no_name(value):
    """Regression: any two or three capitalised Latin words were a name: a category breakdown became [人名1], …"""
    assert not is_whole_name(value)


def test_mask_report_frame_leaves_english_categories_as_written():
    values = [*CATEGORIES, "Taro Yamada"]
    frame = pd.DataFrame({"text": ["x"] * len(values), "by": values}).astype({"by": "str"})
    masked, counts = mask_report_frame(frame, "text", "by")
    assert masked["by"].tolist() == [*CATEGORIES, "[人名1]"]
    assert counts == {"name": 1}


def test_mask_report_frame_masks_and_numbers_bare_names_of_the_by_column():
    """Regression: report --by author --mask-pii showed Taro Yamada, キムラ, 佐藤, 鈴木 and 中村 as written."""
    values = [*AUTHORS, "佐藤", "Upwork"]
    frame = pd.DataFrame({"text": ["x"] * len(values), "author": values}).astype({"author": "str"})
    masked, counts = mask_report_frame(frame, "text", "author")
    assert masked["author"].tolist() == [*(f"[人名{i}]" for i in range(1, 9)), "[人名3]", "Upwork"]
    assert counts == {"name": 9}


@pytest.mark.parametrize(
    ("flag", "shown", "hidden"),
    [
        ([], ["Taro Yamada", "キムラ", "佐藤", "鈴木", "中村"], ["[人名1]"]),
        (["--mask-pii"], [f"[人名{i}]" for i in range(1, 9)], ["Taro Yamada", "キムラ", "佐藤", "鈴木", "中村"]),
    ],
)
def test_report_by_author_shows_no_name_under_mask_pii(tiny_model, tmp_path, flag, shown, hidden):
    frame = pd.read_csv(HOTELS)
    frame["author"] = [AUTHORS[i % len(AUTHORS)] for i in range(len(frame))]
    predictions, page, model_dir = tmp_path / "pred.csv", tmp_path / "report.html", tmp_path / "model"
    tiny_model.predict_frame(frame).to_csv(predictions, index=False)
    tiny_model.save(model_dir)
    args = ["report", str(predictions), "-o", str(page), "--by", "author", "--model", str(model_dir), "--no-drift"]
    result = CliRunner().invoke(cli, [*args, *flag])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    segments = re.search(r'<section id="segments">(.*?)</section>', html, re.S).group(1)
    examples = re.search(r'<section id="representative">(.*?)</section>', html, re.S).group(1)
    for value in shown:
        assert f"<th>{value}</th>" in segments, value
    for value in hidden:
        assert value not in segments and f">{value}</td>" not in examples, value
    # each review's author is numbered as its segment is: the n-th distinct author is [人名n]
    rows = re.findall(r'<td class="d">(H\d+)</td><td class="d">([^<]*)</td>', examples)
    assert rows
    for review, author in rows:
        i = int(review[1:]) - 1
        expected = f"[人名{i % len(AUTHORS) + 1}]" if flag else AUTHORS[i % len(AUTHORS)]
        assert author == expected, (review, author)


@pytest.mark.parametrize(
    ("line", "masked", "found"),
    [
        ('2,2026-10-02,佐藤,"[人名]さんに連絡","余分"', '2,2026-10-02,[人名],"[人名]さんに連絡","余分"', 1),
        ("7\tキムラ\t手数料が高い\textra", "7\t[人名]\t手数料が高い\textra", 1),
        ('{"id": 3, "author": "Taro Yamada", "text": "高い"', '{"id": 3, "author": "[人名]", "text": "高い"', 1),
        ("3, 鈴木 ,中村,高い", "3, [人名] ,[人名],高い", 2),  # the spaces around a cell stay
        # no cell that is a name as a whole: a place, a platform, a date, a text, a category
        ("4,東京,Upwork,2026-10-02,手数料が高い,Data Entry", "4,東京,Upwork,2026-10-02,手数料が高い,Data Entry", 0),
        ("", "", 0),
    ],
)
def test_a_bad_lines_cells_that_are_names_are_masked(line, masked, found):
    assert mask_name_cells(line) == (masked, found)
