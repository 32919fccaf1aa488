"""A batch output of no rows written as JSONL (an empty file: JSONL has no header line) read by the commands
that take predictions: they say the file is empty, not that its lines are malformed."""

import pytest


@pytest.mark.parametrize(
    "command",
    [
        ["report", "{out}", "-o", "{dir}/r.html"],
        ["drift", "{out}"],
        ["suggest", "{out}", "-o", "{dir}/s.csv"],
    ],
)
def test_an_empty_jsonl_output_is_said_to_be_empty(invoke, tmp_path, command):
    """Regression: 'no JSON object with keys found; JSONL needs one object per line' for taikai's own output."""
    (tmp_path / "dump.csv").write_text("id,text\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert invoke("batch", tmp_path / "dump.csv", "-o", out, "--text-column", "text", "-q").exit_code == 0
    assert out.read_bytes() == b""
    result = invoke(*(part.format(out=out, dir=tmp_path) for part in command))
    assert result.exit_code == 2, result.output
    assert (
        f"taikai: error: {out}: the file is empty (it holds no JSON line), so there is no row to read" in result.output
    )
    assert "one object per line" not in result.output
