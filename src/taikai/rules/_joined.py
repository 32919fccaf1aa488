"""Read the rules of several files as one rule set: a team's rules, then one's own, applied in the order given."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from taikai.errors import RulesError, check_path
from taikai.rules._rule import RuleSet


def load_files(
    paths: list[str | Path], labels: Sequence[str] | None, load: Callable[[str | Path, Sequence[str] | None], RuleSet]
) -> RuleSet:
    """Return the rules of the files *paths* (each read by *load*: :func:`~taikai.rules.load_rules`), joined in
    order, or raise :class:`RulesError` with every file's problems (one file's error as it is, so that a label not of
    the model's reasons keeps its type); a file given twice is refused, as its rules would apply twice."""
    if not paths:
        raise RulesError("no rules files given: give the path of one or more, or no rules (rules=None)")
    seen: dict[Path, str | Path] = {}
    for path in paths:
        check_path("path", path)
        key = Path(path).resolve() if Path(path).exists() else Path(path)
        if key in seen:
            raise RulesError(
                f"{path}: the rules file is given twice ({seen[key]!s} before): its rules would apply twice under "
                "one name; give each file once"
            )
        seen[key] = path
    sets: list[RuleSet] = []
    errors: list[RulesError] = []
    for path in paths:
        try:
            sets.append(load(path, labels))
        except RulesError as error:
            errors.append(error)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise RulesError("\n".join(str(e) for e in errors))
    return RuleSet.joined(sets)
