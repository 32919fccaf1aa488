"""The charts' fonts: IPAexGothic, DejaVu Sans for the symbols it lacks, 〓 for a character neither has, one warning."""

import warnings

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai import analysis
from taikai.cli import cli
from taikai.errors import DataWarning
from tests.analysis.test_report import STEADY, synthetic


@pytest.mark.parametrize(
    ("text", "drawn", "missing"),
    [
        ("CrowdWorks🚀", "CrowdWorks〓", ["🚀"]),  # an emoji: in no font of the charts
        ("𠮷田ワークス", "〓田ワークス", ["𠮷"]),  # a kanji outside IPAexGothic (CJK extension B)
        ("🚀𠮷🚀", "〓〓〓", ["🚀", "𠮷"]),  # each character named once, in the order met
        ("❤ ☺ ★ 手数料", "❤ ☺ ★ 手数料", []),  # DejaVu Sans has ❤ and ☺, IPAexGothic ★ and the kanji
        ("W12\n2026", "W12\n2026", []),  # a line break of a tick label is matplotlib's to lay out
        ("bell\x07", "bell ", []),  # a control character: a space, as taikai.text.printable shows it
    ],
)
def test_a_character_no_chart_font_has_is_drawn_as_the_geta_mark(text, drawn, missing):
    from taikai.analysis._chart_fonts import drawable

    found: dict[str, None] = {}
    assert drawable(text, found) == drawn and list(found) == missing


def _segments(*names: str):
    table = pd.DataFrame([[2, 1]] * len(names), index=pd.Index(names, name="platform"), columns=["fees", "time"])
    return analysis.segment_bars(table.rename_axis(columns="reason"), lang="en")


@pytest.mark.parametrize(
    ("names", "warned"),
    [
        (
            ["CrowdWorks🚀", "𠮷田ワークス"],
            "2 character(s) of the data, drawn on them as 〓: 🚀 (U+1F680), 𠮷 (U+20BB7)",
        ),
        (["❤ Lancers", "★ ココナラ"], None),  # regression: ❤ was a box, with matplotlib's warning
    ],
)
def test_to_data_uri_draws_what_the_fonts_lack_as_the_geta_mark_and_says_so(names, warned):
    """Regression: a segment value with an emoji printed matplotlib's 'Glyph … missing from font(s) IPAexGothic'
    with its source line, and the chart showed a box."""
    fig = _segments(*names)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        analysis.to_data_uri(fig)
    assert [str(w.message) for w in caught if w.category is not DataWarning] == []
    said = [str(w.message) for w in caught if w.category is DataWarning]
    assert said == ([f"the charts have no glyph for {warned}"] if warned else []), said
    assert sorted(t.get_text() for t in fig.axes[0].get_yticklabels()) == sorted(f"{n} (n=3)" for n in names)  # kept


def test_to_data_uri_lists_five_characters_and_counts_the_others():
    with pytest.warns(DataWarning) as caught:
        analysis.to_data_uri(_segments("🚀🛸🌏🌕🌑", "🔥🌊"))
    assert str(caught[0].message).endswith(
        ": 🚀 (U+1F680), 🛸 (U+1F6F8), 🌏 (U+1F30F), 🌕 (U+1F315), 🌑 (U+1F311), and 2 more"
    )


def test_the_report_warns_once_for_all_its_charts_and_keeps_its_tables_exact(tmp_path):
    """Regression: `taikai report --by platform` printed a Python UserWarning per chart and character."""
    names = ["CrowdWorks🚀", "𠮷田ワークス"]
    frame = synthetic({"2026-01": STEADY}, platform=lambda df: [names[i % 2] for i in range(len(df))])
    path = tmp_path / "emoji.csv"
    frame.to_csv(path, index=False)
    out = tmp_path / "emoji.html"
    result = CliRunner().invoke(cli, ["report", str(path), "-o", str(out), "--by", "platform", "--no-drift"])
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if "warning" in line.lower()]
    assert warned == [
        "taikai: warning: the charts have no glyph for 2 character(s) of the data, drawn on them as 〓: "
        "🚀 (U+1F680), 𠮷 (U+20BB7); the page's tables show them as written"
    ], result.stderr
    page = out.read_text(encoding="utf-8")
    assert "UserWarning" not in result.stderr and "〓" not in page
    assert all(f">{name}<" in page for name in names)  # the segments' table, as written
