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


def test_the_library_names_the_position_of_an_empty_item(tiny_csv, tmp_path):
    import taikai

    with pytest.raises(InputError, match=r"^item 2 of add= \(--add on the command line\) is empty"):
        taikai.train(tiny_csv, tmp_path / "m", add=[tiny_csv, ""])
    assert not (tmp_path / "m").exists()
