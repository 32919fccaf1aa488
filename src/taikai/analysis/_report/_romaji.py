"""Whether Latin words read as a romanised Japanese name (``Taro Yamada``, ``YAMADA Taro``), not as English words
(``Data Entry``, ``Credit Card``) nor as places (``Tokyo Osaka``).

Every word must be written in Hepburn syllables, as a passport writes a name: a vowel, a consonant and a vowel
(ka, shi, chi, tsu, fu, ji), a palatal one (kyo, sha, ryu), the syllabic n (n, n' before a vowel, m before b, m and
p: Homma, Sampei), a long vowel doubled, marked (ō, â) or written oh (Ohno, Satoh), and a doubled consonant before
its syllable (kk, ss, tt, pp, tch, cch: Hattori, Hatchobori). English words nearly always break that (a consonant
cluster, an l, a v, a final consonant other than n). And not every word may be on a short list of words made of
such syllables that category values are written with: English words (Data Base, Home Page, To Do), Japanese words
English has taken (Anime, Sushi) and places (Tokyo Osaka, Shibuya; Chiba Taro is a name, Chiba Kawasaki is not).

Limits: a name in another spelling (Kunrei ``Syuhei``, ``Tuda``) and a non-Japanese name (``John Smith``,
``Mary Jane Watson``, ``David Tanaka``) do not read as one; a non-Japanese name made of such syllables does
(``Maria Sato``, ``Mike Tanaka``, ``John Kimura``), and so do two romanised Japanese words that are no name and not
listed (``Kaigo Shigoto``).
"""

from __future__ import annotations

import re
import unicodedata

_LONG_MARKS = str.maketrans("āīūēōâîûêô", "aiueoaiueo")
_PLAIN = str.maketrans("āīūēōâîûêôĀĪŪĒŌÂÎÛÊÔ", "aiueoaiueoAIUEOAIUEO", "'’-")


def _syllables() -> list[str]:
    """Every Hepburn syllable but the syllabic n and the oh of a long o, longest first."""
    plain = {*"aiueo", "shi", "chi", "tsu", "fu", "ji", "ya", "yu", "yo", "wa"}
    plain |= {c + v for c in "kgsztdnhbpmr" for v in "aeo"}
    plain |= {c + "i" for c in "kgnhbpmr"} | {c + "u" for c in "kgsznbpmr"}
    plain |= {c + "y" + v for c in "kgnhbpmr" for v in "auo"} | {c + v for c in ("sh", "ch", "j") for v in "auo"}
    doubled = {s[0] + s for s in plain if s[0] in "kstp"} | {"t" + s for s in plain if s.startswith("ch")}
    doubled |= {"c" + s for s in plain if s.startswith("ch")}  # cch: Macchi, as names are also written
    return sorted(plain | doubled, key=lambda s: (-len(s), s))


# One way only to read a word: the syllabic n never before a vowel or y, nor m but before b, m, p; no backtracking.
_SYLLABLE = re.compile(
    "(?:"
    + "|".join(_syllables())
    + "|n(?![aiueoy])|n['’\\-](?=[aiueoy])|m(?=[bmp])"  # the syllabic n: Kenta, Shin'ichi, Homma
    + "|(?<=o)h(?![aiueoy])"  # oh, a long o: Ohno, Satoh
    + ")+"
)
# Words made of Hepburn syllables that category values are written with: English words, Japanese words English
# has taken, and places (some, such as Chiba and Kawasaki, common surnames too: a value is no name only when every
# word of it is listed).
_LISTED = (
    "are base be data demo do done game go gone he home hope make me memo menu mode more name no node none "
    "note one page pure remote same so some sure to zero zone amazon yahoo beta gamma omega kappa banana "
    "mango tomato potato piano anime manga sushi ramen udon soba tofu tempura sake karaoke karate judo sumo "
    "kimono origami bonsai ninja samurai tsunami kabuki emoji tokyo toukyou osaka oosaka kyoto kyouto nagoya "
    "sapporo kobe koube yokohama sendai saitama hokkaido hokkaidou okinawa kyushu kyuushu shikoku honshu "
    "kanto kantou kansai tohoku touhoku tokai toukai hokuriku chugoku chuugoku kinki shinjuku shibuya "
    "ikebukuro akihabara ginza roppongi umeda namba nanba tenjin shizuoka hyogo hyougo niigata kagoshima "
    "kanagawa aomori hiroshima fukuoka chiba kawasaki nagano nara japan nihon nippon asia"
)
LISTED_WORDS = frozenset(_LISTED.split())


def _fold(word: str) -> str:
    return unicodedata.normalize("NFKC", word).lower().translate(_LONG_MARKS)


def plain(words: str) -> str:
    """Return romanised *words* with their long marks dropped and no apostrophe nor hyphen (Ōno Shin'ichi: Ono
    Shinichi), as masking reads a Latin name."""
    return words.translate(_PLAIN)


def is_hepburn(word: str) -> bool:
    """Whether *word* (any case) is written in Hepburn syllables only (the module's first rule)."""
    return _SYLLABLE.fullmatch(_fold(word)) is not None


def reads_as_romanised_name(words: list[str]) -> bool:
    """Whether every one of *words* is a Hepburn word and not every one of them is a listed English word or place
    (``Data Base``, ``Tokyo Osaka`` and ``To Do`` are not names; ``Go Yamada`` and ``Chiba Taro`` are)."""
    folded = [_fold(w) for w in words]
    return bool(folded) and all(_SYLLABLE.fullmatch(w) for w in folded) and not all(w in LISTED_WORDS for w in folded)
