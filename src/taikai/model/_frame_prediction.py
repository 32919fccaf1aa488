"""What a model adds to a data frame: the check of its columns, and the frame with the prediction columns appended
(:meth:`~taikai.model.Model.predict_frame`), a base of :class:`~taikai.model.Model` beside its scoring."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING

from taikai._keywords import keywords_checked
from taikai._masked_messages import errors_masked
from taikai.errors import TEXT_COLUMN, InputError, check_bool, wrong_type
from taikai.model._classified import check_prefix, free_prefix
from taikai.model._frame_columns import output_names, tuple_hint, with_added
from taikai.model._header_rows import mark_header_rows
from taikai.model._inputs import find_column, not_a_frame
from taikai.rules import RuleMatcher, RulesGiven, RulesMode
from taikai.text import header_rows, reviews_told

if TYPE_CHECKING:
    import pandas as pd

    from taikai.model._classified import Classified


class FramePrediction:
    """A base of :class:`~taikai.model.Model`: its methods that take a data frame or its columns."""

    if TYPE_CHECKING:  # the model's own, which these call

        def output_columns(self, rules_mode: RulesMode | str | None = None) -> list[str]: ...

        def prepare_rules(self, rules: RulesGiven) -> RuleMatcher | None: ...

        def classify(
            self,
            values: str | Iterable[object],
            rules: RulesGiven = None,
            rules_mode: RulesMode | str = RulesMode.FLAG,
            mask_pii: bool = False,
        ) -> Classified: ...

    def check_columns(
        self,
        columns: Iterable[Hashable],
        text_column: Hashable,
        rules_mode: RulesMode | str | None = None,
        prefix: str = "",
        index: Sequence[Hashable] = (),
        *,
        frame: pd.DataFrame | None = None,
    ) -> Hashable:
        """Return the label of *columns* that *text_column* names (the label, or the label written as a str); raise
        :class:`InputError` when there is none (or it is in *index*, a frame's), or *columns* hold an output column.
        The error of a text column not there names the columns of *frame* (the frame *columns* are of, when it is
        at hand) that read as reviews, and how to read one (``'本文' reads as reviews: text_column='本文'``)."""
        check_prefix(prefix)
        if isinstance(columns, str) or not isinstance(columns, Iterable):  # a str's letters are no column labels
            raise wrong_type("columns", columns, "the column labels of a frame (df.columns)")
        columns = list(columns)
        hint = tuple_hint(columns, text_column, TEXT_COLUMN)
        if frame is not None:
            hint += reviews_told(frame, text_column)
        label = find_column(columns, text_column, TEXT_COLUMN, hint=hint, index=index)
        names = output_names(columns)
        added = self.output_columns(rules_mode)
        clash = [prefix + c for c in added if prefix + c in names]
        if clash:
            free = free_prefix(names, added)  # not the prefix given, which makes the clash
            raise InputError(
                f"the input already has output column(s) {clash}; name the model's columns with a prefix "
                f"(prefix={free!r}, --prefix {free} on the command line, gives {free}reason, …), or rename or drop them"
            )
        return label

    @keywords_checked
    @errors_masked
    def predict_frame(
        self,
        df: pd.DataFrame,
        text_column: Hashable = "text",
        rules: RulesGiven = None,
        rules_mode: RulesMode | str = RulesMode.FLAG,
        mask_pii: bool = False,
        prefix: str = "",
    ) -> pd.DataFrame:
        """Return a copy of *df* with the prediction columns appended; every row is kept, in order.

        With *rules* (a rules file, :class:`~taikai.rules.RuleSet` or compiled matcher) the columns
        ``rule_names``, ``rule_reasons`` and ``rule_conflict`` follow, and ``model_reason`` when
        ``rules_mode="override"`` (see :meth:`predict`). *prefix* goes before every added column's name: on a
        labelled frame, ``prefix="pred_"`` puts ``pred_reason``, ``pred_reasons``, ``pred_sentiment``, … next to
        its own ``reasons`` and ``sentiment``. *text_column* is a column label (``3`` for a frame read with
        ``header=None``, or ``"3"``). ``mask_pii=True`` replaces personal data in *text_column* by placeholders
        (:func:`taikai.mask_pii`) first: the masked text is what the rules and the model read, and it is returned in
        place of the original; an error then quotes none. A row that repeats the column names (two exports joined
        before they were read) is not classified: its status is ``error``, its message names it, and a
        :class:`~taikai.errors.DataWarning` names such rows. Each added column has one dtype whatever the rows (see
        :meth:`Classified.to_frame`): ``rule_conflict`` is ``bool``, or ``boolean`` when a row was not classified."""
        import pandas as pd

        if not isinstance(df, pd.DataFrame):
            raise not_a_frame(df)
        check_prefix(prefix)
        check_bool("mask_pii", mask_pii)
        mode = RulesMode.for_rules(rules_mode, rules)
        matcher = self.prepare_rules(rules)
        ruled = None if matcher is None else mode
        column = self.check_columns(df.columns, text_column, ruled, prefix, df.index.names, frame=df)
        if mask_pii:
            from taikai.privacy import mask_text_column

            df, _ = mask_text_column(df, column)
        texts = df[column].tolist()
        rows = header_rows(df, column, texts)  # the header again (two exports joined): no review, said
        for at in rows:
            texts[at] = None
        classified = mark_header_rows(self.classify(texts, matcher, mode), rows, df, str(column))
        return with_added(df, classified.to_frame(df.index, prefix))
