"""Tokenise normalised text with fugashi: a scikit-learn transformer whose MeCab tagger is shared and made lazily."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sklearn.base import BaseEstimator, TransformerMixin

from taikai.text._dicdir import default_dicdir, dictionary_args
from taikai.text._dictionary import dictionary_form, lemma_dicdir
from taikai.text._normalize import normalize
from taikai.text._same import cp932_fold_table, cp932_folded
from taikai.text._taggers import TaggerSpec, shared_tagger
from taikai.text._texts import not_a_text, plain, plain_texts, texts_of

FORMS = ("surface", "base")


def make_tagger(form: str, dicdir: str | None = None) -> Any:
    """Return a new fugashi tagger for *form*: each maps the dictionary for the rest of the process (MeCab never
    unmaps it), so use ``JapaneseTokenizer(form).tagger()``, this thread's shared one, to tag again and again."""
    return tagger_spec(form, dicdir)[0].make()


def tagger_spec(form: str, dicdir: str | None = None) -> tuple[TaggerSpec, bool]:
    """Return the arguments of a fugashi tagger that writes the words of a text in *form*, separated by spaces.

    ``surface``: fugashi's UniDic ``Tagger`` in wakati mode (its nodes also carry named features). ``base``:
    MeCab writes each word's dictionary form (unidic field 10, orthBase) itself, or the surface of an unknown
    word, so no Python object is made per word; it reads the dictionary-form copy of the dictionary
    (:func:`lemma_dicdir`), which gives the same words as ``%f[10]`` on the original, faster. The flag says
    whether the tagger reads that copy (its features are dictionary forms).
    """
    check_form(form)
    dicdir = dicdir or default_dicdir()
    if form == "surface":
        return TaggerSpec(dictionary_args(dicdir) + " -Owakati", generic=False), False
    try:
        lemmas = lemma_dicdir(dicdir)
    except OSError:  # no writable cache: the same words from the original dictionary, a little slower
        return TaggerSpec(dictionary_args(dicdir) + r' -O "" -F "%f[10]\s" -U "%m\s" -E "\n"'), False
    return TaggerSpec(dictionary_args(lemmas) + r' -O "" -F "%H\s" -U "%m\s" -E "\n"'), True


def check_form(form: object) -> None:
    """Raise ``ValueError`` unless *form* is one of :data:`FORMS`."""
    if form not in FORMS:
        raise ValueError(f"form must be 'surface' or 'base', not {form!r}")


class JapaneseTokenizer(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Split normalised texts into words with fugashi, joined by single spaces.

    ``form="surface"`` keeps words as written; ``form="base"`` uses the dictionary form (orthBase) so that
    稼げなかった and 稼げない share 稼げる. The fugashi Tagger is made on first use, one per process, thread and
    tagger arguments for every tokenizer and model (:func:`taikai.text._taggers.shared_tagger`), and never pickled.

    ``cp932_fold`` is the version of the fold of CP932 look-alikes applied to each text before it is tagged
    (:func:`taikai.text.cp932_fold_table`: version 1 reads 〜 as ~, the ～ a CP932 file holds, − as -, ‖ as ∥, — as
    ―), one character for one, so the spans of :meth:`tokenize_with_spans` are offsets into the text as given.
    0 (the default, and what a tokenizer pickled before the fold reads as) folds nothing.
    """

    # Pickles name the public path, so that the private module can move without breaking saved models.
    __module__ = "taikai.text"

    def __init__(self, form: str = "surface", dicdir: str | None = None, cp932_fold: int = 0):
        self.form = form
        self.dicdir = dicdir
        self.cp932_fold = cp932_fold

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Unpickle; a tokenizer pickled before ``cp932_fold`` existed folds nothing, as it did then."""
        state.setdefault("cp932_fold", 0)
        super().__setstate__(state)

    def fit(self, X: Iterable[str], y: object = None) -> JapaneseTokenizer:
        """Check the parameters; nothing is learned (:meth:`transform` checks them too, as it makes its tagger)."""
        check_form(self.form)
        cp932_fold_table(self.cp932_fold)
        return self

    def fold(self, text: str) -> str:
        """Return one normalised *text* as this tokenizer tags it: its CP932 look-alikes folded (``cp932_fold``),
        one character for one."""
        table = cp932_fold_table(self.cp932_fold)
        return text if table is None else cp932_folded(text, table)

    def _folded(self, X: Iterable[Any]) -> Iterable[Any]:
        table = cp932_fold_table(self.cp932_fold)
        if table is None:
            return X
        return [cp932_folded(text, table) if isinstance(text, str) else text for text in X]

    def __sklearn_is_fitted__(self) -> bool:
        return True

    def _spec(self) -> tuple[TaggerSpec, bool]:
        """Return the arguments of this tokenizer's tagger, worked out once per ``form`` and ``dicdir``."""
        key = (self.form, self.dicdir)
        found = self.__dict__.get("_tagger_spec")
        if found is None or found[0] != key:
            found = self.__dict__["_tagger_spec"] = (key, *tagger_spec(self.form, self.dicdir))
        return found[1], found[2]

    def tagger(self) -> Any:
        """Return this process's and thread's tagger of this tokenizer's ``form`` and ``dicdir``, shared with every
        tokenizer and model of the same ones (:func:`shared_tagger`); a fork or another thread gets its own."""
        return shared_tagger(self._spec()[0])

    def tokenize(self, text: str) -> list[str]:
        """Return the words of one normalised text."""
        words: list[str] = self.tagger().parse(plain(self.fold(text))).split()
        return words

    def tokenize_with_spans(self, text: str) -> list[tuple[str, int, int]]:
        """Return each word of one normalised text with the start and end of its surface in *text*.

        The offsets come from MeCab: each node's ``white_space`` is the whitespace it skipped before the word.
        """
        out: list[tuple[str, int, int]] = []
        cursor = 0
        spec, derived = self._spec()
        nodes = shared_tagger(spec)(self.fold(text))
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
        X = self._folded(texts_of(X))
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
        state.pop(
            "_tagger_spec", None
        )  # paths of this machine's dictionary copies: worked out again where it is loaded
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
