"""The text as the finders read it: list numerals and other characters NFKC makes digits of read as a mark, format
characters left out and a tab or a run of spaces read as one space, as the model reads them."""

from __future__ import annotations

import re
import unicodedata

from taikai.text import INVISIBLE, OffsetMap

LIST_MARK = "■"
"""What the finders read in place of a circled or parenthesised numeral (①, ⑴, ⒈, ㉑): a list marker, not digits."""
LIST_NUMERALS = {
    c: LIST_MARK
    for c in (*range(0x2460, 0x2500), *range(0x3251, 0x3260), *range(0x32B1, 0x32C0))
    if any(ch.isdigit() for ch in unicodedata.normalize("NFKC", chr(c)))
}
# NFKC makes ① a 1 and ⑴ a (1): the numeral would join the number after it (①090-… reads 1090-…) or end up
# inside a value's span. Read one character for another, the offsets of the original hold.
HAS_LIST_NUMERAL = re.compile("[" + "".join(map(chr, LIST_NUMERALS)) + "]")
# Other characters NFKC makes digits of, with or without more (½ is 1⁄2, ² is 2, ㏠ is 1日): read as a mark, a value
# glued after one (½090-1234-5678) stands apart, as it does in the text as written.
DIGIT_FORMS = {
    c: LIST_MARK
    for block in (
        (0xB2, 0xBF),
        (0x2070, 0x20A0),
        (0x2150, 0x2190),
        (0x2460, 0x2500),
        (0x3200, 0x3400),
        (0x1F100, 0x1F10D),
    )
    for c in range(*block)
    if c not in LIST_NUMERALS
    and not chr(c).isdecimal()
    and any(ch.isdigit() for ch in unicodedata.normalize("NFKC", chr(c)))
}
HAS_DIGIT_FORM = re.compile("[" + "".join(map(chr, DIGIT_FORMS)) + "]")


# What the model reads otherwise than it is written (taikai.text.normalize): a format character as nothing (a
# zero-width space or a soft hyphen inside 090-1234-5678 or an e-mail address), and a tab or a run of spaces as one
# space (LINE ID:  taro_88, 090<TAB>1234<TAB>5678). Masking looks for values in the text as the model reads it.
READ_OTHERWISE = re.compile(f"{INVISIBLE.pattern}|[ \t]{{2,}}|\t")


def as_read(folded: OffsetMap) -> OffsetMap:
    """Return *folded* without its format characters (:data:`taikai.text.INVISIBLE`), and with each tab or run of
    spaces as one space: a value's span in the original runs over what was left out."""
    text: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for ch, start, end in zip(folded.text, folded.starts, folded.ends, strict=True):
        if INVISIBLE.match(ch):
            continue
        ch = " " if ch == "\t" else ch
        if ch == " " and text and text[-1] == " ":
            ends[-1] = end
            continue
        text.append(ch)
        starts.append(start)
        ends.append(end)
    return OffsetMap(folded.original, "".join(text), tuple(starts), tuple(ends))


NAME_FORMS = str.maketrans(
    {
        "髙": "高",
        "﨑": "崎",
        "德": "徳",
        "濵": "濱",
        "栁": "柳",
        "瀨": "瀬",
        "淸": "清",
        "增": "増",
        "黑": "黒",
        "鄕": "郷",
        "昻": "昂",
        "\U00020bb7": "吉",  # 𠮷, the 吉 of 𠮷田 and 𠮷野 (not in CP932: UTF-8 texts)
    }
)
"""Kanji of names that Japanese Windows' CP932 (its IBM and NEC extensions) holds in an old or variant form, as
people write their own names (髙橋, 山﨑, 德永, 濵田) and Excel keeps them, and 𠮷 (𠮷田), which UniDic does not hold:
it reads 髙橋 as an unknown word, so that 担当の髙橋が was left where 担当の高橋が is masked. The finders read each as
the form UniDic holds (``text.translate(NAME_FORMS)``), one character for one, so the offsets hold; the text keeps
the form it was written in."""
HAS_NAME_FORM = re.compile("[髙﨑德濵栁瀨淸增黑鄕昻\U00020bb7]")
