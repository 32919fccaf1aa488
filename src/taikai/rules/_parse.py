"""Read a TOML rules file into a :class:`RuleSet`, reporting every problem with the file, line and rule."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from taikai._column_names import did_you_mean
from taikai._cut import cut_lines
from taikai._keywords import keywords_checked
from taikai.errors import RulesError, check_path
from taikai.labels import label_cell
from taikai.rules._headers import header_lines, string_lines, top_level_line
from taikai.rules._joined import load_files
from taikai.rules._kh_coder import kh_code_problem
from taikai.rules._label_problems import unknown_label, unknown_labels_error
from taikai.rules._rule import (
    KEYS,
    Rule,
    RuleSet,
    Term,
    TermKind,
    check_reason_labels,
    rule_label,
    rule_name,
)
from taikai.rules._rules_file import rules_text
from taikai.rules._rules_table import (
    WORKBOOK_SUFFIXES,
    Rows,
    is_rules_table,
    table_rules,
    text_header,
    text_rows,
    workbook_rows,
)
from taikai.rules._term_read import read_term
from taikai.rules._toml_errors import syntax_error
from taikai.rules._unknown_keys import unknown_key
from taikai.rules._written_as_regex import operator_problem
from taikai.text import empty_or_blank

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

TERM_KEYS = ("any", "all", "not", "regex")
MAX_SHOWN = 20


@keywords_checked
def load_rules(path: str | Path | Sequence[str | Path], labels: Sequence[str] | None = None) -> RuleSet:
    """Read the rules file *path* (TOML, UTF-8; CP932 and UTF-16 with its byte order mark are accepted; or a table of
    rules: CSV, tab-separated text or xlsx) and check every rule.

    A table of rules (see ``examples/rules.csv``) has a ``label`` column, a ``name`` column or none (the rows of one
    label are then one rule, named by it), the term columns ``any``, ``all``, ``not``, ``regex`` (a cell of several
    lines holds a term a line), ``kind`` (``surface``, ``lemma`` or ``regex``: the prefix of the row's terms written
    without one) and ``note``; column names may be Japanese (ルール名, ラベル, キーワード, 除外 …). A rule's rows are
    consecutive, a blank name continuing the rule above (merged cells); rules apply in the order of their first rows.
    Each problem is said at the line of its row, as a TOML file's are at theirs.

    Raises :class:`~taikai.errors.RulesError` listing every problem at once, each with its line: TOML syntax, an
    unknown key, a rule without name, label or terms, a term that is not text, a bad regular expression, a term or
    pattern that could never match the normalised text (or, with a run of one character longer than three, would
    match more than it says: ``月100000円`` is read ``月1000円``; or asks for five digits or more in a row, ``\\d{5,}``,
    which a round amount read so never has), a pattern that matches every text (the empty text,
    as ``手数料|`` does, or any one character), a pattern that can take exponential time on some texts (a repeated
    group that can match one text as one repeat or several: ``(\\S+\\s?)+``, ``(.+)+``, ``(a|aa)+``; Python's ``re``
    has no timeout), a name used twice and, when *labels* (the model's reasons) are given, a label that is not one
    of them (a sentiment is said to be one: rules set reasons only).

    Without *labels* each rule's label is kept as written (after NFKC): the model that applies the rules reads it
    (:meth:`RuleSet.for_labels`), so that ``rules=load_rules(path)`` does what ``rules=path`` does: for a model of
    the taxonomy's reasons ``その他`` is ``other``, for a model with labels of its own it stays ``その他``.

    *path* may be a list of rules files (a team's, then one's own): their rules are one rule set, applied in the
    order given, each file's in its order (:meth:`RuleSet.joined`); the problems of every file are said at once, and
    a name used in two files is refused, naming both files and lines.
    """
    if isinstance(path, Sequence) and not isinstance(path, str):
        return load_files(list(path), labels, load_rules)
    check_path("path", path)
    check_reason_labels(labels, none=True)
    said = empty_or_blank(str(path))
    if said:  # Path("") is the current directory: "." would be named as the rules file
        raise RulesError(
            f"the rules file's path {str(path)!r} is {said}: give the path of a rules "
            "file such as rules.toml, or no rules (rules=None; no --rules on the command line)"
        )
    path = Path(path)
    if path.suffix.lower() in WORKBOOK_SUFFIXES and path.is_file():  # a table of rules kept in Excel
        rows, problems = workbook_rows(path, str(path))
        if problems:
            raise RulesError("\n".join(problems))
        return _table_rule_set(rows, str(path), labels)
    return parse_rules(rules_text(path), str(path), labels)


def parse_rules(text: str, source: str = "<rules>", labels: Sequence[str] | None = None) -> RuleSet:
    """Parse rules written in TOML, or a table of rules as CSV or tab-separated text (see :func:`load_rules`);
    *source* names them in messages."""
    check_reason_labels(labels, none=True)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        if is_rules_table(text_header(text)):  # label,any,…: a table of rules saved from Excel as CSV or text
            return _table_rule_set(text_rows(text), source, labels)
        other = kh_code_problem(source, text)  # *手数料 lines: KH Coder's coding rules
        raise RulesError(
            other or f"{syntax_error(source, text, str(exc))}; see the README's example rules file"
        ) from None
    problems: list[str] = []
    extra = [k for k in document if k != "rule"]
    if extra:
        problems.append(
            f"{_at(source, text, extra[0])}: unknown top-level key(s) {extra}{_suggest(extra[0], ('rule',))}; write "
            "rules as [[rule]] tables"
        )
    tables = document.get("rule", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        problems.append(
            f"{_at(source, text, 'rule')}: 'rule' must be an array of tables: write each rule under a [[rule]] header"
        )
        tables = []
    if not tables and not problems:
        problems.append(f"{source}: no rules; write each rule under a [[rule]] header (see examples/rules.toml)")
    headers = header_lines(text)
    lines: list[int | None] = list(headers) if len(headers) == len(tables) else [None] * len(tables)
    ends = [*lines[1:], None][: len(lines)]  # each rule's lines end at the next rule's header
    strings = [string_lines(text, line, end) if line is not None else {} for line, end in zip(lines, ends, strict=True)]
    return _rule_set(tables, lines, strings, source, labels, problems)


def _table_rule_set(rows: Rows, source: str, labels: Sequence[str] | None) -> RuleSet:
    """Return the rules of the table of rules *rows* (:mod:`taikai.rules._rules_table`), checked as a file's."""
    tables, lines, strings, problems = table_rules(rows, source)
    if not tables and not problems:
        problems.append(f"{source}: no rules: the table has no row under its header (see examples/rules.csv)")
    return _rule_set(tables, list(lines), strings, source, labels, problems, table=True)


def _rule_set(
    tables: list[dict[str, Any]],
    lines: list[int | None],
    strings: list[dict[tuple[str, str | None], int]],
    source: str,
    labels: Sequence[str] | None,
    problems: list[str],
    *,
    table: bool = False,
) -> RuleSet:
    """Return the rules of the ``[[rule]]`` *tables* (each at its line, its terms at *strings*), or raise
    :class:`RulesError` with *problems* and every problem of the rules (*table*: read from a table of rules)."""
    rules: list[Rule] = []
    seen: dict[str, tuple[int, str]] = {}  # each name without its spaces: its first rule and how it wrote it
    bad_label = False
    for k, (entry, line, at) in enumerate(zip(tables, lines, strings, strict=True), 1):
        rule, mine = _parse_rule(entry, k, line, source, labels, at, table)
        problems += mine
        where = _where(source, line, k, entry.get("name"))
        # A rule with other problems still takes part in the name and label checks: every problem in one run.
        name = entry.get("name")
        name_ok = isinstance(name, str) and bool(name.strip())
        if isinstance(name, str) and name_ok:
            if rule_name(name) in seen:
                first, written = seen[rule_name(name)]
                # 'a ' and 'a', ｆｅｅ and fee are one name: said, as the two are written differently
                alike = "" if written == name else _alike(name, written)
                problems.append(f"{where}: the name is used by rule {first} too{alike}; names must be unique")
            seen.setdefault(rule_name(name), (k, name))
        label = entry.get("label")
        if labels is not None and isinstance(label, str) and label.strip() and _label(label, labels) not in labels:
            # Said as every problem of the rule, and as RuleSet.check_labels says it of a rule set
            problems.append(unknown_label(where, _label(label, labels), labels))
            bad_label = True
        if rule is not None:
            rules.append(rule)
    if problems:
        shown = "\n".join(cut_lines(problems, MAX_SHOWN, bullet=""))
        if bad_label and labels is not None:  # the model's reasons said after every problem
            raise unknown_labels_error(shown, labels)
        raise RulesError(shown)
    return RuleSet(tuple(rules), source)


def _alike(name: str, written: str) -> str:
    """Say why *name* and *written*, two names written differently, are one name."""
    if name.strip() == written.strip():
        return f" (written {name!r} here, {written!r} there: spaces around a name do not count)"
    return (
        f" (written {name!r} here, {written!r} there: names are read as texts are, full-width and half-width forms "
        f"as one, and both read {rule_name(name)!r}; rename one)"
    )


def _label(value: str, labels: Sequence[str] | None) -> str:
    """Return the label a rule's label names, read as a labelled file's reasons cell is (NFKC: ｆｅｅｓ is fees):
    the taxonomy id for a model of the taxonomy's reasons (*labels*), else as written (see
    :func:`~taikai.rules._rule.rule_label`)."""
    return rule_label(label_cell(value), labels)


def _at(source: str, text: str, key: str) -> str:
    """Return ``FILE:LINE`` of the top-level *key* of the rules *text* (``FILE`` when its line is not found)."""
    line = top_level_line(text, key)
    return source if line is None else f"{source}:{line}"


def _where(source: str, line: int | None, k: int, name: object) -> str:
    at = f":{line}" if line is not None else ""
    named = repr(rule_name(name)) if isinstance(name, str) and name.strip() else "(no name)"  # as Rule keeps it
    return f"{source}{at}: rule {named} (rule {k} of the file)"


def _suggest(key: str, known: tuple[str, ...]) -> str:
    return did_you_mean(key, known, cutoff=0.5, typo=None)  # as a column name not found, more loosely: Label, lab


def _parse_rule(
    table: dict[str, Any],
    k: int,
    line: int | None,
    source: str,
    labels: Sequence[str] | None,
    strings: dict[tuple[str, str | None], int],
    from_table: bool = False,
) -> tuple[Rule | None, list[str]]:
    """Return the rule of one ``[[rule]]`` table (``None`` when it has problems) and its problems; a problem of a term
    or key is said at its own line (*strings*: :func:`~taikai.rules._headers.string_lines` of the rule's lines)."""
    name = table.get("name")
    where = _where(source, line, k, name)
    problems = [
        unknown_key(_where(source, strings.get((key, None), line), k, name), key, KEYS)
        for key in table
        if key not in KEYS
    ]
    for key in ("name", "label"):
        value = table.get(key)
        if key in table and not isinstance(value, str):
            problems.append(f'{where}: the {key} must be text, not {value!r}; write it in quotes: {key} = "…"')
        elif not isinstance(value, str) or not value.strip():
            give = f"write it in its {key} column" if from_table else f'give one as {key} = "…"'
            problems.append(f"{where}: no {key}; {give}")
    if isinstance(name, str) and "|" in rule_name(name):  # ｜ too: the name is read as |
        written = "" if "|" in name else "; names are read as texts are: a full-width ｜ is |"
        problems.append(f"{where}: the name may not contain '|' (it separates rule names in the output{written})")
    terms: dict[str, list[Term]] = {}
    before = len(problems)
    for key in TERM_KEYS:
        terms[key] = []
        values = table.get(key, [])
        at = _where(source, strings.get((key, None), line), k, name)  # the key's line
        if isinstance(values, str):
            problems.append(f"{at}: {key} must be a list of strings: write {key} = [{_toml_string(values)}]")
            continue
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            problems.append(f'{at}: {key} must be a list of strings, like {key} = ["…", "…"]')
            continue
        for value in values:
            term, problem = read_term(value, TermKind.REGEX if key == "regex" else None)
            problem = problem or (operator_problem(term.value, term.kind, key) if term is not None else "")
            if problem:  # at the term's own line: a rule of many terms is long
                problems.append(f"{_where(source, strings.get((key, value), line), k, name)}: {key}: {problem}")
            elif term is not None:
                terms[key].append(term)
    misspelt = any(isinstance(v, list) for k, v in table.items() if k not in KEYS)  # ayn = [...]: said already
    if not (terms["any"] or terms["all"] or terms["regex"]) and len(problems) == before and not misspelt:
        columns = " columns" if from_table else ""
        problems.append(f"{where}: the rule matches nothing: give terms in any or all, or patterns in regex{columns}")
    if problems:
        return None, problems
    rule = Rule(
        name=rule_name(str(name)),
        label=_label(str(table["label"]), labels),
        any=(*terms["any"], *terms["regex"]),
        all=tuple(terms["all"]),
        none=tuple(terms["not"]),
        line=line,
    )
    return rule, []


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
