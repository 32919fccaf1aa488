"""Names in Latin letters that the tagger's words miss: a handle ending in digits before an honorific
(sakura0123さん, hana_0123様: UniDic reads the digits as a number, which is no name part), and a name after an
English title (Mr. Tanaka, Ms. Sato, Dr. John Smith: no honorific follows it), and a name before an honorific
written in romaji (Tanaka-san, yamada-sama, yamada san), in a text the model reads (a name
masked is Japanese to it, so masking would make a text of English alone readable).

Both run on the NFKC text and return spans of it; the honorific and the title stay, as with every name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from taikai.privacy._kinds import Found, PiiKind
from taikai.privacy._not_names import NOT_NAMES, is_acronym
from taikai.text import check_text

_HONORIFIC = r"(?=[ ]?(?:さん|様|さま|氏|くん|君|ちゃん|先生|殿))"
# A handle: a letter, then letters, digits, _ . - and a digit at its end, glued after nothing that would make it part
# of an address, a path or another handle (tanaka@, /user88, @taro88: those are found as such).
DIGIT_HANDLE = re.compile(r"(?<![A-Za-z0-9_.\-@/:#%+])[A-Za-z][A-Za-z0-9_.\-]{0,38}[0-9]" + _HONORIFIC)
_LETTERS = re.compile("[A-Za-z]+")
# An English title, a space and the name after it: one to three capitalised words (Mr. John Smith). Glued to the
# title, a word is a brand's more often than a person's (Mr.Children, Mr.Donut, Dr.Jart, Dr.Martens), and so is a
# word in capitals (Dr. PASSPORT, Mr. IX): in livedoor news, 11 of 19 names after a title were such products.
TITLED = re.compile(
    r"(?<![A-Za-z])(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?[ ](?P<n>[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2})(?![A-Za-z])"
)
_NOT_AFTER_A_TITLE = frozenset({"children"})  # Mr.Children, the band
# English words a lower-case name before a space and san, kun or chan is not (the san, thanks chan).
_ENGLISH_BEFORE_AN_HONORIFIC = frozenset(
    {"the", "and", "for", "you", "your", "our", "his", "her", "its", "hey", "dear", "with", "from", "thanks", "thank"}
    | {"hello", "good", "bye", "see", "all", "this", "that", "nice", "great", "cool", "sorry", "please", "ask"}
)
# A name with its honorific in romaji too (Tanaka-san, Taro Yamada san, yamada-sama): capitalised words before a
# hyphen or a space, or a lower-case word before a hyphen, or before a space and san, sama, kun or chan (yamada san;
# not before sensei or senpai: my sensei, your senpai); the honorific in lower case, ending the word. Not `-shi`:
# Chiba-shi is a city (市) far more often than Mr. Chiba (氏).
ROMAJI_HONORED = re.compile(
    r"(?<![A-Za-z0-9_.\-@/:#%+])"
    r"(?:(?P<n>[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)[\- ]|(?P<m>[a-z]{3,})(?:-|[ ](?=(?:san|sama|kun|chan)(?![A-Za-z]))))"
    r"(?:san|sama|kun|chan|sensei|senpai|sempai|dono)(?![A-Za-z])"
)


def _a_handle(value: str) -> bool:
    """Whether *value*, letters and digits before an honorific, is a person's handle: two letters or more, and no
    product, service or acronym (iPhone15さん, Windows11さん, GPT4さん, PS5さん)."""
    words = _LETTERS.findall(value)
    return sum(map(len, words)) >= 2 and not any(w.lower() in NOT_NAMES or is_acronym(w) for w in words)


def find_latin_names(text: str) -> Iterator[Found]:
    """Find handles ending in digits before an honorific, names after Mr., Ms., Dr. and the like, and names before
    an honorific in romaji (Tanaka-san)."""
    if any(ch.isdigit() for ch in text):
        for m in DIGIT_HANDLE.finditer(text):
            if _a_handle(m.group()):
                yield Found(m.start(), m.end(), PiiKind.NAME)
    read: list[bool] = []  # whether the model reads the text, asked once, when a name is found

    def readable() -> bool:
        # [人名] counts as Japanese: masked, a text of English alone would become one the model reads
        if not read:
            read.append(check_text(text).ok)
        return read[0]

    if "M" in text or "D" in text or "P" in text:
        for m in TITLED.finditer(text):
            words = m.group("n").lower().replace("-", " ").split()
            if not any(w in NOT_NAMES or w in _NOT_AFTER_A_TITLE for w in words) and readable():
                yield Found(m.start("n"), m.end("n"), PiiKind.NAME)
    if "-" in text or " " in text:
        for m in ROMAJI_HONORED.finditer(text):
            group = "n" if m.group("n") else "m"
            words = m.group(group).split()
            if group == "m" and m.group(group) in _ENGLISH_BEFORE_AN_HONORIFIC:
                continue  # thanks san: an English word, not a name
            if not any(w.lower() in NOT_NAMES or is_acronym(w) for w in words) and readable():
                yield Found(m.start(group), m.end(group), PiiKind.NAME)
