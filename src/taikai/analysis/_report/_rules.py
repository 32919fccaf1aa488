"""Section: the coding rules next to the model (hits per rule, rule label × model label, conflicting reviews).

Shown only when the predictions carry the rule columns (``taikai batch --rules``); the tables come from
:func:`taikai.analysis.rules_section`.
"""

from __future__ import annotations

from taikai.analysis._report._blocks import ColumnKind, Note, ReportBlock, ReportTable, Section, Share
from taikai.analysis._report._context import ReportContext
from taikai.analysis._report._i18n import fill
from taikai.analysis._report._ids import id_cell
from taikai.analysis._report._masking import mask_file_name
from taikai.analysis._rules_section import rules_section
from taikai.labels import parse_reasons
from taikai.privacy import sum_counts

NO_LABEL = "—"
"""The label cell of a rule whose label is not known (it never fired, and the batch summary predates labels); the
file cell of a rule whose file the summary does not name."""


def rules_builder(ctx: ReportContext) -> Section | None:
    """Hits per rule, the matrix of rule labels against the model's reasons and the conflicting reviews;
    ``None`` when the predictions have no ``rule_reasons`` column."""
    text_column = ctx.options.text_column
    # the rules batch applied, those that never fired too, with their labels (none in a summary older than them)
    ran = {rule.name: rule.label for rule in ctx.run.rules} if ctx.run is not None else {}
    files = {rule.name: rule.source for rule in ctx.run.rules if rule.source} if ctx.run is not None else {}
    found = rules_section(
        ctx.frame, text_column, examples=ctx.options.uncertain, context=ctx.context_columns, rules=ran, files=files
    )
    if found is None:
        return None
    t, names = ctx.t, ctx.t.rules_columns
    hits = found.hits.assign(
        label=found.hits["label"].map(lambda r: ctx.reason(r) if isinstance(r, str) else NO_LABEL),
        share=found.hits["share"].map(Share),
    )
    shown = _shown_files(ctx, files)  # masked under --mask-pii, as the page's title names its file
    if "file" in hits.columns:  # the rules of several files (--rules a --rules b): each rule's, as batch was given it
        hits["file"] = hits["file"].map(lambda f: shown[f] if isinstance(f, str) else NO_LABEL)
    matrix = found.matrix.rename(index=ctx.reason, columns=ctx.reason)
    examples = found.examples.assign(
        model=found.examples["model"].map(ctx.reason_with_id),
        rule_reasons=found.examples["rule_reasons"].map(  # named as the model's reason is, in the page's language
            lambda v: " · ".join(ctx.reason_with_id(r) for r in parse_reasons(v))
        ),
    )
    if "rule_names" in examples.columns:  # joined as the rule labels and files beside them: fee · hourly
        examples["rule_names"] = examples["rule_names"].map(
            lambda v: " · ".join(v.split("|")) if isinstance(v, str) else v
        )
    if "file" in examples.columns:  # the rules files of a row's rules, as the table of rules names them
        examples["file"] = examples["file"].map(
            lambda f: " · ".join(shown[n] for n in f.split(" · ")) if isinstance(f, str) else NO_LABEL
        )
    for column in ctx.context_columns:  # a blank cell, named as the table of segments names it
        if column in examples.columns:
            examples[column] = ctx.blank_as_missing(column, examples.index)
    if ctx.id_column in examples.columns:  # as written: 3328, not 3,328
        examples[ctx.id_column] = examples[ctx.id_column].map(id_cell).astype(object)
    examples = examples[[c for c in examples.columns if c != text_column] + [text_column]]
    shown = {c: names.get(c, c) for c in examples.columns if c not in ctx.context_columns}
    kinds = {names.get(c, c): ColumnKind.NOWRAP for c in ctx.context_columns} | {
        shown.get(text_column, text_column): ColumnKind.TEXT
    }
    mode = t.rules_override if found.override else t.rules_flag
    blocks: list[ReportBlock] = [
        Note(
            fill(t.rules_note, rows=f"{found.rows:,}", ruled=f"{found.ruled:,}", conflicts=f"{found.conflicts:,}")
            + " "
            + mode
        ),
    ]
    if len(hits):
        blocks.append(ReportTable.from_frame(hits.rename(columns=names).rename_axis(names.get("rule", "rule"))))
    if not found.ruled:  # no matrix of zeros, no empty table of reviews
        return Section.of("rules", t.rules, [*blocks, Note(t.rules_none)])
    blocks += [
        Note(t.rules_matrix_note),
        ReportTable.from_frame(matrix.rename_axis(index=names.get("rule label", "rule label"), columns=None)),
        Note(fill(t.rules_examples_note, n=f"{len(examples):,}")),
        ReportTable.from_frame(examples.rename(columns=shown), index=False, kinds=kinds),
    ]
    return Section.of("rules", t.rules, blocks)


def _shown_files(ctx: ReportContext, files: dict[str, str]) -> dict[str, str]:
    """Each rules file of *files* (rule → file) as the page names it: under ``--mask-pii`` masked as the page masks
    the names of the files it shows (``佐藤花子さん用.toml`` → ``[人名]さん用.toml``), each counted once in the header's
    masks; else as written."""
    named = dict.fromkeys(files.values())
    if not ctx.options.mask_pii:
        return {f: f for f in named}
    masked = {f: mask_file_name(f) for f in named}
    ctx.masks.update(sum_counts([counts for _, counts in masked.values()]))
    return {f: name for f, (name, _) in masked.items()}
