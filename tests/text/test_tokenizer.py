"""Normalisation, input checks and the fugashi tokenizer."""

import math
import pickle
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from taikai.text import (
    MAX_CHARS,
    JapaneseTokenizer,
    PosTagger,
    TextNormalizer,
    TextProblem,
    WordTagger,
    check_text,
    is_missing,
    normalize,
    shown_text,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ｸﾗｳﾄﾞﾜｰｸｽ", "クラウドワークス"),
        ("手数料２０％", "手数料20%"),
        ("  本業が\n忙しい\t ", "本業が 忙しい"),
        ("最悪！！！！！！", "最悪!!!"),
        ("詳しくは https://example.com/a?b=1 を見て", "詳しくは url を見て"),
        ("ゼロ\u200b幅\ufeff文字", "ゼロ幅文字"),
        ("制御\x00文字\x1b", "制御 文字"),
        ("Lancersで", "lancersで"),
    ],
)
def test_normalize(raw, expected):
    assert normalize(raw) == expected


def test_normalize_is_idempotent():
    text = "ｺｺﾅﾗの手数料２２％は高い！！！！ https://x.jp"
    assert normalize(normalize(text)) == normalize(text)


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("単価が安い", "ok"),
        ("", "empty"),
        ("   \n\t ", "empty"),
        (None, "empty"),
        (math.nan, "empty"),
        ("I quit because of the fees", "error"),
        ("12345 !!!", "error"),
        (42, "error"),
        ("\x00\x01\x02", "empty"),
    ],
)
def test_check_text_status(value, status):
    checked = check_text(value)
    assert checked.status == status
    assert checked.ok == (status == "ok")
    if status != "ok":
        assert checked.message


@pytest.mark.parametrize("value", [b"\xe6\x89\x8b", bytearray(b"abc")])
def test_check_text_says_to_decode_bytes(value):
    assert check_text(value) == (
        "",
        "error",
        "not text: bytes; decode them first (.decode('utf-8'), or .decode('cp932'))",
        TextProblem.BYTES,
    )


@pytest.mark.parametrize(
    ("value", "missing", "shown"),
    [
        (None, True, ""),
        (math.nan, True, ""),
        (np.float64("nan"), True, ""),
        (np.float32("nan"), True, ""),
        (np.float16("nan"), True, ""),
        (np.datetime64("NaT"), True, ""),
        (np.timedelta64("NaT"), True, ""),
        (np.float32(1.5), False, "1.5"),
        (np.str_("nan"), False, "nan"),
        (pd.NA, True, ""),
        (pd.NaT, True, ""),
        ("", False, ""),
        ("nan", False, "nan"),
        ("手数料", False, "手数料"),
        (0.0, False, "0.0"),
        (42, False, "42"),
    ],
)
def test_a_missing_value_is_shown_as_an_empty_text(value, missing, shown):
    assert is_missing(value) is missing
    assert shown_text(value) == shown
    if missing:  # an empty cell, whatever the format made of it: as a CSV's ""
        empty = ("", "empty", "empty or whitespace-only text", TextProblem.EMPTY)
        assert check_text(value) == check_text("") == empty


def test_check_text_truncates_long_text_and_says_so():
    checked = check_text("手数料が高い。" * 200_000)
    assert checked.status == "ok"
    assert len(checked.text) == MAX_CHARS
    assert str(MAX_CHARS) in checked.message


@pytest.mark.parametrize(
    ("text", "form", "tokens"),
    [
        ("手数料が高い", "surface", ["手数", "料", "が", "高い"]),
        ("提案しても選ばれない", "surface", ["提案", "し", "て", "も", "選ば", "れ", "ない"]),
        ("提案しても選ばれない", "base", ["提案", "する", "て", "も", "選ぶ", "れる", "ない"]),
        ("クラウドワークスで稼げなかった", "base", ["クラウド", "ワークス", "で", "稼げる", "ない", "た"]),
        ("本業が忙しくて時間がない", "surface", ["本業", "が", "忙しく", "て", "時間", "が", "ない"]),
        ("", "surface", []),
    ],
)
def test_tokenize(text, form, tokens):
    assert JapaneseTokenizer(form=form).fit([]).tokenize(text) == tokens


def test_transform_joins_tokens_with_spaces():
    assert JapaneseTokenizer().fit_transform(["直接契約になりました"]) == ["直接 契約 に なり まし た"]


@pytest.mark.parametrize(
    "call",
    [
        lambda: JapaneseTokenizer(form="lemma").fit([]),
        lambda: JapaneseTokenizer(form="lemma").transform(["本業が忙しい"]),  # transform needs no fit
        lambda: JapaneseTokenizer(form="base").fit(["本業"]).set_params(form="Base").transform(["本業が忙しい"]),
        lambda: JapaneseTokenizer(form="lemma").tokenize("本業が忙しい"),
    ],
    ids=["fit", "transform", "set_params after fit", "tokenize"],
)
def test_bad_form_is_refused(call):
    with pytest.raises(ValueError, match=r"^form must be 'surface' or 'base', not '(lemma|Base)'$"):
        call()


def test_tokenizer_pickles_without_its_tagger():
    tokenizer = JapaneseTokenizer()
    tokenizer.transform(["手数料が高い"])  # makes (or finds) the process's tagger
    restored = pickle.loads(pickle.dumps(tokenizer))
    assert restored.__dict__ == {"form": "surface", "dicdir": None, "cp932_fold": 0}
    assert restored.transform(["手数料が高い"]) == ["手数 料 が 高い"]
    assert restored.tagger() is tokenizer.tagger()


def test_tokenizer_follows_estimator_contract():
    tokenizer = JapaneseTokenizer(form="base")
    assert tokenizer.get_params() == {"form": "base", "dicdir": None, "cp932_fold": 0}
    assert tokenizer.fit(["x"]) is tokenizer


@pytest.mark.slow
def test_unpickled_tokenizer_works_in_a_fresh_process(tmp_path):
    path = tmp_path / "tok.pkl"
    path.write_bytes(pickle.dumps(JapaneseTokenizer(form="base")))
    code = f"import pickle; t = pickle.load(open({str(path)!r}, 'rb')); print(t.transform(['稼げなかった'])[0])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "稼げる ない た"


def test_normalizer_transformer():
    assert TextNormalizer().fit_transform(["ｱｲ  ｳ"]) == ["アイ ウ"]


@pytest.mark.parametrize("form", ["surface", "base"])
@pytest.mark.parametrize(
    "text", ["提案しても選ばれなかった", "クラウドワークスで20%引かれる", "手数料 が 高い", "ほげぴよ"]
)
def test_tokenize_with_spans_matches_tokenize(form, text):
    tokenizer = JapaneseTokenizer(form=form)
    located = tokenizer.tokenize_with_spans(text)
    assert [word for word, _, _ in located] == tokenizer.tokenize(text)
    for word, start, end in located:
        if form == "surface":
            assert text[start:end] == word
        assert 0 <= start < end <= len(text)


def test_changing_the_form_makes_a_new_tagger():
    tokenizer = JapaneseTokenizer(form="surface")
    assert tokenizer.tokenize("稼げなかった") == ["稼げ", "なかっ", "た"]
    tokenizer.set_params(form="base")
    assert tokenizer.tokenize("稼げなかった") == ["稼げる", "ない", "た"]


@pytest.mark.parametrize("url", ["HTTPS://EXAMPLE.COM/x", "WWW.EXAMPLE.JP", "Http://a.b"])
def test_urls_in_any_case_become_url(url):
    assert normalize(f"{url} 手数料") == "url 手数料"


@pytest.mark.parametrize("form", ["surface", "base"])
@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("手数料 が  高い", [0, 2, 4, 7]),  # MeCab skips the spaces before a word: Node.white_space
        (" 手数料", [1, 3]),
        ("a  b", [0, 3]),
        ("ーーーー", [0, 1, 2, 3]),
    ],
)
def test_spans_come_from_the_whitespace_mecab_skipped(form, text, starts):
    located = JapaneseTokenizer(form=form).tokenize_with_spans(text)
    assert [s for _, s, _ in located] == starts
    surfaces = JapaneseTokenizer(form="surface").tokenize_with_spans(text)
    assert [text[s:e] for _, s, e in surfaces] == [w for w, _, _ in surfaces]


def _normalize_every_step(text: str) -> str:
    """normalize() without its pre-checks: every substitution applied to every text."""
    import unicodedata

    from taikai.text import _normalize as n

    text = n.INVISIBLE.sub("", n.CONTROL.sub(" ", unicodedata.normalize("NFKC", text)))
    text = n.REPEAT.sub(r"\1\1\1", n.URL.sub(" URL ", text))
    return " ".join(text.split()).lower()


@pytest.mark.parametrize(
    "text",
    [
        "手数料が高い",
        "手数料\x07が\u200b高い",  # control and invisible characters, no h or w
        "ｈｔｔｐｓ://ｅｘ.ｊｐ を見て",  # full-width: a URL only after NFKC
        "Www.example.jp\u00adだ",
        "hhhhh wwww 単価",  # h and w that make no URL
        "ありがとうううう http://a.b\x00",
    ],
)
def test_normalize_pre_checks_skip_only_substitutions_that_change_nothing(text):
    assert normalize(text) == _normalize_every_step(text)


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda texts: JapaneseTokenizer().transform(texts), ["手数 料 が 高い", "時間 が ない"]),
        (lambda texts: JapaneseTokenizer().tokenize(texts[0]), ["手数", "料", "が", "高い"]),
        (lambda texts: WordTagger().words(texts[0])[1], ["手数料", "高い"]),
        (lambda texts: [m.surface for m in PosTagger().tag(texts[1])], ["時間", "が", "ない"]),
    ],
    ids=["transform", "tokenize", "words", "tag"],
)
def test_the_items_of_a_numpy_array_of_texts_are_read_as_str(call, expected):
    """Regression: numpy's str_ (an item of np.array([...])) stopped in fugashi: "Argument 'text' has incorrect type
    (expected str, got numpy.str_)"."""
    texts = np.array(["手数料が高い", "時間がない"])
    assert call(texts) == call(texts.tolist()) == expected


# Each row: one text as written in UTF-8, as a CP932 file read back holds it (Excel's CP932 save), and as typed in
# ASCII where there is such a spelling; normalised, the model's tokenizer with the fold must read them as one.
LOOK_ALIKES = [
    ("月3〜5件の手数料", "月3～5件の手数料", "月3~5件の手数料"),
    ("手取りは−20%になった", "手取りは－20%になった", "手取りは-20%になった"),
    ("単価‖手数料の話", "単価∥手数料の話"),
    ("報酬—手数料の話", "報酬―手数料の話"),
]


@pytest.mark.parametrize("form", ["surface", "base"])
@pytest.mark.parametrize("spellings", LOOK_ALIKES)
def test_a_folding_tokenizer_reads_cp932_look_alikes_as_one(form, spellings):
    texts = [normalize(text) for text in spellings]
    assert len(set(texts)) > 1  # normalisation alone keeps them apart
    folding = JapaneseTokenizer(form, cp932_fold=1)
    assert len(set(folding.transform(texts))) == 1
    assert len({tuple(folding.tokenize(text)) for text in texts}) == 1
    # the same words at the same offsets: the fold is one character for one, so spans index the text as given
    assert len({tuple(folding.tokenize_with_spans(text)) for text in texts}) == 1
    assert len(set(JapaneseTokenizer(form).transform(texts))) == len(set(texts))  # no fold: as written
    tokens = {tuple(WordTagger(form, cp932_fold=1).words(text)[0]) for text in texts}
    assert tokens == {tuple(folding.transform(texts)[0].split())}  # drift counts the words the model reads


def test_a_tokenizer_pickled_before_the_fold_folds_nothing():
    state = pickle.loads(pickle.dumps(JapaneseTokenizer("base"))).__getstate__()
    del state["cp932_fold"]  # as a taikai from before the fold pickled it
    restored = JapaneseTokenizer.__new__(JapaneseTokenizer)
    restored.__setstate__(state)
    assert restored.get_params() == {"form": "base", "dicdir": None, "cp932_fold": 0}
    assert restored.transform([normalize("月3〜5件")]) == ["月 3 〜 5 件"]


@pytest.mark.parametrize("value", [2, -1, "1", True])
def test_a_tokenizer_refuses_an_unknown_fold(value):
    with pytest.raises(ValueError, match="cp932_fold must be one of 0, 1"):
        JapaneseTokenizer("base", cp932_fold=value).fit(["x"])
