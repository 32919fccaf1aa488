"""The README.txt of a partial output folder (taikai.batch._partial_readme): what it says of the run is true, and
enough to run it again with resume."""

import pytest

import taikai
from taikai.batch import Interrupted


@pytest.mark.parametrize(
    ("options", "said", "unsaid"),
    [
        ({}, ["model: ", "chunk_size: 10"], ["rules:", "rules_mode:", "limit:"]),
        (
            {"rules": "RULES", "rules_mode": "override", "limit": 25},
            ["rules: RULES", "rules_mode: override", "limit: 25"],
            [],
        ),
        ({"rules": "RULES"}, ["rules: RULES", "rules_mode: flag"], []),
    ],
)
def test_the_readme_names_the_model_and_rules_a_resume_needs(
    tmp_path, fee_dump, tiny_model_dir, stop_after, options, said, unsaid
):
    """Regression: the README listed the input and options but neither the model nor the rules (and their mode),
    so a --resume run as the README told it was refused (rules changed, model changed)."""
    rules = tmp_path / "my rules.toml"
    rules.write_text('[[rule]]\nname = "fees"\nlabel = "fees"\nany = ["手数料"]\n', encoding="utf-8")
    given = {k: str(rules) if v == "RULES" else v for k, v in options.items()}
    out = tmp_path / "out.csv"
    with pytest.raises(Interrupted):
        taikai.classify_file(
            fee_dump, out, "text", model=tiny_model_dir, chunk_size=10, on_chunk=stop_after(1), **given
        )
    readme = (tmp_path / "out.csv.taikai-partial" / "README.txt").read_text(encoding="utf-8")
    assert f"  model: {tiny_model_dir}\n" in readme
    for line in said:
        assert "  " + line.replace("RULES", str(rules)) in readme, readme
    for line in unsaid:
        assert "  " + line not in readme, readme
    resumed = taikai.classify_file(fee_dump, out, "text", model=tiny_model_dir, chunk_size=10, resume=True, **given)
    assert resumed.resumed_rows == 10
