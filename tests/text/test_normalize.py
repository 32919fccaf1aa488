"""What check_text reads: HTML character references decoded, and as Japanese kana and kanji that make words."""

import re

import pytest

from taikai.text import CUT_MESSAGE, check_text, cut_to, nfkc_decoded_with_offsets, normalize

MARKS_ONLY = "no Japanese words, only marks such as ・ ー ヽ or a lone kana, as in an emoticon"
NO_JAPANESE = "no Japanese characters"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("(´・ω・`)", MARKS_ONLY),  # middle dots
        ("・・・", MARKS_ONLY),
        ("ーーー", MARKS_ONLY),  # prolonged sound marks alone
        ("(ﾟ∀ﾟ)", MARKS_ONLY),  # half-width handakuten: a combining mark after NFKC
        ("゛", MARKS_ONLY),  # the spacing voicing mark
        ("ヽ(・∀・)ﾉ", MARKS_ONLY),  # an iteration mark and a lone katakana letter as the arms
        ("¯\\_(ツ)_/¯", MARKS_ONLY),  # a lone katakana letter as the face
        ("(｀・ω・´)ゞ", MARKS_ONLY),
        ("(ノ・ω・)ノ", MARKS_ONLY),  # a kana followed by a middle dot is an arm, not a word
        ("(・へ・)", MARKS_ONLY),  # a lone kana between middle dots is a mouth
        ("(ノﾟ∀ﾟ)ノ", MARKS_ONLY),  # a kana followed by a voicing mark NFKC cannot join to it
        ("ノ゠ノ", MARKS_ONLY),  # the double hyphen separates, as ・ does
        ("ね…", MARKS_ONLY),  # a one-kana word alone is not read, as before
        ("々々", MARKS_ONLY),
        ("ゝゞヽヾ゠", MARKS_ONLY),
        ("(^_^)", NO_JAPANESE),
        ("XD", NO_JAPANESE),
    ],
)
def test_marks_and_emoticons_are_not_japanese(text, message):
    checked = check_text(text)
    assert checked.status == "error"
    assert checked.message.startswith(message)
    assert checked.message.endswith("the model only reads Japanese")


MOSTLY_REPLACED = "mostly U+FFFD, the character of bytes that did not decode: "


@pytest.mark.parametrize(
    ("text", "status", "message"),
    [
        # CP932 read as UTF-8 with --encoding-errors replace: a kanji by chance among the U+FFFD is no review
        (
            "\ufffd\ufffd\ufffdU\ufffd\ufffd\ufffd牽\ufffd\ufffd\ufffd\ufffdĂ",
            "error",
            MOSTLY_REPLACED + "10 of them against 1",
        ),
        ("手" + "\ufffd" * 40, "error", MOSTLY_REPLACED + "40 of them against 1"),  # counted as given, not cut to 3
        ("abc\ufffd", "error", NO_JAPANESE),  # no Japanese at all: said so, as before
        # Three Japanese characters in a row come from no text read in the wrong encoding (none of data/reviews.csv
        # read so): 手数料 is a word of a review, the U+FFFD after it emoji lost upstream, as in the rows below.
        ("手数料\ufffd\ufffd\ufffd\ufffd", "ok", ""),
        ("[電話番号]手\ufffd\ufffd", "error", MOSTLY_REPLACED + "2 of them against 1"),  # a placeholder is not Japanese
        ("［電話番号］手\ufffd\ufffd", "error", MOSTLY_REPLACED + "2 of them against 1"),
        ("手数料が高い\ufffd", "ok", ""),  # one byte lost in a review: still read
        ("手数\ufffd\ufffd", "ok", ""),  # as many Japanese characters as U+FFFD
        # A review followed by a run of U+FFFD (emoji lost upstream): the Japanese outside the run is a sentence.
        ("報酬が安すぎる" + "\ufffd" * 8, "ok", ""),
        ("時給が低すぎて辞めました" + "\ufffd" * 13, "ok", ""),
        ("\ufffd" * 20 + "ラーメン" + "\ufffd" * 20, "ok", ""),
        ("ｶﾀｶﾅ" + "\ufffd" * 9, "ok", ""),  # half-width katakana, as the model reads it
        # Mostly U+FFFD with a few Japanese characters, none three in a row: chance, as in a misread file.
        ("手\ufffd数\ufffd\ufffd料\ufffd\ufffd\ufffd", "error", MOSTLY_REPLACED + "6 of them against 3"),
        ("\ufffd\ufffd牽\ufffd\ufffd\u3333\ufffd", "error", MOSTLY_REPLACED + "5 of them against"),  # ㌳ is フィート
    ],
)
def test_a_text_of_more_replacement_characters_than_japanese_is_not_classified(text, status, message):
    from taikai.privacy import NOT_JAPANESE_PLACEHOLDERS

    checked = check_text(text, ignore=NOT_JAPANESE_PLACEHOLDERS)
    assert (checked.status, checked.message[: len(message)]) == (status, message)
    assert not message.startswith("mostly") or checked.message.endswith(
        "none three in a row, which are no review to classify (the model only reads Japanese); decode the text in "
        "its own encoding (a file: read it in its encoding)"
    )


@pytest.mark.parametrize(
    "text",
    [
        "ーーー良い",  # marks with a kanji
        "ラーメン",
        "ノー",  # a kana with a prolonged sound mark
        "えー・・・",
        "ｷﾀ━(ﾟ∀ﾟ)━!",  # two kana in a row
        "(笑)",  # one kanji
        "高",
        "いすゞ",
        "コヽロ",  # a katakana iteration mark repeats the kana before it
        "はい",
        "(´・ω・)ノシ",  # two kana in a row (ノシ, a wave) are read as a word
        "ㇰㇱ",  # katakana phonetic extensions
        "(´・ω・`)手数料が高い",
    ],
)
def test_kana_and_kanji_that_make_words_are_japanese(text):
    assert check_text(text).status == "ok"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("[人名]", "error"),  # only a placeholder: its kanji are not the text's
        ("ノ[人名]ノ", "error"),  # the placeholder taken out does not join two lone kana
        ("[人名]さん", "ok"),
    ],
)
def test_placeholders_are_judged_without_their_kanji(text, status):
    assert check_text(text, ignore=re.compile(r"\[人名\]")).status == status


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("&#25163;&#25968;&#26009;&#12364;&#39640;&#12356;", "手数料が高い"),  # decimal references
        ("&#x624B;&#x6570;&#x6599;が高い", "手数料が高い"),  # hexadecimal
        ("&amp;手数料が高い", "&手数料が高い"),  # the same text as written without the reference
        ("&lt;b&gt;最悪&lt;/b&gt;", "<b>最悪</b>"),
        ("手数料&nbsp;高い&#10;です", "手数料 高い です"),  # a decoded space or control character is one space
        ("&#xFF83;&#xFF7D;&#xFF84;", "テスト"),  # decoded half-width katakana go through NFKC too
        ("か&#x3099;", "が"),  # a decoded voicing mark joins its letter, as NFKC joins them
        ("&amp;lt;", "<"),  # encoded twice
        ("＆amp;", "&"),  # a reference NFKC makes
        ("&Amp;", "&"),  # a reference lower-casing makes
        ("Q&A", "q&a"),  # no reference
        ("&copy2024 &notice", "&copy2024 &notice"),  # no semicolon: not decoded, though html.unescape would
        ("&foo;", "&foo;"),  # an unknown name stays
    ],
)
def test_normalize_decodes_html_character_references(raw, expected):
    assert normalize(raw) == expected
    assert normalize(expected) == expected  # idempotent


def test_text_in_html_character_references_is_japanese():
    checked = check_text("&#25163;&#25968;&#26009;&#12364;&#39640;&#12356;")
    assert (checked.status, checked.text) == ("ok", "手数料が高い")


@pytest.mark.parametrize(
    ("text", "decoded", "as_written"),
    [
        ("納品後に&#12289;修正", "納品後に、修正", "納品後に&#12289;修正"),
        ("&AMP;手数料", "&手数料", "&amp;手数料"),
        ("ＡＢＣ手数料&#x3002;", "abc手数料。", "abc手数料&#x3002;"),
    ],
)
def test_references_false_normalizes_as_before_references_were_decoded(text, decoded, as_written):
    """The key of row hashes of versions 1 and 2: a model trained then hashed references as written."""
    assert normalize(text) == decoded
    assert normalize(text, references=False) == as_written
    assert check_text(text, references=False).text == as_written


@pytest.mark.parametrize(
    ("raw", "decoded", "second_span"),
    [
        ("a&#64;example.com", "a@example.com", (1, 6)),  # @ spans its whole reference
        ("a&amp;#64;b", "a@b", (1, 10)),  # nested: decoded twice, as normalize does
        ("ａ＆#64;ｂ", "a@b", (1, 6)),  # a full-width ampersand makes a reference after NFKC
        ("a&Amp;#64;b", "a@b", (1, 10)),  # a name in another case, as normalize lower-cases it
        ("a&nosuch;b", "a&nosuch;b", (1, 2)),  # an unknown name stays, each character its own
    ],
)
def test_nfkc_decoded_with_offsets_decodes_references_as_normalize_does(raw, decoded, second_span):
    mapped = nfkc_decoded_with_offsets(raw)
    assert mapped.text == decoded
    assert normalize(mapped.text) == normalize(raw)
    assert mapped.span(1, 2) == second_span


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("手数料\udce8高い", "not valid text: a lone surrogate (U+DCE8: byte 0xe8 left undecoded) at character 4;"),
        ("\ud800手数料", "not valid text: a lone surrogate (U+D800) at character 1;"),
        ("\udc80手数料", "not valid text: a lone surrogate (U+DC80: byte 0x80 left undecoded) at character 1;"),
        ("手数料\udcff", "not valid text: a lone surrogate (U+DCFF: byte 0xff left undecoded) at character 4;"),
        ("手数料\udc7f", "not valid text: a lone surrogate (U+DC7F) at character 4;"),  # no byte escapes to it
    ],
    ids=["undecoded-byte", "high-surrogate", "first-byte", "last-byte", "below-the-bytes"],
)
def test_a_lone_surrogate_is_an_error_not_dropped(text, message):
    checked = check_text(text)
    assert (checked.text, checked.status) == ("", "error")
    assert checked.message.startswith(message)
    assert "decode the bytes first" in checked.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("最高!!!", "最高!!!"),  # three of a kind stay
        ("最高!!!!", "最高!!!"),  # four are cut to three
        ("ありがとうーーーーーーー", "ありがとうーーー"),
        ("すごいwwwwwだめだめだめだめ", "すごいwwwだめだめだめだめ"),  # only runs of one character
        ("あ\n\n\n\nい", "あ い"),  # line breaks are whitespace, collapsed, not a run
        ("ははは、はははは", "ははは、ははは"),
    ],
)
def test_runs_of_one_character_longer_than_three_are_cut_to_three(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[電話番号]", "no Japanese characters but placeholders of masked personal data ([電話番号]), which do not"),
        (
            "[URL] [電話番号] [url]",
            "no Japanese characters but placeholders of masked personal data ([URL] [電話番号] [url]),",
        ),
        ("［ＵＲＬ］", "no Japanese characters but placeholders of masked personal data ([url]), which do not"),
        ("call [メール]", "no Japanese characters but placeholders of masked personal data ([メール]), which do not"),
        ("hello", "no Japanese characters: the model only reads Japanese"),
        ("[電話番号]ー", "no Japanese words, only marks such as ・ ー ヽ"),
        ("[電話番号]に連絡", ""),  # ok
    ],
    ids=["one", "several", "full-width", "with-english", "no-placeholder", "marks", "japanese"],
)
def test_a_text_of_placeholders_only_says_so(text, message):
    """Regression: taikai predict "[電話番号]" said "no Japanese characters", of a text that looks Japanese."""
    from taikai.privacy import NOT_JAPANESE_PLACEHOLDERS

    checked = check_text(text, ignore=NOT_JAPANESE_PLACEHOLDERS)
    assert checked.message.startswith(message)
    assert (checked.status.value == "ok") is (message == "")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # Regression: the Japanese of an IRI's path is read as part of the URL; the error no longer says there is none.
        ("https://ja.wikipedia.org/wiki/クラウドソーシング", "no Japanese characters outside URLs: a URL is read as"),
        ("ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ／ａをご覧ください", "no Japanese characters outside URLs: a URL is"),
        ("www.example.jp/wiki/東京", "no Japanese characters outside URLs: a URL is read as the one word URL"),
        ("https://example.com/wiki/東京で登録", "no Japanese characters outside URLs: a URL is read as"),
        ("https://example.com/a", "no Japanese characters: the model only reads Japanese"),
        ("hello", "no Japanese characters: the model only reads Japanese"),
    ],
)
def test_a_text_whose_only_japanese_is_in_urls_says_so(text, message):
    checked = check_text(text)
    assert not checked.ok
    assert checked.message.startswith(message)


@pytest.mark.parametrize(
    ("text", "message"),
    [  # Regression (h365): "no Japanese characters" alone, of full-width letters that look Japanese
        ("ｗｗｗ", "no Japanese characters: full-width letters and digits are the Latin ones (ｗｗｗ is www), not"),
        ("ｗｗｗｗｗ！", "(ｗｗｗｗｗ is wwwww)"),
        ("ＯＫ", "(ＯＫ is ok)"),
        ("１２３４５６７８９０１", "(１２３４５６７８９… is 123456789…)"),
        ("www", "no Japanese characters: the model only reads Japanese"),
        ("！！", "no Japanese characters: the model only reads Japanese"),
        ("ｗｗｗ手数料が高い", ""),  # ok: a laugh beside Japanese is read
    ],
)
def test_a_text_of_full_width_latin_only_says_how_it_reads(text, message):
    checked = check_text(text)
    assert message in checked.message
    assert checked.ok is (message == "")


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("https://ex.com/wiki/手数料", False),  # the Japanese of its path: part of the URL
        ("https://ex.com/wiki/手数料が高い", False),  # glued to it, after no /: part of it
        ("https://ex.com/wiki/ab/で登録", True),  # a / that hiragana follows ends the URL
        ("https://ex.com/手数料", True),  # so does the domain's / that any Japanese follows
    ],
)
def test_the_url_message_states_the_rule_the_normaliser_reads_urls_by(text, ok):
    """Regression: the message said Japanese in a URL or glued to it is read as part of it, whatever follows a /."""
    checked = check_text(text)
    assert checked.ok is ok
    assert checked.message == (
        ""
        if ok
        else "no Japanese characters outside URLs: a URL is read as the one word URL up to the next space, the "
        "Japanese of its path or glued to it included (it ends before a / that hiragana follows, or one right after "
        "the domain that any Japanese follows); the model only reads Japanese"
    )


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        # Regression: Japanese after the domain's / and hiragana after any / are the text's, not the URL's, as
        # masking reads them: a review going on right after a URL can be classified.
        ("https://www.lancers.jp/で登録したけど仕事がない。", "url で登録したけど仕事がない。"),
        ("詳細はhttps://example.com/を見てください。", "詳細は url を見てください。"),
        ("www.crowdworks.jp/から応募した、でも全然だめ", "url から応募した、でも全然だめ"),
        ("https://example.com/a/b/を見て", "url を見て"),
        ("www.example.jp/東京で", "url 東京で"),
        # A path, a query and Japanese glued after ASCII stay the URL's, up to the next space.
        ("https://ja.wikipedia.org/wiki/クラウドソーシング 参照", "url 参照"),
        ("https://example.com/search?q=東京 で検索", "url で検索"),
        ("資料はhttps://docs.example.com/d/abc123/editにあります", "資料は url"),
        ("https://x.com//a/b?c=d#e 次", "url 次"),
    ],
)
def test_a_url_is_read_up_to_a_space_or_japanese_after_a_slash(text, normalized):
    assert normalize(text) == normalized
    assert check_text(text).ok


@pytest.mark.parametrize(
    ("message", "cut"),
    [
        ("text longer than 10000 characters: only the first 10000 were classified", 10_000),
        ("text longer than 500 characters: only the first 500 were classified", 500),  # a model's own max_chars
        ("text longer than 500 characters: only the first 10000 were classified", None),  # not check_text's
        ("no Japanese characters", None),
        ("", None),
        (None, None),
        (float("nan"), None),  # an empty message cell, read by pandas
    ],
)
def test_cut_to_reads_the_length_a_cut_text_was_classified_on(message, cut):
    from taikai.text import cut_to

    assert cut_to(message) == cut


def test_check_text_says_a_cut_with_the_message_cut_to_reads():
    from taikai.text import CUT_MESSAGE, check_text, cut_to

    checked = check_text("手数料が高い" * 20, max_chars=50)
    assert checked.message == CUT_MESSAGE.format(max_chars=50) and cut_to(checked.message) == 50


@pytest.mark.parametrize(
    ("value", "said"),
    [("", "empty"), (" \t", "blank"), ("a.csv", None), (" a.csv", None), (None, None), (3, None)],
)
def test_empty_or_blank(value, said):
    from taikai.text import empty_or_blank

    assert empty_or_blank(value) == said


@pytest.mark.parametrize(
    ("text", "max_chars", "classified", "cut"),
    [
        ("手数料が高い", 6, "手数料が高い", None),  # exactly max_chars: whole, and no message
        ("手数料が高い", 7, "手数料が高い", None),
        ("手数料が高い。", 6, "手数料が高い", 6),  # one more: cut to max_chars, and said
        ("手数料が高い。" * 3, 1, "手", 1),
        ("ｔｅｓｔ手数料", 7, "test手数料", None),  # counted after normalisation (full-width letters are one each)
    ],
)
def test_a_text_is_cut_only_past_max_chars_and_to_exactly_max_chars(text, max_chars, classified, cut):
    """A text of max_chars characters is classified whole without a message; a longer one from its first max_chars
    characters, with the message that says how many (cut_to reads it back)."""
    checked = check_text(text, max_chars)
    assert (checked.text, checked.status) == (classified, "ok")
    assert checked.message == ("" if cut is None else CUT_MESSAGE.format(max_chars=max_chars))
    assert cut_to(checked.message) == cut


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"text": "手数料が高い"}, "not text: an object with the key 'text'; "),
        ({"text": "x", "lang": "ja"}, "not text: an object with the keys 'text', 'lang'; "),
        ({k: 1 for k in "abcdef"}, "not text: an object with the keys 'a', 'b', 'c', 'd', 'e', and 1 more; "),
        ({1: "x"}, "not text: an object with the key 1; "),
        ({}, "not text: a value of type dict"),  # no key to name
        (["x"], "not text: a value of type list"),
    ],
)
def test_an_object_read_as_a_text_names_its_keys_and_what_to_do(value, message):
    checked = check_text(value)
    assert (checked.status.value, checked.message[: len(message)]) == ("error", message)
    if value and isinstance(value, dict):
        assert checked.message.endswith(
            "copy the key holding the text up to a column of its own first, and read that column"
        )


def _as_cp932(text: str) -> str:
    """Return *text* written in UTF-8 and read as CP932, undecodable bytes as U+FFFD (``--encoding-errors replace``)."""
    return text.encode("utf-8").decode("cp932", errors="replace")


@pytest.mark.parametrize(
    ("value", "status"),
    [
        (_as_cp932("時間がない"), "error"),  # 譎る俣縺後↑縺・: two of six
        (_as_cp932("シュフティで住所録の入力を2時間やって、承認されたのが180円"), "error"),
        (_as_cp932("手数料が高すぎて続けられませんでした"), "error"),
        ("時間がない", "ok"),
        ("縺れた糸をほどくのに時間がかかった", "ok"),  # one, written: a word (縺れる)
        ("縺繧繝" + "案件の単価が低すぎて生活できない" * 3, "ok"),  # fewer than a tenth of its Japanese characters
        ("縺縺", "error"),
    ],
)
def test_utf8_read_as_cp932_is_an_error_that_says_so(value, status):
    checked = check_text(value)
    assert checked.status.value == status, checked
    if status == "error":
        assert checked.message.startswith("UTF-8 text read as CP932 (mojibake): "), checked.message
        assert checked.message.endswith("read it as UTF-8 (a file of lines in both encodings: convert it to one first)")
