"""Tell EUC-JP bytes from CP932: short EUC-JP Japanese decodes in CP932 without error, as half-width katakana.

EUC-JP writes every kana and kanji as two bytes of 0xA1-0xFE. CP932 reads 0xA1-0xDF as single half-width katakana
and punctuation (もうやめた becomes ､筅ｦ､荀皃ｿ), so a short EUC-JP text passes for CP932 and would be classified
as mojibake. Japanese in CP932 almost never decodes as EUC-JP: its hiragana, katakana and most kanji have lead bytes
0x81-0x9F, which EUC-JP refuses; only text of half-width katakana (and rare kanji) can, and it reads as plausible
half-width katakana, which EUC-JP's bytes seldom do.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from taikai._masked_messages import quoted_text
from taikai.errors import ENCODING, InputError

EUC_JP = "euc_jp"
_JAPANESE = re.compile("[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff5e]")
"""What EUC-JP's two-byte characters decode to in Japanese text: CJK punctuation, kana, kanji, full-width forms."""
_KANA = re.compile("[\u3041-\u30fa]")
_CP932_FAILS = re.compile("[\ufffd\ue000-\uf8ff]")
"""What CP932 reads bytes it cannot decode as (read "replaced"), and the private-use area, no real text."""
_HALF_WIDTH = re.compile("[\uff61-\uff9f]")
_KANA_HALF = re.compile("[\uff66-\uff9f]")
"""Half-width katakana, small kana and sound marks: half-width forms without the punctuation ｡｢｣､･."""
_ASCII_WORD = re.compile("[0-9A-Za-z]")
_STOPS = {"､": "｣", "｡": "｣｡", "･": ""}
"""Half-width punctuation that follows a word (a kana, ``OK､``), and what other mark it may follow (｣､ ｡｡｡)."""
_SMALL = "ｧｨｩｪｫｬｭｮｯ"
_MARKS = "ｰﾞﾟ"
_VOICED = "ｳｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ"  # what ﾞ may follow
_SEMI_VOICED = "ﾊﾋﾌﾍﾎ"  # what ﾟ may follow
_YA_YU_YO = "ｷｼﾁﾆﾋﾐﾘｲｸﾃﾌｳﾞﾟ"  # what ｬ ｭ ｮ may follow (ｷｬ, ﾃｭ, ｼﾞｬ, ﾋﾟｭ)


@dataclass(frozen=True)
class EucJpReading:
    """Bytes that are most likely EUC-JP: how EUC-JP and CP932 read them (for a message)."""

    euc_jp: str
    cp932: str


def euc_jp_reading(data: bytes, final: bool = True) -> EucJpReading | None:
    """Return how EUC-JP and CP932 read *data* when it is most likely EUC-JP Japanese, else ``None``.

    That is when it decodes as EUC-JP into Japanese characters only, and CP932 reads it as (mostly) half-width
    katakana that cannot be real: besides half-width katakana it has full-width characters (the rare kanji CP932
    reads a byte pair of 0xE0-0xEF with a trail of 0xA1 or more as), or its half-width katakana break the rules of
    kana (a sound mark after a kana that takes none, a small kana opening a word) or of punctuation (a ､ opening a
    word or following another mark, as EUC-JP's hiragana read: ｲﾔ､ｲ､ﾊ､､ for 稼げない). Correctly spelled half-width
    katakana is CP932 even when EUC-JP reads kana in it (ｱﾝｹﾝ､ｵｿｲ): a missed short EUC-JP text is the lesser harm.
    Unless *final*, *data* is a sample that may end inside a character.
    """
    if data.isascii():
        return None
    try:
        euc = codecs.getincrementaldecoder(EUC_JP)().decode(data, final=final)
        cp932 = codecs.getincrementaldecoder("cp932")("replace").decode(data, final=final)
    except UnicodeDecodeError:
        return None
    wide = [c for c in euc if not c.isascii()]
    if not all(_JAPANESE.match(c) for c in wide):
        return None
    reading = EucJpReading(euc, cp932)
    others = [c for c in cp932 if not c.isascii() and not _HALF_WIDTH.match(c)]
    if others:
        return reading
    return reading if not _plausible_half_width(cp932) else None


def euc_jp_text(data: bytes, final: bool = True) -> EucJpReading | None:
    """Return how EUC-JP and CP932 read *data*, bytes that decode neither as UTF-8 nor as CP932, when they decode
    cleanly as EUC-JP into Japanese (kana among the characters, most of them Japanese), else ``None``.

    Any real-size EUC-JP file is such: its hiragana run into bytes CP932 cannot decode. Unless *final*, *data* is a
    sample that may end inside a character.
    """
    try:
        euc = codecs.getincrementaldecoder(EUC_JP)().decode(data, final=final)
    except UnicodeDecodeError:
        return None
    wide = [c for c in euc if not c.isascii()]
    japanese = sum(1 for c in wide if _JAPANESE.match(c))
    if not any(_KANA.match(c) for c in wide) or 2 * japanese < len(wide):
        return None
    return EucJpReading(euc, codecs.getincrementaldecoder("cp932")("replace").decode(data, final=final))


def _plausible_half_width(text: str) -> bool:
    """Return whether the half-width katakana and punctuation (｡｢｣､･) of *text* follow the rules of spelling."""
    before = " "
    for c in text:
        if c in _STOPS and not (_KANA_HALF.match(before) or _ASCII_WORD.match(before) or before in _STOPS[c]):
            return False  # a comma or a dot opens a word or follows another mark (EUC-JP's ､ｲ for げ, ｡｢ for 、)
        if c == "｣" and before in "､･":
            return False
        if c in _SMALL or c in _MARKS:
            if not _HALF_WIDTH.match(before) or before in "｡｢｣､･":
                return False  # a small kana or a sound mark opens a word
            if (c == "ﾞ" and before not in _VOICED) or (c == "ﾟ" and before not in _SEMI_VOICED):
                return False
            if c in "ｬｭｮ" and before not in _YA_YU_YO:
                return False
        before = c
    return True


def euc_jp_error(source: object, reading: EucJpReading, noun: str) -> InputError:
    """Return the error for *source*, a *noun* (``file``, ``input``) that looks like EUC-JP (*reading*), naming its
    first line that is not ASCII and how both encodings read that line, or only how EUC-JP reads it when CP932
    cannot read it (bytes it does not decode, or decodes into the private-use area), which is then no choice."""
    euc_lines, cp932_lines = reading.euc_jp.splitlines(), reading.cp932.splitlines()  # line breaks are single bytes
    number = next((i for i, line in enumerate(euc_lines) if not line.isascii()), 0)
    euc = _clip(euc_lines[number] if euc_lines else "")
    if _CP932_FAILS.search(reading.cp932):
        line = quoted_text(euc_lines[number], len(euc_lines[number])) if euc_lines else ""  # masked whole, then cut
        start = max(0, next((i for i, c in enumerate(line) if not c.isascii()), 0) - 5)  # from its Japanese
        euc = ("…" if start else "") + _clip(line[start:])
        return InputError(
            f"{source}:{number + 1}: the {noun} looks like EUC-JP: it does not decode as UTF-8 or CP932, but does "
            f"as EUC-JP, that line reading as {euc!r}; pass {ENCODING.either(['euc-jp'])}"
        )
    cp932 = _clip(cp932_lines[number] if number < len(cp932_lines) else "")
    return InputError(
        f"{source}:{number + 1}: the {noun} looks like EUC-JP: that line reads as {euc!r} in EUC-JP, as {cp932!r} in "
        f"CP932; pass {ENCODING.either(['euc-jp'])}, or {ENCODING.either(['cp932'])} if it is CP932 half-width "
        "katakana"
    )


def _clip(line: str, length: int = 20) -> str:
    return quoted_text(line, length)
