"""``taikai predict``'s table with rules: which reason its probability column belongs to."""

import json

import pytest

RULES = '[[rule]]\nname = "main job"\nlabel = "time"\nany = ["本業"]\n'
TEXT = "本業が忙しくなった"  # the tiny model reads it as other; the rule says time


@pytest.mark.parametrize(
    ("options", "header", "reason"),
    [
        ([], "p", None),  # no rules: p is the probability of the reason shown
        (["--rules", "{rules}"], "p(model)", "other"),
        (["--rules", "{rules}", "--rules-mode", "override"], "p(model)", "time"),  # p is not time's
    ],
)
def test_the_p_column_says_it_is_the_model_s_probability_of_its_own_reason(
    invoke, tmp_path, tiny_model_dir, options, header, reason
):
    """Regression: under override the table showed reason time beside p, the model's probability of other."""
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES, encoding="utf-8")
    args = [str(rules) if o == "{rules}" else o for o in options]
    table = invoke("predict", TEXT, "-m", tiny_model_dir, *args)
    assert table.exit_code == 0, table.output
    heads, row = (line.split() for line in table.output.splitlines())
    record = json.loads(invoke("predict", TEXT, "-m", tiny_model_dir, *args, "--format", "jsonl").output)
    shown = row[heads.index(header)]
    assert heads[6] == header
    assert shown == f"{record['reason_proba'][record.get('model_reason') or 'other']:.2f}"
    if reason is not None:
        assert row[2] == reason and row[heads.index("model")] == "other"


FORMAT_CHARACTERS = "\u202e\u2066\u2069\u200b\u00ad\ufeff"


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["predict", "手数料が\u202e高い"], "手数料が 高い"),
        (["predict", "手数\u200b料が\u2066高い\u2069"], "手数 料が 高い"),
        (["explain", "--top", "1", "手数料が\u202e高い\ufeff"], "  手数料が 高い "),
        (["explain", "--top", "1", "\u00ad手数\u200b料"], "   手数 料"),
    ],
    ids=["predict-override", "predict-zero-width-and-isolates", "explain-override", "explain-soft-hyphen"],
)
def test_format_characters_of_the_text_are_shown_as_spaces(invoke, tiny_model_dir, command, shown):
    """Regression: a right-to-left override (U+202E) reached the terminal raw and flipped the rest of the row; the
    isolates, zero-width space, soft hyphen and BOM put the columns out of line. Each is one space (one for one)."""
    result = invoke(*command, "-m", tiny_model_dir)
    assert result.exit_code == 0, result.output
    assert not any(ch in result.output for ch in FORMAT_CHARACTERS)
    assert shown in result.output


LONG = "手数料が高すぎて続けられませんでした。提案も通らないし、報酬も低いので退会します"


@pytest.mark.parametrize(
    ("room", "cut"),
    [
        (200, 40),  # a wide terminal: no wider than that
        (30, 30),  # Regression: an 80-column terminal wrapped every row of a long text (its 40 columns)
        (11, 11),
        (5, 10),  # narrower than the other columns leave: the texts keep 10 columns, and the rows wrap
    ],
)
def test_the_texts_are_cut_to_the_terminal_s_width(tiny_model, room, cut):
    """*room*: the terminal's columns after the columns before the text (whatever the tiny model predicts)."""
    from taikai.cli._predict import render_table
    from taikai.text import display_width

    predictions = tiny_model.predict([LONG, "安い"])
    header = render_table(predictions, 0).splitlines()[0]
    before = display_width(header[: header.index("text")])
    table = render_table(predictions, 0, width=None if room is None else before + room)
    long, short = (display_width(row.split("  ")[-1]) for row in table.splitlines()[1:])  # no text has two spaces
    assert cut - 1 <= long <= cut  # a wide character does not go over it: one column may be left
    assert table.splitlines()[1].endswith("…") and table.splitlines()[2].endswith("安い") and short == 4


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ([LONG, "安い"], [LONG, "安い"]),  # Regression (h394): cut to 40 columns, '退会します' was lost to grep
        (["手数料が\n高すぎて\t続けられません"], ["手数料が 高すぎて 続けられません"]),  # one line per row
        (["手数料が高い。" * 1500], ["手数料が高い。" * 1500]),  # longer than the model reads: whole, as given
    ],
    ids=["long", "line-breaks", "over-max-chars"],
)
def test_a_table_not_on_a_terminal_holds_each_text_whole(invoke, tiny_model_dir, given, shown):
    """Piped (| grep, | less, > file), the table keeps every text whole on its row's line: the words past the
    40 columns a terminal shows are there to be searched."""
    table = invoke("predict", *given, "-m", tiny_model_dir)
    rows = table.output.splitlines()[1:]
    assert len(rows) == len(shown)
    assert all(text in row and "…" not in row for row, text in zip(rows, shown)), table.output
