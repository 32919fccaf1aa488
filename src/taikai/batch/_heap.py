"""How the C heap of a process that classifies chunks keeps the memory it frees (glibc only).

Every chunk makes and frees the same large arrays (token ranks, count matrices, pooled vectors: a few MB each).
glibc gives such memory back to the kernel as soon as it is freed (``munmap``, or a trim of the heap's top), and
the next chunk faults it in again, a page at a time: with the shipped model some 10,000 page faults per 5,000 rows,
0.03-0.05 CPU s of system time (about 7 µs a row, some 5 % of a run). Raised to the values glibc's own adjustment
of them stops at (``M_MMAP_THRESHOLD`` 32 MiB, ``M_TRIM_THRESHOLD`` twice that), the heap keeps what one chunk
freed for the next: some 1,200 faults per chunk, system time near none. A process that frees a 32 MiB array gets
these very values from glibc by itself; they are set once and not undone (glibc cannot be put back to moving
them). Elsewhere (musl, macOS, Windows) nothing is done.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os

MMAP_THRESHOLD = 32 << 20
"""An allocation from this size on is mapped apart (and given back when freed): glibc's ``DEFAULT_MMAP_THRESHOLD_MAX``
on 64-bit, the most its dynamic threshold reaches."""
TRIM_THRESHOLD = 2 * MMAP_THRESHOLD
"""Free memory at the heap's top beyond this is given back: twice the mapping threshold, as glibc sets it."""
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_set: list[bool] = []


def keep_freed_memory() -> bool:
    """Set the thresholds above in this process, once (glibc on Linux; elsewhere nothing); return whether they are
    set."""
    if _set:
        return _set[0]
    done = False
    if _glibc():
        try:
            mallopt = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").mallopt
            mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
            done = bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD))
        except (OSError, AttributeError):  # no C library to load, or one without mallopt
            done = False
    _set.append(done)
    return done


def _glibc() -> bool:
    """Whether this process runs on glibc (asked of the C library itself: no scan of the executable)."""
    with contextlib.suppress(AttributeError, ValueError, OSError):  # no confstr, or no such name here
        return (os.confstr("CS_GNU_LIBC_VERSION") or "").startswith("glibc")
    return False
