"""Keyword coding rules (as in KH Coder) run next to the model: a TOML file of ``[[rule]]`` tables, in order.

>>> from taikai.rules import compile_rules, parse_rules
>>> rules = parse_rules('[[rule]]\\nname = "fee words"\\nlabel = "fees"\\nany = ["手数料"]\\nnot = ["妥当"]\\n')
>>> compile_rules(rules).match("手数料が高い").labels
('fees',)

Reading and checking a file needs no heavy library; compiling a rule set with ``lemma:`` terms loads the fugashi
tokenizer. The model applies rules (:meth:`taikai.Model.predict_frame` with ``rules=``), and adds the columns
:data:`RULE_COLUMNS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taikai._lazy import lazy_modules, public_dir

# A name imported as itself (`x as x`) is shared: taikai's other packages import it from here, but it is not the
# API (not in __all__ nor dir(); docs/api.md names it only in this package's closing index).
from taikai.errors import wrong_type
from taikai.rules._matcher import LEMMA_FORM as LEMMA_FORM
from taikai.rules._matcher import NO_HITS as NO_HITS
from taikai.rules._matcher import RuleHits, RuleMatcher, compile_rules
from taikai.rules._rule import RULES_MODES as RULES_MODES
from taikai.rules._rule import Rule, RuleSet, RulesMode, Term, TermKind

if TYPE_CHECKING:
    import pandas as pd

    from taikai.rules._counts import Counts, RuleScore
    from taikai.rules._misfire import Misfire
    from taikai.rules._parse import load_rules, parse_rules
    from taikai.rules._rules_file import reads_as_data as reads_as_data
    from taikai.rules._rules_file import reads_as_rules as reads_as_rules
    from taikai.rules._rules_file import written_names as written_names
    from taikai.rules._score import DEFINITION, RulesScore, score_rules

# Reading a rules file (tomllib, the checks) and scoring rules against labels are imported on first use: a model
# applies compiled rules, and every command's options name the modes.
__getattr__: Any = lazy_modules(
    "taikai.rules",
    {
        "taikai.rules._parse": ("load_rules", "parse_rules"),
        "taikai.rules._rules_file": ("reads_as_data", "reads_as_rules", "written_names"),
        "taikai.rules._misfire": ("Misfire",),
        "taikai.rules._counts": ("Counts", "RuleScore"),
        "taikai.rules._score": ("DEFINITION", "RulesScore", "score_rules"),
    },
)


RULE_COLUMNS = ("rule_names", "rule_reasons", "rule_conflict")
"""The columns rules add: the rules that fired and their labels (``|``-separated, rule order), and whether they
fired with none of their labels the model's primary reason. ``--rules-mode override`` adds ``model_reason``."""
MODEL_REASON = "model_reason"
"""The column that keeps the model's own primary reason when rules override it."""


def rule_columns(mode: RulesMode | str | None) -> tuple[str, ...]:
    """Return the columns that rules applied in *mode* add (none for ``None``: no rules)."""
    if mode is None:
        return ()
    return (*RULE_COLUMNS, MODEL_REASON) if RulesMode.parse(mode) is RulesMode.OVERRIDE else RULE_COLUMNS


def boolean_column(values: Iterable[object], index: pd.Index | None = None) -> pd.Series:
    """Return *values* (booleans; ``None``, NaN or ``pandas.NA`` where missing) as one column of a frame: ``bool``
    when none is missing, else pandas' nullable ``boolean``, whose ``~`` and masks keep the missing rows out.

    The one rule for every column of booleans taikai gives (``rule_conflict``, missing for a row not classified):
    :meth:`taikai.Model.predict_frame` and :func:`taikai.io.read_predictions` from any format type it so, and
    ``df[~df.rule_conflict]`` selects the same rows from either.
    """
    import pandas as pd

    column = pd.Series(values, index=index, dtype="boolean")
    return column if column.hasnans else column.astype(bool)


RulesGiven = RuleSet | RuleMatcher | str | Path | Sequence[str | Path | RuleSet] | None
"""What ``rules=`` takes: a rules file, a rule set, a matcher, or a list of rules files and rule sets, applied in the
order given (:meth:`RuleSet.joined`); ``None``: no rules."""


def read_rules(rules: RulesGiven, labels: Sequence[str] | None = None) -> RuleSet | None:
    """Return the rule set *rules* is or names: a rule set, a matcher's, a rules file's, or those of a list of rules
    files and rule sets, joined in the order given (``None``: no rules).

    A file's labels are checked against *labels* (the model's reasons) with its other problems, all reported at once.
    With *labels*, every rule's label is read as that model reads labels (:meth:`RuleSet.for_labels`), whether the
    rules come from a file or from :func:`load_rules` without labels: the same rules either way.
    """
    if isinstance(rules, (str, Path)):
        from taikai.rules._parse import load_rules

        return load_rules(rules, labels)
    if isinstance(rules, Sequence) and all(isinstance(r, (str, Path, RuleSet)) for r in rules):
        from taikai.rules._parse import load_rules

        if all(isinstance(r, (str, Path)) for r in rules):  # every file's problems said at once
            return load_rules([r for r in rules if not isinstance(r, RuleSet)], labels)
        sets = [r if isinstance(r, RuleSet) else load_rules(r, labels) for r in rules]
        joined = RuleSet.joined(sets)
        return joined if labels is None else joined.for_labels(labels)
    if rules is not None and not isinstance(rules, RuleMatcher | RuleSet):
        raise wrong_type(
            "rules", rules, "the path of a rules file, a RuleSet (taikai.load_rules), a list of them, or None"
        )
    ruleset = rules.rules if isinstance(rules, RuleMatcher) else rules
    return ruleset if ruleset is None or labels is None else ruleset.for_labels(labels)


def rules_inputs(rules: RulesGiven) -> dict[str, Path]:
    """Return the rules files *rules* names (none for a rule set or a matcher), each under what a message calls it
    (``the rules``; ``the rules file a.toml`` for each of several): the inputs an output must not overwrite."""
    given = [rules] if isinstance(rules, (str, Path)) else rules if isinstance(rules, Sequence) else []
    files = [Path(r) for r in given if isinstance(r, (str, Path))]
    return {"the rules": files[0]} if len(files) == 1 else {f"the rules file {f}": f for f in files}


def resolve_rules(rules: RulesGiven, labels: Sequence[str] | None = None) -> RuleMatcher | None:
    """Return *rules* compiled: a rule set, a matcher, or the path of a rules file (``None``: no rules); their
    labels are read and a file's checked against *labels* as :func:`read_rules` does. A matcher whose labels read
    so already is returned as it is."""
    ruleset = read_rules(rules, labels)
    if ruleset is None:
        return None
    if isinstance(rules, RuleMatcher):
        return rules if ruleset is rules.rules else rules.relabelled(ruleset)
    return compile_rules(ruleset)


__all__ = [
    "DEFINITION",
    "Counts",
    "Misfire",
    "Rule",
    "RuleHits",
    "RuleMatcher",
    "RuleScore",
    "RuleSet",
    "RulesGiven",
    "RulesMode",
    "RulesScore",
    "Term",
    "TermKind",
    "compile_rules",
    "load_rules",
    "parse_rules",
    "score_rules",
]
__dir__ = public_dir(globals(), __all__)
