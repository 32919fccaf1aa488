"""The words behind the ``(word vectors)`` contribution of an explanation: their parts add up to it."""

from dataclasses import replace

import numpy as np
import pytest

import taikai
from taikai.analysis import WordPart, explain, render_text
from taikai.analysis._explain_features import text_features
from taikai.analysis._explain_words import TextWords, word_parts
from taikai.model import FeatureConfig, centred_coefficients, resolve_model
from taikai.text import check_text

TEXTS = [
    "手数料が高すぎて稼げない",
    "ｼｽﾃﾑ利用料と振込手数料で手取りが減る",
    "単価が安すぎて生活できない、単価が安い",
    "クライアントからの連絡が途絶えて報酬も未払いのまま",
    "本業が忙しくなったので辞めました",
]
MODELS = ["shipped", "tiny-chive", "tiny-table"]  # the shipped model; the tiny fixture with chiVe, with a tiny table


@pytest.fixture(scope="module")
def models(tiny_model, tiny_csv, vector_table):
    """The models by name: the shipped one, and the tiny fixture trained with chiVe and with a table of random
    vectors holding compounds of two and three tokens."""
    config = replace(FeatureConfig(min_df=1), vectors=vector_table)
    tiny_table = taikai.train(tiny_csv, config=config, folds=0, test_size=0)
    return {"shipped": resolve_model(None), "tiny-chive": tiny_model, "tiny-table": tiny_table}


def _vector(head):
    [found] = [c for c in head.contributions if c.kind == "vector"]
    return found


@pytest.mark.parametrize("text", TEXTS, ids=lambda t: t[:8])
@pytest.mark.parametrize("name", MODELS)
def test_the_words_parts_add_up_to_the_vector_contribution(models, name, text):
    e = explain(models[name], text, top=10_000)
    for head in e.heads():
        vector = _vector(head)
        assert vector.words, head.head
        assert sum(w.weight for w in vector.words) == pytest.approx(vector.weight, abs=1e-9)
        if vector.weight > 0:
            assert sum(w.share or 0.0 for w in vector.words) == pytest.approx(1.0, abs=1e-9)
        else:  # no share of a total that is not positive
            assert all(w.share is None for w in vector.words)
        assert [w.weight for w in vector.words] == sorted((w.weight for w in vector.words), reverse=True)
        assert all(w.count >= 1 and w.word for w in vector.words)
        assert len({w.word for w in vector.words}) == len(vector.words)  # a repeated word is one part


@pytest.mark.parametrize("text", TEXTS, ids=lambda t: t[:8])
@pytest.mark.parametrize("name", MODELS)
def test_the_decomposition_is_exact_before_the_float32_rounding_is_shared_out(models, name, text):
    """Each word's ``coef · v × weight / norm``, before the pooled vector's float32 rounding is shared out, adds up
    to the contribution to float32 precision: the pooling (sum, norm, weights) is the model's."""
    model = models[name]
    checked = check_text(text, model.max_chars)
    found = text_features(model, checked.text, text)
    e = explain(model, text, top=10_000)
    classifier = model.pipeline.named_steps["classify"]
    for head, estimator in (("reason", classifier.reason_), ("sentiment", classifier.sentiment_)):
        explained = e.reason if head == "reason" else e.sentiment
        coef, _, classes = centred_coefficients(estimator)
        k = classes.index(explained.label)
        words = found.words
        dim = words.vectors.shape[1]
        raw = float((words.vectors @ coef[k, words.offset : words.offset + dim]).sum() * words.scale)
        assert raw == pytest.approx(_vector(explained).weight, rel=1e-5, abs=1e-6)


@pytest.mark.parametrize(
    ("text", "reason", "expected"),
    [
        ("手数料が高すぎて稼げない", "fees", {"手数", "料", "手数料"}),
        ("単価が安すぎて生活できない", "low_pay", {"単価", "安い"}),
        ("本業が忙しくなったので辞めました", "time", {"忙しい", "本業"}),
    ],
)
def test_the_word_pulling_most_toward_an_obvious_reason_is_plausible(models, text, reason, expected):
    e = explain(models["shipped"], text)
    assert e.reason.label == reason
    assert _vector(e.reason).words[0].word in expected


def test_a_repeated_word_is_counted_and_its_parts_added(models):
    e = explain(models["shipped"], "料金の手数料と振込の手数料")
    [part] = [w for w in _vector(e.reason).words if w.word == "手数"]
    assert part.count == 2


def test_the_old_fields_are_kept_and_json_gains_words_for_the_vectors_only(models):
    e = explain(models["shipped"], TEXTS[0], top=3)
    out = e.to_dict()
    assert set(out) == {"text", "normalized", "status", "message", "reason", "reasons", "sentiment"}
    assert set(out["reason"]) == {"head", "label", "probability", "bias", "score", "contributions"}
    plain = {"feature", "kind", "value", "weight", "spans", "matches"}
    for c in out["reason"]["contributions"] + out["sentiment"]["contributions"]:
        assert set(c) == (plain | {"words"} if c["kind"] == "vector" else plain)
        if c["kind"] == "vector":
            assert c["feature"] == "(word vectors)" and c["value"] == 1.0 and c["spans"] == []
            assert set(c["words"][0]) == {"word", "count", "weight", "share", "spans"}
            assert sum(w["weight"] for w in c["words"]) == pytest.approx(c["weight"], abs=1e-9)
    assert [c.kind for c in e.reason.contributions if c.kind != "vector"] == ["word"] * 5  # 3 toward, 2 against


def test_a_model_without_vectors_has_no_words(tiny_csv):
    model = taikai.train(tiny_csv, config=FeatureConfig(min_df=1, vectors=None), folds=0, test_size=0)
    e = explain(model, TEXTS[0])
    assert all(c.words == () and "words" not in c.to_dict() for c in e.reason.contributions)
    assert "words pulling toward" not in str(e) and "add up to the vectors'" not in str(e)


def test_the_terminal_shows_the_words_and_that_their_parts_add_up(models):
    e = explain(models["shipped"], "手数料が高すぎて稼げない")
    vector = _vector(e.reason)
    lines = str(e).splitlines()
    at = next(i for i, line in enumerate(lines) if "'(word vectors)'" in line)
    assert lines[at + 1].split(":")[0].strip() == "words pulling toward"
    top = vector.words[0]
    assert f"'{top.word}' {top.weight:+.3f} ({round(top.share * 100)}%)" in lines[at + 1]
    assert f"add up to the vectors' {vector.weight:+.3f})" in "\n".join(lines[at + 1 : at + 4])
    assert render_text(e).count("add up to the vectors'") == len(e.heads())


@pytest.mark.parametrize(
    ("weights", "shown"),
    [
        ((3.0, -0.0001), ["words pulling toward: 'a' +3.000 (100%)", "words pulling against: 'b' -0.000 (0%)"]),
        ((1.0, 2.0), ["words pulling toward: 'b' +2.000 (67%), 'a' +1.000 (33%)"]),
    ],
)
def test_the_shares_are_whole_percent_and_never_minus_zero(models, weights, shown):
    e = explain(models["shipped"], TEXTS[0])
    total = sum(weights)
    words = sorted((WordPart(w, 1, x, x / total) for w, x in zip("ab", weights)), key=lambda p: -p.weight)
    vector = replace(_vector(e.reason), weight=total, words=tuple(words))
    head = replace(e.reason, contributions=(vector,))
    lines = [line.strip() for line in str(replace(e, reason=head, sentiment=None)).splitlines()]
    assert lines[3 : 3 + len(shown)] == shown
    assert np.isclose(sum(p.share for p in words), 1.0)


@pytest.mark.parametrize(
    ("pulls", "shares", "shown"),
    [
        (
            (3.0, -1.0),
            (1.5, -0.5),
            ["words pulling toward: 'a' +3.000 (150%)", "words pulling against: 'b' -1.000 (-50%)"],
        ),
        ((0.298, -0.428), (None, None), ["words pulling toward: 'a' +0.298", "words pulling against: 'b' -0.428"]),
        ((1.0, -1.0), (None, None), ["words pulling toward: 'a' +1.000", "words pulling against: 'b' -1.000"]),
        ((-0.5, -1.5), (None, None), ["words pulling against: 'b' -1.500, 'a' -0.500"]),
    ],
)
def test_a_word_has_a_share_only_of_a_positive_total(models, pulls, shares, shown):
    """A share of a negative total read backwards ('提案' +0.298 (-230%)): a word then has its weight only."""
    found = TextWords(["a", "b"], np.array([[pulls[0]], [pulls[1]]]), 1.0, 0)
    words = word_parts(found, np.array([1.0]), sum(pulls))
    assert {w.word: w.share for w in words} == pytest.approx(dict(zip("ab", shares)))
    e = explain(models["shipped"], TEXTS[0])
    vector = replace(_vector(e.reason), weight=sum(pulls), words=words)
    head = replace(e.reason, contributions=(vector,))
    lines = [line.strip() for line in str(replace(e, reason=head, sentiment=None)).splitlines()]
    assert lines[3 : 3 + len(shown)] == shown


@pytest.mark.parametrize(
    ("top", "toward", "against"),
    [(1, 1, 1), (3, 3, 3), (5, 5, 5), (6, 6, 6), (7, 7, 6), (20, 7, 6)],  # 7 words pull toward, 6 against
)
def test_the_terminal_lists_as_many_words_each_way_as_top(models, top, toward, against):
    e = explain(models["shipped"], TEXTS[0], top=top)
    assert e.top == top
    weights = [7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0, -1.0, -2.0, -3.0, -4.0, -5.0, -6.0]
    total = sum(weights)
    words = tuple(WordPart(f"w{i}", 1, x, x / total) for i, x in enumerate(weights))
    vector = replace(_vector(e.reason), weight=total, words=words)
    head = replace(e.reason, contributions=(vector,))
    lines = str(replace(e, reason=head, sentiment=None)).splitlines()
    shown = {line.split(":")[0].strip(): line.count("'w") for line in lines if "words pulling" in line}
    assert shown == {"words pulling toward": toward, "words pulling against": against}
    assert f"the parts of all {len(words)} words add up" in str(replace(e, reason=head, sentiment=None))


@pytest.mark.parametrize("top", [1, 2, 8])
def test_the_words_listed_follow_top_on_a_real_text(models, top):
    e = explain(models["shipped"], "ｼｽﾃﾑ利用料と振込手数料で手取りが減る、単価が安すぎて生活できない", top=top)
    vector = _vector(e.reason)
    line = next(line for line in str(e).splitlines() if "words pulling toward" in line)  # the reason's, first
    assert line.count(" (") == min(top, sum(w.weight > 0 for w in vector.words)) > 0


@pytest.mark.parametrize("text", TEXTS, ids=lambda t: t[:8])
@pytest.mark.parametrize("name", MODELS)
def test_every_match_of_a_word_has_its_span(models, name, text):
    e = explain(models[name], text)
    for head in e.heads():
        for word in _vector(head).words:
            assert len(word.spans) == word.count, word
            assert word.to_dict()["spans"] == [list(s) for s in word.spans]


@pytest.mark.parametrize(
    ("text", "word", "matches"),
    [
        ("ｼｽﾃﾑ利用料と振込手数料で手取りが減る、手数料", "システム", ["ｼｽﾃﾑ"]),  # spans index the original text
        ("ｼｽﾃﾑ利用料と振込手数料で手取りが減る、手数料", "手数", ["手数", "手数"]),
        ("ｼｽﾃﾑ利用料と振込手数料で手取りが減る、手数料", "料", ["料", "料", "料"]),
        ("単価が安すぎて生活できない、単価が安い", "単価", ["単価", "単価"]),
    ],
)
def test_a_word_s_spans_are_where_it_occurs(models, text, word, matches):
    e = explain(models["shipped"], text)
    [part] = [w for w in _vector(e.reason).words if w.word == word]
    assert [e.text[s:t] for s, t in part.spans] == matches
    [c] = [c for c in e.to_dict()["reason"]["contributions"] if c["kind"] == "vector"]
    assert [w["spans"] for w in c["words"] if w["word"] == word] == [[list(s) for s in part.spans]]


@pytest.mark.parametrize(
    ("top", "shown"),
    [
        (1, [("手数料", "green"), ("が高すぎて", None), ("稼げ", "red"), ("ない", None)]),
        (2, [("手数料", "green"), ("が", None), ("高", "green"), ("すぎて", None), ("稼げ", "red"), ("ない", None)]),
    ],
)
def test_the_terminal_highlights_the_listed_vector_words_at_their_spans(models, top, shown):
    """The words listed under ``(word vectors)`` are highlighted in the text as the n-grams are (green toward, red
    against); a word not listed (past *top*) is not. Before, only the n-grams' spans were."""
    import click

    e = explain(models["shipped"], TEXTS[0], top=top)  # 手数料が高すぎて稼げない
    words = (
        WordPart("手数料", 1, 2.0, 2 / 2.5, ((0, 3),)),
        WordPart("高い", 1, 1.5, 1.5 / 2.5, ((4, 5),)),
        WordPart("稼ぐ", 1, -1.0, -1 / 2.5, ((8, 10),)),
    )
    vector = replace(_vector(e.reason), weight=2.5, words=words)
    head = replace(e.reason, contributions=(vector,))
    line = render_text(replace(e, reason=head, sentiment=None)).splitlines()[1]
    assert line == "  " + "".join(text if fg is None else click.style(text, fg=fg, bold=True) for text, fg in shown)
