"""Refuse a dump and a reference file of which only one holds texts ``taikai batch --mask-pii`` masked.

A masked text reads its names, e-mail addresses and phone numbers as one known placeholder each; the same text
unmasked reads them as several tokens the model does not know, and its names as words the other file never has.
A month classified with ``--mask-pii`` as the reference of a raw month (or the other way round) read OOV 1.5 %
against 12.5 % for the same kind of text, ``drift: yes``, and listed the dump's names (加藤さん, 小林さん) as its new
words: drift found where nothing changed. ``--mask-pii`` masks both files, so that they are counted alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from taikai.drift._two_models import summary_of
from taikai.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd


def _masked_before(data: str | Path | pd.DataFrame) -> bool:
    """Whether *data* is a predictions file whose batch summary says ``taikai batch --mask-pii`` masked its texts
    (a frame, a raw dump, or a file without such a summary: not known to be masked)."""
    run = summary_of(data)
    return run is not None and run.mask_pii is True


def check_masked_alike(dump: str | Path | pd.DataFrame, reference: str | Path | pd.DataFrame, mask_pii: bool) -> None:
    """Raise :class:`InputError` when, without *mask_pii*, only one of *dump* and the *reference* file holds texts
    that ``taikai batch --mask-pii`` masked (its batch summary says so): the other file's personal data would read
    as unknown tokens and new words, and drift would be found where nothing changed."""
    if mask_pii:
        return
    dump_masked, reference_masked = _masked_before(dump), _masked_before(reference)
    if dump_masked == reference_masked:
        return
    masked, plain = (dump, reference) if dump_masked else (reference, dump)
    masked_role, plain_role = ("the dump", "the reference") if dump_masked else ("the reference", "the dump")
    raise InputError(
        f"{masked} ({masked_role}) holds texts taikai batch --mask-pii masked, and {plain} ({plain_role}) is not "
        f"masked: the names, e-mail addresses and phone numbers of {plain} would read as unknown tokens and words "
        f"that {masked} never has, and move the OOV rate and the new words where the text did not change; give "
        "mask_pii=True (--mask-pii on the command line) to mask both before they are compared"
    )
