"""What a dump's texts are when the model reads them poorly: an example of each kind of unclassifiable row (blank,
without Japanese text, too few kana or kanji) and the rows holding HTML markup, which drift's hints cite.

A dump of which nearly every row is unclassifiable is told apart by what its rows are (an export that lost its
texts is blank, an English dump holds no kana or kanji, a dump of English reviews quoting Japanese words holds too
few), each kind with the first row of it by its file line; the texts quoted are the ones counted, so masked under
``mask_pii``. Texts copied from web pages hold tags (``<p>``, ``<br>``) that the model reads as words
(:func:`taikai.text.markup_note`): their rows are counted and named, and the tags' names are no new words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from taikai._cut import cut, cut_list, quoted
from taikai.drift._counting import MeasuredRow
from taikai.model import DriftStatistics
from taikai.text import Status, markup_tags, normalize

QUOTED = 40
"""The characters of an example text quoted, then ``…``."""
SHOWN_TAGS = 3
"""The tags the markup hint names, most rows first, then how many more."""


@dataclass(frozen=True)
class Example:
    """One row of a dump: its data row (``position``, from 0), the file ``line`` it starts on (``None`` for a frame,
    or a file without lines: Parquet) and its text as quoted (``""`` for a blank one)."""

    position: int
    text: str = ""
    line: int | None = None

    def where(self) -> str:
        """``line 3,002`` of a file, else ``data row 3,001`` (after the header)."""
        return f"line {self.line:,}" if self.line is not None else f"data row {self.position + 1:,}"

    def said(self) -> str:
        """``e.g. line 3: 'hello'`` (a blank row: ``e.g. line 3``)."""
        return f"e.g. {self.where()}" + (f": {self.text}" if self.text else "")


@dataclass(frozen=True)
class DumpTexts:
    """The first row of each kind of unclassifiable row, and the rows holding HTML markup (``markup``), the first
    of them (``markup_example``) and their tags, most rows first (``tags``, each with its rows)."""

    blank: Example | None = None
    no_japanese: Example | None = None
    mostly_not_japanese: Example | None = None
    markup: int = 0
    markup_example: Example | None = None
    tags: tuple[tuple[str, int], ...] = ()

    def with_lines(self, lines: Sequence[Any]) -> DumpTexts:
        """Return these examples with their file lines put in, from *lines* (each chunk's line array; -1: none)."""
        if not lines:
            return self
        import numpy as np

        every = np.concatenate(list(lines))

        def line(example: Example | None) -> Example | None:
            if example is None or example.position >= len(every) or int(every[example.position]) < 0:
                return example
            return replace(example, line=int(every[example.position]))

        return replace(
            self,
            blank=line(self.blank),
            no_japanese=line(self.no_japanese),
            mostly_not_japanese=line(self.mostly_not_japanese),
            markup_example=line(self.markup_example),
        )

    def unclassifiable(self, stats: DriftStatistics) -> str:
        """Say the unclassifiable rows of *stats* by kind, each with its first row: ``3 blank (e.g. line 2), 97
        without Japanese text (no kana or kanji; e.g. line 4: 'great staff')``."""
        kinds = [
            (stats.empty, "blank", "", self.blank),
            (stats.error, "without Japanese text", "no kana or kanji", self.no_japanese),
            (stats.foreign, "with too few kana or kanji", "under half of their letters", self.mostly_not_japanese),
        ]
        said = []
        for rows, name, what, example in kinds:
            if rows:
                told = [what] if what else []
                told += [example.said()] if example is not None else []
                said.append(f"{rows:,} {name}" + (f" ({'; '.join(told)})" if told else ""))
        return ", ".join(said)

    def markup_hint(self, rows: int) -> str | None:
        """Say how many of the *rows* hold HTML markup, which tags and where the first is, and what to do; ``None``
        when none does."""
        if not self.markup or self.markup_example is None:
            return None
        tags = cut_list([tag for tag, _ in self.tags], SHOWN_TAGS)
        held = "holds" if self.markup == 1 else "hold"
        where = f"{tags}; e.g. {self.markup_example.where()}" if tags else f"e.g. {self.markup_example.where()}"
        return (
            f"{self.markup:,} of the {rows:,} rows {held} HTML markup ({where}): "
            "the model reads their tags as words, which move its answer; give the texts without them (as the page "
            "shows them). The tags' names are left out of the new words"
        )


def _shown(value: object) -> str:
    """A value of the text column as an example quotes it: a text quoted and cut, another value as Python writes it."""
    return quoted(value, QUOTED) if isinstance(value, str) else cut(repr(value), QUOTED)


class TextSurvey:
    """Finds, chunk by chunk, the first row of each unclassifiable kind and the rows holding HTML markup."""

    def __init__(self) -> None:
        self.done = 0  # rows looked at before the chunk
        self.first: dict[str, Example] = {}
        self.markup = 0
        self.markup_example: Example | None = None
        self.tags: Counter[str] = Counter()

    def add(self, texts: Sequence[object], rows: Sequence[MeasuredRow]) -> None:
        """Look at one chunk's *texts* (as counted: masked under ``mask_pii``) and what was counted of each."""
        for i, (value, row) in enumerate(zip(texts, rows)):
            position = self.done + i
            kind = (
                "blank"
                if row.status is Status.EMPTY
                else "no_japanese"
                if row.status is not Status.OK
                else "mostly_not_japanese"
                if row.foreign
                else None
            )
            if kind is not None and kind not in self.first:
                self.first[kind] = Example(position, "" if kind == "blank" else _shown(value))
            if isinstance(value, str) and ("<" in value or "&" in value or "＜" in value):
                found = markup_tags(normalize(value))
                if found:
                    self.markup += 1
                    self.tags.update(tag for tag in found if not tag.startswith("</"))  # <p> stands for </p>
                    if self.markup_example is None:
                        self.markup_example = Example(position, _shown(value))
        self.done += len(rows)

    def build(self, lines: Sequence[Any] | None = None) -> DumpTexts:
        """Return what was found, the rows named by their file lines when *lines* (each chunk's) are given."""
        found = DumpTexts(
            self.first.get("blank"),
            self.first.get("no_japanese"),
            self.first.get("mostly_not_japanese"),
            self.markup,
            self.markup_example,
            tuple(self.tags.most_common()),
        )
        return found.with_lines(lines) if lines else found
