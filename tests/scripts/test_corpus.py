"""Keep the hand-written corpus honest: schema, labels, counts, and no duplicates across train and test."""

from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from dedupe import near_duplicates

from taikai.labels import REASON_IDS, SENTIMENTS, parse_reasons

CORPUS = Path(__file__).parents[2] / "data" / "reviews.csv"
PLATFORMS = {"", "Lancers", "CrowdWorks", "Coconala", "ShuFti", "Sagooo Works", "Upwork"}


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


def test_no_exact_or_near_duplicates(corpus):
    texts = corpus["text"].tolist()
    pairs = near_duplicates(texts, threshold=0.8)
    shown = [(corpus["id"][i], corpus["id"][j], round(s, 2)) for i, j, s in pairs[:10]]
    assert not pairs, f"near-duplicate pairs (3-gram Jaccard >= 0.8): {shown}"


def test_no_near_duplicate_crosses_train_and_test(corpus):
    # Stricter threshold across the split: even loose paraphrases must not leak into the test set.
    texts = corpus["text"].tolist()
    split = corpus["split"].tolist()
    crossing = [(i, j, s) for i, j, s in near_duplicates(texts, threshold=0.6) if split[i] != split[j]]
    assert not crossing, [(corpus["id"][i], corpus["id"][j], round(s, 2)) for i, j, s in crossing[:10]]
