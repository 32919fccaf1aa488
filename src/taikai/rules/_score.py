"""Score rules against labelled texts: hits, precision and recall per rule and per label, and the misfires.

A rule is **right** on a row when its label is among the row's gold reasons (any of them, not only the
primary). Precision = right hits / hits; recall = right hits / rows whose gold reasons include the rule's label.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import asdict, dataclass
from typing import ClassVar

from taikai._cut import cut, cut_lines
from taikai.privacy import read_as_model
from taikai.rules._counts import Counts, RuleScore, table_row
from taikai.rules._few_hits import few_hits_line, few_label_hits_line
from taikai.rules._matcher import RuleMatcher
from taikai.rules._misfire import Misfire
from taikai.rules._same_rows import same_rows, same_rows_lines
from taikai.text import RULES_SCORES, PickedRows, markdown_cell, notebook_markdown, terminal_markdown

DEFINITION = (
    "A rule is right on a row when its label is among the row's gold reasons (any of them, not only the primary). "
    "precision = right hits / hits (with its 95 % interval); recall = right hits / rows whose gold reasons include "
    "the rule's label."
)
"""How ``rules test`` counts a rule right or wrong, printed with its table."""
NUMBERING = (
    "line: the file line a row starts on, counting every line (a CSV or TSV header is line 1; in an xlsx sheet, the "
    "row number), null for a Parquet file or a DataFrame; row: the row's 0-based position among the data rows"
)
"""What the ``line`` and ``row`` of a misfire count, given with the JSON of ``rules test`` (as evaluate's unscored)."""
LINES_NAMED = (
    "Rows are named by the file line they start on, counting every line (a CSV or TSV header is line 1; in an xlsx "
    "sheet, the row number)."
)
ROWS_NAMED = "Rows are named by their data row, 1-based."
NEVER_FIRED = (
    "Check their terms against the reviews' wording: a term is found as written in the normalised text (another "
    "spelling in kanji or kana, or another inflection, is not; a lemma: term finds a word's inflected forms)."
)
TEXT_CHARS = 60


@dataclass(frozen=True)
class RulesScore:
    """What :func:`score_rules` measured; ``str()`` is a Markdown report."""

    rules_source: str
    data_source: str
    rows: int
    unmatched: int
    covered: int
    rules: tuple[RuleScore, ...]
    labels: dict[str, Counts]
    skipped: int = 0
    """Rows of the file without reasons, left out before matching (a sheet labelled in part; a row with a sentiment
    only too: rules are scored against reasons)."""
    in_part: int = 0
    """Rows of the file labelled in part (further reasons, no primary one), left out before matching with a
    warning naming them."""
    masks: dict[str, int] | None = None
    """The personal data masked in the file's texts, per kind (``mask_pii=True``); ``None``: not masked."""
    picked: PickedRows | None = None
    """The scored rows a ``taikai suggest`` sheet picked among its model's least sure (its ``picked_by`` column, as
    ``evaluate`` reads it): the scores are those on the dump's hardest rows."""
    id_column: str | None = None
    """The column whose ids name the rows listed (``id_column`` given, else found by its name); ``None``: none."""
    id_by_name: bool = False
    """Whether :attr:`id_column` was found by its name (``review_id``, ``回答ID``), not given."""
    __hash__: ClassVar[None] = None  # type: ignore[assignment]  # counts per label in a dict: not hashable, so hash() is not offered

    def to_dict(self) -> dict[str, object]:
        """Return JSON-ready values (precision and recall included)."""

        def counts(c: Counts) -> dict[str, object]:
            interval = list(c.precision_interval or ()) or None
            return {**asdict(c), "precision": c.precision, "precision_interval": interval, "recall": c.recall}

        return {
            "rules_file": self.rules_source,
            **({"rules_files": list(dict.fromkeys(r.source for r in self.rules))} if self._several else {}),
            "data": self.data_source,
            "definition": DEFINITION,
            "numbering": NUMBERING,
            "rows": self.rows,
            "unmatched": self.unmatched,
            "skipped": self.skipped,
            "labelled_in_part": self.in_part,
            "id_column": self.id_column,
            "id_found_by_name": self.id_by_name,
            "picked_uncertain": self.picked.to_dict() if self.picked is not None else None,
            "covered": self.covered,
            "few_hits": self.few_hits(),
            "few_label_hits": self.few_label_hits(),
            "rules": [
                {
                    "name": r.name,
                    "label": r.label,
                    **counts(r.counts),
                    "misfires": r.misfires,
                    "examples": [e.to_dict() for e in r.examples],
                    "same_rows_as": r.same_rows,
                    **({"file": r.source} if self._several else {}),
                }
                for r in self.rules
            ],
            "labels": {label: counts(c) for label, c in self.labels.items()},
        }

    def to_markdown(self, width: int | None = None) -> str:
        """Return the per-rule and per-label tables and each rule's misfires. *width*: the columns of the terminal
        it is shown on (``taikai rules test`` on a terminal): its tables lined up and its lines wrapped between words
        to fit (:func:`~taikai.text.terminal_markdown`)."""
        matched = self.rows - self.unmatched
        left_out = [f"{self.skipped:,} without reasons"] if self.skipped else []
        left_out += [f"{self.in_part:,} labelled in part (only more_reasons)"] if self.in_part else []
        skipped = f" (and {' and '.join(left_out)}, skipped)" if left_out else ""
        lines = [
            f"Rules {self.rules_source} on {self.data_source}: {self.rows:,} labelled rows{skipped}, {matched:,} "
            f"matched ({self.unmatched:,} not: text empty or not Japanese); a rule fired on {self.covered:,}.",
            DEFINITION,
            *([f"Rows named by the ids of {self.id_column!r}, a column found by its name."] if self.id_by_name else []),
            *(["", f"**WARNING: {self.picked.warning(RULES_SCORES)}**"] if self.picked is not None else []),
            "",
            f"| rule | label | hits | right | precision | recall |{' file |' if self._several else ''}",
            f"|---|---|---:|---:|---:|---:|{'---|' if self._several else ''}",
        ]
        for r in self.rules:
            file = f" {markdown_cell(str(r.source))} |" if self._several else ""
            lines.append(f"| {markdown_cell(r.name)} | {r.label} | {table_row(r.counts)} |{file}")
        lines += [
            "",
            "Any rule of the label:",
            "",
            "| label | hits | right | precision | recall |",
            "|---|---:|---:|---:|---:|",
        ]
        lines += [f"| {label} | {table_row(c)} |" for label, c in self.labels.items()]
        silent = [f"{r.name} ({r.label})" for r in self.rules if not r.counts.hits]
        if silent and matched:  # a rule that never fires says nothing in the tables but its zeros
            lines += ["", f"Fired on none of the {matched:,} rows: {', '.join(silent)}. {NEVER_FIRED}"]
        lines += [line for few in (self.few_hits(), self.few_label_hits()) if few for line in ("", few)]
        same = same_rows_lines([(r.name, r.label, r.counts.hits, r.same_rows) for r in self.rules])
        lines += ["", *same] if same else []
        listed = {e.line is not None for r in self.rules for e in r.examples}
        if listed:  # say what the numbers of the rows listed count
            lines += [
                "",
                " ".join(note for known, note in ((True, LINES_NAMED), (False, ROWS_NAMED)) if known in listed),
            ]
        for r in self.rules:
            if not r.misfires:
                continue
            colon = ":" if r.examples else "."  # none listed: examples=0 (rules test --examples 0)
            of = f", {r.source}" if self._several else ""  # the file to edit
            lines += ["", f"{r.name} ({r.label}{of}) fires against the gold label on {r.misfires:,} row(s){colon}"]
            examples = [f"{e.where()}: gold {'|'.join(e.gold)}: {_clip(e.text)}" for e in r.examples]
            lines += cut_lines(examples, len(examples), total=r.misfires if examples else 0, bullet="- ")
        return terminal_markdown("\n".join(lines), width)

    __str__ = to_markdown

    def few_hits(self) -> str | None:
        """Return the caution that rules fired on few rows (:func:`~taikai.rules._few_hits.few_hits_line`)."""
        return few_hits_line([(r.name, r.label, r.counts.hits) for r in self.rules])

    def few_label_hits(self) -> str | None:
        """Return the caution that the rules of labels fired on few rows, as the per-label table counts them
        (:func:`~taikai.rules._few_hits.few_label_hits_line`)."""
        return few_label_hits_line([(label, c.hits) for label, c in self.labels.items()])

    @property
    def _several(self) -> bool:
        """Whether the rules came from several files (each rule then names its own)."""
        return any(r.source is not None for r in self.rules)

    def __repr__(self) -> str:
        """Return what was scored on what on one line (``str()``, and a notebook, show the Markdown report)."""
        return (
            f"RulesScore({len(self.rules)} rule(s) from {self.rules_source!r} on {self.data_source!r}: "
            f"{self.rows:,} labelled rows, {self.rows - self.unmatched:,} matched; a rule fired on {self.covered:,})"
        )

    def _repr_markdown_(self) -> str:
        """Return :meth:`to_markdown`, for a notebook (its ``<`` and ``&`` shown as written: ``<frame>``)."""
        return notebook_markdown(self.to_markdown())


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return cut(text, TEXT_CHARS)


def score_rules(
    matcher: RuleMatcher,
    texts: Sequence[object],
    gold: Sequence[Sequence[str]],
    lines: Sequence[int] | None = None,
    examples: int = 5,
    source: str = "<data>",
    rows: Sequence[int] | None = None,
    index: Sequence[Hashable] | None = None,
) -> RulesScore:
    """Match *matcher* on *texts* and score it against the *gold* reason sets (one per text).

    *lines* gives each row's file line for the misfire listing, *rows* its 0-based data row (default: its
    position in *texts*; rows left out before scoring make them differ), *index* its label in a frame's index (named
    when not its position); *examples* misfires are kept per rule.
    Texts that cannot be classified (empty, not Japanese, or only the placeholders of masked personal data: judged
    as :meth:`taikai.Model.classify` judges them) are not matched and are counted in ``unmatched``.
    """
    if any(x is not None and len(x) != len(texts) for x in (gold, lines, rows, index)):
        raise ValueError("texts, gold, lines, rows and index must have one entry per row")
    rows = range(len(texts)) if rows is None else rows
    checked = [read_as_model(t) for t in texts]  # as Model.classify judges and reads them (placeholders as ○)
    ok = [i for i, c in enumerate(checked) if c.ok]
    hits = matcher.match_all([checked[i].text for i in ok])
    compiled = matcher.rules.rules
    fired = {r.name: 0 for r in compiled}
    right = dict(fired)
    wrong: dict[str, list[int]] = {r.name: [] for r in compiled}
    rows_of: dict[str, list[int]] = {r.name: [] for r in compiled}
    label_hits = {label: 0 for label in matcher.rules.labels}
    label_right = dict(label_hits)
    rule_label = {r.name: r.label for r in compiled}
    for i, h in zip(ok, hits, strict=True):
        for name in h.names:
            fired[name] += 1
            rows_of[name].append(i)
            if rule_label[name] in gold[i]:
                right[name] += 1
            else:
                wrong[name].append(i)
        for label in h.labels:
            label_hits[label] += 1
            label_right[label] += label in gold[i]
    support = {label: sum(label in gold[i] for i in ok) for label in matcher.rules.labels}
    same = same_rows(list(rows_of.items()))
    scores = tuple(
        RuleScore(
            r.name,
            r.label,
            Counts(fired[r.name], right[r.name], support[r.label]),
            len(wrong[r.name]),
            tuple(
                Misfire(
                    rows[i],
                    lines[i] if lines is not None else None,
                    tuple(gold[i]),
                    str(texts[i]),
                    None if index is None else index[i],
                )
                for i in wrong[r.name][:examples]
            ),
            same.get(r.name),
            r.source,  # set for the rules of several files only (RuleSet.joined)
        )
        for r in compiled
    )
    return RulesScore(
        rules_source=matcher.rules.source,
        data_source=source,
        rows=len(texts),
        unmatched=len(texts) - len(ok),
        covered=sum(bool(h) for h in hits),
        rules=scores,
        labels={label: Counts(label_hits[label], label_right[label], support[label]) for label in label_hits},
    )
