"""Normalise review text, check that it can be classified, and tokenise it with fugashi."""

from __future__ import annotations

import math
import os
import re
import unicodedata
from typing import NamedTuple

from sklearn.base import BaseEstimator, TransformerMixin

MAX_CHARS = 10_000
"""Longest text, in characters after normalisation, that is classified; the rest is cut off (and said so)."""

STATUS_OK = "ok"
STATUS_EMPTY = "empty"
STATUS_ERROR = "error"

_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_HAS_URL = re.compile("http|www", re.IGNORECASE)  # a cheap test before the URL pattern
_SPACE = re.compile(r"\s+")
_REPEAT = re.compile(r"(.)\1{3,}")
_HAS_REPEAT = re.compile(r"(.)(?=\1\1\1)")  # a cheaper test, run first: most texts have no such run
_JAPANESE = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]")


def normalize(text: str) -> str:
    """Return *text* in the form the model sees.

    NFKC (full-width digits and Latin, half-width katakana), control and format characters removed,
    URLs replaced by ``URL``, runs of one character longer than three cut to three, Latin lower-cased,
    whitespace collapsed.
    """
    text = _INVISIBLE.sub("", _CONTROL.sub(" ", unicodedata.normalize("NFKC", text)))
    if _HAS_URL.search(text):
        text = _URL.sub(" URL ", text)
    if _HAS_REPEAT.search(text):
        text = _REPEAT.sub(r"\1\1\1", text)
    return " ".join(text.split()).lower()


class CheckedText(NamedTuple):
    """A text ready for the model, or the reason it is not."""

    text: str
    status: str
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.status == STATUS_OK


def check_text(value: object, max_chars: int = MAX_CHARS) -> CheckedText:
    """Normalise *value* and say whether it can be classified (``ok``), is ``empty``, or is an ``error``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return CheckedText("", STATUS_EMPTY, "no text (missing value)")
    if not isinstance(value, str):
        if type(value).__name__ in ("NAType", "NaTType"):
            return CheckedText("", STATUS_EMPTY, "no text (missing value)")
        return CheckedText("", STATUS_ERROR, f"not text: a value of type {type(value).__name__}")
    text = normalize(value)
    if not text:
        return CheckedText("", STATUS_EMPTY, "empty or whitespace-only text")
    message = ""
    if len(text) > max_chars:
        text = text[:max_chars]
        message = f"text longer than {max_chars} characters: only the first {max_chars} were classified"
    if not _JAPANESE.search(text):
        return CheckedText("", STATUS_ERROR, "no Japanese characters: the model only reads Japanese")
    return CheckedText(text, STATUS_OK, message)


def _default_dicdir() -> str:
    import unidic_lite

    return unidic_lite.DICDIR


class JapaneseTokenizer(TransformerMixin, BaseEstimator):
    """Split normalised texts into words with fugashi, joined by single spaces.

    ``form="surface"`` keeps words as written; ``form="base"`` uses the dictionary form (orthBase) so that
    稼げなかった and 稼げない share 稼げる. The fugashi Tagger is created lazily, once per process, and never
    pickled.
    """

    def __init__(self, form: str = "surface", dicdir: str | None = None):
        self.form = form
        self.dicdir = dicdir

    def fit(self, X, y=None):
        """Check the parameters; nothing is learned."""
        if self.form not in ("surface", "base"):
            raise ValueError(f"form must be 'surface' or 'base', not {self.form!r}")
        return self

    def __sklearn_is_fitted__(self) -> bool:
        return True

    def _get_tagger(self):
        # One Tagger per process and per parameters: a fork, or set_params(form=...), gets a fresh one.
        key = (os.getpid(), self.form, self.dicdir)
        tagger = self.__dict__.get("_tagger")
        if tagger is None or self.__dict__.get("_tagger_key") != key:
            import fugashi

            dicdir = self.dicdir or _default_dicdir()
            args = f'-d "{dicdir}" -r "{os.path.join(dicdir, "mecabrc")}"'
            if self.form == "surface":
                tagger = fugashi.Tagger(args + " -Owakati")
            else:
                # MeCab writes each word's dictionary form (unidic field 10, orthBase) itself, or the surface of
                # an unknown word: no Python object per word.
                tagger = fugashi.GenericTagger(args + r' -O "" -F "%f[10]\s" -U "%m\s" -E "\n"')
            self.__dict__["_tagger"] = tagger
            self.__dict__["_tagger_key"] = key
        return tagger

    def tokenize(self, text: str) -> list[str]:
        """Return the words of one normalised text."""
        return self._get_tagger().parse(text).split()

    def tokenize_with_spans(self, text: str) -> list[tuple[str, int, int]]:
        """Return each word of one normalised text with the start and end of its surface in *text*."""
        out, cursor = [], 0
        for node in self._get_tagger()(text):
            surface = node.surface
            if self.form == "surface" or node.is_unk:
                word = surface
            else:
                word = node.feature[10] if len(node.feature) > 10 else surface
            start = text.find(surface, cursor)
            if start < 0:
                start = cursor
            cursor = start + len(surface)
            out.extend((w, start, cursor) for w in word.split())
        return out

    def transform(self, X) -> list[str]:
        """Return each text of *X* as its words separated by spaces."""
        parse = self._get_tagger().parse
        if self.form == "surface":
            return [parse(text) for text in X]  # wakati output is exactly that
        return [parse(text).rstrip() for text in X]  # words, space-separated, without MeCab's end-of-text newline

    def __getstate__(self):
        state = self.__dict__.copy()
        state.pop("_tagger", None)
        state.pop("_tagger_key", None)
        return state


class TextNormalizer(TransformerMixin, BaseEstimator):
    """Apply :func:`normalize` to every text (idempotent, so already normalised text passes through)."""

    def fit(self, X, y=None):
        """Learn nothing."""
        return self

    def __sklearn_is_fitted__(self) -> bool:
        return True

    def transform(self, X) -> list[str]:
        """Return the normalised texts."""
        return [normalize(text) for text in X]
