"""--mask-pii of the commands that read a user's labelled file but write no texts (evaluate): no value of the file
reaches standard output, standard error or the --json report, a malformed line's quoted text included."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from support_commands import without_temp_folder

from taikai.cli import cli

VALUES = ["佐藤", "090-1234-5678", "1234", "5678", "taro@example.com", "hanako@example.jp", "鈴木", "070-1111-2222"]
"""The personal values of the files below, and 4-digit fragments of their numbers."""

SCORED = (
    "text,reasons,sentiment\n手数料が高すぎて辞めた taro@example.com,fees,negative\n"
    "単価が低すぎる 佐藤さんから090-1234-5678,low_pay,negative\n鈴木様 hanako@example.jp,other,negative\n"
    "abc 070-1111-2222,fees,negative\n"
)
MALFORMED = 'text,reasons,sentiment\n手数料が高い,fees,negative\n"鈴木様 090-1234-5678 taro@example.com,fees,negative\n'


@pytest.mark.parametrize(
    ("data", "code", "shown"),
    [(SCORED, 0, "[電話番号]"), (MALFORMED, 2, "[人名]様 [電話番号] [メール]")],
    ids=["scored", "malformed"],
)
def test_evaluate_with_mask_pii_says_no_value(tmp_path, tmp_path_factory, tiny_model_dir, data, code, shown):
    source, report = tmp_path / "labelled.csv", tmp_path / "report.json"
    source.write_text(data, encoding="utf-8")
    args = ["evaluate", str(source), "-m", str(tiny_model_dir), "--json", str(report), "--mask-pii"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == code, result.output
    said = without_temp_folder(result.stdout + result.stderr, tmp_path_factory)
    said += report.read_text(encoding="utf-8") if report.exists() else ""
    assert shown in said
    assert [v for v in VALUES if v in said] == []


ADDED = (
    "text,reasons,sentiment\n単価が低すぎる 佐藤さんから090-1234-5678,low_pay,negative\n"
    "鈴木様 hanako@example.jp の件で揉めた,,negative\n手数料が高い taro@example.com,fees,\n"
    "070-1111-2222,fees,negative\n"
)


@pytest.mark.parametrize(
    ("data", "code", "shown"),
    [(ADDED, 0, "model written to"), (MALFORMED, 2, "[人名]様 [電話番号] [メール]")],
    ids=["trained", "malformed"],
)
def test_train_add_with_mask_pii_says_and_keeps_no_value(tmp_path, tmp_path_factory, tiny_csv, data, code, shown):
    added, out = tmp_path / "added.csv", tmp_path / "model"
    added.write_text(data, encoding="utf-8")
    args = ["train", str(tiny_csv), "--add", str(added), "--out", str(out), "--vectors", "none", "--folds", "2"]
    result = CliRunner().invoke(cli, [*args, "--compare-folds", "2", "--mask-pii"])
    assert result.exit_code == code, result.output
    said = without_temp_folder(result.stdout + result.stderr, tmp_path_factory)
    kept = [path.read_bytes() for path in sorted(out.glob("*"))] if out.exists() else []
    assert shown in said
    assert [v for v in VALUES if v in said or any(v.encode() in saved for saved in kept)] == []  # nor its words


NAMED = [
    "田中さんに090-1234-5678へ電話しろと言われて怖かった{n},trouble,negative",
    "佐藤様から渋谷区神南1-2-3の事務所に来いと言われた{n},trouble,negative",
]
FEATURE_VALUES = ["田中", "佐藤", "渋谷", "神南", "090", "1234", "5678"]


@pytest.fixture(scope="module")
def named_model(tmp_path_factory, tiny_csv):
    """A model trained on the tiny fixture and rows of names and numbers that come out among its trouble keywords."""
    import taikai
    from taikai.model import FeatureConfig

    folder = tmp_path_factory.mktemp("named")
    rows = [line.format(n=n) for n in range(6) for line in NAMED]
    (folder / "named.csv").write_text(tiny_csv.read_text(encoding="utf-8") + "\n".join(rows) + "\n", "utf-8")
    config = FeatureConfig(min_df=1, vectors=None, char_ngrams=None)
    taikai.train(folder / "named.csv", folder / "m", config=config, folds=0, test_size=0)
    return folder / "m"


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("mask", [False, True])
def test_keywords_with_mask_pii_lists_no_personal_feature(named_model, fmt, mask):
    args = ["keywords", "-m", str(named_model), "--top", "60", "--format", fmt]
    result = CliRunner().invoke(cli, args + (["--mask-pii"] if mask else []))
    assert result.exit_code == 0, result.output
    if fmt == "json":
        found = json.loads(result.stdout)
        features = " ".join(k["feature"] for head in found.values() for ks in head.values() for k in ks)
    else:
        features = re.sub(r" -?[0-9]+\.[0-9]{2}\b", "", result.stdout)  # the weights' digits are no features
    shown = [v for v in FEATURE_VALUES if v in features + result.stderr]
    assert shown == [] if mask else {"佐藤", "渋谷", "1234"} <= set(shown)  # unmasked, they are there to be left out
    assert features.count("reason trouble") == (fmt == "text")
