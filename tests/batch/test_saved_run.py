"""The run a partial output folder saved, read again (taikai.batch._saved_run)."""

import pytest

import taikai
from taikai.errors import InputError

DAMAGED = [
    pytest.param('{"position": ', id="cut-short"),
    pytest.param("", id="empty"),
    pytest.param("{}", id="no-position"),
    pytest.param("[1]", id="a-list"),
    pytest.param('{"position": {}, "totals": {}, "chunks": "x", "output_bytes": 0, "bad_bytes": 0}', id="bad-count"),
    pytest.param(
        '{"position": {}, "totals": {}, "chunks": 1, "output_bytes": 0, "bad_bytes": 0, "schema": "!!"}',
        id="bad-schema",
    ),
]


@pytest.mark.parametrize("resume", [True, False])
@pytest.mark.parametrize("content", DAMAGED)
def test_a_damaged_saved_state_is_named_not_a_traceback(tmp_path, fee_dump, tiny_model, content, resume):
    """Regression: a state.json that does not read back (cut short, edited) raised JSONDecodeError, KeyError or
    ArrowInvalid out of classify_file (a traceback on the command line)."""
    out = tmp_path / "out.csv"
    folder = tmp_path / "out.csv.taikai-partial"
    folder.mkdir()
    (folder / "state.json").write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=r"out\.csv\.taikai-partial/state\.json: not a state a taikai run saved"):
        taikai.classify_file(fee_dump, out, "text", model=tiny_model, resume=resume)
    assert (folder / "state.json").exists() and not out.exists()  # kept, as it was: the user decides


def test_the_advice_on_a_damaged_state_works(tmp_path, fee_dump, tiny_model):
    """Deleting the folder the message names, as it says, lets the run start over."""
    import re
    import shutil

    out = tmp_path / "out.csv"
    folder = tmp_path / "out.csv.taikai-partial"
    folder.mkdir()
    (folder / "state.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        taikai.classify_file(fee_dump, out, "text", model=tiny_model, resume=True)
    named = re.search(r"delete (.+) and run it again", str(caught.value))  # the path may hold spaces
    assert named is not None and named.group(1) == str(folder)
    shutil.rmtree(named.group(1))
    assert taikai.classify_file(fee_dump, out, "text", model=tiny_model).rows == 30
