"""The id beside each review: shown as written whatever its dtype, and an index that cannot be the id said so."""

import re
import warnings

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.analysis import build_report
from taikai.cli import cli
from taikai.errors import DataWarning

TEXTS = [
    "手数料が20%も引かれるのがつらい",
    "単価が安すぎて数百円にしかならない",
    "本業が忙しくなった",
    "提案しても返事がない",
]
N = len(TEXTS) * 3
ROW_TEXTS = [f"{text} その{i}" for i, text in enumerate(TEXTS * 3)]  # each row its own text, to pair with its id


@pytest.fixture(scope="module")
def predictions(tiny_model) -> pd.DataFrame:
    return tiny_model.predict_frame(pd.DataFrame({"text": ROW_TEXTS}))


def page_of(frame: pd.DataFrame) -> tuple[str, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        page = build_report(frame, embed_font=False, charts=False, drift=False)
    return page, [str(w.message) for w in caught if issubclass(w.category, DataWarning)]


def shown_rows(page: str, key: str = "uncertain") -> list[dict[str, str]]:
    """The rows of the table of reviews in the section *key*, each its cells by column header."""
    section = re.search(rf'<section id="{key}">(.*?)</section>', page, re.S).group(1)
    headers = re.findall(r"<th[^>]*>([^<]*)</th>", re.search(r"<thead>(.*?)</thead>", section, re.S).group(1))
    rows = re.findall(r"<tr>(.*?)</tr>", re.search(r"<tbody>(.*?)</tbody>", section, re.S).group(1), re.S)
    return [dict(zip(headers, re.findall(r"<td[^>]*>([^<]*)</td>", row), strict=True)) for row in rows]


def shown_ids(page: str, column: str) -> list[str]:
    """The cells of *column* in the table of uncertain reviews."""
    return [row[column] for row in shown_rows(page) if column in row]


def assert_ids_beside_their_texts(page: str, ids: list[str]) -> None:
    """Every review table of *page* shows the id of row i (``ids[i]``) beside the text of row i, and no other."""
    expected = dict(zip(ROW_TEXTS, ids, strict=True))
    for key in ("uncertain", "representative"):
        pairs = [(row["text"], row["review_id"]) for row in shown_rows(page, key)]
        assert pairs and all(expected[text] == shown for text, shown in pairs), (key, pairs)


def _as_column(df, values):
    return df.assign(review_id=values)


def _as_index(df, values):
    return df.set_axis(pd.Index(values, name="review_id"))


def _as_first_level(df, values):
    return df.set_axis(pd.MultiIndex.from_arrays([values, list(range(N))], names=["review_id", "line"]))


@pytest.mark.parametrize("place", [_as_column, _as_index, _as_first_level])
@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (list(range(3321, 3321 + N)), [str(i) for i in range(3321, 3321 + N)]),
        (np.arange(1_000_001, 1_000_001 + N, dtype="int32"), [str(i) for i in range(1_000_001, 1_000_001 + N)]),
        ([3321.0, *[float(i) for i in range(3322, 3321 + N)]], [str(i) for i in range(3321, 3321 + N)]),
        ([f"00{i}" for i in range(N)], [f"00{i}" for i in range(N)]),
    ],
)
def test_ids_show_as_written_whatever_their_dtype(predictions, place, values, expected):
    """Regression: integer ids from a frame showed as 3,328 (the CSV path shows 3328). Each id is checked beside
    its own row's text: a named index made a column must not put one row's id beside another's text."""
    page, warned = page_of(place(predictions, values))
    assert_ids_beside_their_texts(page, expected)
    assert warned == []


def test_ids_of_a_file_show_beside_their_texts_through_the_cli(tmp_path, predictions):
    """The report command reads the ids from the file's review_id column and shows each beside its row's text."""
    ids = [f"{i:04d}" for i in range(N, 0, -1)]  # 0012 … 0001: not the rows' order, and zeros kept
    path, page = tmp_path / "predictions.csv", tmp_path / "r.html"
    _as_column(predictions, ids).to_csv(path, index=False)
    result = CliRunner().invoke(cli, ["report", str(path), "-o", str(page), "--no-drift"])
    assert result.exit_code == 0, result.output
    assert_ids_beside_their_texts(page.read_text(encoding="utf-8"), ids)


@pytest.mark.parametrize(
    ("names", "levels", "shown"),
    [
        (["platform", "review_id"], lambda ids: [[i % 3 for i in range(N)], ids], "review_id"),
        (["review_id", "line"], lambda ids: [ids, list(range(N))], "review_id"),  # the first level names each row
        (["platform", "review_id"], lambda ids: [[i % 3 for i in range(N)], ids[:2] * (N // 2)], "platform"),
    ],
    ids=["platform-then-id", "id-then-line", "no-level-unique"],
)
def test_the_id_of_a_multiindex_is_the_level_that_names_each_row(predictions, names, levels, shown):
    """Regression: df.set_index(["platform", "review_id"]) showed the platform as each review's id, and no
    review_id; a suggest sheet's ids were platforms, so excluding it left out every row of those platforms. The
    first named level whose values are each one row's is the id; when none is, the first level, as before."""
    ids = [f"r{i:03d}" for i in range(N)]
    values = levels(ids)
    page, warned = page_of(predictions.set_axis(pd.MultiIndex.from_arrays(values, names=names)))
    expected = [str(v) for v in values[names.index(shown)]]
    rows = shown_rows(page)
    assert rows and all(shown in row for row in rows) and warned == []
    assert all(row[shown] == expected[ROW_TEXTS.index(row["text"])] for row in rows), rows


@pytest.mark.parametrize(
    ("index", "said"),
    [
        (
            pd.MultiIndex.from_arrays([list(range(N)), list(range(N))], names=[None, "line"]),
            "the predictions frame: the first level of the index has no name, so no id is shown beside the reviews: "
            'name it (df.rename_axis(["review_id", ...]))',
        ),
        (
            pd.Index(list(range(N)), name="status"),
            "the predictions frame: the index 'status' is not shown as the id beside the reviews: a column (or "
            "another level) is named 'status' too; rename the index (df.rename_axis(\"review_id\"))",
        ),
        (
            pd.Index(list(range(N)), name="text"),
            "the predictions frame: the index 'text' is not shown as the id",
        ),
    ],
)
def test_an_index_that_cannot_be_the_id_is_said_so(predictions, index, said):
    page, warned = page_of(predictions.set_axis(index))
    assert len(warned) == 1 and warned[0].startswith(said), warned
    assert 'id="uncertain"' in page


@pytest.mark.parametrize("column", ["status", "reason", "sentiment", "p_reason_fees"])
def test_a_column_of_the_predictions_moved_to_the_index_is_read_as_that_column_not_the_id(predictions, column):
    """df.set_index("reason") moves taikai's own column into the index (regression: it was shown as the id, the
    reason's cells as written in place of their labels, a probability as an id, and no warning said so)."""
    page, warned = page_of(predictions.set_index(column))
    said = f"the predictions frame: the index {column!r} is not shown as the id beside the reviews: it is a column"
    assert len(warned) == 1 and warned[0].startswith(said), warned
    assert shown_rows(page) == shown_rows(page_of(predictions)[0])
    assert shown_rows(page, "representative") == shown_rows(page_of(predictions)[0], "representative")


def test_an_unnamed_index_is_no_id_and_no_warning(predictions):
    page, warned = page_of(predictions.set_axis(pd.Index(range(100, 100 + N))))
    assert warned == [] and shown_ids(page, "index") == []


POST_ID = "投稿ID"


@pytest.mark.parametrize(
    "ids",
    [
        [f"{i:06d}" for i in range(N, 0, -1)],  # 000012 … 000001: zeros kept
        [f"{i}e3" for i in range(1, N + 1)],  # read as numbers, these were 1000, 2000, …
        [f"{i}.50" for i in range(1, N + 1)],  # and these 1.5, 2.5, …
    ],
    ids=["leading-zeros", "exponents", "trailing-zeros"],
)
@pytest.mark.parametrize("via", ["cli", "write_report"])
def test_the_id_column_given_is_shown_as_written(tmp_path, predictions, ids, via):
    """Regression: report had no --id-column (batch and suggest have one): predictions saved from predict_frame with
    an id column of another name (投稿ID, no summary) showed no id beside the reviews, and no option named one."""
    from taikai.analysis import write_report

    path, page = tmp_path / "predictions.csv", tmp_path / "r.html"
    predictions.assign(**{POST_ID: ids}).to_csv(path, index=False)
    if via == "cli":
        result = CliRunner().invoke(cli, ["report", str(path), "-o", str(page), "--no-drift", "--id-column", POST_ID])
        assert result.exit_code == 0, result.output
    else:
        write_report(path, page, id_column=POST_ID, drift=False, charts=False, embed_font=False)
    expected = dict(zip(ROW_TEXTS, ids, strict=True))
    for key in ("uncertain", "representative"):
        pairs = [(row["text"], row[POST_ID]) for row in shown_rows(page.read_text(encoding="utf-8"), key)]
        assert pairs and all(expected[text] == shown for text, shown in pairs), (key, pairs)


@pytest.mark.parametrize(
    ("column", "shown"),
    [("回答ID", True), (POST_ID, True), ("ｕｓｅｒ＿ｉｄ", True), ("answerId", True), ("paid", False), ("番号", False)],
)
def test_a_column_named_as_ids_is_the_id_without_id_column(tmp_path, predictions, column, shown):
    """Regression: a column of ids of another name than review_id or id (回答ID) showed no id beside the reviews
    unless --id-column named it; its ids are read as written (000012, not 12). A column not named so is no id."""
    path, page = tmp_path / "predictions.csv", tmp_path / "r.html"
    ids = [f"{i:06d}" for i in range(N)]
    predictions.assign(**{column: ids}).to_csv(path, index=False)
    result = CliRunner().invoke(cli, ["report", str(path), "-o", str(page), "--no-drift"])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    if not shown:
        assert not shown_ids(html, column)
        return
    expected = dict(zip(ROW_TEXTS, ids, strict=True))
    for key in ("uncertain", "representative"):
        pairs = [(row["text"], row[column]) for row in shown_rows(html, key)]
        assert pairs and all(expected[text] == shown for text, shown in pairs), (key, pairs)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--id-column", "投稿"],
            "taikai: error: {path}: no column '投稿'; the columns are ['text', 'status', ",
        ),
        (["--id-column", "投稿"], "; give the right one to id_column= (--id-column on the command line)\n"),
    ],
)
def test_an_id_column_the_file_lacks_is_refused_as_suggest_refuses_it(tmp_path, predictions, args, message):
    path, page = tmp_path / "predictions.csv", tmp_path / "r.html"
    predictions.to_csv(path, index=False)
    result = CliRunner().invoke(cli, ["report", str(path), "-o", str(page), "--no-drift", *args])
    assert result.exit_code == 2, result.output
    assert message.format(path=path) in result.output
    suggested = CliRunner().invoke(cli, ["suggest", str(path), "-o", str(tmp_path / "s.csv"), *args])
    assert message.format(path=path) in suggested.output  # the same words as suggest's
    assert not page.exists()
