"""Refuse a dump and a reference of which only one holds masked texts (``taikai batch --mask-pii``, or placeholders).

A masked text reads its names, e-mail addresses and phone numbers as one known placeholder each; the same text
unmasked reads them as several tokens the model does not know, and its names as words the other file never has.
A month classified with ``--mask-pii`` as the reference of a raw month (or the other way round) read OOV 1.5 %
against 12.5 % for the same kind of text, ``drift: yes``, and listed the dump's names (加藤さん, 小林さん) as its new
words: drift found where nothing changed. ``--mask-pii`` masks both files, so that they are counted alike.

A side is masked when its batch summary says ``--mask-pii`` masked it, or, as the HTML report finds it, when its
texts hold placeholders: a predictions file without its summary (copied alone, months concatenated), a frame, or a
dump masked before it was classified. The first :data:`SAMPLE_ROWS` rows are read for them; a row holding one
placeholder other than ``[URL]`` is enough (masking a URL moves no figure: an unmasked URL reads as the known token
``url``). Raw texts hold none: no row of data/sample_dump.csv (3,000) nor of data/reviews.csv (8,536) holds a
``[`` at all, while masked data with few personal details holds a placeholder in a row or two of thousands (2 of
the 8,536 masked reviews), which a share threshold would have read as raw.
"""

from __future__ import annotations

import warnings
from collections.abc import Hashable
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taikai.drift._model_text import dump_text_column
from taikai.drift._plural import rows
from taikai.drift._preflight import OpenedDump
from taikai.drift._two_models import summary_of
from taikai.errors import TEXT_COLUMN, Argument, InputError
from taikai.io import ReadOptions, opened_chunks
from taikai.model import find_column
from taikai.privacy import PiiKind, placeholder_kinds

if TYPE_CHECKING:
    import pandas as pd

    from taikai.model import Model

SAMPLE_ROWS = 5000
"""The rows of each side read for placeholders (one chunk of drift's counting)."""

REFERENCE_TEXT_COLUMN = Argument("reference_text_column", "--reference-text-column")


def _sample(
    data: str | Path | pd.DataFrame, model: Model, options: ReadOptions, column: Hashable | None, argument: Argument
) -> list[Any]:
    """Return the texts of the first :data:`SAMPLE_ROWS` rows of *data* (none when they cannot be read: counting
    it says why, with the whole file's context)."""
    import pandas as pd

    try:
        if isinstance(data, pd.DataFrame):
            text, told = dump_text_column(None, column, argument, list(data.columns), model, "<frame>", warn=False)
            found = find_column(data.columns, text, told)
            return list(data.iloc[:SAMPLE_ROWS, data.columns.get_loc(found)])
        with warnings.catch_warnings():  # what reading it warns of is said when it is counted
            warnings.simplefilter("ignore")
            reader = options.open(Path(data))  # the reader made before (see opened): none is made again
            text, told = dump_text_column(
                summary_of(data), column, argument, reader.columns, model, str(data), warn=False
            )
            index = reader.columns.index(str(find_column(reader.columns, text, told)))
            with opened_chunks(reader, SAMPLE_ROWS) as chunks:
                first = next(iter(chunks), None)
    except InputError:
        return []
    return [] if first is None else list(first.data[index])


def opened(data: str | Path | pd.DataFrame, options: ReadOptions) -> ReadOptions:
    """Return how to read *data*, a reference file: :class:`OpenedDump` holding its reader, which its sample and
    its count both read (a JSONL file is read whole for its keys once); *options* for a frame, or a file that does
    not open (counting it says why)."""
    if not isinstance(data, (str, Path)) or isinstance(options, OpenedDump):
        return options
    with warnings.catch_warnings(record=True) as warned:  # said when it is counted
        warnings.simplefilter("always")
        try:
            reader = options.open(Path(data))
        except InputError:
            return options
    given = {f.name: getattr(options, f.name) for f in fields(ReadOptions)}  # every option, as given
    return OpenedDump(**given, path=Path(data), reader=reader, warned=tuple(warned))


def _masked(
    data: str | Path | pd.DataFrame, model: Model, options: ReadOptions, column: Hashable | None, argument: Argument
) -> str | None:
    """Return how *data* shows that its texts were masked (``None``: it does not)."""
    run = summary_of(data)
    if run is not None and run.mask_pii is True:
        return "holds texts taikai batch --mask-pii masked"
    texts = _sample(data, model, options, column, argument)
    telling = [[kind for kind in placeholder_kinds(text) if kind is not PiiKind.URL] for text in texts]
    holding = [kinds for kinds in telling if kinds]
    if not holding:
        return None
    kinds = [kind.placeholder for kind in PiiKind if any(kind in held for held in holding)]
    read = f"its first {len(texts):,} rows" if len(texts) == SAMPLE_ROWS else f"its {rows(len(texts))}"
    which = f"the placeholder {kinds[0]}" if len(kinds) == 1 else f"the placeholders {', '.join(kinds)}"
    return f"holds masked texts ({len(holding):,} of {read} hold {which})"


def _names(data: str | Path | pd.DataFrame, role: str) -> tuple[str, str]:
    """Return how a message names *data* first (with its *role*) and then."""
    if isinstance(data, (str, Path)):
        return f"{data} ({role})", str(data)
    return f"{role} (a frame)", role


def check_masked_alike(
    dump: str | Path | pd.DataFrame,
    reference: str | Path | pd.DataFrame,
    mask_pii: bool,
    model: Model,
    options: tuple[ReadOptions, ReadOptions],
    columns: tuple[Hashable | None, Hashable | None],
) -> ReadOptions:
    """Raise :class:`InputError` when, without *mask_pii*, only one of *dump* and *reference* holds masked texts
    (its batch summary says ``taikai batch --mask-pii`` masked them, or its first rows hold placeholders): the other
    file's personal data would read as unknown tokens and new words, and drift would be found where nothing
    changed. *options* and *columns* say how to read the dump and the reference, and their text columns (the dump's
    options, of :func:`~taikai.drift._preflight.check_dump`, hold its reader). Return how to count the reference:
    with the reader its sample read (see :func:`opened`)."""
    if mask_pii:
        return options[1]
    reference_options = opened(reference, options[1])
    dump_masked = _masked(dump, model, options[0], columns[0], TEXT_COLUMN)
    reference_masked = _masked(reference, model, reference_options, columns[1], REFERENCE_TEXT_COLUMN)
    if (dump_masked is None) == (reference_masked is None):
        return reference_options
    sides = [(dump, "the dump", dump_masked), (reference, "the reference", reference_masked)]
    if dump_masked is None:
        sides.reverse()
    (masked, masked_short), (plain, plain_short) = _names(*sides[0][:2]), _names(*sides[1][:2])
    raise InputError(
        f"{masked} {sides[0][2]}, and {plain} is not masked: the names, e-mail addresses and phone numbers of "
        f"{plain_short} would read as unknown tokens and words that {masked_short} never has, and move the OOV rate "
        "and the new words "
        "where the text did not change; give mask_pii=True (--mask-pii on the command line) to mask both before "
        "they are compared"
    )
