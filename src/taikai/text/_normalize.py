"""Normalise review text and check that it can be classified."""

from __future__ import annotations

import html
import re
import unicodedata

from taikai._formula_value import formula_message
from taikai._missing import is_missing as is_missing
from taikai.errors import check_bool
from taikai.text._misread import excel_error, full_width_latin, object_problem, utf8_as_cp932
from taikai.text._problems import CheckedText, TextProblem, problem_text
from taikai.text._status import Status

MAX_CHARS = 10_000
"""Longest text, in characters after normalisation, that is classified; the rest is cut off (and said so)."""

REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
"""An HTML character reference ended by its semicolon (``&#25163;``, ``&#x624B;``, ``&amp;``), as scraped text holds.
Only whole references are decoded: ``html.unescape`` alone would also read ``&copy2024`` or ``&notice`` as ones."""
DECODE_PASSES = 4  # more passes for references a pass makes (&amp;lt;, ＆amp; after NFKC, &Amp; lower-cased)
# A URL runs to the next space, Japanese glued to it too (https://example.com/editにあります), but not past a / that
# Japanese follows right after the domain (https://www.lancers.jp/で登録) nor a / that hiragana follows (a particle or a
# verb glued after the URL: https://example.com/a/を見て): as taikai.privacy masks URLs.
URL = re.compile(
    r"(?:https?://|www\.)[^\s/]*(?:/(?=[\x00-\x7f])(?!\s)[^\s/]*(?:/(?![ぁ-ゖ\s])[^\s/]*)*)?/?", re.IGNORECASE
)
SPACE = re.compile(r"\s+")
REPEAT = re.compile(r"(.)\1{3,}")
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]")
"""A format character the model reads as nothing (a soft hyphen, a zero-width space or joiner, a direction mark, the
BOM) or a lone surrogate: :func:`normalize` removes them, so a value with one inside reads whole."""
SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate: in a Python str it is no character of any text (a UTF-8 encoder refuses it)."""
_HAS_ODD = re.compile(f"[{CONTROL.pattern[1:-1]}{INVISIBLE.pattern[1:-1]}]")  # one test before the two removals
_HAS_URL = re.compile("http|www", re.IGNORECASE)  # a cheap test before the URL pattern
# One character-class scan for both tests above (a character they need: h or w, any case): most texts pass.
_MAYBE_ODD_OR_URL = re.compile(f"[{_HAS_ODD.pattern[1:-1]}hHwW]")
_HAS_REPEAT = re.compile(r"(.)\1\1\1")  # a cheaper test, run first: most texts have no such run (no lookahead: faster)
_KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = "\u3041-\u3096\u309f\u30a1-\u30fa\u30ff\u31f0-\u31ff"  # hiragana and katakana letters (ゟ ヿ ㇰ included)
# Marks of the kana blocks that are not letters: 々, the voicing marks (combining, and ゛ ゜), the iteration marks
# ゝ ゞ ヽ ヾ, the double hyphen ゠, the middle dot ・ and the prolonged sound mark ー. Emoticons are made of them.
_MARKS = "\u3005\u3099-\u309e\u30a0\u30fb-\u30fe"
# The marks that lengthen or repeat the kana before them, so end a word with it: ー, the iteration marks ゝ ゞ ヽ ヾ
# and 々. Not ・ (it separates: (ノ・ω・)ノ, (・へ・)) nor the voicing marks (NFKC joins them to a kana that takes them;
# one left over is an emoticon's eye, as ﾟ in (ノﾟ∀ﾟ)ノ).
_EXTENDERS = "\u3005\u309d\u309e\u30fc-\u30fe"
# A text is read as Japanese when it has a kanji, or a kana followed by a kana or an extender (ラーメン, ノー, はい):
# a lone kana among symbols is an emoticon's arm or face (ヽ(・∀・)ﾉ, ¯\_(ツ)_/¯, (・へ・)), not a word. A one-kana word
# alone (ね) is not read either; two kana are, even in an emoticon (ノシ, a wave).
_JAPANESE = re.compile(f"[{_KANJI}]|[{_KANA}][{_KANA}{_EXTENDERS}]")
_JAPANESE_MARK = re.compile(f"[{_KANA}{_MARKS}]")
_JAPANESE_LETTER = re.compile(f"[{_KANJI}{_KANA}]")
# Japanese letters in a row that no text read in the wrong encoding holds by chance: of the 8,536 reviews of
# data/reviews.csv encoded in CP932, EUC-JP, Shift_JIS-2004 and UTF-16 (LE, BE) and read as UTF-8 with U+FFFD,
# none held three in a row but where NFKC spelled out a squared word read by chance (㌯ ピクル, ㍿ 株式会社), which is
# looked past. A review followed by emoji lost upstream (報酬が安すぎる����) holds them.
_SENTENCE = re.compile(f"[{_KANJI}{_KANA}][{_KANJI}{_KANA}{_EXTENDERS}]{{2}}")
_SQUARED = re.compile("[\u3200-\u33ff]")  # enclosed and squared letters and words (㈱, ㌔, ㍿)
REPLACED = "\ufffd"
"""The character a decoder reads an undecodable byte as: a text of more of them than of Japanese is not classified."""


def normalize(text: str, *, references: bool = True) -> str:
    """Return *text* in the form the model sees.

    NFKC (full-width digits and Latin, half-width katakana), HTML character references decoded (``&#25163;`` is 手,
    ``&amp;`` is &), control and format characters removed, URLs replaced by ``URL``, runs of one character
    longer than three cut to three, Latin lower-cased, whitespace collapsed. Normalised text stays as it is
    (references encoded up to five times over decode in one call). ``references=False`` leaves references as
    they are, as taikai did before it decoded them (the key of row hashes of versions 1 and 2).
    """
    if type(references) is not bool:  # "no" would decode them; a bool passes at no cost, as this runs per text
        references = check_bool("references", references)
    text = _normalize_once(text, references)
    if not references:
        return text
    for _ in range(DECODE_PASSES):
        if "&" not in text or not REFERENCE.search(text):
            break
        again = _normalize_once(text)
        if again == text:
            break
        text = again
    return text


def decode_reference(reference: str) -> str:
    """Return the character(s) of the HTML character reference *reference* (a whole match of :data:`REFERENCE`),
    as :func:`normalize` decodes it; an unknown name comes back as it is."""
    return html.unescape(reference)


def _normalize_once(text: str, references: bool = True) -> str:
    text = unicodedata.normalize("NFKC", text)
    if references and "&" in text:
        decoded = REFERENCE.sub(lambda m: decode_reference(m.group()), text)  # an unknown name stays
        if decoded != text:
            text = unicodedata.normalize("NFKC", decoded)
    if _MAYBE_ODD_OR_URL.search(text):
        if _HAS_ODD.search(text):
            text = INVISIBLE.sub("", CONTROL.sub(" ", text))
        if _HAS_URL.search(text):
            text = URL.sub(" URL ", text)
    if _HAS_REPEAT.search(text):
        text = REPEAT.sub(r"\1\1\1", text)
    return " ".join(text.split()).lower()


_BLANK = problem_text(TextProblem.EMPTY, Status.EMPTY)
_MISSING = _BLANK
"""A missing value (``None``, NaN: an xlsx, JSONL or Parquet file's empty cell, a frame's) is an empty text, with
the message of a CSV's empty cell (``""``): one sheet says the same of its empty cells in every format."""
_NOT_JAPANESE = problem_text(TextProblem.NOT_JAPANESE)
_JAPANESE_IN_URLS = problem_text(TextProblem.JAPANESE_IN_URLS)
_ONLY_MARKS = problem_text(TextProblem.ONLY_MARKS)


def _lone_surrogate(value: str, at: int) -> CheckedText:
    """Return the error of *value*, whose character *at* is a lone surrogate: no text, but (U+DC80-U+DCFF) a byte
    that was not decoded, as Python keeps one with ``errors="surrogateescape"`` (``os.fsdecode``, ``sys.argv``)."""
    code = ord(value[at])
    kept = f": byte {code - 0xDC00:#04x} left undecoded" if 0xDC80 <= code <= 0xDCFF else ""
    return problem_text(TextProblem.LONE_SURROGATE, code=f"U+{code:04X}{kept}", at=at + 1)


def empty_or_blank(value: object) -> str | None:
    """Return ``"empty"`` for ``""``, ``"blank"`` for a string of white space only, else ``None``: what messages call
    a path or name given so (``Path("")`` would be the current folder)."""
    if not isinstance(value, str) or value.strip():
        return None
    return "blank" if value else "empty"


def shown_text(value: object) -> str:
    """Return *value* as the text a result shows for it: a str as it is (a subclass, numpy's ``str_`` of an array of
    texts, as a plain str), ``""`` for a missing value (as a file's empty cell), anything else as ``str`` gives it."""
    if isinstance(value, str):
        return value if type(value) is str else str(value)
    return "" if is_missing(value) else str(value)


CUT_MESSAGE = "text longer than {max_chars} characters: only the first {max_chars} were classified"
"""The message of a text classified from its first ``max_chars`` characters only (its status is ``ok``)."""
_CUT = re.compile(r"text longer than ([0-9]+) characters: only the first \1 were classified")


def cut_to(message: object) -> int | None:
    """Return how many characters of a text were classified when *message* (:func:`check_text`'s, a result's
    ``message`` column) says that the text was cut to them (:data:`CUT_MESSAGE`); ``None`` for any other message."""
    match = _CUT.fullmatch(message) if isinstance(message, str) else None
    return int(match.group(1)) if match else None


_BYTES = problem_text(TextProblem.BYTES)
"""A bytes value's, its message saying what :meth:`taikai.Model.classify`'s error for bytes says."""


def check_text(
    value: object, max_chars: int = MAX_CHARS, ignore: re.Pattern[str] | None = None, *, references: bool = True
) -> CheckedText:
    """Normalise *value* and say whether it can be classified (``ok``), is ``empty``, or is an ``error``.

    ``references=False`` reads HTML character references as text, not as the characters they stand for
    (:func:`normalize`), as taikai did before it decoded them.

    *ignore* matches, in the normalised text, what stands for text taken out of it (the placeholders of masked
    personal data): it is not Japanese, and a text of nothing else is an error, as the values it replaced were.
    """
    if type(value) is not str:
        if is_missing(value):
            return _MISSING
        if not isinstance(value, str):
            if isinstance(value, bytes | bytearray):
                return _BYTES
            if isinstance(value, dict) and value:
                return object_problem(value)
            formula = formula_message(value)  # a number an xlsx workbook saved for a formula never computed
            if formula is not None:
                return CheckedText("", Status.ERROR, formula, TextProblem.UNCOMPUTED_FORMULA)
            return problem_text(TextProblem.OTHER_TYPE, type=type(value).__name__)
    surrogate = SURROGATE.search(value)
    if surrogate is not None:
        return _lone_surrogate(value, surrogate.start())
    text = normalize(value, references=references)
    if not text:
        return _BLANK
    message = ""
    if len(text) > max_chars:
        text = text[:max_chars]
        message = CUT_MESSAGE.format(max_chars=max_chars)
    judged = ignore.sub(" ", text) if ignore is not None and "[" in text else text
    if not _JAPANESE.search(judged):
        if _JAPANESE_MARK.search(judged):
            return _ONLY_MARKS
        if judged is not text:
            return _only_placeholders(value, text, ignore)
        failed = excel_error(value)
        if failed is not None:
            return failed
        if _in_urls(value):
            return _JAPANESE_IN_URLS
        wide = full_width_latin(value)
        return _NOT_JAPANESE if wide is None else wide
    if REPLACED in judged:  # Japanese by chance among bytes that did not decode is no review
        mojibake = _mostly_replaced(value, judged, ignore)
        if mojibake is not None:
            return mojibake
    if "縺" in judged or "繧" in judged or "繝" in judged:  # three scans in C: most texts hold none
        misread = utf8_as_cp932(judged, _JAPANESE_LETTER)
        if misread is not None:
            return misread
    return CheckedText(text, Status.OK, message)


def _mostly_replaced(value: str, text: str, ignore: re.Pattern[str] | None) -> CheckedText | None:
    """The error of a text *value* of more U+FFFD (counted as given: normalising cuts runs of them) than Japanese
    characters (kana and kanji) in *text*, as the model reads it, none three in a row: a text read in the wrong
    encoding with undecodable bytes replaced (``--encoding-errors replace``), whose few Japanese characters are
    chance, not the review; else ``None``. A text with three Japanese characters in a row outside the runs of U+FFFD
    (時給が低すぎて辞めました followed by emoji lost upstream as U+FFFD) is read."""
    replaced = value.count(REPLACED)
    japanese = len(_JAPANESE_LETTER.findall(text))
    if replaced <= japanese:
        return None
    as_written = unicodedata.normalize("NFKC", _SQUARED.sub(REPLACED, value))  # no word spelled out of one mark
    if _SENTENCE.search(ignore.sub(" ", as_written) if ignore is not None else as_written):
        return None
    return problem_text(TextProblem.MOSTLY_REPLACED, replaced=replaced, japanese=japanese)


def _in_urls(value: str) -> bool:
    """Whether *value* has Japanese that normalisation read as part of a URL (https://ja.wikipedia.org/wiki/東京)."""
    nfkc = unicodedata.normalize("NFKC", value)
    return _HAS_URL.search(nfkc) is not None and _JAPANESE.search(nfkc) is not None


def _only_placeholders(value: str, text: str, ignore: re.Pattern[str] | None) -> CheckedText:
    """The error of a text with no Japanese but the placeholders (``[電話番号]``) *ignore* finds in it, if any: as
    written in *value*, or as normalised in *text* (``［URL］``)."""
    found = list(dict.fromkeys(ignore.findall(value) or ignore.findall(text))) if ignore is not None else []
    if not found:
        return _NOT_JAPANESE
    return problem_text(TextProblem.ONLY_PLACEHOLDERS, found=" ".join(found))
