"""Finding the repository's data for the notebook from any working directory, and saying which dump is read."""

from pathlib import Path

import pytest

from taikai.analysis import _repo_data, find_repo_data
from taikai.errors import InputError

REPO = Path(__file__).resolve().parents[2]


def _repo(root: Path, dump: bool) -> Path:
    (root / "data").mkdir(parents=True)
    (root / "data" / "reviews.csv").write_text("text,reasons,sentiment\n", encoding="utf-8")
    if dump:
        (root / "data" / "sample_dump.csv").write_text("review_id,text\n", encoding="utf-8")
    (root / "notebooks" / "deeper").mkdir(parents=True)
    return root


@pytest.mark.parametrize(
    ("where", "why"),
    [
        (".", "the working directory"),
        ("notebooks", "above the working directory {root}/notebooks"),
        ("notebooks/deeper", "above the working directory {root}/notebooks/deeper"),
    ],
)
@pytest.mark.parametrize(
    ("dump", "chosen", "dates", "note"),
    [
        (True, "data/sample_dump.csv", "posted_at", "classifying {root}/data/sample_dump.csv"),
        (
            False,
            "data/reviews.csv",
            None,
            "classifying {root}/data/reviews.csv (the labelled corpus): {root}/data/sample_dump.csv does not exist; "
            "put the review dump there to classify it instead",
        ),
    ],
)
def test_the_repository_is_found_at_or_above_the_working_directory(
    tmp_path, monkeypatch, where, why, dump, chosen, dates, note
):
    """The dump's column of dates comes with it (regression: the notebook chose it in a line of its own, which an
    analyst writing the markdown's line for her export left in place: 'posted_at' then overrode her 投稿日)."""
    root = _repo(tmp_path / "repo", dump).resolve()
    monkeypatch.chdir(root / where)
    found = find_repo_data()
    assert (found.root, found.dump, found.corpus) == (root, root / chosen, root / "data" / "reviews.csv")
    assert found.date_column == dates
    assert found.note == f"the data of {root} ({why}): {note}".format(root=root)


@pytest.mark.parametrize(
    ("where", "why"), [(".", "the folder given"), ("notebooks", "above the folder given, {root}/notebooks")]
)
def test_the_repository_is_found_at_or_above_the_folder_given(tmp_path, monkeypatch, where, why):
    root = _repo(tmp_path / "repo", True).resolve()
    monkeypatch.chdir(tmp_path)
    found = find_repo_data(root / where)
    assert (found.root, found.dump) == (root, root / "data" / "sample_dump.csv")
    assert found.note == f"the data of {root} ({why}): classifying {root}/data/sample_dump.csv".format(root=root)


def test_from_elsewhere_the_checkout_taikai_is_imported_from_is_used_and_named(tmp_path, monkeypatch):
    """Regression: run from another folder, the notebook fell back silently to a missing /tmp/data/reviews.csv;
    and the note did not say the folder used was the checkout's, not the working directory's."""
    monkeypatch.chdir(tmp_path)
    found = find_repo_data()
    assert found.root == REPO and found.corpus == REPO / "data" / "reviews.csv" and found.dump.is_file()
    header = found.dump.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert found.date_column in header  # the notebook's trends read it
    assert found.note.startswith(
        f"the data of {REPO} (the checkout taikai is imported from: no data/reviews.csv in {tmp_path.resolve()} "
        "or above it): classifying "
    )


@pytest.mark.parametrize(
    ("start", "message"),
    [
        ("missing", "{start}: no such folder; give the repository's folder (the one holding data/reviews.csv): "),
        (".", "no data/reviews.csv in {start} or any folder above it: give the repository's folder (the one "),
    ],
)
def test_a_folder_given_without_the_data_is_an_error_not_the_checkout(tmp_path, start, message):
    """Regression: find_repo_data('/tmp/nonexistent') quietly returned the checkout's data, though the error told
    users to pass such a folder."""
    with pytest.raises(InputError) as caught:
        find_repo_data(tmp_path / start)
    assert str(caught.value).startswith(message.format(start=(tmp_path / start).resolve()))
    assert str(caught.value).endswith(
        "find_repo_data('/path/to/taikai'), or call find_repo_data() to look from the working directory"
    )


def test_no_repository_anywhere_says_where_it_looked_and_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(_repo_data, "SOURCE_CHECKOUT", tmp_path / "site-packages")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as caught:
        find_repo_data()
    assert str(caught.value) == (
        f"no data/reviews.csv in {tmp_path.resolve()} or any folder above it, nor in the checkout taikai is "
        f"imported from ({tmp_path / 'site-packages'}): the notebook reads the repository's data/ folder; start "
        "Jupyter in the repository (its root or notebooks/), or give the repository's folder: "
        "find_repo_data('/path/to/taikai')"
    )


@pytest.mark.parametrize("start", [5, b"/tmp", ["/tmp"]], ids=["an int", "bytes", "a list"])
def test_a_start_that_is_not_a_path_is_refused_by_name(start):
    with pytest.raises(TypeError, match=r"^start must be a str or pathlib\.Path, not "):  # before: pathlib's own
        find_repo_data(start)
