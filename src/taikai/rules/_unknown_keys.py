"""Say what a key that a ``[[rule]]`` table may not hold was likely written for: a priority (rules apply in file
order), a note (a TOML comment), the rules mode (chosen when the rules are run), or a near miss of a key."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from taikai._column_names import did_you_mean

_ORDER_KEYS = frozenset({"priority", "prio", "order", "rank", "weight", "level", "優先度", "優先順位", "順位", "重み"})
"""Keys written to rank rules, which apply in the order of the file instead."""
_NOTE_KEYS = frozenset(
    {"note", "notes", "comment", "comments", "description", "desc", "memo", "メモ", "説明", "備考", "コメント"}
)
"""Keys written to hold a note about the rule, which a TOML comment holds instead."""
_MODE_KEYS = frozenset({"mode", "rules_mode", "rules-mode", "override"})
"""Keys written to make a rule override the model, which the run's rules mode does instead."""


def unknown_key(where: str, key: str, known: Sequence[str]) -> str:
    """Return the problem of the key *key* of the rule *where* (``FILE:LINE: rule 'NAME' (rule K of the file)``),
    not one of *known*: with what to do instead for a priority, a note or the rules mode, else with the near miss
    of *known* (``nto``: did you mean 'not'?) and the keys there are."""
    said = f"{where}: unknown key {key!r}"
    folded = unicodedata.normalize("NFKC", key).strip().lower()
    if folded in _ORDER_KEYS:
        return (
            f"{said}: rules have no priority, they apply in the order of the file (the first that fires gives the "
            "reason under --rules-mode override, rules_mode='override' in Python): move the rule above those it "
            "should come before, and remove the key"
        )
    if folded in _NOTE_KEYS:
        return f"{said}: write a note as a TOML comment (# …) above the rule, and remove the key"
    if folded in _MODE_KEYS:
        return (
            f"{said}: whether rules override the model's reason is chosen for every rule when they are run "
            "(--rules-mode override; rules_mode='override' in Python): remove the key"
        )
    return f"{said}{did_you_mean(key, known, cutoff=0.5, typo=None)}; the keys are {', '.join(known)}"
