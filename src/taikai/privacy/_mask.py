"""Mask personal data in a text: find it in the NFKC form, map the spans back, put placeholders in the original."""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from collections.abc import Iterable

from taikai.errors import check_bool, wrong_type
from taikai.privacy._as_read import (
    DIGIT_FORMS,
    HAS_DIGIT_FORM,
    HAS_LIST_NUMERAL,
    HAS_NAME_FORM,
    LIST_NUMERALS,
    NAME_FORMS,
    READ_OTHERWISE,
    as_read,
)
from taikai.privacy._cells import is_nan, masked_number, number_text, unique_key
from taikai.privacy._given_names import person_names
from taikai.privacy._kinds import PLACEHOLDERS, Found, Masked, PiiKind, PiiSpan
from taikai.privacy._latin_names import find_latin_names
from taikai.privacy._misread import mask_misread, misread_parts
from taikai.privacy._patterns import FINDERS
from taikai.privacy._repeated_names import listed_names, repeated_names
from taikai.privacy._run_names import RunNames, collected_names, known_names
from taikai.privacy._street import find_street_addresses
from taikai.text import REFERENCE, PosTagger, nfkc_decoded_with_offsets, nfkc_with_offsets


def _select(found: list[Found]) -> list[Found]:
    """Keep values that do not overlap one already kept, in the finders' order (earlier finders win).

    The spans kept never overlap, so sorted by start their ends are sorted too: a candidate overlaps one of them
    only if it overlaps its neighbours in that order (found by bisection, not by comparing with every value kept).
    """
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Found] = []
    for candidate in found:
        if candidate.end <= candidate.start:
            continue
        at = bisect.bisect_right(starts, candidate.start)  # kept[:at] start at or before the candidate
        if (at and ends[at - 1] > candidate.start) or (at < len(starts) and starts[at] < candidate.end):
            continue
        starts.insert(at, candidate.start)
        ends.insert(at, candidate.end)
        kept.append(candidate)
    return sorted(kept)


class PiiMasker:
    """Mask personal data in texts with a part-of-speech tagger (its MeCab tagger made on first use, one per thread).

    ``names=False`` skips person names and the tagger: a street address is then found by its words and
    context only, not by a town UniDic knows as a place (梅田1-2-3 alone).

    Texts masked as one run (``run=True``) have a name found in one masked in all (:meth:`run_names` collects them,
    :meth:`knowing` masks them; see :mod:`taikai.privacy._run_names`).
    """

    def __init__(self, names: bool = True) -> None:
        self.names = check_bool("names", names)
        self._tagger = PosTagger()
        self._known = RunNames(())
        self._collected: set[str] | None = None  # the names found, while run_names collects them

    def _find(self, text: str) -> list[Found]:
        if HAS_NAME_FORM.search(text):
            text = text.translate(NAME_FORMS)  # 髙橋 read as 高橋, which UniDic holds: one character for one
        found: list[Found] = []
        for finder in FINDERS:
            found.extend(finder(text))
        found.extend(find_street_addresses(text, self._tagger if self.names else None))
        if self.names:
            found.extend(find_latin_names(text))
            found.extend(person_names(text, self._tagger))
            selected = _select(found)
            if self._known:  # a name found in another text of the run, where this one writes it bare
                selected = _select([*selected, *known_names(text, selected, self._tagger, self._known)])
            selected = _select([*selected, *listed_names(text, selected, self._tagger)])  # 高橋、[佐藤]の2人
            # a name found once is masked where the text writes it again too
            selected = _select([*selected, *repeated_names(text, selected, self._tagger)])
            if self._collected is not None:
                self._collected.update(collected_names(text, selected, self._tagger))
            return selected
        return _select(found)

    def run_names(self, values: Iterable[object]) -> RunNames:
        """Return the names masking finds as persons in *values* (their strings, in lists and dicts too): the first
        pass of a run, whose names :meth:`knowing` masks wherever they stand bare. Nothing is kept of the texts."""
        collector = PiiMasker(self.names)
        collector._collected = set()
        if self.names:
            for value in values:
                collector._mask_value(value)
        return RunNames(collector._collected)

    def knowing(self, names: RunNames) -> PiiMasker:
        """Return a masker like this one that also masks *names* (:meth:`run_names`) where a text writes them bare,
        as a word of its own read as a proper noun (not 松本 in 松本市)."""
        masker = PiiMasker(self.names)
        masker._known = names
        return masker

    def mask(self, text: str) -> Masked:
        """Return *text* with each value found replaced by its kind's placeholder, and the spans replaced.

        UTF-8 read as CP932 (mojibake) is masked as what it says and written back as read (:mod:`._misread`)."""
        if not text:
            return Masked(text)
        parts = misread_parts(text)
        if parts:
            return mask_misread(text, parts, self._mask_read)
        return self._mask_read(text)

    def _mask_read(self, text: str) -> Masked:
        searched = text.translate(LIST_NUMERALS) if HAS_LIST_NUMERAL.search(text) else text
        found = self._original_spans(searched)
        if HAS_DIGIT_FORM.search(searched):
            # ½ is 1⁄2 to NFKC, the model and the finders: the 2 glues to a value after it (½090-1234-5678 reads
            # 1⁄2090-…, no phone). Where such a character stands between values, look at the text with it as a mark
            # too, and add what that finds where the text as read found nothing.
            taken = [(start, end) for _, start, end in found]
            found += [
                value
                for value in self._original_spans(searched.translate(DIGIT_FORMS))
                if all(value[2] <= start or value[1] >= end for start, end in taken)
            ]
            found.sort(key=lambda value: value[1])
        parts: list[str] = []
        spans: list[PiiSpan] = []
        cursor = 0  # in the original
        length = 0  # of the masked text so far
        for kind, start, end in found:
            parts.append(text[cursor:start])
            length += start - cursor
            placeholder = PLACEHOLDERS[kind]
            parts.append(placeholder)
            spans.append(PiiSpan(kind, start, end, length, length + len(placeholder)))
            length += len(placeholder)
            cursor = end
        parts.append(text[cursor:])
        return Masked("".join(parts), tuple(spans))

    def _original_spans(self, searched: str) -> list[tuple[PiiKind, int, int]]:
        """Return the values found in *searched* as the model reads it: their kinds and spans in *searched*, in order
        and apart (a character NFKC expands between two values goes to the first)."""
        # Most texts hold nothing to mask: look in the NFKC text first, and track offsets only when needed.
        nfkc = unicodedata.normalize("NFKC", searched)
        read_otherwise = READ_OTHERWISE.search(nfkc) is not None
        if read_otherwise or ("&" in nfkc and REFERENCE.search(nfkc)):
            # The model reads HTML character references decoded (tanaka&#64;example.com is an e-mail address), format
            # characters as nothing and runs of spaces as one: look in the text so read; a value holding a reference
            # is replaced with the whole reference, one holding a zero-width space or two spaces with them.
            folded = nfkc_decoded_with_offsets(searched) if "&" in nfkc else nfkc_with_offsets(searched)
            if read_otherwise:
                folded = as_read(folded)
            selected = self._find(folded.text)
            if not selected:
                return []
        else:
            selected = self._find(nfkc)
            if not selected:
                return []
            folded = nfkc_with_offsets(searched)
            if folded.text != nfkc:  # NFKC cluster by cluster differs from the whole text's: look again
                selected = self._find(folded.text)
        found: list[tuple[PiiKind, int, int]] = []
        cursor = 0
        for value in selected:
            start, end = folded.span(value.start, value.end)
            if end <= cursor:  # wholly behind the character the value before ends in (NFKC expanded it)
                continue
            start = max(start, cursor)  # one original character behind two values (¼ is 1⁄4): the first masks it
            found.append((value.kind, start, end))
            cursor = end
        return found

    def mask_values(self, values: Iterable[object], run: bool = False) -> tuple[list[object], Counter[PiiKind]]:
        """Mask every string of *values*, strings inside lists and dicts too (a JSONL cell holding an object);
        other values pass unchanged. Return them and the masks per kind. With *run*, *values* are one run: a name
        found in one is masked in all, where it stands bare too."""
        out: list[object] = []
        counts: Counter[PiiKind] = Counter()
        values, masker = self._for_run(values, run)
        for value in values:
            masked, found = masker._mask_value(value)
            counts.update(found)
            out.append(masked)
        return out, counts

    def mask_each(self, values: Iterable[object], run: bool = False) -> tuple[list[object], list[dict[PiiKind, int]]]:
        """Mask every string of *values* as :meth:`mask_values` does; return them and each one's masks per kind."""
        out: list[object] = []
        counts: list[dict[PiiKind, int]] = []
        values, masker = self._for_run(values, run)
        for value in values:
            masked, found = masker._mask_value(value)
            out.append(masked)
            counts.append(dict(found))
        return out, counts

    def _for_run(self, values: Iterable[object], run: bool) -> tuple[Iterable[object], PiiMasker]:
        """Return *values* (a list, with *run*: read twice) and the masker that masks them (knowing their names)."""
        if not check_bool("run", run) or not self.names:
            return values, self
        values = list(values)
        return values, self.knowing(self.run_names(values))

    def _mask_value(self, value: object) -> tuple[object, Counter[PiiKind]]:
        """Return *value* with its strings masked (in lists, tuples, arrays and dicts too) and the kinds found.

        A container keeps its shape (an array becomes a list); a dict's string keys are masked too (a key
        ``taro@example.com`` holds an address as much as a value does), two keys that mask alike numbered so that no
        entry is lost (``[メール]``, ``[メール] (2)``). A number is masked as its digits are written and comes back as
        that masked text, a str (``123456789018``, a My Number, is ``[個人番号]``; a phone stored as a number that
        lost its 0 too, :func:`masked_number`): a text column read from JSONL, Parquet or xlsx can hold numbers, and
        its values are what masking hides. A NaN is ``None`` (a missing text); None, booleans and others pass as is.
        """
        found: Counter[PiiKind] = Counter()
        if isinstance(value, str):
            masked = self.mask(value)
            found.update(span.kind for span in masked.spans)
            return masked.text, found
        if isinstance(value, dict):
            out: dict[object, object] = {}
            for key, item in value.items():
                named, in_key = self._mask_value(key) if isinstance(key, str) else (key, Counter[PiiKind]())
                masked_item, inner = self._mask_value(item)
                out[unique_key(named, out)] = masked_item
                found.update(in_key + inner)
            return out, found
        if hasattr(value, "tolist") and getattr(value, "ndim", 0) == 1:  # a list cell read from Parquet
            value = value.tolist()
        if isinstance(value, (list, tuple)):
            items = []
            for item in value:
                masked_item, inner = self._mask_value(item)
                items.append(masked_item)
                found.update(inner)
            return (tuple(items) if isinstance(value, tuple) else items), found
        written = number_text(value)
        if written is not None:
            masked = masked_number(self.mask, written)  # 9012345678, a phone that lost its 0: [電話番号]
            found.update(span.kind for span in masked.spans)
            return masked.text, found
        if is_nan(value):  # among the numbers made text, a NaN left a float would be a number in a text column
            return None, found
        return value, found

    def __getstate__(self) -> dict[str, object]:
        return {"names": self.names, "_tagger": PosTagger(), "_known": self._known, "_collected": None}


_DEFAULT = PiiMasker()


def default_masker() -> PiiMasker:
    """Return this process's shared masker (its tagger is made on first use)."""
    return _DEFAULT


def mask_pii(text: str) -> Masked:
    """Return *text* with e-mail addresses, URLs, phone numbers, postal codes, street addresses, IDs, bank accounts,
    card numbers, My Numbers (個人番号), IP addresses, birth dates, access codes (passcodes, passwords, meeting IDs,
    gift codes) and person names replaced by placeholders (``[メール]``, ``[URL]``, ``[電話番号]``, ``[郵便番号]``,
    ``[住所]``, ``[ID]``, ``[口座]``, ``[カード番号]``, ``[個人番号]``, ``[IPアドレス]``, ``[生年月日]``,
    ``[アクセスコード]``, ``[人名]``), with the spans of what was replaced.

    A street address is masked from its town on (``東京都渋谷区神南1-2-3`` is ``東京都渋谷区[住所]``): the prefecture
    and city stay.

    Masking is best effort: see docs/privacy.md for what it finds, what it misses, and how well.

    >>> mask_pii("田中さんのLINE ID: tanaka_88 に連絡").text
    '[人名]さんのLINE ID: [ID] に連絡'
    """
    if not isinstance(text, str):
        many = not isinstance(text, bytes) and hasattr(text, "__iter__")  # a list, Series, DataFrame, array
        hint = (
            "; mask a DataFrame's column with taikai.privacy.mask_text_column(df, 'text'), which passes missing "
            "cells, or several texts as one run (a name found in one masked in all) with "
            "taikai.privacy.default_masker().mask_each(texts, run=True)"
            if many
            else ""
        )
        raise TypeError(f"{wrong_type('text', text, 'one text (a str)')}{hint}")  # names the argument, as all do
    return _DEFAULT.mask(text)
