"""The shipped default model: it loads without a path and reads the product brief's ten examples right.

The ten examples are a smoke test written in the product brief; they are not in the corpus and were never
used to tune the model.
"""

import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.model import FeatureConfig, default_model_dir, read_metadata

BRIEF_EXAMPLES = [
    (
        "ランサーズでライティングスキルがついたので、直案件に移行しました。感謝の気持ちでいっぱいです",
        "graduated",
        {"positive"},
    ),
    (
        "副業から始めたけど、ランサーズで実績を積めたおかげで、フリーランスとして独立しました",
        "graduated",
        {"positive"},
    ),
    (
        "ランサーズ経由で知り合ったクライアントと信頼関係ができ、直接契約になったので退会しました",
        "graduated",
        {"positive"},
    ),
    (
        "デザイン案件ばかり探してたけど、結局リアル店舗のアルバイトの方が楽しくなったので退会しました",
        "other",
        {"positive", "neutral"},
    ),
    (
        "ココナラやクラウドワークスにも活動の場を広げたので、ランサーズは一旦整理しました",
        "platform_switch",
        {"positive", "neutral"},
    ),
    ("時給換算したら悲しくなるレベルの案件ばかりで、やる気がなくなりました", "low_pay", {"negative"}),
    ("20%の手数料を引かれると、モチベーションが続かなかった", "fees", {"negative"}),
    ("理不尽な修正指示や報酬未払いトラブルの噂を聞いて、怖くなってやめました", "trouble", {"negative"}),
    ("提案しても提案しても選ばれなくて、心が折れました", "rejection", {"negative"}),
    ("本業が忙しくなって、副業に割ける時間がなくなりました", "time", {"negative", "neutral"}),
]


@pytest.fixture(scope="module")
def default_model():
    return taikai.load_model()


# Known misses of the shipped model, kept visible rather than tuned away (the ten examples are not training data).
# xfail is strict: a fix makes it fail loudly. The model retrained on corpus v2 (issue 9) gained one and lost three,
# all near-ties; with the chiVe word vectors (shipped at the end of issue 9) two of the three were right again, so 9
# of the 10 were fully right, as with the round-1 model, which missed example 0's sentiment instead of example 2's.
# The sentiment labels brought to LABELING.md on 2026-12-06 (data/relabel/2026-12-06_sentiment_conventions.md; dev
# sentiment 0.639 -> 0.655) turned example 3's near-tie (positive 0.46 against negative 0.42) to negative 0.64:
# 8 of the 10 are fully right now, every reason still right.
REASON_MISSES: dict[int, str] = {}
SENTIMENT_MISSES = {
    2: "reads a graduate's direct contract as neutral (0.98 since the 2026-12-06 relabel; 0.76 before) since corpus v2",
    3: "reads joy about a part-time job as negative (0.64; 結局, 探してた, ばかり) since the 2026-12-06 relabel",
}
OPPOSITE_MISSES = {3: SENTIMENT_MISSES[3]}


def _cases(misses, columns):
    return [
        pytest.param(*(case[c] for c in columns), marks=pytest.mark.xfail(reason=misses[i], strict=True))
        if i in misses
        else tuple(case[c] for c in columns)
        for i, case in enumerate(BRIEF_EXAMPLES)
    ]


@pytest.mark.parametrize(("text", "reason"), _cases(REASON_MISSES, (0, 1)))
def test_brief_example_reason(default_model, text, reason):
    [p] = default_model.predict(text)
    assert p.reason == reason, p.top_reasons(3)
    assert p.reasons[0] == reason


@pytest.mark.parametrize(("text", "sentiments"), _cases(SENTIMENT_MISSES, (0, 2)))
def test_brief_example_sentiment(default_model, text, sentiments):
    [p] = default_model.predict(text)
    assert p.sentiment in sentiments, p.sentiment_proba


@pytest.mark.parametrize(("text", "sentiments"), _cases(OPPOSITE_MISSES, (0, 2)))
def test_brief_example_sentiment_is_never_the_opposite(default_model, text, sentiments):
    [p] = default_model.predict(text)
    opposite = {"positive": "negative", "negative": "positive"}
    assert p.sentiment not in {opposite[s] for s in sentiments if s in opposite} - sentiments


def test_default_model_uses_the_taxonomy(default_model):
    assert default_model.reason_labels == list(taikai.REASON_IDS)
    assert default_model.sentiment_labels == list(taikai.SENTIMENTS)
    assert default_model.metadata.training_data.rows >= 2000


def test_cli_uses_the_default_model_without_model_option():
    result = CliRunner().invoke(cli, ["predict", "20%の手数料を引かれると、モチベーションが続かなかった"])
    assert result.exit_code == 0
    assert "fees" in result.output


def test_the_shipped_model_was_trained_with_the_shipped_configuration():
    """``FeatureConfig.shipped()`` is what ``taikai train`` and ``taikai.train`` default to: a retrain with the
    README's command must give the configuration that ships (reads only the metadata)."""
    metadata = read_metadata(default_model_dir())
    config = metadata.feature_config()
    assert config == FeatureConfig.shipped()
