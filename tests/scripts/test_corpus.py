"""Keep the hand-written corpus honest: schema, labels, counts, and no duplicates across train and test."""

from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from corpus_schema import PLATFORMS
from dedupe import near_copies_of, near_duplicates

from taikai.labels import REASON_IDS, SENTIMENTS, parse_reasons

CORPUS = Path(__file__).parents[2] / "data" / "reviews.csv"


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return pd.read_csv(CORPUS, dtype=str, keep_default_na=False, encoding="utf-8")


def test_schema(corpus):
    assert list(corpus.columns) == ["id", "text", "reasons", "sentiment", "platform", "split"]
    assert corpus["id"].is_unique
    assert (corpus["text"].str.strip() != "").all()


def test_labels_are_valid(corpus):
    for row in corpus.itertuples():
        labels = parse_reasons(row.reasons)
        assert labels and set(labels) <= set(REASON_IDS), row.id
        assert row.reasons == "|".join(labels), row.id
    assert set(corpus["sentiment"]) <= set(SENTIMENTS)
    assert set(corpus["platform"]) <= PLATFORMS
    assert set(corpus["split"]) == {"train", "test"}


def test_minimum_counts(corpus):
    assert len(corpus) >= 2000
    primary = Counter(r.split("|")[0] for r in corpus["reasons"])
    assert set(primary) == set(REASON_IDS)
    assert min(primary.values()) >= 150, primary
    assert min(Counter(corpus["sentiment"]).values()) >= 300
    assert corpus["reasons"].str.contains("|", regex=False).mean() >= 0.15


def test_test_split_is_stratified_and_at_least_a_fifth(corpus):
    primary = corpus["reasons"].str.split("|").str[0]
    share = (corpus["split"] == "test").groupby(primary).mean()
    assert (share >= 0.2).all(), share
    assert (share <= 0.25).all(), share


@pytest.mark.slow
def test_no_exact_or_near_duplicates(corpus):
    texts = corpus["text"].tolist()
    pairs = near_duplicates(texts, threshold=0.8)
    shown = [(corpus["id"][i], corpus["id"][j], round(s, 2)) for i, j, s in pairs[:10]]
    assert not pairs, f"near-duplicate pairs (3-gram Jaccard >= 0.8): {shown}"


@pytest.mark.slow
def test_no_near_duplicate_crosses_train_and_test(corpus):
    # Stricter threshold across the split: even loose paraphrases must not leak into the test set.
    texts = corpus["text"].tolist()
    split = corpus["split"].tolist()
    crossing = [(i, j, s) for i, j, s in near_duplicates(texts, threshold=0.6) if split[i] != split[j]]
    assert not crossing, [(corpus["id"][i], corpus["id"][j], round(s, 2)) for i, j, s in crossing[:10]]


REAL_DEV = Path(__file__).parents[3] / "shared" / "realdev" / "real_dev.csv"


@pytest.mark.parametrize(
    ("text", "other", "copied"),
    [
        ("ランサーズの手数料が高くて辞めました。", "ランサーズの手数料が高くて辞めました!", True),
        ("ﾗﾝｻｰｽﾞの手数料が高くて辞めました", "ランサーズの手数料が高くて辞めました", True),
        (
            "前置きが全然違う文章ですが、ここから先の二十文字以上がまるごと同じになっています。",
            "別の書き出し、ここから先の二十文字以上がまるごと同じになっています。",
            True,
        ),
        ("本業が忙しくて開かなくなった", "提案しても返事が来ないので諦めた", False),
        ("単価が安い", "単価が安すぎる案件ばかり", False),
    ],
)
def test_near_copies_of_finds_copies_and_only_copies(text, other, copied):
    assert bool(near_copies_of([text], [other])) is copied


@pytest.mark.slow
@pytest.mark.skipif(not REAL_DEV.exists(), reason="the real dev set (../shared/realdev) is not on this machine")
def test_no_corpus_text_is_a_near_copy_of_a_real_dev_item(corpus):
    # The dev set is for evaluation only: no corpus text may copy or closely paraphrase one of its items.
    dev = pd.read_csv(REAL_DEV, dtype=str, keep_default_na=False, encoding="utf-8")
    pairs = near_copies_of(corpus["text"].tolist(), dev["text"].tolist())
    assert not pairs, [(corpus["id"][i], dev["id"][j]) for i, j in pairs[:20]]


HELD_OUT = Path(__file__).parents[2] / "data" / "heldout" / "exit_answers.csv"


@pytest.fixture(scope="module")
def held_out() -> pd.DataFrame:
    return pd.read_csv(HELD_OUT, dtype=str, keep_default_na=False, encoding="utf-8")


def test_the_held_out_set_is_labelled_twice_by_the_guide(held_out):
    # data/heldout/README.md: the writer's labels, and a second reader's made blind from the text alone.
    assert list(held_out.columns) == [
        "id",
        "text",
        "reasons",
        "sentiment",
        "platform",
        "reader_reasons",
        "reader_sentiment",
    ]
    assert held_out["id"].is_unique and held_out["id"].str.fullmatch(r"x01-\d{4}").all()
    for column in ("reasons", "reader_reasons"):
        for value in held_out[column]:
            assert value == "|".join(parse_reasons(value)) and set(parse_reasons(value)) <= set(REASON_IDS), value
    assert set(held_out["sentiment"]) | set(held_out["reader_sentiment"]) <= set(SENTIMENTS)
    primary = Counter(r.split("|")[0] for r in held_out["reasons"])
    assert set(primary) == set(REASON_IDS) and min(primary.values()) >= 10, primary  # every reason scored


@pytest.mark.slow
def test_no_corpus_text_is_a_near_copy_of_a_held_out_item(corpus, held_out):
    # The held-out exit answers measure text no model was trained on: no corpus text may copy one (the rule of
    # the real dev set: 3-gram Jaccard >= 0.5 or a shared run of 20 characters).
    pairs = near_copies_of(corpus["text"].tolist(), held_out["text"].tolist())
    assert not pairs, [(corpus["id"][i], held_out["id"][j]) for i, j in pairs[:20]]
