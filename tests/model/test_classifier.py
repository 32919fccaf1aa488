"""ReasonSentimentClassifier: both heads fitted with BLAS in the calling thread; NotFittedError before fit."""

import numpy as np
import pytest
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.exceptions import NotFittedError
from sklearn.utils.estimator_checks import check_estimators_unfitted
from threadpoolctl import threadpool_info, threadpool_limits

from taikai.model import ReasonSentimentClassifier


class BlasRecorder(ClassifierMixin, BaseEstimator):
    """Fits nothing; records how many threads each BLAS library allows while it is fitted."""

    def fit(self, X, y, sample_weight=None):
        self.blas_threads_ = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
        self.classes_ = np.unique(y)
        return self


@pytest.mark.parametrize(
    "y",
    [
        np.array(["fees", "time", "fees", "other"]),
        np.array([["fees", "negative"], ["time", "neutral"], ["fees", "negative"], ["other", "positive"]]),
    ],
    ids=["reason only", "reason and sentiment"],
)
def test_heads_are_fitted_in_one_blas_thread(y):
    if not [i for i in threadpool_info() if i["user_api"] == "blas"]:
        pytest.skip("no BLAS library is loaded")
    classifier = ReasonSentimentClassifier(BlasRecorder(), BlasRecorder())
    with threadpool_limits(limits=2, user_api="blas"):  # what a 2-core machine allows by default
        classifier.fit(np.eye(4), y)
        after = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
    heads = [classifier.reason_] + ([classifier.sentiment_] if y.ndim == 2 else [])
    assert [h.blas_threads_ for h in heads] == [[1] * len(after)] * len(heads)
    assert after == [2] * len(after)  # the limit is lifted after the fit
    expected_sentiments = [] if y.ndim == 1 else sorted(set(y[:, 1]))
    assert list(classifier.sentiment_classes_) == expected_sentiments


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.predict(np.eye(2)),
        lambda c: c.predict_proba(np.eye(2)),
        lambda c: c.predict_proba_parts([np.eye(2)]),
        lambda c: c.score(np.eye(2), ["fees", "time"]),
    ],
    ids=["predict", "predict_proba", "predict_proba_parts", "score"],
)
def test_unfitted_raises_not_fitted_error(call):
    with pytest.raises(NotFittedError, match="This ReasonSentimentClassifier instance is not fitted yet"):
        call(ReasonSentimentClassifier())


def test_unfitted_passes_scikit_learns_check():
    check_estimators_unfitted("ReasonSentimentClassifier", ReasonSentimentClassifier())


@pytest.mark.parametrize("missing", ["", None, float("nan")], ids=["empty", "None", "NaN"])
@pytest.mark.parametrize("weighted", [False, True], ids=["unweighted", "weighted"])
def test_a_row_without_a_sentiment_trains_the_reason_head_only(missing, weighted):
    """A row coded with reasons only: the reason head learns from every row, the sentiment head only from the rows
    that have a sentiment (the same head as one fitted on those rows alone)."""
    from sklearn.linear_model import LogisticRegression

    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.1], [0.1, 1.0], [0.5, 0.5], [0.9, 0.2]])
    reasons = ["fees", "time", "fees", "time", "other", "fees"]
    sentiments = ["negative", "neutral", missing, "neutral", missing, "negative"]
    weight = np.array([1.0, 2.0, 1.0, 1.0, 3.0, 1.0]) if weighted else None
    classifier = ReasonSentimentClassifier(LogisticRegression(), LogisticRegression())
    classifier.fit(X, np.array(list(zip(reasons, sentiments, strict=True)), dtype=object), sample_weight=weight)
    assert list(classifier.reason_classes_) == ["fees", "other", "time"]
    assert list(classifier.sentiment_classes_) == ["negative", "neutral"]
    rows = [0, 1, 3, 5]
    alone = LogisticRegression().fit(X[rows], [sentiments[i] for i in rows], None if weight is None else weight[rows])
    np.testing.assert_array_equal(classifier.sentiment_.coef_, alone.coef_)
    both = np.array([[r, s] for r, s in zip(reasons, sentiments, strict=True)], dtype=object)
    predicted = classifier.predict(X)
    hits = [predicted[i, 0] == reasons[i] for i in range(6)] + [predicted[i, 1] == sentiments[i] for i in rows]
    assert classifier.score(X, both) == pytest.approx(np.mean(hits))  # a missing sentiment is not scored


def test_a_sentiment_head_without_any_sentiment_is_refused():
    classifier = ReasonSentimentClassifier()
    y = np.array([["fees", ""], ["time", ""]], dtype=object)
    with pytest.raises(ValueError, match="no row has a sentiment: label some, or fit without a sentiment column"):
        classifier.fit(np.eye(2), y)


@pytest.mark.parametrize("missing", ["", None, float("nan")], ids=["empty", "None", "NaN"])
@pytest.mark.parametrize("weighted", [False, True], ids=["unweighted", "weighted"])
def test_a_row_without_a_reason_trains_the_sentiment_head_only(missing, weighted):
    """A row coded with a sentiment only: the sentiment head learns from every row, the reason head only from the
    rows that have a reason (the same head as one fitted on those rows alone)."""
    from sklearn.linear_model import LogisticRegression

    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.1], [0.1, 1.0], [0.5, 0.5], [0.9, 0.2]])
    reasons = ["fees", "time", missing, "time", missing, "fees"]
    sentiments = ["negative", "neutral", "positive", "neutral", "negative", "negative"]
    weight = np.array([1.0, 2.0, 1.0, 1.0, 3.0, 1.0]) if weighted else None
    classifier = ReasonSentimentClassifier(LogisticRegression(), LogisticRegression())
    classifier.fit(X, np.array(list(zip(reasons, sentiments, strict=True)), dtype=object), sample_weight=weight)
    assert list(classifier.reason_classes_) == ["fees", "time"]
    assert list(classifier.sentiment_classes_) == ["negative", "neutral", "positive"]
    rows = [0, 1, 3, 5]
    alone = LogisticRegression().fit(X[rows], [reasons[i] for i in rows], None if weight is None else weight[rows])
    np.testing.assert_array_equal(classifier.reason_.coef_, alone.coef_)
    both = LogisticRegression().fit(X, sentiments, weight)
    np.testing.assert_array_equal(classifier.sentiment_.coef_, both.coef_)


def test_a_reason_head_without_any_reason_is_refused():
    classifier = ReasonSentimentClassifier()
    y = np.array([["", "negative"], ["", "neutral"]], dtype=object)
    with pytest.raises(ValueError, match="no row has a reason: label some"):
        classifier.fit(np.eye(2), y)


@pytest.mark.parametrize("columns", [1, 2], ids=["reason only", "reason and sentiment"])
def test_every_row_labelled_fits_each_head_on_the_whole_matrix(columns):
    """With every row labelled the heads are fitted exactly as before heads learned from rows with their label
    only: on the matrix and weights as given, so the pickled heads are byte-identical to heads fitted directly."""
    import pickle

    from sklearn.linear_model import LogisticRegression

    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.1], [0.1, 1.0], [0.5, 0.5], [0.9, 0.2]])
    y = np.array([["fees", "negative"], ["time", "neutral"], ["fees", "positive"]] * 2, dtype=object)[:, :columns]
    weight = np.array([1.0, 2.0, 1.0, 1.0, 3.0, 1.0])
    head = LogisticRegression(C=2.0, max_iter=3000, random_state=0)
    classifier = ReasonSentimentClassifier(head, head).fit(X, y, sample_weight=weight)
    fitted = [classifier.reason_] + ([classifier.sentiment_] if columns == 2 else [])
    for k, got in enumerate(fitted):
        direct = LogisticRegression(C=2.0, max_iter=3000, random_state=0).fit(X, y[:, k], sample_weight=weight)
        assert pickle.dumps(got) == pickle.dumps(direct)
