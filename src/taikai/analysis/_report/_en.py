"""Every word the English report (``--lang en``) writes outside the data."""

from __future__ import annotations

from taikai.analysis._report._phrases import Phrases

EN = Phrases(
    lang="en",
    heading="Churn reasons report",
    churn_words=(("Churn reasons report", "Reasons report"),),
    input_line="Input: {source} · {rows} {rows|row|rows} · made {made} · taikai {version}",
    trial_run="A trial run, not the whole input: only the first {limit} {limit|row|rows} of {input} {limit|was|were} "
    "classified; every count and share below is of those rows alone",
    pii_masked="Personal data masked on this page: {masks}",
    pii_count="{kind} {placeholder} {count}",
    pii_none="none found",
    pii_none_more="nothing more found",
    pii_input_batch="The input texts were masked before they were classified (as the record of that run says){masks}",
    pii_version=" (taikai masker version {version})",
    pii_input_placeholders="The input texts were masked before: they hold the placeholders taikai's masking "
    "writes ({placeholders})",
    pii_not_masked="The texts are not masked: the reviews this page quotes may hold names, e-mail addresses and "
    "other personal data as written (whoever made this page can make it with them masked: taikai report --mask-pii)",
    pii_join=", ",
    summary="Summary",
    summary_rows="{classified} of {rows} {rows|review|reviews} ({share}) {classified|was|were} classified.",
    summary_top="The most frequent reason is '{name}': {count} {count|review|reviews} ({share}).",
    summary_top_tied="The most frequent reasons are '{name}': {count} {count|review|reviews} ({share}) each.",
    summary_tied_join="' and '",
    summary_sentence_join=" ",
    summary_top_override="The most frequent reason is '{name}': {count} {count|review|reviews} ({share}), counting the "
    "label of the first rule that fired in place of the model's reason (rules in override mode); the model alone gave "
    "it {model} (model_reason).",
    summary_top_override_tied="The most frequent reasons are '{name}': {count} {count|review|reviews} ({share}) each, "
    "counting the label of the first rule that fired in place of the model's reason (rules in override mode); the "
    "model alone gave them {model} (model_reason).",
    summary_model_join=" and ",
    summary_sentiment="Sentiment: {parts}.",
    summary_up="'{name}' rose from {before} to {after} in {where} ({before_share} → {after_share} of the {period}, "
    "{against}; {p}).",
    summary_down="'{name}' fell from {before} to {after} in {where} ({before_share} → {after_share} of the {period}, "
    "{against}; {p}).",
    summary_segment_up="On {by} {where}, '{name}' is {share} of reviews ({count} of {total}), against {other} "
    "for the other values of {by} ({p}).",
    summary_segment_down="On {by} {where}, '{name}' is only {share} of reviews ({count} of {total}), against {other} "
    "for the other values of {by} ({p}).",
    summary_segment_pooled_only="No single value of {by} stands out; only the {where} pooled together differ: "
    "'{name}' is {share} of their reviews ({count} of {total}), against {other} for the other values ({p}).",
    summary_no_change="No significant change in the reason mix from one {period} to the next ({tests} {tests|comparison|comparisons}).",
    summary_against_previous="against the {period} before",
    summary_against="against {baseline}, the last {period} with enough reviews to compare",
    summary_no_comparison="No {period} was compared: fewer than two {period}s have {min_group} or more classified reviews.",
    summary_no_comparison_one_reason="No {period} was compared: every classified review has the same reason, "
    "'{name}', so there is no mix of reasons to compare.",
    summary_no_comparison_one_reason_large="No {period} was compared: every classified review in the {period}s with "
    "{min_group} or more has the same reason, '{name}', so there is no mix of reasons to compare.",
    summary_no_segment_change="No significant difference in the reason mix between values of {by} ({tests} {tests|comparison|comparisons}).",
    summary_no_segment_comparison="No value of {by} was compared: none has {min_group} or more classified "
    "reviews with {min_group} or more in the other values together.",
    summary_no_segment_comparison_one_reason="No value of {by} was compared: every classified review has the same "
    "reason, '{name}', so there is no mix of reasons to compare.",
    summary_method="Tests: chi-squared test of homogeneity of the reason mix, {compared}; p-values Holm-Bonferroni "
    "adjusted within each family, "
    "significance level 5 %. Groups with fewer than {min_group} classified {min_group|review|reviews} are not compared. The reason "
    "named is the one with the largest adjusted standardized residual.",
    summary_method_periods="each {period} against the last {period} before it with enough reviews",
    summary_method_segments="each value of {by} against all others",
    summary_method_and=" and ",
    summary_drift={
        "yes": "{verdict}: this input, or part of it, differs from the model's training data, so the reasons and "
        "sentiments on this page may be less accurate than when the model was tested; the last section, '{title}', "
        "says how and where.",
        "no": "{verdict} against the model's training data.",
        "not judged": "{verdict}. Whether this input is like the model's training data is not known (the last "
        "section, '{title}').",
        "unchecked": "Drift cannot be checked, so whether this input is like the model's training data is not known "
        "(the last section, '{title}', says why).",
    },
    model="Model",
    model_name="Name",
    model_sha="Hash (sha256)",
    model_created="Created",
    model_accuracy="Accuracy on its test split (measured at training)",
    model_macro_f1="Macro-F1 on its test split (measured at training)",
    model_test_rows="Rows in the test split",
    model_refit="This model was refitted on every row after testing: the figures are those of the fit on the "
    "train split, measured on the test split.",
    model_no_test="No test split: this model was trained on every usable row (none was held out for testing), so no "
    "accuracy was measured at training. Whoever made this page can measure it on labelled rows the model never saw "
    "with taikai evaluate (taikai.evaluate in Python).",
    model_from_summary="As recorded by the run that made the predictions (whoever made this page has that record: "
    "{file}).",
    model_from_option="The model named by whoever made this page.",
    model_assumed="No batch summary beside the predictions: assumed to be the default model, whose probability "
    "columns match. If another model made them, whoever made this page can name it with --model (model= in Python).",
    model_unknown="Unknown model: no batch summary beside the predictions, and the default model's probability "
    "columns differ. Whoever made this page can name it with --model (model= in Python).",
    model_assumed_frame="A frame from Python (no batch summary): the model is assumed to be the default model, whose "
    "probability columns match. If another model made them, whoever made this page can name it with model=.",
    model_unknown_frame="Unknown model: a frame from Python has no batch summary, and the default model's probability "
    "columns differ. Whoever made this page can name it with model=.",
    model_assumed_stale="The batch summary beside the predictions ({file}) describes another output: assumed to be "
    "the default model, whose probability columns match. If another model made them, whoever made this page can name it with --model "
    "(model= in Python).",
    model_unknown_stale="Unknown model: the batch summary beside the predictions ({file}) describes another output, "
    "and the default model's probability columns differ. Whoever made this page can name it with --model (model= in "
    "Python).",
    model_assumed_prefix="The batch summary beside the predictions ({file}) describes the columns prefixed {recorded}, "
    "not the {prefix} ones read: assumed to be the default model, whose probability columns match. If another model "
    "made them, whoever made this page can name it with --model (model= in Python).",
    model_unknown_prefix="Unknown model: the batch summary beside the predictions ({file}) describes the columns "
    "prefixed {recorded}, not the {prefix} ones read, and the default model's probability columns differ. "
    "Whoever made this page can name it with --model (model= in Python).",
    status="Input and status",
    status_note="{bad} of {rows} {rows|row|rows} {bad|was|were} not classified (status other than ok).",
    status_messages="Why rows were not classified (message)",
    status_cut="{cut} classified {cut|row|rows} {cut|was|were} longer than {limit} characters: only the first {limit} "
    "characters of {cut|it|each} were classified (said in the message column).",
    set_aside="Lines set aside by batch",
    set_aside_counts="Bad lines: {bad}, blank lines: {blank} (not in the output).",
    set_aside_spans="{records} of them {records|covers|cover} several file lines, {lines} in all (a quote left open "
    "swallows the lines after it: check the line ranges below).",
    set_aside_none="Batch set no line aside.",
    set_aside_sample="Bad lines (from {file})",
    set_aside_no_summary="No batch summary ({file}) beside the predictions: the lines set aside are not known.",
    summary_ignored="The batch summary beside the predictions ({file}) describes another output, so it is not used (whoever made this page was warned which output it describes): the lines set aside are not known from it.",
    reasons="Reasons",
    reasons_note="{rows} classified {rows|review|reviews}. The primary reason is the most probable one; the stated reasons are "
    "all reasons in the reasons column (a review can state several, so they add up to more than 100 %).",
    reasons_note_override="{rows} classified {rows|review|reviews}. The primary reason is the label of the first coding rule "
    "that fired, else the model's most probable one (rules in override mode; the model's own is in model_reason); the "
    "stated reasons are all reasons in the reasons column (a review can state several, so they add up to more than "
    "100 %).",
    reasons_per_review="Reasons per review",
    primary="primary",
    stated="stated",
    share="share",
    count="count",
    total="total",
    reason="reason",
    name="name",
    sentiment="Sentiment",
    sentiment_overall="Overall sentiment",
    sentiment_over_time="Sentiment over time",
    sentiment_per_reason="Sentiment per reason",
    sentiment_none="This model does not predict sentiment.",
    sentiment_no_rows="No classified rows, so no sentiment to count.",
    trend="Reasons over time",
    trend_none="No date column was given (whoever made this page can give one with --date-column; date_column= in Python).",
    trend_dated=" Dates are in column {columns}: whoever made this page can give it with {option} (date_column={name!r} "
    "in Python).",
    trend_note="Counts and shares per {period} of column {column}. Rows without a usable date: {unread}",
    trend_stray="{name} holds {rows} of the {dated} dated reviews ({share}), cut off from the others by {gap} {unit} without reviews: {shown}. So few rows cut off are more likely a mistyped date than reviews of that time, and may explain the empty {unit}: check these dates",
    trend_out_of_range=". Of them, rows whose date is out of range: {out} (outside {first}–{last}, far from the other dates; check them for typos)",
    trend_fiscal=". FY is the fiscal year, named by the year it starts in: FY2025 runs from {first} to {last}",
    trend_order_untold=". Dates such as {example} read either way and none in the column tells the order, so they were read month first ({reading}); if they are day first, write them as YYYY-MM-DD (2026-03-14)",
    trend_zone=". Periods are counted in the time zone {tz}: dates and times written with a zone (such as Z or +00:00 of UTC) were converted to it, those without one taken as in it",
    trend_zone_written=". Dates and times are counted in the zone they are written in: {zone} (e.g. {example}), not Japan's; to count them in Japan's time, make the page with --tz Asia/Tokyo (tz='Asia/Tokyo' in Python)",
    trend_counts="Count per {period}, per reason",
    trend_shares="Share per {period}",
    segments="Segments",
    segments_none="No segment column was given (whoever made this page can give one with --by; by= in Python).",
    segments_note="Count per value of {by}, and its share of that value's classified reviews.",
    words="Distinctive words per reason",
    words_note="Words used more in reviews of one reason than in the others (z-score of the log-odds ratio with "
    "an informative Dirichlet prior, Monroe et al. 2008; only words at z 1.96 or more, which chance gives less than "
    "once in 20); in brackets, the number of reviews holding the word.",
    words_none="Too few classified reviews for distinctive words.",
    words_weak="No word is used clearly more in one reason's reviews than in the others' (z 1.96 or more): in so few "
    "reviews every difference is within chance.",
    representative="Representative reviews per reason",
    representative_note="Per reason, the reviews with the highest probability, up to {n} (fewer where a reason has fewer "
    "rows); p is the predicted reason's probability.",
    uncertain="Least confident predictions (to check)",
    uncertain_note="The {n} {n|review|reviews} whose predicted reason has the lowest probability: have a person "
    "check {n|it|them}.",
    rest_segments="{n} other values",
    rest_labels="{n} other reasons",
    charts_pooled="The charts show the {top} most frequent reasons; the other {rest} are pooled as '{other}'. The "
    "tables list every reason.",
    same_text_note="A text posted several times is shown once; the column 'rows with this text' counts its rows.",
    model_reason_note="Override mode: the reason column is the first firing rule's label; the rows picked, p and the "
    "runner-up follow the model's own reason (the column model's reason).",
    no_rows="No classified rows, so nothing to show here.",
    blank="(blank)",
    blank_cells="(blank: no value)",
    review_columns={
        "model_reason": "model's reason",
        "runner_up": "runner-up",
        "p_runner_up": "p (runner-up)",
        "rows": "rows with this text",
    },
    rules="Coding rules",
    rules_note="Of {rows} classified {rows|review|reviews}, rules fired on {ruled}; on {conflicts} of them none of the rules' labels "
    "is the model's reason (rule_conflict).",
    rules_flag="flag mode: reason is the model's prediction.",
    rules_override="override mode: reason is the first firing rule's label; the model's own is in model_reason.",
    rules_none="No rule fired.",
    rules_matrix_note="Reviews where rules fired, by rule label (rows) and the model's own reason (columns); off the "
    "diagonal, they disagree.",
    rules_examples_note="{n} {n|review|reviews} where the rules and the model disagree, the model's surest first, taking turns "
    "over the rule labels.",
    rules_columns={
        "rule label": "rule label",
        "file": "rules file",
        "rule_names": "rules",
        "rule_reasons": "rule labels",
        "model": "model's reason",
        "p_model": "p (model's reason)",
        "p_rule": "p (rule label)",
    },
)
