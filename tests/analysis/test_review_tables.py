"""The reviews picked out of predictions: each text once by default (with its number of rows), or every row."""

import re

import pandas as pd
import pytest

from taikai import analysis
from taikai.errors import InputError
from taikai.text import normalize

REPOST = "手数料が高すぎて続けられない〜"


@pytest.fixture(scope="module")
def reposted(tiny_model) -> pd.DataFrame:
    """Predictions of 14 posts of one text (one with 〜 as ～, as CP932 writes it) and 6 others."""
    texts = [REPOST] * 13 + ["手数料が高すぎて続けられない～"] + [f"単価が安すぎる {i}" for i in range(6)]
    return tiny_model.predict_frame(pd.DataFrame({"review_id": [f"r{i:02d}" for i in range(20)], "text": texts}))


@pytest.mark.parametrize(
    ("pick", "one_per_text", "rows", "repeats"),
    [
        (lambda df, **kw: analysis.least_confident(df, n=20, **kw), True, 7, 14),
        (lambda df, **kw: analysis.least_confident(df, n=20, **kw), False, 20, None),
        (lambda df, **kw: analysis.representative_reviews(df, per_reason=20, **kw), True, 7, 14),
        (lambda df, **kw: analysis.representative_reviews(df, per_reason=20, **kw), False, 20, None),
    ],
    ids=["least_confident", "least_confident every row", "representative", "representative every row"],
)
def test_a_reposted_text_is_picked_once_with_its_number_of_rows(reposted, pick, one_per_text, rows, repeats):
    """Regression: on a dump with reposts, the 20 least confident rows held 2 distinct texts (14 of one)."""
    picked = pick(reposted, one_per_text=one_per_text)
    assert len(picked) == rows
    if repeats is None:
        assert "rows" not in picked.columns
    else:
        texts = picked["text"].str.replace("～", "〜")
        assert texts.is_unique and picked["rows"].max() == repeats and picked["rows"].sum() == 20


@pytest.fixture(scope="module")
def near_copies(tiny_model) -> pd.DataFrame:
    """Predictions of one review written four ways (a trailing 。, ？ or ?, a space) and 6 others."""
    texts = [REPOST, REPOST + "。", REPOST + "？", "手数料が 高すぎて続けられない〜?"] + [
        f"単価が安すぎる {i}" for i in range(6)
    ]
    return tiny_model.predict_frame(pd.DataFrame({"review_id": [f"r{i:02d}" for i in range(10)], "text": texts}))


@pytest.mark.parametrize(
    "pick",
    [
        lambda df: analysis.least_confident(df, n=20),
        lambda df: analysis.representative_reviews(df, per_reason=20),
    ],
    ids=["least_confident", "representative"],
)
def test_near_copies_of_a_text_are_picked_once(near_copies, pick):
    """Regression: texts differing only in a trailing 。 or ? were picked as separate reviews."""
    picked = pick(near_copies)
    repost = picked[picked["text"].str.startswith("手数料")]
    assert len(picked) == 7 and len(repost) == 1 and repost["rows"].iloc[0] == 4


def test_the_default_is_one_row_per_text(reposted):
    pd.testing.assert_frame_equal(
        analysis.least_confident(reposted), analysis.least_confident(reposted, one_per_text=True)
    )


def override_predictions() -> pd.DataFrame:
    """Predictions as ``batch --rules-mode override`` writes them: rows 0 and 1 ruled ``fees`` over the model's
    ``rejection`` (p 0.27) and ``trouble`` (p 0.9, ``fees`` 0.0005); row 2 the model's ``fees`` (p 0.6)."""
    return pd.DataFrame(
        {
            "review_id": ["R1", "R2", "R3"],
            "text": ["提案が通らない 手数料", "トラブル 手数料", "手数料が高い"],
            "status": ["ok"] * 3,
            "reason": ["fees", "fees", "fees"],
            "sentiment": ["neutral"] * 3,
            "p_reason_fees": [0.229, 0.0005, 0.6],
            "p_reason_rejection": [0.271, 0.0995, 0.3],
            "p_reason_trouble": [0.2, 0.9, 0.1],
            "rule_reasons": ["fees", "fees", None],
            "model_reason": ["rejection", "trouble", "fees"],
        }
    )


@pytest.mark.parametrize(
    ("pick", "expected"),
    [
        (
            lambda df: analysis.top_probability(df),
            {"p": [0.271, 0.9, 0.6], "runner_up": ["fees", "rejection", "rejection"]},
        ),
        (
            lambda df: analysis.least_confident(df, n=3, one_per_text=False),
            {"p": [0.271, 0.6, 0.9], "model_reason": ["rejection", "fees", "trouble"]},
        ),
        (
            lambda df: analysis.representative_reviews(df, per_reason=3, one_per_text=False),
            {"p": [0.6, 0.271, 0.9], "model_reason": ["fees", "rejection", "trouble"]},
        ),
    ],
    ids=["top_probability", "least_confident", "representative_reviews"],
)
def test_under_override_p_is_of_the_models_own_reason(pick, expected):
    """Regression: under --rules-mode override a rule's label ``fees`` stood beside the model's probability of
    ``rejection`` (0.271) with ``fees`` as the runner-up, and a row the model called ``trouble`` (p of fees
    0.0005) was among the reviews the model is surest of for ``fees``."""
    picked = pick(override_predictions())
    for column, values in expected.items():
        assert list(picked[column]) == pytest.approx(values) if column == "p" else list(picked[column]) == values
    if "runner_up" in picked.columns:
        model = override_predictions()["model_reason"]
        assert (picked["runner_up"] != model.loc[picked.index]).all()


@pytest.mark.parametrize(
    ("lang", "column", "note"),
    [
        ("ja", "<th>モデルの理由</th>", "行の選び方、p と次点はモデル自身の理由 (モデルの理由の列) によります。"),
        ("en", "<th>model&#x27;s reason</th>", "the rows picked, p and the runner-up follow the model&#x27;s own"),
    ],
)
def test_the_report_shows_the_models_reason_under_override(tmp_path, lang, column, note):
    from click.testing import CliRunner

    from taikai.cli import cli

    path = tmp_path / "override.csv"
    override_predictions().to_csv(path, index=False)
    page = tmp_path / "r.html"
    options = ["--lang", lang, "--no-drift"]
    result = CliRunner().invoke(cli, ["report", str(path), "-o", str(page), *options])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    for key in ("representative", "uncertain"):
        shown = html.split(f'<section id="{key}">')[1].split("</section>")[0]
        assert column in shown and note in shown, key
    uncertain = html.split('<section id="uncertain">')[1].split("</section>")[0]
    first = uncertain.split("<tbody>")[1].split("</tr>")[0]  # R1: rule fees, model rejection at 0.271
    assert "R1" in first and "(rejection)" in first and "0.271" in first and "(fees)" in first


@pytest.mark.parametrize(
    "table",
    [
        lambda df, c: analysis.least_confident(df, n=len(df), context=c),
        lambda df, c: analysis.representative_reviews(df, per_reason=len(df), context=c),
    ],
    ids=["least_confident", "representative_reviews"],
)
def test_one_context_column_may_be_given_by_its_name(reposted, table):
    """Regression (h398): context="review_id" was refused, as a str given for the list; it is that one column."""
    assert table(reposted, "review_id").equals(table(reposted, ["review_id"]))
    assert "review_id" in table(reposted, "review_id").columns


@pytest.mark.parametrize(
    ("call", "error", "said"),
    [
        (
            lambda df: analysis.least_confident(df, context=["platfrom"]),
            "InputError",
            "no column 'platfrom'; the columns",
        ),
        (lambda df: analysis.representative_reviews(df, context=["platfrom"]), "InputError", "no column 'platfrom'"),
        (lambda df: analysis.least_confident(df, context="platfrom"), "InputError", "no column 'platfrom'"),
        (lambda df: analysis.least_confident(df, context=3), "TypeError", "context must be a list"),
        (lambda df: analysis.least_confident(df, n=-1), "InputError", "n must be at least 1, not -1"),
        (lambda df: analysis.least_confident(df, n=0), "InputError", "n must be at least 1, not 0"),
        (lambda df: analysis.representative_reviews(df, per_reason=0), "InputError", "per_reason must be at least 1"),
    ],
    ids=[
        "least_confident context",
        "representative context",
        "context a str",
        "context an int",
        "n -1",
        "n 0",
        "per_reason 0",
    ],
)
def test_a_wrong_context_or_size_is_refused(call, error, said):
    """Regression: an unknown context column was silently left out, and n=-1 returned every row but one."""
    with pytest.raises(Exception, match=re.escape(said)) as caught:
        call(override_predictions())
    assert type(caught.value).__name__ == error


@pytest.mark.parametrize(
    "pick",
    [
        lambda df, **kw: analysis.least_confident(df, n=20, **kw),
        lambda df, **kw: analysis.representative_reviews(df, per_reason=20, **kw),
    ],
    ids=["least_confident", "representative"],
)
def test_columns_named_by_tuples_are_read(tiny_model, reposted, pick):
    """Regression: a frame of two column levels (text_column=("body", "text"), as predict_frame takes it) stopped
    with KeyError "None of [Index(['body', 'text'])] are in the [columns]"."""
    two_levels = reposted[["review_id", "text"]].set_axis(
        pd.MultiIndex.from_tuples([("meta", "id"), ("body", "text")]), axis=1
    )
    picked = pick(
        tiny_model.predict_frame(two_levels, text_column=("body", "text")),
        text_column=("body", "text"),
        context=[("meta", "id")],
    )
    plain = pick(reposted, context=["review_id"])
    assert picked[("body", "text")].tolist() == plain["text"].tolist()
    assert picked[("meta", "id")].tolist() == plain["review_id"].tolist() and picked["rows"].sum() == 20


@pytest.mark.parametrize(
    "pick",
    [analysis.least_confident, analysis.representative_reviews],
    ids=["least_confident", "representative"],
)
@pytest.mark.parametrize(
    ("argument", "name"),
    [("context", "p"), ("context", "rows"), ("context", "margin"), ("context", "runner_up"), ("text_column", "p")],
)
def test_a_column_shown_under_the_name_of_a_computed_one_is_refused(pick, argument, name):
    """Regression: a context column named p (or rows, margin, …) came back beside the table's own p, two columns of
    one name (``table["p"]`` a frame of both), and a text column named p likewise."""
    frame = override_predictions().assign(**{name: ["mine"] * 3})
    given = {"context": [name]} if argument == "context" else {"text_column": name}
    said = (
        f"the column {name!r} ({argument}=) has the name of a column the table of reviews computes (p, runner_up, "
        f"p_runner_up, margin, rows): rename it in the frame first, df.rename(columns={{{name!r}: 'input_{name}'}})"
    )
    with pytest.raises(InputError, match=re.escape(said)):
        pick(frame, **given)


@pytest.mark.parametrize(
    ("option", "name"), [("--by", "rows"), ("--by", "p"), ("--by", "margin"), ("--text-column", "p")]
)
def test_the_report_shows_a_column_named_as_a_computed_one_as_input(tmp_path, option, name):
    """Regression: ``taikai report --by rows`` stopped with a traceback (TypeError: '>' not supported between
    instances of 'str' and 'int': the segment's cells read as the number of rows per text), and ``--by p`` showed
    two columns p, the segment's and the probability."""
    from click.testing import CliRunner

    from taikai.cli import cli

    frame = override_predictions()
    frame = frame.rename(columns={"text": "p"}) if name == "p" and option == "--text-column" else frame
    frame = frame.assign(**{name: ["S1", "S2", "S3"]}) if option == "--by" else frame
    path, page = tmp_path / "predictions.csv", tmp_path / "r.html"
    frame.to_csv(path, index=False)
    result = CliRunner().invoke(cli, ["report", str(path), "-o", str(page), option, name, "--lang", "en", "--no-drift"])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    for key in ("representative", "uncertain"):
        shown = html.split(f'<section id="{key}">')[1].split("</section>")[0]
        head = re.findall(r"<th>(.*?)</th>", shown.split("</thead>")[0])
        assert f"input_{name}" in head and head.count(name) <= 1, (key, head)
        first = shown.split("<tbody>")[1].split("</tr>")[0]
        assert ("S" if option == "--by" else "手数料") in first, first


CONTEXT_TYPES = {
    "n": lambda: pd.Series(range(20), dtype="int64"),
    "when": lambda: pd.Series(pd.date_range("2026-01-01", periods=20, freq="D", tz="Asia/Tokyo")),
    "platform": lambda: pd.Series(["CrowdWorks", "Lancers"] * 10, dtype="category"),
    "flag": lambda: pd.Series([True, False] * 10, dtype="boolean"),
    "note": lambda: pd.Series(["a", ""] * 10, dtype="string"),  # a blank shown as (空欄), the column still text
    "gap": lambda: pd.Series(["CrowdWorks", None] * 10, dtype="category"),  # (空欄) added as a category
    "arrow": lambda: pd.Series(["a", None] * 10, dtype="string[pyarrow]"),
    "arrow_backend": lambda: pd.Series(["a", None] * 10, dtype=pd.ArrowDtype(__import__("pyarrow").string())),
}


@pytest.mark.parametrize(
    "pick",
    [
        lambda df, **kw: analysis.least_confident(df, n=20, one_per_text=False, **kw),
        lambda df, **kw: analysis.representative_reviews(df, per_reason=20, one_per_text=False, **kw),
    ],
    ids=["least_confident", "representative"],
)
@pytest.mark.parametrize("column", list(CONTEXT_TYPES))
def test_a_context_column_keeps_its_type(reposted, pick, column):
    """Regression: every context column came back as Python objects (an int, a date with its time zone, a category
    or a nullable bool column of the notebook's frame), as ``blank_as_missing`` made each an object column."""
    frame = reposted.assign(**{column: CONTEXT_TYPES[column]().to_numpy()})
    frame[column] = frame[column].astype(CONTEXT_TYPES[column]().dtype)
    picked = pick(frame, context=[column])
    assert picked[column].dtype.name == frame[column].dtype.name or column == "gap", picked[column].dtype
    assert isinstance(picked[column].dtype, type(frame[column].dtype))
    blank = frame[column].isna() | frame[column].astype("string").eq("")
    shown = picked[column].astype(object).where(~blank.loc[picked.index], "(空欄)")
    assert picked[column].astype(object).tolist() == shown.tolist()


@pytest.mark.parametrize(
    "pick",
    [
        lambda df: analysis.least_confident(df, n=20),
        lambda df: analysis.representative_reviews(df, per_reason=20),
    ],
    ids=["least_confident", "representative"],
)
def test_each_distinct_text_is_normalised_once(reposted, pick, monkeypatch):
    """A dump repeats texts: each distinct one is normalised and keyed once (h428), with the keys as before."""
    from taikai.analysis import _review_tables

    seen: list[str] = []

    def counted(text: str) -> str:
        seen.append(text)
        return normalize(text)

    expected = pick(reposted)
    monkeypatch.setattr(_review_tables, "normalize", counted)
    picked = pick(reposted)
    pd.testing.assert_frame_equal(picked, expected)
    assert sorted(seen) == sorted(set(reposted["text"])) and len(seen) == 8
