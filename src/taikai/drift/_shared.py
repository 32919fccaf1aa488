"""What the rows of a dump whose text its reference file or frame holds too (counted by
:func:`taikai.drift._chunk_counts.shared_rows`) mean for the figures: a dump compared with itself, a month against the
year holding it, a cumulative export against the last one."""

from __future__ import annotations

from taikai.drift._thresholds import ONE_TEXT_SHARE
from taikai.text import percent


def shared_line(shared: int, rows: int, reference_rows: int) -> str:
    """Say how many of the dump's *rows* hold a text the reference (of *reference_rows*) holds too, and, when all or
    many do, what that means: a dump compared with itself, a dump that is part of its reference (a month against
    the year holding it), or an export holding the reference's rows, as a cumulative one does."""
    line = f"rows whose text the reference holds too: {shared:,} of {rows:,} ({percent(shared / rows, '')})"
    if shared == rows == reference_rows:
        return f"{line}: the dump and the reference hold the same texts, so it is compared with itself and cannot drift"
    if shared == rows:
        return (
            f"{line}: the dump is part of the reference ({reference_rows:,} rows), which its rows pull toward it; "
            "compare it with the reference's other rows"
        )
    if shared >= ONE_TEXT_SHARE * rows:
        return (
            f"{line}: every figure counts them, so what changed in the other {rows - shared:,} shows diluted; for "
            "a cumulative export against the last one, check the new rows alone or per period (--date-column)"
        )
    return f"{line} (each counted in every figure)"
