"""Tokenise normalised text with fugashi: a scikit-learn transformer whose MeCab tagger is made lazily per process."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from sklearn.base import BaseEstimator, TransformerMixin

from taikai.text._dicdir import default_dicdir, dictionary_args
from taikai.text._dictionary import dictionary_form, lemma_dicdir
from taikai.text._normalize import normalize
from taikai.text._texts import not_a_text, plain, plain_texts, texts_of

FORMS = ("surface", "base")


def make_tagger(form: str, dicdir: str | None = None) -> Any:
    """Return a new fugashi tagger for *form* (see :func:`make_tagger_of`)."""
    return make_tagger_of(form, dicdir)[0]


def make_tagger_of(form: str, dicdir: str | None = None) -> tuple[Any, bool]:
    """Return a new fugashi tagger that writes the words of a text in *form*, separated by spaces.

    ``surface``: fugashi's UniDic ``Tagger`` in wakati mode (its nodes also carry named features). ``base``:
    MeCab writes each word's dictionary form (unidic field 10, orthBase) itself, or the surface of an unknown
    word, so no Python object is made per word; it reads the dictionary-form copy of the dictionary
    (:func:`lemma_dicdir`), which gives the same words as ``%f[10]`` on the original, faster. The flag says
    whether the tagger reads that copy (its features are dictionary forms).
    """
    import fugashi

    check_form(form)
    dicdir = dicdir or default_dicdir()
    if form == "surface":
        return fugashi.Tagger(dictionary_args(dicdir) + " -Owakati"), False
    try:
        lemmas = lemma_dicdir(dicdir)
    except OSError:  # no writable cache: the same words from the original dictionary, a little slower
        return fugashi.GenericTagger(dictionary_args(dicdir) + r' -O "" -F "%f[10]\s" -U "%m\s" -E "\n"'), False
    return fugashi.GenericTagger(dictionary_args(lemmas) + r' -O "" -F "%H\s" -U "%m\s" -E "\n"'), True


def check_form(form: object) -> None:
    """Raise ``ValueError`` unless *form* is one of :data:`FORMS`."""
    if form not in FORMS:
        raise ValueError(f"form must be 'surface' or 'base', not {form!r}")


class JapaneseTokenizer(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Split normalised texts into words with fugashi, joined by single spaces.

    ``form="surface"`` keeps words as written; ``form="base"`` uses the dictionary form (orthBase) so that
    稼げなかった and 稼げない share 稼げる. The fugashi Tagger is created lazily, once per process, and never
    pickled.
    """

    # Pickles name the public path, so that the private module can move without breaking saved models.
    __module__ = "taikai.text"

    def __init__(self, form: str = "surface", dicdir: str | None = None):
        self.form = form
        self.dicdir = dicdir

    def fit(self, X: Iterable[str], y: object = None) -> JapaneseTokenizer:
        """Check the parameters; nothing is learned (:meth:`transform` checks them too, as it makes its tagger)."""
        check_form(self.form)
        return self

    def __sklearn_is_fitted__(self) -> bool:
        return True

    def tagger(self) -> Any:
        """Return this process's tagger; a fork, or ``set_params(form=...)``, gets a fresh one."""
        key = (os.getpid(), self.form, self.dicdir)
        tagger = self.__dict__.get("_tagger")
        if tagger is None or self.__dict__.get("_tagger_key") != key:
            tagger, derived = make_tagger_of(self.form, self.dicdir)
            self.__dict__["_tagger"] = tagger
            self.__dict__["_tagger_key"] = key
            self.__dict__["_derived"] = derived
        return tagger

    def tokenize(self, text: str) -> list[str]:
        """Return the words of one normalised text."""
        words: list[str] = self.tagger().parse(plain(text)).split()
        return words

    def tokenize_with_spans(self, text: str) -> list[tuple[str, int, int]]:
        """Return each word of one normalised text with the start and end of its surface in *text*.

        The offsets come from MeCab: each node's ``white_space`` is the whitespace it skipped before the word.
        """
        out: list[tuple[str, int, int]] = []
        cursor = 0
        nodes = self.tagger()(text)
        derived = self.__dict__["_derived"]
        for node in nodes:
            surface = node.surface
            if self.form == "surface" or node.is_unk:
                word = surface
            else:  # the word MeCab writes for this node in transform()
                word = node.feature_raw if derived else dictionary_form(node.feature_raw)
            start = cursor + len(node.white_space)
            cursor = start + len(surface)
            out.extend((w, start, cursor) for w in word.split())
        return out

    def transform(self, X: Iterable[str]) -> list[str]:
        """Return each text of *X* as its words separated by spaces."""
        X = texts_of(X)
        parse = self.tagger().parse
        try:
            if self.form == "surface":
                return [parse(text) for text in X]  # wakati output is exactly that
            return [parse(text).rstrip() for text in X]  # words, space-separated, without MeCab's end-of-text newline
        except TypeError as exc:
            texts = plain_texts(X)  # numpy's str_ (a text array's items), which fugashi refuses: as plain str
            if texts is not None:
                return self.transform(texts)
            raise not_a_text(X, exc) from None

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state.pop("_tagger", None)
        state.pop("_tagger_key", None)
        state.pop("_derived", None)
        return state


class TextNormalizer(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Apply :func:`taikai.text.normalize` to every text (idempotent, so normalised text passes through)."""

    __module__ = "taikai.text"

    def fit(self, X: Iterable[str], y: object = None) -> TextNormalizer:
        """Learn nothing."""
        return self

    def __sklearn_is_fitted__(self) -> bool:
        return True

    def transform(self, X: Iterable[str]) -> list[str]:
        """Return the normalised texts."""
        X = texts_of(X)
        try:
            return [normalize(text) for text in X]
        except TypeError as exc:
            raise not_a_text(X, exc) from None
