"""The terminal rendering of an explanation (``taikai explain``): what it shows of the text."""

import click
import pytest
from click.testing import CliRunner

from taikai.analysis import explain, render_text
from taikai.analysis._explain_text import SHOWN_CHARS, SHOWN_SPANS
from taikai.cli import cli
from taikai.text import display_width

CONTROL = "手数料が\x1b[2J高い\tです\r\nね"
PULLED = "20%の手数料を引かれると、モチベーションが続かなかった。単価も安いし時間もない"  # many words pull


@pytest.mark.parametrize("color", [True, False], ids=["terminal", "pipe"])
def test_explain_writes_no_control_character_of_the_text(tiny_model_dir, color):
    """Regression: the text's ESC[2J (clear the screen) and tab reached the terminal as they were."""
    result = CliRunner().invoke(cli, ["explain", "--top", "1", CONTROL, "-m", str(tiny_model_dir)], color=color)
    assert result.exit_code == 0, result.output
    text_lines = [line for line in click.unstyle(result.output).splitlines() if "[2J" in line and "@" not in line]
    assert text_lines == ["  手数料が [2J高い です  ね"] * 2
    assert not any(ch in result.output for ch in "\t\r")
    assert "\x1b[2J" not in result.output


@pytest.mark.parametrize(
    ("text", "clipped"),
    [
        ("手数料が高すぎる。" * 3000, True),  # 27,000 characters: was printed whole, once per head
        (("手数料が高い。" * SHOWN_CHARS)[:SHOWN_CHARS], False),  # 1,000 characters: whole
        (("手数料が高い。" * SHOWN_CHARS)[: SHOWN_CHARS + 1], True),
    ],
    ids=["long", "at-the-limit", "one-over"],
)
def test_render_text_clips_a_long_text_and_says_so(tiny_model, text, clipped):
    rendered = click.unstyle(render_text(explain(tiny_model, text, top=1)))
    note = f"note: the text is shown to its first {SHOWN_CHARS:,} of {len(text):,} characters (the spans index"
    assert (note in rendered) == clipped
    shown = [line[2:] for line in rendered.splitlines() if line.startswith("  手数料")]
    assert len(shown) == 2  # reason and sentiment
    assert shown == [text[:SHOWN_CHARS] + "…"] * 2 if clipped else [text] * 2


def test_render_text_lists_a_feature_s_first_spans_and_counts_the_others(tiny_model):
    explanation = explain(tiny_model, "手数料が高い。" * 40, top=3)
    rendered = click.unstyle(render_text(explanation))
    many = [c for c in explanation.reason.contributions if len(c.spans) > SHOWN_SPANS]
    assert many, rendered
    for c in many:
        [line] = [line for line in rendered.splitlines() if line.split()[2:3] == [repr(c.feature)]][:1]
        assert line.count("@") == SHOWN_SPANS
        assert line.endswith(f", and {len(c.spans) - SHOWN_SPANS:,} more")


@pytest.mark.parametrize("weight", [12.345, -12.345, 123.456], ids=["ten-and-more", "negative", "a-hundred"])
def test_render_text_keeps_the_columns_when_a_weight_is_wider(tiny_model, weight):
    """Regression: a weight of 10 or more (+11.102, a fees text's word vectors on the shipped model) pushed its
    row's kind, feature and spans one column to the right of the rows with weights under 10."""
    from dataclasses import replace

    explained = explain(tiny_model, "手数料が高すぎる。単価も安い", top=3)
    first, *rest = explained.reason.contributions
    widened = replace(explained, reason=replace(explained.reason, contributions=(replace(first, weight=weight), *rest)))
    rows = [line for line in click.unstyle(render_text(widened)).splitlines() if "@" in line or line.endswith(" -")]
    assert len(rows) > 2
    assert len({line.index(f" {c.kind} ") for line, c in zip(rows, widened.reason.contributions)}) == 1, rows
    assert len({line.index("'") for line in rows}) == 1, rows


def _word_lists(rendered):
    """Return the lists of words pulling toward or against, each as the one text its lines hold."""
    lists, lines = [], click.unstyle(rendered).splitlines()
    for i, line in enumerate(lines):
        if line.lstrip().startswith("words pulling"):
            follow = [next_line.strip() for next_line in lines[i + 1 :]]
            more = follow[: next((k for k, f in enumerate(follow) if f[:1] != "'"), len(follow))]
            lists.append(" ".join([line.strip(), *more]))
    return lists


@pytest.mark.parametrize(("width", "most"), [(None, None), (60, 60), (80, 80), (120, 120)])
def test_the_words_pulling_wrap_at_the_terminal_s_width(tiny_model, width, most):
    """Regression: each list was one line of 250 columns and more, which a terminal of 80 cut anywhere, and the rest
    began at its first column, under the weights."""
    explained = explain(tiny_model, PULLED, top=10)
    whole = _word_lists(render_text(explained))
    rendered = click.unstyle(render_text(explained, width=width))
    assert _word_lists(rendered) == whole and whole  # the same words, only broken into lines
    lines = [line for line in rendered.splitlines() if line.strip().startswith(("words pulling", "'"))]
    assert (max(map(display_width, lines)) <= most) if most else all("words pulling" in line for line in lines)
    starts = {display_width(line) - display_width(line.lstrip()) for line in lines if line.lstrip()[:1] == "'"}
    heads = {line.index(":") + 2 for line in lines if "words pulling" in line}
    narrow = {line.index("words") + 2 for line in lines if "words pulling" in line}  # a list too wide to follow it
    assert starts <= heads | narrow  # a wrapped line starts under the first line's list, or just in from its head


@pytest.mark.parametrize(("columns", "wrapped"), [("60", True), ("400", False)])
def test_explain_wraps_the_words_pulling_on_a_terminal_only(tiny_model_dir, monkeypatch, columns, wrapped):
    monkeypatch.setattr("taikai.cli._predict.terminal_width", lambda: int(columns))
    result = CliRunner().invoke(cli, ["explain", "--top", "10", PULLED, "-m", str(tiny_model_dir)])
    assert result.exit_code == 0, result.output
    lines = click.unstyle(result.output).splitlines()
    assert any(line.lstrip().startswith("'") for line in lines) is wrapped


@pytest.mark.parametrize(("width", "lines"), [(None, 1), (80, 2), (160, 1)])
def test_a_head_s_line_fits_the_terminal(tiny_model, width, lines):
    """Regression: ``reason: platform_switch (他サービスへ移行)  p=0.90  score=… (bias …, features …)  reasons …`` was
    95 columns and more, which a terminal of 80 wrapped to its first column."""
    from dataclasses import replace

    explained = explain(tiny_model, "他のサービスに移りました。手数料も高い", top=3)
    named = replace(
        explained, reason=replace(explained.reason, label="platform_switch"), reasons=("platform_switch", "fees")
    )
    rendered = click.unstyle(render_text(named, width=width)).splitlines()
    at = next(i for i, line in enumerate(rendered) if line.startswith("reason: platform_switch (他サービスへ移行)"))
    head = rendered[at : at + lines]
    assert " ".join(line.strip() for line in head).endswith("reasons platform_switch|fees")
    assert "(bias " in head[-1] and (width is None or max(map(display_width, head)) <= width)
