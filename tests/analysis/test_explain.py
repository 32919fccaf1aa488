"""Explanations: offsets back to the original text, highlighted spans, weights that add up, for several configs."""

import json
import os
import re
import shutil
import unicodedata
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import click
import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai.analysis import explain, keywords, render_text
from taikai.analysis._explain_features import read_with_offsets
from taikai.cli import cli
from taikai.model import FeatureConfig
from taikai.privacy import NEUTRAL, PLACEHOLDERS, neutralize
from taikai.rules import RulesMode, parse_rules
from taikai.text import JapaneseTokenizer, normalize, normalize_with_offsets

# (original text, a span of its normalised form as text, the original characters that span must map to)
OFFSET_CASES = [
    ("手数料が　　高い", "が 高", "が　　高"),
    ("ｼｽﾃﾑ手数料", "システム", "ｼｽﾃﾑ"),
    ("ｶﾞｯｶﾘした手数料", "手数料", "手数料"),
    ("ｶﾞｯｶﾘした", "ガッ", "ｶﾞｯ"),
    ("報酬は１０００円", "1000円", "１０００円"),
    ("詳細は https://example.com/x を見て", "url", "https://example.com/x"),
    ("詳細は https://example.com/x を見て", "を見て", "を見て"),
    ("最悪ーーーーーーです", "ーーー", "ーーーーーー"),
    ("最悪ーーーーーーです", "です", "です"),
    ("  ＡＢＣ社\t\n です ", "abc社", "ＡＢＣ社"),
    ("a\u200bb　手数料", "手数料", "手数料"),
    ("㍻の手数料", "平成", "㍻"),
    ("&#25163;&#25968;&#26009;が高い", "手数料", "&#25163;&#25968;&#26009;"),  # HTML character references
    ("&#25163;&#25968;&#26009;が高い", "数", "&#25968;"),
    ("Q&amp;Aの手数料", "&", "&amp;"),
    ("&foo;の手数料", "&foo;", "&foo;"),  # an unknown name is kept, character by character
    ("&foo;の手数料", "f", "f"),
]


@pytest.mark.parametrize(("original", "normalised", "expected"), OFFSET_CASES)
def test_offsets_map_normalised_spans_to_original_characters(original, normalised, expected):
    offsets = normalize_with_offsets(original)
    assert offsets.text == normalize(original)
    start = offsets.text.index(normalised)
    assert offsets.original_text(start, start + len(normalised)) == expected


# (original text, predicted reason, substrings of the original that must be highlighted toward it)
SPAN_CASES = [
    ("ｶﾞｯｶﾘ、ｼｽﾃﾑ利用料と振込手数料で手取りが減る", "fees", ["手数料"]),
    ("本業が　　　忙しくなって　　時間が取れない", "time", ["時間"]),
    ("もうーーーーーー無理。手数料が高い！！！！！", "fees", ["手数料"]),
    ("詳細は https://example.com/fee?x=1 を見て。手数料が高い", "fees", ["手数料"]),
    ("提案しても提案しても選ばれない！！！！！！", "rejection", ["提案しても提案しても"]),
    ("一か月で稼げたのは１５００円でした", "low_pay", ["円"]),
    ("ＳＮＳで知ったｸﾗｲｱﾝﾄと直接契約に切り替えた", "graduated", ["直接"]),
]


def _starts_and_ends(head, positive=True):
    spans = [s for c in head.contributions if (c.weight > 0) == positive for s in c.spans]
    return {s for s, _ in spans}, {e for _, e in spans}


@pytest.mark.parametrize(("text", "reason", "expected"), SPAN_CASES)
def test_expected_substrings_are_highlighted_at_their_original_spans(model, text, reason, expected):
    explanation = explain(model, text, top=20)
    assert explanation.reason.label == reason
    weights = explanation.char_weights("reason")
    starts, ends = _starts_and_ends(explanation.reason)
    for substring in expected:
        for match in re.finditer(re.escape(substring), text):
            assert (weights[match.start() : match.end()] > 0).all(), (substring, render_text(explanation))
            assert match.start() in starts and match.end() in ends, (substring, render_text(explanation))


def _word_runs(text: str, form: str) -> dict[tuple[int, int], set[str]]:
    """Return, per original span of a run of 1-3 tokens of *text*, the n-grams (as features) of that run."""
    offsets = normalize_with_offsets(text)
    surfaces = JapaneseTokenizer(form="surface").tokenize_with_spans(offsets.text)
    words = JapaneseTokenizer(form=form).tokenize_with_spans(offsets.text)
    assert [(s, e) for _, s, e in words] == [(s, e) for _, s, e in surfaces]  # one segmentation for both forms
    runs: dict[tuple[int, int], set[str]] = {}
    for n in (1, 2, 3):
        for i in range(len(words) - n + 1):
            span = offsets.span(words[i][1], words[i + n - 1][2])
            runs.setdefault(span, set()).add(" ".join(w for w, _, _ in words[i : i + n]))
    return runs


@pytest.mark.parametrize(("text", "reason", "expected"), SPAN_CASES)
def test_every_span_holds_its_feature(model, text, reason, expected):
    """A character n-gram's span normalises to it; a word n-gram's span is a run of tokens that makes it."""
    explanation = explain(model, text, top=50)
    runs = _word_runs(text, model.metadata.config.token_form)
    checked = 0
    for head in explanation.heads():
        for c in head.contributions:
            for s, e in c.spans:
                if c.kind == "char":
                    found = normalize(text[s:e])  # a cut run of repeats spans the rest of the run
                    assert found == c.feature or "url" in c.feature or "ーーー" in found
                else:
                    assert c.feature in runs.get((s, e), set()), (c.feature, text[s:e])
                checked += 1
    assert checked > 0


@pytest.mark.parametrize("text", [case[0] for case in SPAN_CASES])
def test_weights_add_up_to_the_score_and_match_the_prediction(model, text):
    explanation = explain(model, text, top=100_000)
    [prediction] = model.predict(text)
    assert explanation.reason.label == prediction.reason
    assert explanation.reason.probability == prediction.reason_proba[prediction.reason]
    assert explanation.sentiment.label == prediction.sentiment
    for head in explanation.heads():
        total = head.bias + sum(c.weight for c in head.contributions)
        assert total == pytest.approx(head.score, abs=1e-6)
        assert [c.weight for c in head.contributions] == sorted((c.weight for c in head.contributions), reverse=True)


def test_top_limits_contributions_each_way(tiny_model):
    head = explain(tiny_model, "手数料が20%も引かれるのがつらい", top=2).reason
    assert 0 < len(head.toward) <= 2 and len(head.against) <= 2


def test_unclassifiable_text_has_no_heads(tiny_model):
    explanation = explain(tiny_model, "   ")
    assert explanation.status == "empty" and explanation.reason is None and explanation.sentiment is None
    assert explanation.to_dict()["reason"] is None
    assert render_text(explanation).startswith("empty")


def test_to_dict_matches_are_the_original_substrings(tiny_model):
    text = "ｼｽﾃﾑ手数料が　２０％も引かれる https://x.jp"
    data = json.loads(json.dumps(explain(tiny_model, text).to_dict(), ensure_ascii=False))
    assert data["text"] == text and data["reason"]["label"] == "fees"
    for c in data["reason"]["contributions"] + data["sentiment"]["contributions"]:
        assert c["matches"] == [text[s:e] for s, e in c["spans"]]


def test_render_text_highlights_in_colour(tiny_model):
    rendered = render_text(explain(tiny_model, "手数料が高すぎる"))
    assert "\x1b[32m" in rendered and "reason: fees" in rendered
    plain = re.sub(r"\x1b\[[0-9;]*m", "", rendered)
    assert "手数料が高すぎる" in plain


@pytest.mark.parametrize(
    ("reasons", "first_line"),
    [
        (("fees",), "reason: fees (手数料が高い)  p=0.97  score=+1.000 (bias +0.250, features +0.750)"),
        (
            ("fees", "low_pay"),
            "reason: fees (手数料が高い)  p=0.97  score=+1.000 (bias +0.250, features +0.750)  reasons fees|low_pay",
        ),
    ],
)
def test_render_text_names_the_reasons_when_there_are_several(tiny_model, reasons, first_line):
    explanation = explain(tiny_model, "手数料が高すぎる", top=1)
    head = replace(explanation.reason, probability=0.97, score=1.0, bias=0.25)
    shown = str(replace(explanation, reason=head, reasons=reasons)).splitlines()[0]
    assert shown == first_line


@pytest.mark.parametrize("top", [1, 3, 100])
@pytest.mark.parametrize("text", ["最悪", "手数料が高すぎる", "本業が忙しくて提案する時間がない。手数料も高い"])
def test_render_text_splits_each_score_into_bias_and_features_that_add_up(tiny_model, text, top):
    """Regression: a head's line gave its score alone, and the features listed (the strongest, up to top) do not add
    up to it: `taikai explain 最悪` read `other p=0.73` over two features both against other, its bias unsaid."""
    explanation = explain(tiny_model, text, top=top)
    lines = str(explanation).splitlines()
    for head in explanation.heads():
        [line] = [line for line in lines if line.startswith(f"{head.head}: ")]
        found = re.search(r"score=([+-]\d+\.\d{3}) \(bias ([+-]\d+\.\d{3}), features ([+-]\d+\.\d{3})\)", line)
        assert found, line
        score, bias, features = (Decimal(x) for x in found.groups())
        assert score == bias + features, line
        assert bias == Decimal(f"{head.bias:.3f}") and score == Decimal(f"{head.score:.3f}")
        assert abs(float(features) - sum(c.weight for c in head.contributions)) < 2e-3 or top < 100


def test_str_is_the_command_line_s_rendering_and_repr_one_line(tiny_model, tiny_model_dir):
    explanation = explain(tiny_model, "手数料が高すぎる", top=3)
    printed = CliRunner().invoke(cli, ["explain", "手数料が高すぎる", "--model", str(tiny_model_dir), "--top", "3"])
    assert str(explanation) == printed.output.rstrip("\n")
    assert str(explanation).startswith("reason: fees (手数料が高い)  p=") and "\x1b[" not in str(explanation)
    reason, sentiment = explanation.reason, explanation.sentiment
    assert repr(explanation) == (
        f"Explanation(text='手数料が高すぎる', status='ok', reason='fees' (p={reason.probability:.2f}), "
        f"sentiment={sentiment.label!r} (p={sentiment.probability:.2f}))"
    )
    assert repr(reason) == (
        f"HeadExplanation(head='reason', label='fees', probability={reason.probability:.2f}, "
        f"score={reason.score:+.3f}, contributions: {len(reason.toward)} toward, {len(reason.against)} against)"
    )
    assert explanation == explain(tiny_model, "手数料が高すぎる", top=3)  # the fields' equality is kept


@pytest.mark.parametrize("value", [None, float("nan"), pd.NA])
def test_a_missing_text_is_explained_as_an_empty_one(tiny_model, value):
    explanation = explain(tiny_model, value)
    assert (explanation.text, explanation.status) == ("", "empty")
    assert str(explanation) == "empty: empty or whitespace-only text"
    assert repr(explanation) == "Explanation(text='', status='empty', message='empty or whitespace-only text')"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (123, "not int 123: explain a text (str(value), if the value is the text of a review)"),
        (1.5, "not float 1.5: explain a text"),
        (np.int64(5), "not int64 np.int64(5): explain a text"),
        (True, "not bool True: explain a text"),
        (pd.Timestamp("2024-01-01"), "not Timestamp('2024-01-01 00:00:00'): explain a text"),
        (b"x", "not bytes b'x': decode them first (.decode('utf-8'), or .decode('cp932'))"),
        (Path("reviews.csv"), f"not {Path('reviews.csv')!r}: explain a text, not a file"),
    ],
    ids=["int", "float", "numpy int", "bool", "Timestamp", "bytes", "path"],
)
def test_a_value_that_is_no_text_is_refused_as_predict_refuses_it(tiny_model, value, message):
    """Regression: explain(model, 123) returned an explanation of status 'error' ("not text: a value of type int",
    naming no argument) where model.predict(123) raised TypeError; the two now agree."""
    with pytest.raises(TypeError) as caught:
        explain(tiny_model, value)
    assert str(caught.value).startswith(f"text must be one text (a str), or None for a missing one, {message}")
    with pytest.raises(TypeError):
        tiny_model.predict(value)


def test_a_numpy_text_is_explained_as_a_plain_str(tiny_model):
    """An item of an array of texts (numpy's str_) is explained as the str it is: the explanation's text is a str."""
    explanation = explain(tiny_model, np.array(["手数料が高すぎる"])[0])
    assert type(explanation.text) is str and explanation == explain(tiny_model, "手数料が高すぎる")


def test_cli_explain_json_and_text(tiny_model_dir):
    runner = CliRunner()
    result = runner.invoke(cli, ["explain", "手数料が高すぎる", "--model", str(tiny_model_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["reason"]["label"] == "fees"
    assert any(m == "手数料" for c in data["reason"]["contributions"] for m in c["matches"])
    result = runner.invoke(cli, ["explain", "手数料が高すぎる", "--model", str(tiny_model_dir), "--top", "3"])
    assert result.exit_code == 0 and "reason: fees" in result.output
    assert "\x1b[" not in result.output  # not a terminal: no colour codes
    result = runner.invoke(cli, ["explain", "english only", "--model", str(tiny_model_dir)])
    assert result.exit_code == 2 and "no Japanese" in result.stderr


@pytest.mark.parametrize(
    ("args", "given", "stdout"),
    [  # Regression: "error: no Japanese characters: …" was printed on standard output too, beside the stderr line
        (["english only"], None, ""),
        (["-"], "english only\n", ""),
        (["--format", "json", "english only"], None, '"status": "error"'),  # the record, for machines
        (["-"], "手数料が高すぎる\nenglish only\n", "[standard input line 2]\nerror: no Japanese"),  # in its place
    ],
)
def test_cli_explain_says_a_text_it_cannot_explain_once(tiny_model_dir, args, given, stdout):
    result = CliRunner().invoke(cli, ["explain", "--model", str(tiny_model_dir), *args], input=given)
    assert result.exit_code == 2
    assert result.stderr.count("no Japanese characters") == 1 and result.stderr.startswith("taikai: error: ")
    assert stdout in result.stdout if stdout else result.stdout == ""


CUT = "note: text longer than 10000 characters: only the first 10000 were classified"


@pytest.mark.parametrize(("text", "noted"), [("手数料が高すぎる。" * 1200, True), ("手数料が高すぎる", False)])
def test_render_text_says_when_the_text_was_cut(tiny_model, text, noted):
    rendered = render_text(explain(tiny_model, text, top=2))
    assert rendered.startswith(CUT) == noted
    assert "reason: fees" in rendered


@pytest.mark.parametrize(
    ("args", "given", "shown"),
    [
        ([os.fsdecode("手数料が高すぎる".encode("cp932"))], None, "手数料が高すぎる"),  # CP932 in a UTF-8 terminal
        (["-"], "手数料が高すぎる\n".encode("cp932"), "手数料が高すぎる"),  # - reads standard input
        (["--", "-手数料が高すぎる"], None, "-手数料が高すぎる"),
    ],
    ids=["cp932-argument", "dash-stdin", "after-double-dash"],
)
def test_cli_explain_decodes_its_text_as_predict_does(tiny_model_dir, args, given, shown):
    result = CliRunner().invoke(
        cli, ["explain", "--model", str(tiny_model_dir), "--format", "json", *args], input=given
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    record = record[0] if args == ["-"] else record  # standard input's lines give a list
    assert record["text"] == shown


def test_cli_explain_stops_at_bytes_it_cannot_decode(tiny_model_dir):
    text = os.fsdecode(b"\xff" + "手数料が高い".encode())
    result = CliRunner().invoke(cli, ["explain", text, "--model", str(tiny_model_dir)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("taikai: error: <argument 1>:1: byte 0xff is not valid UTF-8"), result.stderr


def test_cli_explain_text_output_says_when_the_text_was_cut(tiny_model_dir):
    result = CliRunner().invoke(cli, ["explain", "手数料が高すぎる。" * 1200, "--model", str(tiny_model_dir)])
    assert result.exit_code == 0 and result.stdout.startswith(CUT)


def test_char_weights_are_zero_outside_shown_spans(tiny_model):
    text = "本業が忙しくなって時間が取れなくなった"
    explanation = explain(tiny_model, text, top=3)
    covered = np.zeros(len(text), dtype=bool)
    for c in explanation.reason.contributions:
        for s, e in c.spans:
            covered[s:e] = True
    assert (explanation.char_weights("reason")[~covered] == 0).all()


@pytest.mark.parametrize("head", ["reasons", "Reason", "sentiments", ""])
def test_char_weights_of_a_head_not_there_are_refused(tiny_model, head):
    """Regression: any head but 'reason' gave the sentiment's weights (char_weights("reasons") among them)."""
    explanation = explain(tiny_model, "本業が忙しくなって時間が取れなくなった", top=3)
    with pytest.raises(taikai.InputError, match=re.escape(f"head must be 'reason' or 'sentiment', not {head!r}")):
        explanation.char_weights(head)


def test_reason_only_model_explains_and_lists_reason_keywords(tiny_csv):
    model = taikai.train(tiny_csv, folds=0, test_size=0, sentiment_column=None)
    explanation = explain(model, "手数料が高すぎる")
    assert explanation.reason.label == "fees" and explanation.sentiment is None
    assert "sentiment:" not in render_text(explanation)
    found = keywords(model, top=3)
    assert found.reason["fees"] and found.sentiment == {}


def _columns(text):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@pytest.mark.parametrize(
    "text", ["手数料が高すぎる", "ｼｽﾃﾑ利用料と振込手数料で手取りが減る", "本業が忙しい、time がない"]
)
def test_render_text_aligns_the_spans_column_by_display_width(tiny_model, text):
    explanation = explain(tiny_model, text, top=5)
    rows = [line for line in click.unstyle(render_text(explanation)).splitlines() if re.match(r"^  [+-]\d", line)]
    contributions = [c for head in explanation.heads() for c in head.contributions]
    assert len(rows) == len(contributions) >= 4
    starts = set()
    for row, c in zip(rows, contributions):
        where = ", ".join(f"{explanation.text[s:e]!r}@{s}-{e}" for s, e in c.spans) or "-"
        assert row.endswith(" " + where), row
        starts.add(_columns(row[: len(row) - len(where)]))  # the terminal column where the spans start
    assert len(starts) == 1, render_text(explanation)


@pytest.mark.parametrize(("vectors", "expected"), [(True, 1), (False, 0)], ids=["vectors", "no-vectors"])
def test_word_vectors_are_one_contribution_without_spans(tiny_csv, vector_table, vectors, expected):
    config = FeatureConfig(min_df=1, vectors=vector_table if vectors else None)
    model = taikai.train(tiny_csv, config=config, folds=0, test_size=0)
    explanation = explain(model, "手数料が高くて稼げない", top=100_000)
    for head in explanation.heads():
        found = [c for c in head.contributions if c.kind == "vector"]
        assert len(found) == expected
        assert all(c.feature == "(word vectors)" and c.spans == () and c.value == 1.0 for c in found)


@pytest.mark.parametrize("given", ["str", "path", "none"])
def test_explain_takes_a_model_directory_or_none_as_check_drift_does(tiny_model, tiny_model_dir, monkeypatch, given):
    monkeypatch.setenv("TAIKAI_MODEL", str(tiny_model_dir))  # None: the default model, named by TAIKAI_MODEL
    spec = {"str": str(tiny_model_dir), "path": tiny_model_dir, "none": None}[given]
    text = "手数料が高すぎる"
    assert taikai.explain(spec, text, top=3).to_dict() == explain(tiny_model, text, top=3).to_dict()


def test_explain_with_a_missing_model_directory_is_a_model_error(tmp_path):
    with pytest.raises(taikai.ModelError, match=r"nope: no such model directory"):
        taikai.explain(str(tmp_path / "nope"), "手数料が高い")


ORDER = "explain(model, text) takes the model first, then the text: it was given "
WRITE = "; write explain(model, text), or explain(None, text) for the default model"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda m: taikai.explain("手数料が高い", m),
            f"{ORDER}a text ('手数料が高い') as the model and a Model as the text{WRITE}",
        ),
        (  # a line break: no model directory's name (a short text alone may name one: the loader says it is none)
            lambda m: taikai.explain("手数料が高い。\n時間もかかる", "時間"),
            f"{ORDER}a text ('手数料が高い。\\n時間もかかる') as the model{WRITE}",
        ),
        (lambda m: taikai.explain(None, m), f"{ORDER}a Model as the text{WRITE}"),
        (
            lambda m: taikai.explain(m, ["手数料", "時間"]),
            "text must be one text (a str), not list ['手数料', '時間']; explain each text on its own (for text in "
            "texts: taikai.explain(model, text)), or predict many at once with model.predict(texts)",
        ),
        (
            lambda m: taikai.explain(m, pd.Series(["手数料"])),
            "text must be one text (a str), not a Series; of a frame's row (df.loc[i]), explain its text: "
            "df.loc[i, 'your text column']; explain each",
        ),
        (  # a notebook's row: looping over it, as the message said, explained its id and its date
            lambda m: taikai.explain(m, pd.DataFrame({"id": ["A1"], "本文": ["手数料が高い"]}).loc[0]),
            "text must be one text (a str), not a Series; of a frame's row (df.loc[i]), explain its text: "
            "df.loc[i, 'your text column']; explain each text on its own",
        ),
        (
            lambda m: taikai.explain(m, pd.DataFrame({"本文": ["手数料が高い"]})),
            "text must be one text (a str), not a DataFrame; of a frame's row (df.loc[i]), explain its text: ",
        ),
    ],
    ids=["swapped", "text as the model", "model as the text", "list", "series", "a frame's row", "a frame"],
)
def test_swapped_arguments_or_several_texts_are_refused_saying_what_to_write(tiny_model, call, message):
    """Regression: explain(text, model) said the text was no model directory, and explain(model, [texts]) returned
    an explanation with status 'error' ("not text: a value of type list")."""
    with pytest.raises(TypeError) as caught:
        call(tiny_model)
    assert str(caught.value).startswith(message)


def test_a_model_directory_with_a_japanese_name_is_still_a_model(tiny_model, tiny_model_dir, tmp_path, monkeypatch):
    shutil.copytree(tiny_model_dir, tmp_path / "モデル")
    monkeypatch.chdir(tmp_path)
    assert (
        taikai.explain("モデル", "手数料が高すぎる", top=3).to_dict()
        == explain(tiny_model, "手数料が高すぎる", top=3).to_dict()
    )


# Texts explain must judge and read as predict does: masked ones (each placeholder read as ○), URLs, e-mails, a
# placeholder cut in half where a long text is cut, and texts that cannot be classified
PLACEHOLDER = "[電話番号]"
AGREEMENT_CASES = [
    "[人名]さんの紹介で別サイトへ。連絡先は[電話番号]",
    "[メール] です",
    "[メール]",  # a placeholder of a value that is not Japanese: an error, as the value was
    "[人名]",  # a name's placeholder is Japanese: classified
    "口座番号：[口座]に振り込まれない",
    "[url]で手数料が高いと知った",  # a placeholder lower-cased, as normalisation leaves it
    "詳細は https://example.com/fee?x=1 を見て。手数料が高い",
    "taro@example.com に連絡したが返事がない",
    "ｼｽﾃﾑ利用料と振込手数料で手取りが減る",
    "手数料が高すぎる。" * 1200,
    "手数料が高い" + "。" * (10_000 - 6 - 3) + PLACEHOLDER,  # cut inside the placeholder: its start is read as is
    "english only",
    "   ",
]


@pytest.mark.parametrize("text", AGREEMENT_CASES, ids=lambda text: text[:12])
def test_explain_agrees_with_predict(model, text):
    explanation = explain(model, text, top=100_000)
    [prediction] = model.predict(text)
    assert (explanation.status, explanation.message) == (prediction.status, prediction.message)
    assert (explanation.reason is None) == (prediction.reason is None)
    if prediction.reason is None:
        return
    assert explanation.reason.label == prediction.reason
    # regression: explain's own float64 path gave 0.9998686771235824 where predict gave 0.999868631362915
    assert explanation.reason.probability == prediction.reason_proba[prediction.reason]
    assert explanation.reasons == prediction.reasons and explanation.to_dict()["reasons"] == list(prediction.reasons)
    assert explanation.sentiment.label == prediction.sentiment
    assert explanation.sentiment.probability == prediction.sentiment_proba[prediction.sentiment]
    for head in explanation.heads():
        assert head.bias + sum(c.weight for c in head.contributions) == pytest.approx(head.score, abs=1e-6)
        words = [c.feature for c in head.contributions]
        assert not any(w in words for w in ("メール", "電話 番号", "口座", "人名", "電話番号", "[", "url"))


@pytest.fixture(scope="module")
def neutral_chars_model(tiny_csv, tmp_path_factory) -> taikai.Model:
    """A character n-gram model that knows ○ (the fixture has none): trained with a few reviews that hide a name."""
    rows = pd.read_csv(tiny_csv)
    hidden = pd.DataFrame(
        {"text": ["○○さんに手数料を取られた", "○○さんから直接契約の話が来た"], "reasons": ["fees", "graduated"]}
    ).assign(sentiment="negative")
    path = tmp_path_factory.mktemp("neutral") / "reviews.csv"
    pd.concat([rows, hidden]).to_csv(path, index=False)
    return taikai.train(path, config=FeatureConfig(word_ngrams=None, char_ngrams=(1, 2), min_df=1), folds=0)


@pytest.mark.parametrize(
    ("text", "placeholder"),
    [("手数料が[電話番号]で高い", "[電話番号]"), ("ｼｽﾃﾑ料が[メール]", "[メール]"), ("[URL]の手数料", "[URL]")],
)
def test_a_placeholder_is_read_as_one_neutral_mark_spanning_it(neutral_chars_model, text, placeholder):
    start = text.index(placeholder)
    explanation = explain(neutral_chars_model, text, top=100_000)
    spans = {c.feature: c.spans for head in explanation.heads() for c in head.contributions}
    assert spans[NEUTRAL] == ((start, start + len(placeholder)),)
    assert not any(ch in feature for feature in spans for ch in "[]")
    [prediction] = neutral_chars_model.predict(text)
    assert explanation.reason.probability == pytest.approx(prediction.reason_proba[prediction.reason], abs=1e-6)


@pytest.mark.parametrize("placeholder", [*PLACEHOLDERS.values(), *(p.lower() for p in PLACEHOLDERS.values())])
def test_the_read_text_is_neutralize_s(placeholder):
    text = f"ａ{placeholder}と{placeholder}の手数料"
    read, where = read_with_offsets(normalize(text), normalize_with_offsets(text))
    assert read == neutralize(normalize(text)) and len(where) == len(read)
    assert [text[s:e] for (s, e), ch in zip(where, read) if ch == NEUTRAL] == [placeholder, placeholder]


@pytest.mark.parametrize(
    ("text", "code", "out"),
    [
        (
            "[メール]",
            2,
            "taikai: error: <argument 1>: no Japanese characters but placeholders of masked personal data ([メール])",
        ),
        ("[メール] です", 0, "reason: "),
    ],
)
def test_cli_explain_judges_a_masked_text_as_predict_does(tiny_model_dir, text, code, out):
    explained = CliRunner().invoke(cli, ["explain", text, "--model", str(tiny_model_dir)])
    predicted = CliRunner().invoke(cli, ["predict", text, "--model", str(tiny_model_dir), "--format", "json"])
    assert explained.exit_code == code, explained.output
    assert out in explained.output
    if code == 0:
        [prediction] = json.loads(predicted.stdout)
        assert explained.stdout.startswith(f"reason: {prediction['reason']} ")


RULES = """
[[rule]]
name = "fee trouble"
label = "trouble"
any = ["手数料"]

[[rule]]
name = "never"
label = "time"
any = ["存在しない語"]
"""


@pytest.mark.parametrize(
    ("text", "mode", "names", "final", "conflict"),
    [
        ("手数料が高すぎる", "flag", ("fee trouble",), "fees", True),
        ("手数料が高すぎる", "override", ("fee trouble",), "trouble", True),
        ("本業が忙しくて時間が取れない", "override", (), "time", False),
    ],
)
def test_rules_say_what_fired_and_the_reason_written_beside_the_model_s_own(
    tiny_model, text, mode, names, final, conflict
):
    rules = parse_rules(RULES)
    explanation = explain(tiny_model, text, top=3, rules=rules, rules_mode=mode)
    [prediction] = tiny_model.predict(text, rules, mode)
    assert (explanation.rules.names, explanation.final_reason, explanation.rule_conflict) == (names, final, conflict)
    assert (explanation.final_reason, explanation.rule_conflict) == (prediction.reason, prediction.rule_conflict)
    assert explanation.rules_mode is RulesMode(mode)
    plain = explain(tiny_model, text, top=3)
    assert (explanation.reason, explanation.sentiment) == (plain.reason, plain.sentiment)  # the model's, unchanged
    assert explanation.to_dict()["rules"] == {
        "rules_mode": mode,
        "rule_names": list(names),
        "rule_reasons": ["trouble"] if names else [],
        "rule_conflict": conflict,
        "final_reason": final,
        "final_reasons": list(prediction.reasons),
    }
    assert explanation.final_reasons == prediction.reasons and explanation.final_reasons[0] == final
    assert "rules" not in plain.to_dict() and plain.rules is None and plain.final_reason is None


def test_rules_mode_override_without_rules_is_refused(tiny_model):
    with pytest.raises(taikai.InputError, match=r"^rules_mode='override' applies to rules: give them with rules="):
        explain(tiny_model, "手数料が高すぎる", rules_mode="override")


@pytest.mark.parametrize(
    ("mode", "expected", "final_reasons"),
    [
        ("flag", "rules (flag): 'fee trouble' fired: trouble\nfinal reason: fees (手数料が高い)  ", ["fees"]),
        (  # the final reasons, as predict's under override: the rule's label, then the model's
            "override",
            "rules (override): 'fee trouble' fired: trouble\n"
            "final reason: trouble (トラブル・不信)  reasons trouble|fees  ",
            ["trouble", "fees"],
        ),
    ],
)
def test_cli_explain_rules_follow_the_model_s_explanation(tiny_model_dir, tmp_path, mode, expected, final_reasons):
    path = tmp_path / "rules.toml"
    path.write_text(RULES, encoding="utf-8")
    args = ["explain", "手数料が高すぎる", "--model", str(tiny_model_dir), "--rules", str(path), "--rules-mode", mode]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("reason: fees (手数料が高い)  p=")
    assert result.stdout.rstrip("\n").endswith(f"{expected}(the rules disagree with the model's fees)")
    data = json.loads(CliRunner().invoke(cli, [*args, "--format", "json"]).stdout)
    assert data["rules"]["rule_names"] == ["fee trouble"] and data["reason"]["label"] == "fees"
    assert (data["reasons"], data["rules"]["final_reasons"]) == (["fees"], final_reasons)


@pytest.mark.parametrize(
    ("extra", "rules_text", "error"),
    [
        (
            ["--rules-mode", "override"],
            None,
            "taikai: error: --rules-mode override applies to rules: give the rules file",
        ),
        (
            [],
            '[[rule]]\nname = "x"\nlabel = "nope"\nany = ["手"]\n',
            ":1: rule 'x' (rule 1 of the file): label 'nope' is not a reason",
        ),
    ],
)
def test_cli_explain_rules_errors(tiny_model_dir, tmp_path, extra, rules_text, error):
    if rules_text is not None:
        path = tmp_path / "bad.toml"
        path.write_text(rules_text, encoding="utf-8")
        extra = [*extra, "--rules", str(path)]
        error = f"taikai: error: {path}{error}"
    result = CliRunner().invoke(cli, ["explain", "手数料が高い", "--model", str(tiny_model_dir), *extra])
    assert result.exit_code == 2 and result.stdout == ""
    assert error in result.stderr, result.stderr


@pytest.mark.parametrize("head", ["reason", "sentiment"])
def test_toward_and_against_list_the_strongest_first(tiny_model, head):
    """Regression: ``against`` ran weakest first ([-0.084, -0.085, -0.58]), unlike ``toward``."""
    explained = getattr(taikai.explain(tiny_model, "手数料が高すぎて、提案も通らないのでやめました", top=20), head)
    toward, against = [c.weight for c in explained.toward], [c.weight for c in explained.against]
    assert toward and against
    assert toward == sorted(toward, reverse=True) and all(w > 0 for w in toward)
    assert against == sorted(against) and all(w < 0 for w in against)


SECRET = "田中さんの電話090-1234-5678とtaro@example.comに手数料が高すぎると送った"
MASKED = "[人名]さんの電話[電話番号]と[メール]に手数料が高すぎると送った"


@pytest.mark.parametrize(("mask_pii", "shown"), [(False, SECRET), (True, MASKED)])
def test_explain_with_mask_pii_explains_the_masked_text_as_predict_does(tiny_model, mask_pii, shown):
    explanation = explain(tiny_model, SECRET, top=100, mask_pii=mask_pii)
    [predicted] = tiny_model.predict(SECRET, mask_pii=mask_pii)
    assert explanation.text == predicted.text == shown
    assert explanation.reason.label == predicted.reason
    assert explanation.reason.probability == pytest.approx(predicted.reason_proba[predicted.reason])
    heads = (explanation.reason, explanation.sentiment)
    matched = [shown[a:b] for head in heads for c in head.contributions for a, b in c.spans]
    assert "手数料" in matched  # the spans index the text shown
    if mask_pii:  # and no feature holds a masked value
        assert not [m for m in matched if any(v in m for v in ("田中", "090", "1234", "taro", "example"))]


@pytest.mark.parametrize(
    ("args", "counts"),
    [
        (["--format", "json"], "email [メール] 1, phone [電話番号] 1, name [人名] 1"),
        (["--top", "3"], "email [メール] 1, phone [電話番号] 1, name [人名] 1"),
    ],
)
def test_cli_explain_mask_pii_shows_only_the_masked_text(tiny_model_dir, args, counts):
    result = CliRunner().invoke(cli, ["explain", SECRET, "--model", str(tiny_model_dir), "--mask-pii", *args])
    assert result.exit_code == 0, result.output
    assert f"taikai: personal data masked: {counts}" in result.stderr
    for value in ("田中", "090-1234-5678", "taro@example.com"):
        assert value not in result.stdout
    if "json" in args:
        assert json.loads(result.stdout)["text"] == MASKED
    else:
        assert click.unstyle(result.stdout).count(MASKED) >= 1
