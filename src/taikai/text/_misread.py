"""The errors of a value read where a text was that is none: an object (a JSON object, a dict), an Excel error value
(``#N/A``), and UTF-8 read as CP932 (mojibake)."""

from __future__ import annotations

import re
import unicodedata

from taikai._cut import cut_list

# 縺 繧 繝: CP932's reading of E3 81, E3 82, E3 83, the first two bytes of every UTF-8 hiragana and katakana (ひらがな
# read as CP932: 縺ｲ繧峨′縺ｪ), so a UTF-8 text read as CP932 is dense with them (a fifth of the characters of the
# median review of data/reviews.csv so read); in real Japanese they are not written: none in the 8,536 reviews of
# data/reviews.csv, the 7,367 livedoor articles (9.3 million characters) or the 2,813 chABSA sentences.
_UTF8_AS_CP932 = re.compile("[縺繧繝]")


_EXCEL_ERRORS = frozenset(
    {
        "#N/A",
        "#VALUE!",
        "#REF!",
        "#DIV/0!",
        "#NAME?",
        "#NUM!",
        "#NULL!",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        "#GETTING_DATA",
    }
)
"""The values Excel shows, and exports to CSV, for a formula that failed (a lookup that found nothing: ``#N/A``)."""


def excel_error(text: str) -> str | None:
    """The error message of a *text* that is an Excel error value (``#N/A``), which a sheet shows and exports where a
    formula failed, or a formula itself (``=HYPERLINK(…)``, exported as written); else ``None``."""
    value = text.strip()
    if value.upper() in _EXCEL_ERRORS:
        return (
            f"an Excel error value ({value}), not a review: a formula failed in the sheet the file was exported "
            "from (a lookup that found nothing gives #N/A); fix it there and export again, or leave the row out"
        )
    if _FORMULA.match(value):
        shown = value if len(value) <= 40 else value[:39] + "…"
        return (
            f"a spreadsheet formula ({shown}), not a review: the file holds the formula, not what it shows; "
            "export the values (in Excel: copy the column, paste as values) and export again"
        )
    return None


_FORMULA = re.compile(r"=[A-Za-z][A-Za-z0-9._]*\(")
"""The start of a spreadsheet formula: ``=`` and a function's name and parenthesis (``=HYPERLINK(``, ``=SUM(``)."""


_FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
"""Full-width digits and Latin letters (ｗｗｗ, ＯＫ), which NFKC reads as the ASCII ones they are."""


def full_width_latin(text: str) -> str | None:
    """The error message of a *text* of no Japanese that holds full-width Latin letters or digits (ｗｗｗ, a laugh):
    they look Japanese, but NFKC reads them as the Latin ones they are (www), so the model finds no Japanese; else
    ``None``. A laugh alone carries no reason to classify, as an emoticon alone does not."""
    found = _FULL_WIDTH.search(text)
    if found is None:
        return None
    written = found.group()
    read = unicodedata.normalize("NFKC", written).lower()
    if len(written) > 10:
        written, read = written[:9] + "…", read[:9] + "…"
    return (
        f"no Japanese characters: full-width letters and digits are the Latin ones ({written} is {read}), not "
        "Japanese; the model only reads Japanese"
    )


def object_message(value: dict[object, object], shown: int = 5) -> str:
    """Return the message of an object (a JSON object, a dict) read where a text was: its keys (the first *shown*),
    and to copy the one holding the text up to a column of its own (a batch run of a JSONL file whose text column
    holds objects warns with the ``jq`` command)."""
    keys = [repr(k) for k in value]
    named = f"the key {keys[0]}" if len(keys) == 1 else f"the keys {cut_list(keys, shown)}"
    return (
        f"not text: an object with {named}; copy the key holding the text up to a column of its own first, "
        "and read that column"
    )


def utf8_as_cp932(text: str, letters: re.Pattern[str]) -> str | None:
    """The error message of a *text* (as the model reads it) of UTF-8 read as CP932 (``--encoding-errors replace``
    reads a UTF-8 line of a CP932 file so): two or more of 縺 繧 繝, at least a tenth of its Japanese characters
    (those *letters* finds; see :data:`_UTF8_AS_CP932`); else ``None``."""
    marks = len(_UTF8_AS_CP932.findall(text))
    japanese = len(letters.findall(text))
    if marks < 2 or marks * 10 < japanese:
        return None
    return (
        f"UTF-8 text read as CP932 (mojibake): {marks} of its {japanese} Japanese characters are 縺 繧 繝, which "
        "Japanese text does not hold; read it as UTF-8 (a file of lines in both encodings: convert it to one first)"
    )
