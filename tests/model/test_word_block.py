"""The joint word block: for a batch, one split and one lookup feed the n-grams and the vectors, and the matrix,
the predictions and the explanations are those of the plain FeatureUnion of the two blocks."""

import pickle

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
import sklearn
from sklearn.pipeline import FeatureUnion

from taikai.model import FeatureBlocks, FeatureConfig, WordFeatures, _vector_table, build_pipeline, feature_blocks
from taikai.model._lexicon import Lexicon
from taikai.model._word_block import hstack_dense
from taikai.rules import parse_rules


@pytest.fixture(scope="module")
def fitted(tiny_csv, vector_table):
    df = pd.read_csv(tiny_csv)
    config = FeatureConfig(min_df=1, vectors=vector_table)
    pipeline = build_pipeline(config).fit(
        df["text"].tolist(), np.column_stack([df["reasons"].str.split("|").str[0], df["sentiment"]])
    )
    texts = [*df["text"], "手数料が高い", "", "  ", "abc", *df["text"][::-1]]  # 85 texts: a batch
    return pipeline, texts


def _blocks(pipeline) -> WordFeatures:
    return pipeline.named_steps["features"].transformer_list[0][1].named_steps["blocks"]


def _tokens(pipeline, texts):
    words = pipeline.named_steps["features"].transformer_list[0][1]
    return words[:-1].transform(pipeline.named_steps["normalize"].transform(texts))


@pytest.mark.parametrize("tokens_at_least", [1, 10**9], ids=["joint", "plain"])
def test_the_joint_pass_gives_the_plain_union_matrix(fitted, monkeypatch, tokens_at_least):
    pipeline, texts = fitted
    monkeypatch.setattr(_vector_table, "DICT_MIN_TOKENS", tokens_at_least)
    monkeypatch.setattr(_vector_table, "_LEXICONS", {})
    calls = []
    original = Lexicon.segment
    monkeypatch.setattr(Lexicon, "segment", lambda self, ids: calls.append(len(ids)) or original(self, ids))
    blocks = _blocks(pipeline)
    blocks.__dict__.pop("_joint_cache", None)
    tokens = _tokens(pipeline, texts)
    joint = blocks.transform(tokens)
    plain = FeatureUnion.transform(blocks, tokens)
    assert sp.issparse(joint) and joint.shape == plain.shape and joint.dtype == plain.dtype
    np.testing.assert_array_equal(joint.toarray(), plain.toarray())
    assert bool(calls) is (tokens_at_least == 1)  # the joint pass ran, or the plain union did


def test_batch_and_one_by_one_predictions_are_identical(fitted, monkeypatch):
    pipeline, texts = fitted
    monkeypatch.setattr(_vector_table, "DICT_MIN_TOKENS", 1)
    reason, sentiment = pipeline.predict_proba(texts)
    for i, text in enumerate(texts):  # one text: the plain union (below FAST_MIN_DOCS)
        one_reason, one_sentiment = pipeline.predict_proba([text])
        np.testing.assert_allclose(one_reason[0], reason[i], rtol=1e-6, atol=1e-7)
        np.testing.assert_allclose(one_sentiment[0], sentiment[i], rtol=1e-6, atol=1e-7)
    assert (pipeline.predict(texts) == np.vstack([pipeline.predict([t]) for t in texts])).all()


def test_the_cache_is_not_pickled(fitted, monkeypatch):
    pipeline, texts = fitted
    monkeypatch.setattr(_vector_table, "DICT_MIN_TOKENS", 1)
    pipeline.predict(texts)
    assert "_joint_cache" in _blocks(pipeline).__dict__
    copy = pickle.loads(pickle.dumps(pipeline))
    assert "_joint_cache" not in _blocks(copy).__dict__
    np.testing.assert_array_equal(copy.predict_proba(texts)[0], pipeline.predict_proba(texts)[0])


def test_the_block_keeps_the_union_parameters(fitted):
    blocks = _blocks(fitted[0])
    assert isinstance(blocks, FeatureUnion) and WordFeatures.__module__ == "taikai.model"
    assert [name for name, _ in blocks.get_params()["transformer_list"]] == ["tfidf", "vectors"]


@pytest.mark.parametrize(
    ("left", "dense"),
    [
        ([[0, 1.5, 0], [0, 0, 0], [2, 0, 3]], [[1, 2], [0, 0], [0.5, 0]]),  # a row of zeros adds nothing
        ([[0, 0], [0, 0]], [[1, 1], [1, -1]]),  # an empty sparse block
        ([[1, 2]], [[0, 0]]),
        (np.zeros((0, 3)), np.zeros((0, 2))),  # no rows
    ],
)
def test_hstack_dense_is_scipy_hstack(left, dense):
    left = sp.csr_matrix(np.asarray(left, dtype=np.float32))
    dense = np.asarray(dense, dtype=np.float32)
    got = hstack_dense(left, dense)
    want = sp.hstack([left, dense]).tocsr()
    assert got.shape == want.shape and got.dtype == np.float32
    np.testing.assert_array_equal(got.toarray(), want.toarray())
    assert got.has_sorted_indices and got.indptr[-1] == got.nnz


@pytest.mark.parametrize("config", [FeatureConfig(min_df=1), FeatureConfig(min_df=1, char_ngrams=(1, 2))])
def test_the_feature_blocks_give_the_union_matrix(tiny_csv, config):
    df = pd.read_csv(tiny_csv)
    pipeline = build_pipeline(config).fit(df["text"].tolist(), df["reasons"].str.split("|").str[0])
    features = pipeline.named_steps["features"]
    assert isinstance(features, FeatureBlocks)
    texts = pipeline.named_steps["normalize"].transform(df["text"].tolist())
    got, want = features.transform(texts), FeatureUnion.transform(features, texts)
    assert sp.issparse(got) and got.format == "csr" and got.shape == want.shape
    np.testing.assert_array_equal(got.toarray(), want.toarray())


@pytest.mark.parametrize("vectors", [True, False], ids=["vectors", "words"])
@pytest.mark.parametrize("binary", [False, True], ids=["multiclass", "binary"])
def test_heads_score_the_parts_as_the_joined_matrix(tiny_csv, vector_table, monkeypatch, vectors, binary):
    df = pd.read_csv(tiny_csv)
    config = FeatureConfig(min_df=1, vectors=vector_table if vectors else None)
    sentiment = np.where(df["sentiment"] == "negative", "negative", "other") if binary else df["sentiment"]
    pipeline = build_pipeline(config).fit(
        df["text"].tolist(), np.column_stack([df["reasons"].str.split("|").str[0], sentiment])
    )
    monkeypatch.setattr(_vector_table, "DICT_MIN_TOKENS", 1)
    texts = pipeline.named_steps["normalize"].transform([*df["text"], *df["text"][::-1]])
    features, classifier = pipeline.named_steps["features"], pipeline.named_steps["classify"]
    parts = features.transform_parts(texts)
    assert [p.shape[1] for p in parts] == [b.width for b in feature_blocks(pipeline)]
    joined = classifier.predict_proba(features.transform(texts))
    for got, want in zip(classifier.predict_proba_parts(parts), joined, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)
        assert (got.argmax(axis=1) == want.argmax(axis=1)).all()


def test_model_classify_gives_the_pipeline_probabilities(model, tiny_csv, monkeypatch):
    monkeypatch.setattr(_vector_table, "DICT_MIN_TOKENS", 1)
    texts = [*pd.read_csv(tiny_csv)["text"]] * 2  # a batch: the parts path
    classified = model.classify(texts)
    reason, sentiment = model.pipeline.predict_proba(texts)  # the joined matrix
    np.testing.assert_allclose(classified.reason_proba, reason[:, model._reason_order], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(classified.sentiment_proba, sentiment[:, model._sentiment_order], rtol=1e-5, atol=1e-6)


def test_a_union_with_weights_is_scored_as_one_part(tiny_csv):
    df = pd.read_csv(tiny_csv)
    pipeline = build_pipeline(FeatureConfig(min_df=1, char_ngrams=(1, 2)))
    pipeline.named_steps["features"].set_params(transformer_weights={"words": 2.0, "chars": 0.5})
    pipeline.fit(df["text"].tolist(), df["reasons"].str.split("|").str[0])
    features, classifier = pipeline.named_steps["features"], pipeline.named_steps["classify"]
    texts = pipeline.named_steps["normalize"].transform(df["text"].tolist())
    [part] = features.transform_parts(texts)
    np.testing.assert_array_equal(part.toarray(), features.transform(texts).toarray())
    np.testing.assert_allclose(classifier.predict_proba_parts([part])[0], classifier.predict_proba(part)[0], rtol=1e-6)


@pytest.mark.parametrize("output", ["pandas", "polars"])
@pytest.mark.parametrize("vectors", [True, False], ids=["vectors", "words+chars"])
def test_a_global_transform_output_leaves_fitting_and_scoring_alone(tiny_csv, vector_table, output, vectors):
    # sklearn.set_config(transform_output="pandas") at the top of a notebook: it cannot wrap a sparse matrix
    # ("The transformer outputs a scipy sparse matrix…"), and the model's features are matrices whatever it says.
    df = pd.read_csv(tiny_csv)
    config = FeatureConfig(min_df=1, vectors=vector_table) if vectors else FeatureConfig(min_df=1, char_ngrams=(1, 2))
    y = np.column_stack([df["reasons"].str.split("|").str[0], df["sentiment"]])
    texts = [*df["text"], *df["text"][::-1]]  # 80 texts: a batch (the joint pass), and one text (the plain union)
    want = build_pipeline(config).fit(df["text"].tolist(), y)
    with sklearn.config_context(transform_output=output):
        got = build_pipeline(config).fit(df["text"].tolist(), y)
        for pipeline in (got, want):
            for batch in (texts, texts[:1]):
                np.testing.assert_array_equal(pipeline.predict_proba(batch)[0], want.predict_proba(batch)[0])
            features = pipeline.named_steps["features"]
            normalized = pipeline.named_steps["normalize"].transform(texts)
            assert all(not isinstance(part, pd.DataFrame) for part in features.transform_parts(normalized))


@pytest.mark.parametrize("output", ["pandas", "polars"])
def test_a_global_transform_output_leaves_the_model_alone(model, tiny_csv, output):
    texts = [*pd.read_csv(tiny_csv)["text"]] * 2
    frame = pd.DataFrame({"text": texts})
    want, want_frame = model.predict(texts), model.predict_frame(frame)
    with sklearn.config_context(transform_output=output):
        assert model.predict(texts) == want
        assert model.predict(texts[0]) == want[:1]
        pd.testing.assert_frame_equal(model.predict_frame(frame), want_frame)
        rules = parse_rules('[[rule]]\nname = "fee"\nlabel = "fees"\nany = ["lemma:引く"]\n', "rules.toml")
        with_lemmas = model.classify(texts, rules=rules)  # the features and the dictionary forms in one pass
        assert with_lemmas.reasons == [p.reasons for p in want]
