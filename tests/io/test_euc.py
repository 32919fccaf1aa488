"""Telling EUC-JP from CP932: short EUC-JP texts decode in CP932 as half-width katakana, and are refused as such."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from support_text import half_width

from taikai.errors import InputError
from taikai.io import decode_argument, decode_input, detect_encoding
from taikai.io._euc import euc_jp_reading

ROOT = Path(__file__).resolve().parents[2]
HINT = (
    "pass encoding='euc-jp' (--encoding euc-jp on the command line), or "
    "encoding='cp932' (--encoding cp932 on the command line) if it is CP932 half-width katakana"
)


@pytest.mark.parametrize(
    ("text", "cp932"),
    [
        ("もうやめた", "､筅ｦ､荀皃ｿ"),
        ("稼げない", "ｲﾔ､ｲ､ﾊ､､"),  # ､ after ､: hiragana, not punctuation
        ("した", "､ｷ､ｿ"),  # ､ opening a word
        ("渦ぃ", "ｱｲ､｣"),  # ｣ closing after ､ or ･ (EUC-JP's ぃ, ィ), else spelled as kana may be
        ("渦ィ", "ｱｲ･｣"),
        ("最悪", "ｺﾇｰｭ"),  # kanji only: its half-width reading breaks kana spelling (ｭ after ｰ)
        ("低単価", "ﾄ翕ｱｲﾁ"),  # kanji only: CP932 reads a full-width kanji in it
        ("単価が安すぎる。二度と使わない", None),
    ],
)
def test_short_euc_jp_is_recognised(text, cp932):
    reading = euc_jp_reading(text.encode("euc_jp"))
    assert reading is not None
    assert reading.euc_jp == text
    if cp932 is not None:
        assert reading.cp932 == cp932


@pytest.mark.parametrize(
    "text",
    ["ｼｽﾃﾑ利用料", "ｼｽﾃﾑ", "ﾄﾗﾌﾞﾙ", "ｷｬﾝｾﾙ", "ﾊﾟｽﾜｰﾄﾞ", "ﾁｬｯﾄ", "ﾚﾋﾞｭｰ", "ｸﾗｲｱﾝﾄ", "ｵｰﾀﾞｰ", "手数料が高い", "abc"],
)
def test_cp932_half_width_katakana_is_not_taken_for_euc_jp(text):
    assert euc_jp_reading(text.encode("cp932")) is None


@pytest.mark.parametrize(
    "text", ["ｶｽﾀﾏｰｻﾎﾟｰﾄ､ｵｿｲ", "ｼﾊﾗｲｶﾞ､ｵｿｲ", "ﾗﾝｻｰｽﾞ､ﾔﾒﾀ", "ｱﾝｹﾝ･ｻｷﾞ", "ｱﾝｹﾝ｡ｵｵｲ", "｢ｻｷﾞ｣､ｲﾔ｡｡｡", "OK､ｵｿｲ"]
)
def test_half_width_punctuation_that_euc_jp_reads_as_kana_is_cp932(text):
    """､ ･ ｡ (0xA4, 0xA5, 0xA1) lead EUC-JP's hiragana, katakana and ゝ: EUC-JP reads kana in these, wrongly."""
    assert euc_jp_reading(text.encode("cp932")) is None


_KANA = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜ"
_SYLLABLES = [
    *_KANA,
    *(c + "ﾞ" for c in "ｳｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ"),
    *(c + "ﾟ" for c in "ﾊﾋﾌﾍﾎ"),
    *(c + y for c in ("ｷ", "ｼ", "ﾁ", "ﾆ", "ﾋ", "ﾐ", "ﾘ", "ｼﾞ", "ｷﾞ", "ﾋﾟ") for y in "ｬｭｮ"),
]


def _half_width_review(rng: random.Random) -> str:
    """Return a random review in correctly spelled half-width katakana, its words parted by ､ ･ ｡ or a space."""

    def word() -> str:
        ends = ["", "", "", "ｰ", "ﾝ", "ｯ"]
        return "".join(rng.choice(_SYLLABLES) + rng.choice(ends) for _ in range(rng.randint(1, 5)))

    text = word() + "".join(rng.choice("､､､･｡ ") + word() for _ in range(rng.randint(1, 6)))
    text = f"｢{text}｣" if rng.random() < 0.2 else text
    return text + rng.choice(["", "", "｡", "､", "!", "?"])


def test_no_generated_half_width_review_in_cp932_looks_like_euc_jp():
    rng = random.Random(0)
    reviews = [_half_width_review(rng) for _ in range(20_000)]
    assert sum("､" in review or "･" in review or "｡" in review for review in reviews) > 15_000
    looks = [review for review in reviews if euc_jp_reading(review.encode("cp932")) is not None]
    assert looks == []
    files = ["id,text\n" + "".join(f"{i},{rng.choice(reviews)}\n" for i in range(rows)) for rows in (1, 2, 3) * 500]
    assert [file for file in files if euc_jp_reading(file.encode("cp932")) is not None] == []


@pytest.mark.parametrize("name", ["reviews.csv", "sample_dump.csv"])
@pytest.mark.parametrize("width", ["full", "half"])
def test_no_corpus_row_in_cp932_looks_like_euc_jp(name, width):
    rows = (ROOT / "data" / name).read_text(encoding="utf-8").splitlines()
    shown = (lambda row: row) if width == "full" else half_width
    looks = [row for row in rows if euc_jp_reading(shown(row).encode("cp932", "replace")) is not None]
    assert looks == []


EUC_FILE = "id,text\n1,もうやめた\n2,最悪\n".encode("euc_jp")


def test_a_file_that_looks_like_euc_jp_is_refused_naming_its_line(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(EUC_FILE)
    with pytest.raises(InputError) as caught:
        detect_encoding(path, errors="replace")  # not read as mojibake either way
    assert str(caught.value) == (
        f"{path}:2: the file looks like EUC-JP: that line reads as '1,もうやめた' in EUC-JP, as '1,､筅ｦ､荀皃ｿ' in "
        f"CP932; {HINT}"
    )


def test_standard_input_and_arguments_that_look_like_euc_jp_are_refused():
    with pytest.raises(InputError, match=rf"^standard input:2: the input looks like EUC-JP: .*; {re.escape(HINT)}$"):
        decode_input(EUC_FILE)
    argument = "もうやめた".encode("euc_jp").decode("utf-8", "surrogateescape")
    with pytest.raises(InputError, match=r"^<argument>:1: the text looks like EUC-JP: that line reads as 'もうやめた'"):
        decode_argument(argument)
    assert decode_argument(argument, "euc-jp") == "もうやめた"
    assert decode_input(EUC_FILE, "euc-jp").lines[1:] == ["1,もうやめた", "2,最悪"]


def test_a_cp932_file_of_half_width_katakana_with_punctuation_is_cp932(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes("id,text\n1,ｶｽﾀﾏｰｻﾎﾟｰﾄ､ｵｿｲ\n2,ｱﾝｹﾝ･ｻｷﾞ\n3,ｱﾝｹﾝ｡ｵｵｲ\n".encode("cp932"))
    assert detect_encoding(path) == "cp932"


SAMPLE_DUMP = (ROOT / "data" / "sample_dump.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("errors", ["strict", "replace"])
def test_a_real_size_euc_jp_file_is_named_euc_jp_not_undecodable(tmp_path, errors):
    """Its ★ … are not taken for short EUC-JP mojibake; CP932 fails on it, and EUC-JP reads it as Japanese."""
    data = SAMPLE_DUMP.encode("euc_jp", "replace")
    assert euc_jp_reading(data) is None
    path = tmp_path / "euc.csv"
    path.write_bytes(data)
    expected = (
        ":2: the {} looks like EUC-JP: it does not decode as UTF-8 or CP932, but does as EUC-JP, that line reading "
        "as '…orks,元旦から何やってんだろ。こたつ…'; pass encoding='euc-jp' (--encoding euc-jp on the command line)"
    )
    with pytest.raises(InputError) as caught:
        detect_encoding(path, errors=errors)
    assert str(caught.value) == f"{path}" + expected.format("file")
    with pytest.raises(InputError) as caught:
        decode_input(data, errors=errors)
    assert str(caught.value) == "standard input" + expected.format("input")
    assert (
        decode_input(data, "euc-jp")
        .lines[1]
        .endswith(
            "元旦から何やってんだろ。こたつでクラウドワークスのアンケートに答え続けて12件、合計84円。甥っ子にあげたお年玉の方がよっぽど高い。今年はもう少しまともな稼ぎ方を考えたい"
        )
    )


@pytest.mark.parametrize(
    "data",
    ["id,text\n1,手数料が高い\n".encode("cp932") + b"2,\xff\xfe\n", b"id,text\n1,caf\xe9 \xa9\n"],
    ids=["cp932-damaged", "latin-1"],
)
def test_bytes_that_decode_in_no_encoding_tried_are_not_called_euc_jp(tmp_path, data):
    path = tmp_path / "in.csv"
    path.write_bytes(data)
    with pytest.raises(InputError, match="cannot decode as UTF-8 or CP932") as caught:
        detect_encoding(path)
    assert "EUC-JP" not in str(caught.value)
