"""The errors of a value read where a text was that is none: an object (a JSON object, a dict), an Excel error value
(``#N/A``), and UTF-8 read as CP932 (mojibake), each a :class:`~taikai.text._problems.CheckedText` of its
:class:`~taikai.text._problems.TextProblem`."""

from __future__ import annotations

import re
import unicodedata

from taikai._cut import cut_list
from taikai.text._problems import CheckedText, TextProblem, problem_text

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


def excel_error(text: str) -> CheckedText | None:
    """The error of a *text* that is an Excel error value (``#N/A``), which a sheet shows and exports where a
    formula failed, or a formula itself (``=HYPERLINK(…)``, exported as written); else ``None``."""
    value = text.strip()
    if value.upper() in _EXCEL_ERRORS:
        return problem_text(TextProblem.EXCEL_ERROR, value=value)
    if _FORMULA.match(value):
        shown = value if len(value) <= 40 else value[:39] + "…"
        return problem_text(TextProblem.SPREADSHEET_FORMULA, shown=shown)
    return None


_FORMULA = re.compile(r"=[A-Za-z][A-Za-z0-9._]*\(")
"""The start of a spreadsheet formula: ``=`` and a function's name and parenthesis (``=HYPERLINK(``, ``=SUM(``)."""


_FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
"""Full-width digits and Latin letters (ｗｗｗ, ＯＫ), which NFKC reads as the ASCII ones they are."""


def full_width_latin(text: str) -> CheckedText | None:
    """The error of a *text* of no Japanese that holds full-width Latin letters or digits (ｗｗｗ, a laugh):
    they look Japanese, but NFKC reads them as the Latin ones they are (www), so the model finds no Japanese; else
    ``None``. A laugh alone carries no reason to classify, as an emoticon alone does not."""
    found = _FULL_WIDTH.search(text)
    if found is None:
        return None
    written = found.group()
    read = unicodedata.normalize("NFKC", written).lower()
    if len(written) > 10:
        written, read = written[:9] + "…", read[:9] + "…"
    return problem_text(TextProblem.FULL_WIDTH_LATIN, written=written, read=read)


def object_problem(value: dict[object, object], shown: int = 5) -> CheckedText:
    """Return the error of an object (a JSON object, a dict) read where a text was: its keys (the first *shown*),
    and to copy the one holding the text up to a column of its own (a batch run of a JSONL file whose text column
    holds objects warns with the ``jq`` command)."""
    keys = [repr(k) for k in value]
    named = f"the key {keys[0]}" if len(keys) == 1 else f"the keys {cut_list(keys, shown)}"
    return problem_text(TextProblem.OBJECT, named=named)


def utf8_as_cp932(text: str, letters: re.Pattern[str]) -> CheckedText | None:
    """The error of a *text* (as the model reads it) of UTF-8 read as CP932 (``--encoding-errors replace``
    reads a UTF-8 line of a CP932 file so): two or more of 縺 繧 繝, at least a tenth of its Japanese characters
    (those *letters* finds; see :data:`_UTF8_AS_CP932`); else ``None``."""
    marks = len(_UTF8_AS_CP932.findall(text))
    japanese = len(letters.findall(text))
    if marks < 2 or marks * 10 < japanese:
        return None
    return problem_text(TextProblem.UTF8_AS_CP932, marks=marks, japanese=japanese)
