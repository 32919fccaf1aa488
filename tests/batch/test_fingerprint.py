"""The input fingerprint of --resume: the same input iff its size and modification time are unchanged, or its size
is and the hash of all its bytes."""

from __future__ import annotations

import json
import os

import pytest

from taikai.batch import input_fingerprint
from taikai.batch._fingerprint import NOTES, _modified, describe_changes, refusal
from taikai.batch._unvouched import MASKING, SETTINGS, _masks, unvouched
from taikai.privacy import MASKER_VERSION

BIG = 300 << 20
"""Larger than the 256 MiB above which only samples used to be hashed."""


def _edit(path, offset: int, data: bytes, keep_mtime: bool) -> None:
    st = path.stat()
    with open(path, "r+b") as f:
        f.seek(offset)
        f.write(data)
    if keep_mtime:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    else:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_an_unchanged_size_and_time_reuse_the_saved_fingerprint_without_reading(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(b"text\nabc\n")
    st = path.stat()
    saved = f"{st.st_size}:{st.st_mtime_ns}:not-a-hash"  # returned as it is: the file was not hashed
    assert input_fingerprint(path, saved) == saved


@pytest.mark.parametrize(
    ("size", "offset", "keep_mtime", "changed"),
    [
        (BIG, (1 << 20) + (2 << 20), False, "content"),  # between the old samples: missed before
        (BIG, BIG - 10, False, "content"),
        (1000, 500, False, "content"),
        (BIG, (1 << 20) + (2 << 20), True, None),  # size and time kept: taken as the same input, unread
    ],
    ids=["big-edited-between-samples", "big-edited-at-the-end", "small-edited", "big-edited-time-kept"],
)
def test_an_input_edited_in_place_with_the_same_size(tmp_path, size, offset, keep_mtime, changed):
    path = tmp_path / "in.csv"
    with open(path, "wb") as f:
        f.truncate(size)  # sparse: quick to write, read as zeros
    saved = input_fingerprint(path)
    _edit(path, offset, b"X", keep_mtime)
    now = input_fingerprint(path, saved)
    said = describe_changes({"input": saved}, {"input": now})
    if changed is None:
        assert now == saved and said == []
    else:
        assert len(said) == 1 and said[0].startswith(f"the input file's {changed} changed (the same size, {size} bytes")


def test_a_touched_input_with_the_same_bytes_is_the_same_input(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(b"text\nabc\n")
    saved = input_fingerprint(path)
    _edit(path, 0, b"t", keep_mtime=False)  # the same byte again: only the time changes
    now = input_fingerprint(path, saved)
    assert now != saved and describe_changes({"input": saved}, {"input": now}) == []


@pytest.mark.parametrize(
    ("later_ns", "times"),
    [
        (1, "modified {was} both times"),  # touched within the microsecond: the two times read the same
        (2_000_000_000, "modified {was} → {now}"),
    ],
)
def test_a_same_size_edit_says_the_bytes_differ_by_their_hash(tmp_path, later_ns, times):
    path = tmp_path / "in.csv"
    path.write_bytes(b"text\nabc\n")
    start = 1_780_000_000_000_000_000  # a whole microsecond: 1 ns later stays in it, whenever the test runs
    os.utime(path, ns=(start, start))
    saved = input_fingerprint(path)
    path.write_bytes(b"text\nabd\n")
    mtime = int(saved.split(":")[1])
    assert mtime == start
    os.utime(path, ns=(mtime, mtime + later_ns))
    now = input_fingerprint(path, saved)
    [said] = describe_changes({"input": saved}, {"input": now})
    was, later = _modified(str(mtime), str(mtime + later_ns))
    old_hash, new_hash = saved.split(":")[2][:12], now.split(":")[2][:12]
    assert old_hash != new_hash
    assert said == (
        f"the input file's content changed (the same size, 9 bytes, but other bytes: sha256 {old_hash}… → "
        f"{new_hash}…; " + times.format(was=was, now=later) + ")"
    )


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ({"limit": 20500}, {"limit": 20000}, "limit (--limit) changed: 20500 → 20000"),
        ({"chunk_size": 7}, {"chunk_size": 8}, "chunk_size (--chunk-size) changed: 7 → 8"),
        (
            {"output_encoding": "utf-8"},
            {"output_encoding": "cp932"},
            "output_encoding (--output-encoding) changed: 'utf-8' → 'cp932'",
        ),
        ({"taikai": "0.1.0"}, {"taikai": "0.2.0"}, "the taikai version changed: '0.1.0' → '0.2.0'"),
    ],
)
def test_a_changed_option_is_named_in_python_and_on_the_command_line(old, new, said):
    assert describe_changes({"options": json.dumps(old)}, {"options": json.dumps(new)}) == [said]


@pytest.mark.parametrize(
    ("saved", "read", "said"),
    [
        # what an earlier taikai saved: --sheet as given (none: the first sheet), compared as the sheet it names
        (None, "cover", []),
        ("1", "cover", []),
        ("2", "reviews", []),
        ("reviews", "reviews", []),
        (None, "reviews", ["sheet (--sheet) changed: 'cover' → 'reviews'"]),
        ("1", "reviews", ["sheet (--sheet) changed: 'cover' → 'reviews'"]),
        ("9", "reviews", ["sheet (--sheet) changed: '9' → 'reviews'"]),  # no such sheet now: as it was saved
    ],
)
def test_the_sheet_is_compared_as_the_sheet_read(saved, read, said):
    """Regression: --sheet 2 and --sheet reviews, naming one sheet, were a changed option under --resume."""
    notes = json.dumps({"sheets": ["cover", "reviews"]})
    old, new = {"options": json.dumps({"sheet": saved})}, {"options": json.dumps({"sheet": read}), NOTES: notes}
    assert describe_changes(old, new) == said


def test_a_changed_rules_mode_is_named_in_python_and_on_the_command_line():
    said = describe_changes({"rules mode": "flag"}, {"rules mode": "override"})
    assert said == ["rules_mode (--rules-mode) changed: 'flag' → 'override'"]


MASKED, UNMASKED = (json.dumps({"mask_pii": flag}) for flag in (True, False))
EARLIER_MASKING = "whose masking differs from this one's (it recorded no masker version; this taikai's is 2)"
EARLIER_SETTINGS = "that did not record the model's settings"
EARLIER_MASKED = "that masked personal data (--mask-pii) without recording its masker's version"


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ({"options": MASKED}, {"options": MASKED, MASKING: "2"}, [EARLIER_MASKING]),
        ({"options": UNMASKED}, {"options": MASKED, MASKING: "2"}, []),  # the option says it: mask_pii changed
        ({"options": MASKED, MASKING: "2"}, {"options": MASKED, MASKING: "3"}, []),  # recorded: a change
        ({"options": UNMASKED}, {"options": UNMASKED, MASKING: None}, []),
        ({"options": MASKED}, {"options": UNMASKED, MASKING: None}, [EARLIER_MASKED]),  # nor can it run masked
        ({"model": "a"}, {"model": "a", SETTINGS: "{}"}, [EARLIER_SETTINGS]),
        ({"model": "a"}, {"model": "b", SETTINGS: "{}"}, [EARLIER_SETTINGS]),  # the old model cannot vouch either
        ({"model": "a", SETTINGS: "{}"}, {"model": "a", SETTINGS: "{}"}, []),
        (
            {"model": "a", "options": MASKED},
            {"model": "a", "options": MASKED, MASKING: "2", SETTINGS: "{}"},
            [EARLIER_MASKING, EARLIER_SETTINGS],
        ),
    ],
)
def test_what_an_earlier_taikai_did_not_record_is_unvouched(old, new, said):
    unknown = unvouched(old, new)
    assert [phrase[: len(start)] for phrase, start in zip(unknown, said, strict=True)] == said


def test_a_changed_masker_version_is_named():
    old, new = ({"options": MASKED, MASKING: v} for v in ("2", "3"))
    assert describe_changes(old, new) == ["the masking of --mask-pii changed (taikai's masker version 2 → 3)"]
    assert describe_changes({"options": MASKED}, {"options": MASKED, MASKING: "2"}) == []  # unvouched() says it
    said = describe_changes({"options": UNMASKED}, {"options": MASKED, MASKING: "2"})
    assert said == ["mask_pii (--mask-pii) changed: False → True"]  # once, by its option


RUN = {"input": "10:1:abc", "model": "m", SETTINGS: "{}", "rules": None, "rules mode": None}
"""The fingerprint's entries but the options and the masker, the same for the interrupted run and the new one."""
AS_IT_WAS = "Run it again as it was (the values before the arrows), or start over without resume"
START_OVER = "Start over without resume"


def _run(masked: bool, masker: str | None = "this taikai's", **more: object) -> dict[str, object]:
    """Return a run's fingerprint: *masker* ``None`` leaves out the masker's version (the code before it was
    recorded); "this taikai's" is :data:`MASKER_VERSION` under masking, else ``None``, as this taikai saves it."""
    fingerprint = RUN | {"options": MASKED if masked else UNMASKED} | more
    if masker is not None:
        fingerprint[MASKING] = (str(MASKER_VERSION) if masker == "this taikai's" else masker) if masked else None
    return fingerprint


@pytest.mark.parametrize(
    ("saved", "masks", "said"),
    [
        (_run(True, None), True, f"{START_OVER} (delete"),
        (_run(True, None), False, f"{START_OVER} (delete"),
        (_run(False, None), True, AS_IT_WAS),
        (_run(False, None), False, None),
        (_run(True), True, None),
        (_run(True), False, AS_IT_WAS),
        (_run(False), True, AS_IT_WAS),
        (_run(False), False, None),
        (_run(True, "1"), True, "cannot repeat: start over without resume"),
        (_run(True, "1"), False, "cannot repeat: start over without resume"),
        ({k: v for k, v in _run(False).items() if k != SETTINGS} | {"model": "old"}, False, f"{START_OVER} (delete"),
    ],
    ids=[
        "earlier masked partial, run masked",
        "earlier masked partial, run unmasked",
        "earlier unmasked partial, run masked",
        "earlier unmasked partial, run unmasked",
        "masked partial, run masked",
        "masked partial, run unmasked",
        "unmasked partial, run masked",
        "unmasked partial, run unmasked",
        "partial masked by another masker, run masked",
        "partial masked by another masker, run unmasked",
        "partial without the model's settings, another model",
    ],
)
def test_a_resume_refused_says_the_one_thing_that_works(tmp_path, saved, masks, said):
    """Regression: a masked partial of the code before the masker's version was recorded, resumed without
    --mask-pii, was told to run it again as it was, and that run was refused too. Whatever the partial and the run,
    the message says what works: running it again as it was only when that run would resume, else starting over."""
    folder = tmp_path / "out.csv.taikai-partial"
    refused = refusal(tmp_path / "out.csv", folder, saved, _run(masks))
    if said is None:
        assert refused is None
        return
    assert refused is not None and refused.startswith(f"cannot resume {tmp_path / 'out.csv'}: "), refused
    assert said in refused and refused.endswith(f"(delete {folder} first)"), refused
    if said == AS_IT_WAS:  # and it does: the run as the interrupted one was resumes
        assert refusal(tmp_path / "out.csv", folder, saved, _run(_masks(saved), model=saved["model"])) is None
    else:  # no run of this taikai resumes it, with or without masking, with its model or another
        runs = [_run(m, model=model) for m in (True, False) for model in (saved["model"], "m")]
        assert all(refusal(tmp_path / "out.csv", folder, saved, run) is not None for run in runs)
