"""Dates of a Japanese era (和暦), as forms, government exports and Excel's Japanese calendar formats write them:
``令和8年11月3日``, ``令8年11月3日``, ``R8.11.3`` (Excel's ``ge.m.d``), ``令8.11.3`` (``gge.m.d``), ``H31/4/30``; the
era's first year written ``元`` (``令和元年5月1日``). Each is rewritten with its Western year, to be read as any date.
A month alone, as a survey dump's month column writes it (``令和8年11月``, ``R8.11``, ``令8/11``), is rewritten as
the month (``2026年11月``, ``2026-11``), which reads as its first day, as ``2026-11`` and ``2026年11月`` do.
"""

from __future__ import annotations

import re

ERAS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}
"""The year before each era's first: 令和1年 is 2019, 平成1年 1989, 昭和1年 1926, 大正1年 1912, 明治1年 1868."""
_MONTHS = {
    "明治": ((1868, 1), (1912, 7)),
    "大正": ((1912, 7), (1926, 12)),
    "昭和": ((1926, 12), (1989, 1)),
    "平成": ((1989, 1), (2019, 4)),
    "令和": ((2019, 5), (9999, 12)),
}
"""The first and last month of each era: a month alone outside them (``S1.2``, ``R1.4``: 昭和 began in December
1926, 令和 in May 2019) is no month of the era, but an id or a code, and stays unread."""
_SHORT = {
    **{"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"},
    **{"明": "明治", "大": "大正", "昭": "昭和", "平": "平成", "令": "令和"},
}
"""An era written by its letter (Excel's ``g``: ``R``) or its first kanji (``gg``: ``令``)."""
_ERA = "明治|大正|昭和|平成|令和|[明大昭平令]"
_YEAR = re.compile(rf"^\s*({_ERA})\s*(\d{{1,2}}|元)\s*年")
"""An era's year before 年: ``令和8年``, ``令8年``, ``令和元年``."""
_DOTTED = re.compile(rf"^\s*({_ERA}|[MTSHR])\s*(\d{{1,2}}|元)\s*([./-])\s*(\d{{1,2}})\s*\3\s*(\d{{1,2}})(?!\d)", re.I)
"""An era's date written with dots, slashes or hyphens: ``R8.11.3``, ``r8.11.3``, ``令8.11.3``, ``H31/4/30``."""
_DOTTED_MONTH = re.compile(rf"^\s*({_ERA}|[MTSHR])\s*(\d{{1,2}}|元)\s*[./-]\s*(0?[1-9]|1[0-2])\s*$", re.I)
"""An era's month written so, the whole cell (a month column): ``R8.11``, ``令8/11``, ``H31-4``; ``R8.13`` is none."""


def _western(era: str, year: str) -> int:
    """The Western year of the year *year* (digits, or ``元``, the first) of the era *era* (a name, letter or kanji)."""
    return ERAS[_SHORT.get(era.upper(), era)] + (1 if year == "元" else int(year))


def western_dates(text: str) -> str:
    """*text* (a cell of a date column) with a Japanese era's year written as its Western year: ``令和8年11月3日``
    as ``2026年11月3日``, ``R8.11.3`` as ``2026-11-03`` (a time after it kept), the month ``R8.11`` as ``2026-11``;
    any other text as it is."""
    if (found := _DOTTED.match(text)) is not None:
        era, year, _, month, day = found.groups()
        return f"{_western(era, year)}-{int(month):02d}-{int(day):02d}{text[found.end() :]}"
    if (found := _DOTTED_MONTH.match(text)) is not None:
        era, year, month = found.groups()
        first, last = _MONTHS[_SHORT.get(era.upper(), era)]
        if first <= (_western(era, year), int(month)) <= last:
            return f"{_western(era, year)}-{int(month):02d}"
    if "年" in text:
        return _YEAR.sub(lambda m: f"{_western(m.group(1), m.group(2))}年", text, count=1)
    return text
