"""The closest label to an unknown one (taikai._closest_label): by id, Japanese name or a short form a team types."""

import pytest

from taikai._closest_label import closest_label
from taikai.labels import (
    REASON_IDS,
    SENTIMENTS,
    OwnLabels,
)

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
