"""The reasons per segment: blank rows and a value spelled like their name stay apart; sizes are checked."""

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai import analysis
from taikai.cli import cli
from taikai.errors import InputError

PLATFORMS = ["(blank)"] * 3 + ["(空欄)"] * 2 + ["", None, "  "] + ["CrowdWorks"] * 4
"""An Excel pivot export's ``(blank)``, the Japanese page's ``(空欄)``, three blank cells and a platform."""


def predictions() -> pd.DataFrame:
    n = len(PLATFORMS)
    return pd.DataFrame(
        {
            "review_id": [f"R{i}" for i in range(n)],
            "platform": PLATFORMS,
            "text": [f"手数料が高い {i}" for i in range(n)],
            "status": ["ok"] * n,
            "reason": ["fees"] * n,
            "sentiment": ["negative"] * n,
            "p_reason_fees": [0.5 + i / 100 for i in range(n)],
            "p_reason_low_pay": [0.5 - i / 100 for i in range(n)],
        }
    )


@pytest.mark.parametrize(
    ("lang", "sizes"),
    [
        ("ja", {"CrowdWorks": 4, "(blank)": 3, "(空欄: 値のないセル)": 3, "(空欄)": 2}),
        ("en", {"CrowdWorks": 4, "(blank)": 3, "(blank: no value)": 3, "(空欄)": 2}),
    ],
)
def test_a_value_spelled_like_the_blank_row_stays_its_own_segment(lang, sizes):
    """Regression: the values (blank) and (空欄) were counted with the blank cells, in both languages."""
    table = analysis.segment_breakdown(predictions(), "platform", lang=lang)
    assert table.sum(axis=1).to_dict() == sizes


@pytest.mark.parametrize(
    ("platforms", "blank"),
    [
        (["A", None, "(空欄)"], "(空欄: 値のないセル)"),
        (["A", None, "(空欄)", "(空欄: 値のないセル)"], "(空欄: 値のないセル) 2"),
    ],
)
def test_the_blank_name_is_never_a_value(platforms, blank):
    assert analysis._blanks.blank_name(pd.Series(platforms)) == blank


@pytest.mark.parametrize(
    ("lang", "rows"),
    [
        ("ja", ["<td>(blank)</td>", "<td>(空欄: 値のないセル)</td>", "<td>(空欄)</td>"]),
        ("en", ["<td>(blank)</td>", "<td>(blank: no value)</td>", "<td>(空欄)</td>"]),
    ],
)
def test_the_report_by_platform_keeps_the_values_apart(tmp_path, lang, rows):
    path, page = tmp_path / "predictions.csv", tmp_path / "r.html"
    predictions().to_csv(path, index=False)
    args = ["report", str(path), "-o", str(page), "--by", "platform", "--lang", lang, "--no-drift"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    segments = html.split('<section id="segments">')[1].split("</section>")[0]
    for row in rows:
        assert segments.count(row.replace("td>", "th>")) == 1, row
    least = html.split('<section id="uncertain">')[1].split("</section>")[0]
    for row, count in zip(rows, (3, 3, 2), strict=True):  # the tables of reviews name them as the segments do
        assert least.count(row.replace("<td>", '<td class="d">')) == count, row


@pytest.mark.parametrize("max_segments", [0, -1])
def test_max_segments_below_one_is_refused(max_segments):
    """Regression: max_segments=0 returned every segment, while 1 pooled them all."""
    with pytest.raises(InputError, match=f"max_segments must be at least 1, not {max_segments}"):
        analysis.segment_breakdown(predictions(), "platform", max_segments=max_segments)


def test_a_column_named_by_a_tuple_is_one_segment_column():
    """Regression: by=("meta", "platform"), a column of a frame of two column levels, stopped with ValueError
    "Length of new names must be 1, got 2"."""
    plain = predictions()
    two_levels = plain.set_axis([("meta", c) if c == "platform" else (c, "") for c in plain.columns], axis=1)
    two_levels.columns = pd.MultiIndex.from_tuples(two_levels.columns)
    table = analysis.segment_breakdown(two_levels, ("meta", "platform"))
    assert table.index.name == ("meta", "platform")
    assert table.to_numpy().tolist() == analysis.segment_breakdown(plain, "platform").to_numpy().tolist()


def _stores(sizes: dict[str, int]):
    import pandas as pd

    from taikai.labels import REASON_IDS

    stores = [s for s, n in sizes.items() for _ in range(n)]
    frame = pd.DataFrame({"store": stores, "status": "ok", "reason": "fees", "text": "x"})
    for r in REASON_IDS:
        frame[f"p_reason_{r}"] = 0.1
    return frame


@pytest.mark.parametrize(
    ("max_segments", "rows"),
    [  # mutation audit: pooled one segment too many or too few, the count in its name, largest first, pooled last
        (3, {"A": 5, "E": 4, "ほか 3 件の値": 6}),
        (4, {"A": 5, "E": 4, "B": 3, "ほか 2 件の値": 3}),
        (5, {"A": 5, "E": 4, "B": 3, "C": 2, "D": 1}),
        (9, {"A": 5, "E": 4, "B": 3, "C": 2, "D": 1}),
    ],
)
def test_the_largest_segments_are_kept_in_order_and_the_rest_pooled_last(max_segments, rows):
    from taikai.analysis import segment_breakdown

    table = segment_breakdown(_stores({"A": 5, "B": 3, "C": 2, "D": 1, "E": 4}), "store", max_segments)
    assert table.sum(axis=1).to_dict() == rows and list(table.index) == list(rows)
