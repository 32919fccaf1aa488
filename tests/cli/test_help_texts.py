"""Each command's --help says what that command does: no help reused from a command where it does not apply."""

import pytest


def _help(invoke, command: str) -> str:
    result = invoke(*command.split(), "--help")  # "rules test": a command of a group
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())  # click wraps the help to the terminal's width


@pytest.mark.parametrize(
    ("command", "said", "not_said"),
    [
        (  # regression: explain adds no columns, and said it adds rule_names, rule_reasons and rule_conflict
            "explain",
            "the rules that fired and the reason written out follow the model's explanation",
            "rule_conflict",
        ),
        ("explain", "flag: the model's reason stays the reason. override:", "model_reason"),
        (  # regression: the shipped model has no character n-grams
            "explain",
            "Show which n-grams (words, and characters when the model has them) of TEXT",
            "words and character n-grams",
        ),
        (  # regression: explain and predict read texts, not rows with a message column
            "explain",
            "replace: read it as U+FFFD and go on; the text is explained as read, and a warning says how many bytes",
            "message column",
        ),
        (
            "predict",
            "go on; such texts are classified as read, and a warning on standard error names their lines.",
            "message column",
        ),
        ("predict", "adds rule_names, rule_reasons and rule_conflict", "keep their place"),
        (
            "batch",
            "such rows keep their place, are counted in the summary and named in their message column",
            "(batch:",
        ),
        (  # regression: the exit code 2 left out an output that cannot be written, which the README includes
            "batch",
            "changed input on --resume) or an output that cannot be written (a full disk, a folder without write "
            "permission;",
            "(batch:",
        ),
        ("batch", "flag: add the rule columns only. override:", "written out"),
        (  # regression (h173): --quiet said "No progress bar and no summary." and still printed the warnings
            "batch",
            "No progress bar and no summary on stderr (OUTPUT_STEM.summary.json is still written); warnings and "
            "errors are still printed.",
            "No progress bar and no summary.",
        ),
        ("batch", "N rows of output: bad lines set aside and blank lines do not count.", "(batch:"),
        ("drift", "go on; such rows keep their place, are named in a warning and counted.", "(batch:"),
        (  # regression: loading also refuses an artifact that is no taikai pipeline, and a config not its own
            "info",
            "not that the artifact is a taikai pipeline, nor the labels, thresholds and feature configuration (the "
            "table's digest included) against it: that needs loading",
            "not the labels and thresholds against the artifact's classes",
        ),
        (  # regression: --metadata-only said nothing of a missing word-vector table, which loading refuses
            "info",
            "It checks the artifact's sha256, the library versions and that the word-vector table it reads is "
            "installed,",
            "It checks the artifact's sha256 and the library versions, not",
        ),
        (  # regression: "default: the shipped model, or $TAIKAI_MODEL", which comes first (h297)
            "predict",
            "Model directory (default: $TAIKAI_MODEL when set, else the shipped model).",
            "the shipped model, or $TAIKAI_MODEL",
        ),
        (
            "rules test",
            "Model directory (default: $TAIKAI_MODEL when set, else the shipped model).",
            "the shipped model, or $TAIKAI_MODEL",
        ),
        (  # regression: the report's --model said "default: the shipped model, or $TAIKAI_MODEL"; it is the summary's
            "report",
            "Default: the model their batch summary names, found by the path it stores and checked by its sha256 "
            "(when no model of that sha256 is there, nor installed, the drift section says so and checks nothing)",
            "Model directory (default: $TAIKAI_MODEL when set, else the shipped model).",
        ),
        (  # regression: the help left out the date column's values that are no dates, which the report masks
            "report",
            "With --mask-pii the texts, the --by column's values and the values of the --date-column that are no "
            "dates are masked",
            "the texts (and the --by column's values) are masked",
        ),
        # regression: commands that write no texts said of --mask-pii "the output holds only the masked text"
        ("explain", "before anything else sees it; the explanation shows only the masked text.", "the output holds"),
        ("drift", "sees it; its figures and new words are counted in the masked text.", "the output holds"),
        ("rules test", "sees it; the rows listed quote only the masked text.", "the output holds"),
        ("predict", "before anything else sees it; the output holds only the masked text.", "the rows listed"),
        (  # regression: --json printed nothing on stdout for a model that loading refuses
            "info",
            "A model that loading refuses is printed too (loaded false, refused true), with the error on stderr and "
            "exit code 2;",
            "not the labels and thresholds against the artifact's classes",
        ),
        (  # regression: --json printed nothing on stdout for a folder without metadata.json
            "info",
            "one whose metadata cannot be read at all (no such folder, no metadata.json, not JSON) as its status "
            "alone, also with --metadata-only.",
            "exit code 2. --metadata-only",
        ),
    ],
)
def test_each_command_s_help_is_true_for_that_command(invoke, command, said, not_said):
    shown = _help(invoke, command)
    assert said in shown
    assert not_said not in shown
