"""The taxonomy and label parsing."""

import ast
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import taikai
from taikai._closest_label import closest_label
from taikai.errors import DataWarning
from taikai.labels import (
    REASON_IDS,
    REASONS,
    SENTIMENT_MEANINGS,
    SENTIMENTS,
    OwnLabels,
    counted_label,
    display_order,
    format_reasons,
    label_cell,
    label_list,
    label_order,
    named_labels,
    named_reason,
    own_labels,
    parse_label_cell,
    parse_reasons,
    reason_id,
    reason_name,
    reason_with_id,
    sentiment_id,
    sentiment_name,
)
from taikai.model import FeatureConfig

ROOT = Path(__file__).resolve().parents[1]


def _imported_from_labels() -> set[str]:
    """Return every name the sources, tests, scripts, docs, README and notebooks import from ``taikai.labels`` or
    read as ``taikai.labels.x``."""
    names: set[str] = set()
    for path in [*ROOT.glob("src/**/*.py"), *ROOT.glob("tests/**/*.py"), *ROOT.glob("scripts/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "taikai.labels":
                names |= {alias.name for alias in node.names}
    for path in [
        ROOT / "README.md",
        *ROOT.glob("docs/*.md"),
        *ROOT.glob("notebooks/*.ipynb"),
        *ROOT.glob("src/**/*.py"),
    ]:
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r"\btaikai\.labels\.([A-Za-z]\w*)", text))
        for listed in re.findall(r"from taikai\.labels import \(?([\w, ]+)", text):
            names |= {name.split(" as ")[0].strip() for name in listed.split(",") if name.strip()}
    return names


def test_every_name_imported_from_taikai_labels_is_public():
    """``taikai.labels`` became a package of private modules: every name read from it before stays there, in its
    ``__all__`` (what docs/api.md documents)."""
    used = _imported_from_labels()
    assert {"OwnLabels", "label_cell", "reason_name", "parse_reasons", "LABEL_SEPARATORS"} <= used  # the search
    assert used <= set(taikai.labels.__all__)


def test_taxonomy_is_complete():
    assert REASON_IDS == ("low_pay", "fees", "rejection", "time", "graduated", "platform_switch", "trouble", "other")
    assert SENTIMENTS == ("positive", "neutral", "negative")
    assert all(r.name_ja and r.meaning for r in REASONS)


@pytest.mark.parametrize(
    ("cell", "labels"),
    [
        ("fees", ["fees"]),
        ("fees|low_pay", ["fees", "low_pay"]),
        (" trouble | other ", ["trouble", "other"]),
        ("time|time", ["time"]),
        ("", []),
        ("||", []),
    ],
)
def test_parse_reasons(cell, labels):
    assert parse_reasons(cell) == labels


@pytest.mark.parametrize(
    ("label", "name"),
    [("low_pay", "報酬・単価が低い"), ("graduated", "直接契約・独立"), ("sports", "sports")],
)
def test_reason_name_falls_back_to_id(label, name):
    assert reason_name(label) == name


@pytest.mark.parametrize(
    ("label", "lang", "labels", "name"),
    [  # regression: a model of its own labels (fees beside Fees) showed fees as 手数料が高い
        ("fees", "ja", None, "手数料が高い"),
        ("fees", "ja", ["fees", "time"], "手数料が高い"),
        ("fees", "ja", ["fees", "Fees"], "fees"),
        ("fees", "en", ["fees", "Fees"], "fees"),
        ("other", "en", ("other", "スポーツ"), "other"),
        ("fees", "ja", OwnLabels(["fees", "time"]), "fees"),  # a --free-labels model's fees is its own
    ],
)
def test_a_model_of_its_own_labels_names_each_as_written(label, lang, labels, name):
    assert reason_name(label, lang, labels) == name
    assert reason_with_id(label, lang, labels) == (label if name == label else f"{name} ({label})")
    assert named_reason(label, lang, labels) == (label if name == label else f"{label} ({name})")


@pytest.mark.parametrize(
    ("labels", "name"),
    [(None, "ポジティブ"), (["positive", "negative"], "ポジティブ"), (["positive", "angry"], "positive")],
)
def test_a_model_of_its_own_sentiments_names_each_as_written(labels, name):
    assert sentiment_name("positive", "ja", labels) == name


def test_format_reasons_round_trips():
    assert parse_reasons(format_reasons(["fees", "low_pay"])) == ["fees", "low_pay"]


@pytest.mark.parametrize(
    ("labels", "preferred", "expected"),
    [
        (["other", "fees", "low_pay"], ("low_pay", "fees", "other"), ["low_pay", "fees", "other"]),
        (["tech", "fees", "sports", "fees"], ("low_pay", "fees"), ["fees", "sports", "tech"]),
        ([], ("a",), []),
    ],
)
def test_display_order(labels, preferred, expected):
    assert display_order(labels, preferred) == expected


@pytest.mark.parametrize(
    ("labels", "taxonomy", "expected"),
    [
        (["other", "fees", "low_pay", "fees"], REASON_IDS, ["low_pay", "fees", "other"]),  # the taxonomy's order
        (["negative", "positive"], SENTIMENTS, ["positive", "negative"]),
        # labels of one's own their own order: a taxonomy name among them takes no taxonomy place
        (["neutral", "great", "bad"], SENTIMENTS, ["bad", "great", "neutral"]),
        (["other", "報酬", "審査", "neutral"], REASON_IDS, ["neutral", "other", "報酬", "審査"]),
        (["10", "2", "1", "その他"], REASON_IDS, ["1", "2", "10", "その他"]),  # numbers by value
        (["3", "1", "2"], SENTIMENTS, ["1", "2", "3"]),
        ([], SENTIMENTS, []),
    ],
)
def test_label_order(labels, taxonomy, expected):
    assert label_order(labels, taxonomy) == expected


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("1", "'1'"),  # a code: '1' 59.9%, not 1 59.9%
        ("カテゴリ 01", "'カテゴリ 01'"),
        ("１", "'１'"),
        ("fees (手数料が高い)", "fees (手数料が高い)"),
        ("報酬", "報酬"),
        ("支払い, 遅延", "'支払い, 遅延'"),
    ],
)
def test_counted_label(label, shown):
    assert counted_label(label) == shown


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


def test_every_label_has_a_japanese_and_english_definition():
    assert all(r.meaning_ja for r in REASONS)
    assert set(SENTIMENT_MEANINGS) == set(SENTIMENTS) and all(en and ja for en, ja in SENTIMENT_MEANINGS.values())


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("fees time", ["fees", "time"]),  # taxonomy reasons: a space separates them
        ("手数料が高い　時間がない", ["fees", "time"]),
        ("late payment", ["late payment"]),  # a label of one's own (--free-labels) keeps its space
        ("late payment|fees", ["late payment", "fees"]),
        ("fees late", ["fees late"]),  # not every piece is a reason: one label
        ("fees、time", ["fees", "time"]),  # commas between taxonomy reasons separate them
        ("手数料が高い，時間がない", ["fees", "time"]),
        ("fees, time|other", ["fees", "time", "other"]),
        ("旅行、観光", ["旅行、観光"]),  # a label of one's own keeps its comma (it was split in two)
        ("Sports, Outdoors|経済,金融", ["Sports, Outdoors", "経済,金融"]),
        ("fees, late payment", ["fees, late payment"]),
    ],
)
def test_parse_label_cell_splits_at_spaces_and_commas_only_between_reasons(cell, expected):
    assert parse_label_cell(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [  # a separator at an end separates nothing: every documented separator alike, as `|` always was
        ("fees|", ["fees"]),
        ("fees、", ["fees"]),
        ("fees,", ["fees"]),
        ("fees，", ["fees"]),
        ("、fees ", ["fees"]),
        ("|", []),
        ("、", []),
        (",", []),
        ("手数料が高い、", ["fees"]),
        ("旅行、観光、", ["旅行、観光"]),
        ("fees、time、|other,", ["fees", "time", "other"]),
    ],
)
def test_a_separator_at_either_end_of_a_label_is_dropped(cell, expected):
    assert parse_label_cell(cell) == expected


@pytest.mark.parametrize(
    ("cell", "as_written", "expected"),
    [
        ("その他|お金", False, ["other", "お金"]),  # the taxonomy's Japanese name read as its id
        ("その他|お金", True, ["その他", "お金"]),  # labels of one's own: as written
        ("Fees、時間がない", False, ["fees", "time"]),
        ("Fees、時間がない", True, ["Fees", "時間がない"]),
        ("ｆｅｅｓ", True, ["fees"]),  # NFKC still applies
        # a space is part of a label of one's own, even between taxonomy words: a team's "other fees" was read as
        # the two labels other and fees, and train --free-labels learnt other and lost the label
        ("other fees", True, ["other fees"]),
        ("other fees", False, ["other", "fees"]),
        ("Time trouble|手数料", True, ["Time trouble", "手数料"]),
        ("low_pay　time", True, ["low_pay time"]),  # an ideographic space is a space after NFKC
        ("Fees, 時間がない", True, ["Fees", "時間がない"]),  # a comma still separates them
    ],
)
def test_labels_of_one_s_own_are_kept_as_written(cell, as_written, expected):
    assert parse_label_cell(cell, as_written=as_written) == expected


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


@pytest.mark.parametrize(
    ("label", "lang", "expected"),
    [
        ("fees", "ja", "fees (手数料が高い)"),
        ("fees", "en", "fees (High fees)"),
        ("スポーツ", "ja", "スポーツ"),  # a label of one's own is its own name: not "スポーツ (スポーツ)"
    ],
)
def test_named_reason_gives_the_display_name_only_when_there_is_one(label, lang, expected):
    assert named_reason(label, lang) == expected


@pytest.mark.parametrize(
    ("labels", "shown"),
    [
        (["low_pay", "fees"], "low_pay, fees"),  # the taxonomy's ids need no quotes
        (["独立", "家庭, 育児", "支払い 遅延"], "独立, '家庭, 育児', 支払い 遅延"),  # a space inside reads one way
        (["旅行、観光", "a|b", "全角，読点"], "'旅行、観光', 'a|b', '全角，読点'"),
        (["it's", " 前に空白", ""], "\"it's\", ' 前に空白', ''"),
    ],
)
def test_label_list_quotes_labels_that_would_read_as_several(labels, shown):
    assert label_list(labels) == shown


@pytest.mark.parametrize(
    ("labels", "taxonomy", "listed"),
    [
        (
            ["negative", "positive", "neutral"],
            SENTIMENTS,
            "positive (ポジティブ), neutral (中立), negative (ネガティブ)",
        ),
        (["time", "fees"], REASON_IDS, "fees (手数料が高い), time (時間がない)"),
        (["野球", "other"], (), "other, 野球"),  # labels of one's own: no display names
        (["支払い, 遅延"], (), "'支払い, 遅延'"),
    ],
)
def test_named_labels_list_the_japanese_names_of_the_taxonomy(labels, taxonomy, listed):
    assert named_labels(labels, taxonomy) == listed


@pytest.mark.parametrize(
    ("value", "cell"),
    [  # regression: a float64 column's 1.0 read as '1.0', where the file's cell 1 reads '1'
        (1.0, "1"),
        (np.float64(0.0), "0"),
        (np.int64(2), "2"),
        (0.5, "0.5"),
        (float("nan"), ""),
        (pd.NA, ""),  # regression: a nullable or pyarrow string column's missing cell was the label '<NA>'
        (pd.NaT, ""),
        (np.array([1.0, 2.0]), "1|2"),
        # regression: a file's cell 1.0 (as to_csv writes a float 1.0) stayed '1.0' where the frame's float read '1'
        ("1.0", "1"),
        (" １.００ ", "1"),
        ("-0.0", "0"),
        ("12.0", "12"),
        ("2.50", "2.50"),
        ("1.05", "1.05"),
        ("v1.0", "v1.0"),
        ("1.", "1."),
    ],
)
def test_label_cell_reads_whole_number_floats_as_the_file_s_cells(value, cell):
    assert label_cell(value) == cell


@pytest.mark.parametrize(
    ("value", "cell", "parsed"),
    [  # regression (h386): a label pasted from a chat or a web page with a zero-width space was unknown, shown fees
        ("fees\u200b", "fees", ["fees"]),
        ("\u200b手数料が高い", "手数料が高い", ["fees"]),
        ("\ufefffees\u2060", "fees", ["fees"]),
        ("fees\u200c", "fees", ["fees"]),
        ("\u200d fees \u200b", "fees", ["fees"]),
        ("fees|\u200btrouble", "fees|trouble", ["fees", "trouble"]),
        ("fe\u200bes", "fees", ["fees"]),
        ("猫\u200d犬", "猫\u200d犬", ["猫\u200d犬"]),  # a joiner between two characters (an emoji's parts): kept
    ],
)
def test_a_label_cell_is_read_without_characters_that_show_nothing(value, cell, parsed):
    assert label_cell(value) == cell
    assert parse_label_cell(value) == parsed


AS_WRITTEN = "labels of one's own are read as written"


@pytest.mark.parametrize(
    ("label", "known", "closest"),
    [  # regression: only ids were compared, so a Japanese name mistyped got no hint
        ("fee", REASON_IDS, "fees (手数料が高い)"),
        ("手数料高い", REASON_IDS, "fees (手数料が高い)"),
        ("low-pay", ["low_pay", "fees"], "low_pay (報酬・単価が低い)"),
        ("ネガ", SENTIMENTS, "negative (ネガティブ)"),
        ("angry", SENTIMENTS, None),
        ("sports-watch", ["sports watch", "tech"], "'sports watch'"),  # labels of one's own: as written
        ("手数料高い", ["手数料が高い", "mine"], "'手数料が高い'"),
        ("fee", ["fees", "mine"], "'fees'"),  # an own label set holding an id: no taxonomy name
        # regression: a case-only variant in capitals got no hint (FEES), though Fees got one
        ("FEES", ["fees", "mine"], "'fees'"),
        ("Fees", ["fees", "mine"], "'fees'"),
        ("LATE PAYMENT", ["late payment", "late"], "'late payment'"),
        ("SPORTS", ["sports", "sport"], "'sports'"),
        # regression: the taxonomy name of an own label set's id (a --free-labels model's fees) got no hint, and
        # train --add's advice was to label rows with it in DATA too: a second label beside fees
        ("手数料が高い", ["fees", "app_bug"], f"'fees', named '手数料が高い' in the taxonomy; {AS_WRITTEN}"),
        (
            " 報酬・単価が低い ",
            ["low_pay", "app_bug"],
            f"'low_pay', named ' 報酬・単価が低い ' in the taxonomy; {AS_WRITTEN}",
        ),
        (
            "ネガティブ",
            ["negative", "neutral", "mixed"],
            f"'negative', named 'ネガティブ' in the taxonomy; {AS_WRITTEN}",
        ),
        ("手数料が高い", ["app_bug", "mine"], None),  # no fees among them
        # regression: letters scattered in common reached difflib's cutoff: negatve offered graduated, and so on
        ("negatve", REASON_IDS, None),
        ("negatve", SENTIMENTS, "negative (ネガティブ)"),
        ("graduate", SENTIMENTS, None),
        ("trble", SENTIMENTS, None),
        ("trble", REASON_IDS, "trouble (トラブル・不信)"),
        ("negative", ["time", "fees"], None),
        ("sports-watch", REASON_IDS, None),
        ("単価安い", REASON_IDS, "low_pay (報酬・単価が低い)"),  # kanji in common: alike enough
        ("switch", REASON_IDS, "platform_switch (他サービスへ移行)"),
    ],
)
def test_closest_label_compares_ids_and_japanese_names_of_the_taxonomy(label, known, closest):
    assert closest_label(label, known) == closest


LOW_PAY, FEES, TROUBLE = "low_pay (報酬・単価が低い)", "fees (手数料が高い)", "trouble (トラブル・不信)"


@pytest.mark.parametrize(
    ("label", "known", "closest"),
    [  # regression: a short Japanese form a team types got no closest label (低単価 shares too little with the name)
        ("低単価", REASON_IDS, LOW_PAY),
        ("稼げない", REASON_IDS, LOW_PAY),
        ("忙しい", REASON_IDS, "time (時間がない)"),
        ("卒業", REASON_IDS, "graduated (直接契約・独立)"),
        ("他社に移った", REASON_IDS, "platform_switch (他サービスへ移行)"),
        ("詐欺", REASON_IDS, TROUBLE),
        ("不採用", REASON_IDS, "rejection (提案が通らない)"),
        ("落選", REASON_IDS, "rejection (提案が通らない)"),
        ("満足", REASON_IDS, "other (その他)"),  # satisfied users are other
        ("ＵＩが悪い", REASON_IDS, "other (その他)"),  # NFKC: ＵＩ is ui
        ("怒り", SENTIMENTS, "negative (ネガティブ)"),
        ("不満", SENTIMENTS, "negative (ネガティブ)"),
        ("満足", SENTIMENTS, "positive (ポジティブ)"),
        ("普通", SENTIMENTS, "neutral (中立)"),
        ("ニュートラル", SENTIMENTS, "neutral (中立)"),  # regression (h341): the katakana word for it had none
        ("ﾆｭｰﾄﾗﾙ", SENTIMENTS, "neutral (中立)"),  # half-width, read after NFKC
        # a form of two labels names both, in the taxonomy's order; one inside a longer form counts as the longer
        ("出金", REASON_IDS, f"{FEES} or {TROUBLE}"),
        ("出金手数料", REASON_IDS, FEES),
        ("報酬未払い", REASON_IDS, TROUBLE),
        ("手数料が高いので他社へ", REASON_IDS, f"{FEES} or platform_switch (他サービスへ移行)"),
        # a short form and a closest spelling of another label: both
        ("時間がない、安い", REASON_IDS, f"{LOW_PAY} or time (時間がない)"),
        ("詐欺", ["low_pay", "fees"], None),  # only the model's labels
        ("怒り", REASON_IDS, None),  # a sentiment's form is no reason
        ("quit", REASON_IDS, None),  # an ASCII form (ui) only as a word
        ("ui_change", REASON_IDS, None),
        # labels of one's own: as before, none of the taxonomy's short forms
        ("低単価", OwnLabels(["low_pay", "fees"]), None),
        ("詐欺", ["trouble", "mine"], None),
        ("満足", ["positive", "neutral", "negative", "mixed"], None),
    ],
)
def test_closest_label_names_the_taxonomy_label_of_a_short_japanese_form(label, known, closest):
    assert closest_label(label, known) == closest


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


@pytest.mark.parametrize("reader", ["file", "frame"])
def test_a_frame_saved_with_to_csv_has_the_same_whole_number_labels_both_ways(tiny_csv, tmp_path, reader):
    # regression: a model trained on a frame's CSV had the labels '0.0' and '1.0' (as to_csv writes a float column),
    # and refused the same data read back with pd.read_csv: "unknown label '0' (closest: '1.0')"
    frame = pd.read_csv(tiny_csv)
    frame["reasons"] = (frame["reasons"] == "low_pay").astype(float)
    path = tmp_path / "numbered.csv"
    frame.to_csv(path, index=False)
    config = FeatureConfig(min_df=1)
    model = taikai.train(path, tmp_path / "model", config=config, folds=2, test_size=0, free_labels=True)
    with pytest.warns(DataWarning, match="were in this model's training data"):
        report = taikai.evaluate(model, path if reader == "file" else pd.read_csv(path))
    assert report.n_rows == len(frame)
    assert list(model.reason_labels) == ["0", "1"]  # as the frame's floats 0.0 and 1.0 read
