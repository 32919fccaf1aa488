"""A file given to add= is checked before anything is read, and named as given to add= (by its position when
empty), not as the base data."""

import pytest

from taikai.errors import InputError
from taikai.training._added_file import check_added_file

ADD = "add= (--add on the command line)"


@pytest.mark.parametrize(
    ("item", "position", "said"),
    [
        ("", None, f"add is empty ({ADD})"),
        ("", 1, f"item 2 of {ADD} is empty"),  # counted from 1: add[1] before
        ("  ", 0, f"item 1 of {ADD} is blank"),
        ("-", 0, f"-, given to {ADD}: standard input is not read here"),
        ("missing.csv", 0, f"missing.csv, given to {ADD}: no such file"),
        (".", 0, f"., given to {ADD}: is a directory, not a file"),
    ],
)
def test_what_is_no_file_is_named_as_given_to_add(tmp_path, monkeypatch, item, position, said):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as caught:
        check_added_file(item, position)
    assert str(caught.value).startswith(said), caught.value


def test_a_file_passes(tmp_path):
    (tmp_path / "a.csv").write_text("text,reasons\n", encoding="utf-8")
    check_added_file(tmp_path / "a.csv", None)


@pytest.mark.parametrize(
    ("add", "said"),
    [
        (["TINY", ""], "item 2 of add= (--add on the command line) is empty"),
        ([""], "item 1 of add= (--add on the command line) is empty"),
        ("", "add is empty (add= (--add on the command line))"),  # one path, not a list: no position to name
    ],
)
def test_the_library_names_the_position_of_an_empty_item(tiny_csv, tmp_path, add, said):
    import taikai

    add = [tiny_csv if item == "TINY" else item for item in add] if isinstance(add, list) else add
    with pytest.raises(InputError) as caught:
        taikai.train(tiny_csv, tmp_path / "m", add=add)
    assert str(caught.value).startswith(said)
    assert not (tmp_path / "m").exists()


@pytest.mark.parametrize(
    ("given", "read", "reasons", "said"),
    [
        (["a.csv", "a.csv"], ["a.csv"], "rejection", "a.csv, given to {ADD} twice; its rows are read once"),
        (["./a.csv", "a.csv"], ["a.csv"], "rejection", "./a.csv, given to {ADD}: the same file as a.csv, given after"),
        (["a.csv", "link.csv"], ["link.csv"], "rejection", "a.csv, given to {ADD}: the same file as link.csv"),
        (["a.csv", "b.csv", "a.csv"], ["b.csv", "a.csv"], "rejection", "a.csv, given to {ADD} twice"),  # a's: last
        (["b.csv", "a.csv", "b.csv"], ["a.csv", "b.csv"], "other", "b.csv, given to {ADD} twice"),
        (["a.csv", "b.csv"], ["a.csv", "b.csv"], "other", None),  # two files: both read, the later's labels kept
    ],
)
def test_a_file_given_twice_to_add_is_read_once_and_said_to_be(tmp_path, monkeypatch, given, read, reasons, said):
    """Regression: a file given twice was read twice, listed twice in the summary and the metadata (its first copy
    as '0 used, N duplicates'), without a word that it had been given twice."""
    import warnings

    import pandas as pd

    from taikai.training import Columns, read_inputs

    monkeypatch.chdir(tmp_path)
    texts = ["手数料が高い", "単価が安い"]
    base = pd.DataFrame({"text": texts, "reasons": ["fees", "low_pay"], "sentiment": "negative"})
    (tmp_path / "a.csv").write_text("text,reasons,sentiment\n生成AIに負けた,rejection,negative\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("text,reasons,sentiment\n生成AIに負けた,other,negative\n", encoding="utf-8")
    (tmp_path / "link.csv").symlink_to(tmp_path / "a.csv")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        inputs = read_inputs(base, given, columns=Columns())
    assert [f.file for f in inputs.files if f.role == "added"] == read
    assert inputs.added["reasons"].tolist() == [reasons]
    messages = [str(w.message) for w in caught if "given to" in str(w.message)]
    assert [m.startswith(said.format(ADD=ADD)) for m in messages] == ([] if said is None else [True]), messages


@pytest.mark.parametrize(
    ("add_encoding", "added", "said"),
    [
        ("cp932", True, True),  # an Excel sheet beside UTF-8 data: the advice must not stop at the other file
        ("cp932", False, False),  # one file: the encoding given is that file's alone, as before
    ],
)
def test_an_encoding_given_for_several_files_is_said_to_be_used_for_every_file(
    tmp_path, tiny_csv, add_encoding, added, said
):
    """Regression: 'leave out --encoding …, or pass --encoding cp932' for a CP932 --add sheet beside UTF-8 data;
    followed, the second stopped at the data, as the encoding is used for every file read."""
    import pandas as pd

    from taikai import FeatureConfig, train

    sheet = tmp_path / "sheet.csv"
    pd.read_csv(tiny_csv).head(8).assign(text=lambda f: f.text + "です").to_csv(
        sheet, index=False, encoding=add_encoding
    )
    data, add = (tiny_csv, sheet) if added else (sheet, ())
    with pytest.raises(InputError) as caught:
        train(data, add=add, encoding="utf-8", config=FeatureConfig(min_df=1), folds=0)
    assert ("used for every file read: the data and each of add=" in str(caught.value)) is said
    if added:  # the advice the message gives first, followed, trains
        assert train(data, add=add, config=FeatureConfig(min_df=1), folds=0).metadata.inputs[1].used
