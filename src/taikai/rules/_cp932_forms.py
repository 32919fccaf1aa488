"""A regular expression holding CP932's ～ or －, as a rules file re-saved by Excel or Notepad in CP932 (ANSI) holds
its 〜 and −, is read as the pair the rules match: ``\\d+～\\d+円`` as ``\\d+[~〜]\\d+円``.

NFKC makes ～ (U+FF5E) ``~`` and － (U+FF0D) ``-`` in the text rules run on, so such a pattern, read as written,
would never match; it was refused with ``write '\\d+[~〜]\\d+円'``. Since a rule's regular expression matches each of
CP932's look-alikes with the other (:mod:`taikai.rules._look_alikes`: ``\\d+〜\\d+円`` finds ``300~500円`` too), the
CP932 form is read as that pair, which is what the refusal advised: a pattern whose only characters NFKC replaces
are these two is matched as its rewrite (:func:`~taikai.rules._nfkc_pattern.rewritten`). A pattern holding another
such character (``２``, ``（``) is refused as before, with its fix. The digest of a run's rules reads the CP932 form
as the character it was saved from (:func:`as_saved_from`), so that ``--resume`` goes on with the file re-saved.
"""

from __future__ import annotations

from taikai.rules._nfkc_pattern import LOOK_ALIKE, _atoms, replaced, rewritten

CP932_FORMS = {chr(ord(to) + 0xFEE0): kept for to, kept in LOOK_ALIKE.items()}
"""The character a CP932 file (Excel on Japanese Windows, a Windows IME) writes for 〜 and −, full-width ``~`` and
``-`` (～ U+FF5E, － U+FF0D), which NFKC makes ``~`` and ``-``, with the character it was saved from: ``{"～": "〜",
"－": "−"}``."""


def cp932_read(pattern: str, flags: int = 0) -> str | None:
    """Return the regular expression *pattern* is matched as when the only characters it asks for that NFKC replaces
    are CP932's ～ and － (``\\d+～\\d+円`` → ``\\d+[~〜]\\d+円``); ``None`` for any other pattern, which is read as
    written (or refused)."""
    changed = replaced(pattern, flags)
    if not changed or not set(changed) <= CP932_FORMS.keys():
        return None
    return rewritten(pattern, flags)


def as_saved_from(pattern: str, flags: int = 0) -> str:
    """Return *pattern* with each of CP932's ～ and － it asks for written as the character CP932 saved it from
    (〜, −), for a pattern :func:`cp932_read` reads: ``\\d+～\\d+円`` → ``\\d+〜\\d+円``, which matches the same
    texts; any other pattern as it is (a range's bound too: ``[!-～]`` is no ～)."""
    if cp932_read(pattern, flags) is None:
        return pattern
    parts, last = [], 0
    for atom in _atoms(pattern):
        if atom.char in CP932_FORMS and not atom.ranged and atom.end - atom.start == 1:
            parts += [pattern[last : atom.start], CP932_FORMS[atom.char]]
            last = atom.end
    return "".join(parts) + pattern[last:]
