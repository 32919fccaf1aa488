"""Markdown and prose fitted to a terminal's width as display width counts it (a CJK character takes two columns)."""

import pytest

from taikai.text import display_width, terminal_markdown, wrap_line, wrap_pieces

CONFUSION = "\n".join(
    [
        "| gold \\ predicted | low_pay | fees | rejection | time | graduated | platform_switch | trouble | other |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        "| low_pay | 36 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "| platform_switch | 0 | 0 | 0 | 0 | 0 | 15 | 0 | 1,234 |",
    ]
)
JAPANESE = "\n".join(
    ["| rule | label | hits |", "|---|---|---:|", "| 手数料の話 | fees | 3 |", "| a\\|b | 時間がない | 12 |"]
)
NOTE = (
    "Few rows: scored on 2 rows, where one row moves an accuracy by 0.500, and a label's F1 by more (see its "
    "support): these scores are rough, as the accuracy's 95 % interval shows; label more rows for firmer ones."
)
MISFIRE = (
    "- line 48: gold other: 手数料が高いって言う人もいるけど、"
    "仕事を探してくれて支払いも間に立ってくれるなら安いものだと思ってる。"
)


def _tables(text):
    """Return the tables of a Markdown text as lists of rows of cells (stripped)."""
    tables, rows = [], []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            rows.append([c.strip() for c in line.replace("\\|", "\0").split("|")[1:-1]])
        elif rows:
            tables.append(rows)
            rows = []
    return tables


def _joined(tables):
    """Return the cells of tables split into groups of columns as one table (the first column repeated)."""
    whole = [list(row) for row in tables[0]]
    for table in tables[1:]:
        for row, more in zip(whole, table):
            row += more[1:]
    return [row for i, row in enumerate(whole) if i != 1]  # without the separator row


@pytest.mark.parametrize("width", [40, 60, 80, 120, 200])
@pytest.mark.parametrize("markdown", [CONFUSION, JAPANESE], ids=["confusion", "japanese"])
def test_a_table_is_lined_up_and_fits_the_width(markdown, width):
    """Regression: evaluate's and rules test's tables were written as `| a | b |` rows unaligned, and the
    confusion matrix (105 columns) wrapped at 80 to its first column."""
    shown = terminal_markdown(markdown, width)
    assert max(map(display_width, shown.splitlines())) <= width  # two columns fit in 40
    for block in shown.split("\n\n"):
        assert len({display_width(line) for line in block.splitlines()}) == 1, block  # lined up: one width
    assert _joined(_tables(shown)) == [row for i, row in enumerate(_tables(markdown)[0]) if i != 1]  # its cells


@pytest.mark.parametrize(("width", "groups"), [(200, 1), (120, 1), (80, 2), (60, 3), (20, 8)])
def test_a_table_wider_than_the_terminal_is_split_into_groups_of_columns(width, groups):
    shown = terminal_markdown(CONFUSION, width)
    tables = _tables(shown)
    assert len(tables) == groups
    assert all(table[0][0] == "gold \\ predicted" for table in tables)  # each group headed by the first column


def test_cells_are_padded_by_display_width_and_numbers_right_aligned():
    shown = terminal_markdown(JAPANESE, 80).splitlines()
    assert shown == [
        "| rule       | label      | hits |",
        "|------------|------------|-----:|",
        "| 手数料の話 | fees       |    3 |",
        "| a\\|b       | 時間がない |   12 |",
    ]


@pytest.mark.parametrize("text", [CONFUSION, JAPANESE, NOTE, MISFIRE, f"**WARNING: {NOTE}**\n\n{CONFUSION}"])
def test_without_a_width_the_markdown_is_as_written(text):
    assert terminal_markdown(text, None) == text


@pytest.mark.parametrize("width", [40, 60, 80, 120])
@pytest.mark.parametrize("line", [NOTE, MISFIRE, f"**WARNING: {NOTE}**"], ids=["note", "misfire", "warning"])
def test_a_line_wraps_between_words_within_the_width(line, width):
    """Regression: a note of 200 columns was cut by the terminal in the middle of a word."""
    lines = wrap_line(line, width)
    assert all(display_width(part) <= width for part in lines), lines
    words = line.split(" ")
    if line.isascii():  # broken between words only: the words are the line's, in order
        assert " ".join(part.strip() for part in lines).split(" ") == [w for w in words if w]
    else:  # a Japanese run has no spaces: broken between two characters, none lost
        assert "".join(part.strip() for part in lines).replace(" ", "") == line.replace(" ", "")
    if line.startswith("- "):
        assert all(part.startswith("  ") for part in lines[1:])  # an item's lines under its text


@pytest.mark.parametrize(
    ("head", "pieces", "width", "expected"),
    [
        ("words: ", ["a,", "b,", "c"], None, ["words: a, b, c"]),
        ("words: ", ["aaaa,", "bbbb,", "cccc"], 18, ["words: aaaa, bbbb,", "       cccc"]),
        (
            "  words: ",
            ["'手数料' +4.088,", "'高い' +1.000"],
            30,
            ["  words: '手数料' +4.088,", "         '高い' +1.000"],
        ),
        ("words: ", ["abcdefghijkl"], 12, ["words:", "  abcdefghijkl"]),  # too wide to follow the head: next line
    ],
)
def test_wrap_pieces(head, pieces, width, expected):
    assert wrap_pieces(head, pieces, width) == expected


@pytest.mark.parametrize(
    ("line", "hang"),
    [
        ("thresholds: low_pay 0.10, fees 0.10, rejection 0.20, time 0.20, graduated 0.45", 12),  # taikai info
        ("cv:         reason macro-F1 0.884 · reason accuracy 0.874 · all reasons micro-F1 0.845", 12),
        ("  - line 12: gold fees: a text of many words that goes on and on past the width", 4),  # not a field: digits
        ("Few rows: scored on 2 rows, where one row moves an accuracy by 0.500, and more", 10),
    ],
)
def test_a_wrapped_line_goes_on_under_its_value(line, hang):
    lines = wrap_line(line, 40)
    assert len(lines) > 1 and all(display_width(part) <= 40 for part in lines)
    assert {display_width(part) - display_width(part.lstrip()) for part in lines[1:]} == {hang}
