"""taikai batch --rules (local engine): the rule columns in every format, parallel jobs, resume, the summary."""

from __future__ import annotations

import json
import re

import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import taikai
from taikai.batch import Interrupted, output_types
from taikai.cli import cli
from taikai.errors import InputError, RulesError

RULES = """
[[rule]]
name = "proposal"
label = "rejection"
any = ["提案"]

[[rule]]
name = "fee"
label = "fees"
any = ["手数料", "lemma:引く"]

[[rule]]
name = "main job"
label = "time"
any = ["本業"]
"""

TEXTS = [
    "手数料が高すぎて続けられませんでした",
    "提案しても返事が来ない、手数料も高い",
    "時給にすると200円くらい",
    "本業が忙しくなった",
    "手数料で二割引かれて提案も通らない",
]


@pytest.fixture
def dump(tmp_path):
    """Write a 30-row CSV (some texts empty) and return its path."""
    rows = [{"id": f"r{i:03d}", "text": "" if i % 7 == 3 else f"{TEXTS[i % 5]}（#{i}）"} for i in range(30)]
    path = tmp_path / "dump.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


@pytest.fixture
def rules(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text(RULES, encoding="utf-8")
    return path


@pytest.mark.parametrize("mode", ["flag", "override"])
def test_the_output_has_predict_frame_s_rule_columns(tmp_path, dump, rules, tiny_model, mode):
    out = tmp_path / "out.jsonl"
    taikai.classify_file(dump, out, "text", model=tiny_model, chunk_size=4, rules=rules, rules_mode=mode)
    written = pd.read_json(out, lines=True, dtype=False)
    expected = tiny_model.predict_frame(pd.read_csv(dump, dtype=str), rules=rules, rules_mode=mode)
    added = tiny_model.output_columns(mode)
    assert list(written.columns) == ["id", "text", *added]
    for column in ("reason", "reasons", "rule_names", "rule_reasons", "rule_conflict", *added[-1:]):
        assert written[column].fillna("-").tolist() == expected[column].astype(object).fillna("-").tolist(), column
    conflicts = [json.loads(line)["rule_conflict"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert {type(c) for c in conflicts} == {bool, type(None)} and conflicts.count(None) == 4


@pytest.mark.parametrize(
    ("fmt", "read_conflicts"),
    [
        ("csv", lambda p: pd.read_csv(p, dtype=str, keep_default_na=False)["rule_conflict"].tolist()),
        ("parquet", lambda p: pq.read_table(p).column("rule_conflict").to_pylist()),
        ("jsonl", lambda p: [json.loads(line)["rule_conflict"] for line in p.read_text(encoding="utf-8").splitlines()]),
        ("xlsx", lambda p: [cell.value for cell in list(load_workbook(p).active.columns)[-1][1:]]),
    ],
)
def test_rule_conflict_is_a_boolean_in_every_format(tmp_path, dump, rules, tiny_model, fmt, read_conflicts):
    out = tmp_path / f"out.{fmt}"
    taikai.classify_file(dump, out, "text", model=tiny_model, rules=rules)
    values = read_conflicts(out)
    truth = {"csv": ("true", "false", ""), "parquet": (True, False, None), "jsonl": (True, False, None)}
    true, false, missing = truth.get(fmt, (True, False, None))
    assert len(values) == 30 and set(values) <= {true, false, missing}
    assert values.count(missing) == 4 and values.count(true) >= 1
    if fmt == "parquet":
        assert pq.read_schema(out).field("rule_conflict").type == "bool"


def test_output_types_with_rules(tiny_model):
    types = output_types(tiny_model, taikai.rules.RulesMode.OVERRIDE)
    assert list(types) == tiny_model.output_columns("override")
    assert {c: str(types[c]) for c in ("rule_names", "rule_reasons", "rule_conflict", "model_reason")} == {
        "rule_names": "string",
        "rule_reasons": "string",
        "rule_conflict": "bool",
        "model_reason": "string",
    }


def test_jobs_2_gives_the_same_file_as_jobs_1(tmp_path, dump, rules, tiny_model_dir):
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    taikai.classify_file(dump, one, "text", model=tiny_model_dir, chunk_size=4, rules=rules, rules_mode="override")
    taikai.classify_file(
        dump, two, "text", model=tiny_model_dir, chunk_size=4, jobs=2, rules=rules, rules_mode="override"
    )
    assert two.read_bytes() == one.read_bytes()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            "edit",
            r"the rules changed \('RULES' → 'RULES' \(its content changed\)\)\. To resume, put back in 'RULES' the "
            r"rules it held then \(comments and layout do not count\) and run it again; or start over",
        ),
        (
            "edit and mode",
            r"the rules changed \('RULES' → 'RULES' \(its content changed\)\); rules_mode \(--rules-mode\) changed: "
            r"'flag' → 'override'\. Run it again as it was \(the values before the arrows; for the rules, put back in "
            r"'RULES' the rules it held then",
        ),
        ("drop", r"the rules changed \('RULES' → \(none\)\); rules_mode \(--rules-mode\) changed: 'flag' → \(none\)"),
        ("mode", r"rules_mode \(--rules-mode\) changed: 'flag' → 'override'\. Run it again as it was"),
        ("comment", None),  # comments and layout do not change the rules: the run goes on
    ],
)
def test_resume_refuses_changed_rules(stop_after, tmp_path, dump, rules, tiny_model_dir, change, expected):
    out, whole = tmp_path / "out.csv", tmp_path / "whole.csv"
    options = {"model": tiny_model_dir, "chunk_size": 4}
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", rules=rules, on_chunk=stop_after(2), **options)
    given: dict = {"rules": rules}
    if change.startswith("edit"):
        given["rules_mode"] = "override" if change == "edit and mode" else "flag"
        rules.write_text(RULES.replace('"提案"', '"提案", "応募"'), encoding="utf-8")
    elif change == "drop":
        given = {}
    elif change == "mode":
        given["rules_mode"] = "override"
    else:
        rules.write_text("# my rules\n" + RULES, encoding="utf-8")
    if expected is not None:
        expected = expected.replace("RULES", re.escape(str(rules)))
        with pytest.raises(InputError, match=f"cannot resume .*: since the interrupted run, {expected}"):
            taikai.classify_file(dump, out, "text", resume=True, **given, **options)
        return
    resumed = taikai.classify_file(dump, out, "text", resume=True, **given, **options)
    full = taikai.classify_file(dump, whole, "text", rules=rules, **options)
    assert out.read_bytes() == whole.read_bytes()
    assert (resumed.rules, resumed.ruled, resumed.conflicts) == (full.rules, full.ruled, full.conflicts)


def _saved_as_an_earlier_taikai(partial, rules) -> None:
    """Make the interrupted run's fingerprint as a taikai that read rule names as written (stripped) saved it."""
    import hashlib

    state = partial / "state.json"
    values = json.loads(state.read_text(encoding="utf-8"))
    fingerprint = values["fingerprint"]
    written = [r.to_dict() | {"name": "ｆｅｅ" if r.name == "fee" else r.name} for r in rules.rules]
    canonical = json.dumps(written, ensure_ascii=False, sort_keys=True).encode("utf-8")
    fingerprint["rules"] = hashlib.sha256(canonical).hexdigest()
    notes = json.loads(fingerprint["notes"])
    fingerprint["notes"] = json.dumps({k: notes[k] for k in ("encoding", "rules", "sheets")})
    state.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "expected"),
    [  # regression: each was said as "the rules changed ('RULES' → 'RULES' (its content changed))"
        (
            "rename",
            "the rules changed ('RULES' → 'RULES' (only their names, which the output's rule_names holds: rule 2 "
            "'fee' → 'fee words')). To resume, put back in 'RULES' the rules it held then",
        ),
        (
            "earlier taikai",  # ｆｅｅ was read as written then, and is fee now: no file gives the name it read
            "the rules changed ('RULES' → 'RULES' (its content is the same, but this taikai reads rule names as texts "
            "are read, full-width and half-width forms as one and runs of spaces as one, and the output's rule_names "
            "holds them so: 'ｆｅｅ' → 'fee')). The saved rows name the rules as an earlier taikai read their names, "
            "which no rules file gives: start over without resume",
        ),
        ("rename and edit", "the rules changed ('RULES' → 'RULES' (its content changed)). To resume, put back"),
    ],
)
def test_resume_says_what_changed_in_the_rules(stop_after, tmp_path, dump, rules, tiny_model_dir, change, expected):
    out = tmp_path / "out.csv"
    options = {"model": tiny_model_dir, "chunk_size": 4, "rules": rules}
    if change == "earlier taikai":
        rules.write_text(RULES.replace('"fee"', '"ｆｅｅ"'), encoding="utf-8")
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", on_chunk=stop_after(2), **options)
    if change == "earlier taikai":
        _saved_as_an_earlier_taikai(next(tmp_path.glob("out.csv*partial")), taikai.load_rules(rules))
    elif change == "rename":
        rules.write_text(RULES.replace('"fee"', '"fee words"'), encoding="utf-8")
    else:
        rules.write_text(RULES.replace('"fee"', '"fee words"').replace('"提案"', '"提案", "応募"'), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        taikai.classify_file(dump, out, "text", resume=True, **options)
    said = str(caught.value).replace(str(rules), "RULES")
    assert f": since the interrupted run, {expected}" in said


def test_the_summary_counts_hits_per_rule_and_conflicts(tmp_path, dump, rules, tiny_model):
    out = tmp_path / "out.csv"
    summary = taikai.classify_file(dump, out, "text", model=tiny_model, rules=rules)
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    names = frame["rule_names"].str.split("|").explode()
    assert summary.rules == {name: int((names == name).sum()) for name in ("proposal", "fee", "main job")}
    assert summary.rules["main job"] > 0 and summary.conflicts > 0
    assert summary.ruled == int((frame["rule_names"] != "").sum())
    assert summary.conflicts == int((frame["rule_conflict"] == "true").sum())
    text = str(summary)
    hits = ", ".join(f"{name} {n}" for name, n in summary.rules.items())
    assert f"rules of {rules}: {hits}" in text
    assert f"rows where a rule fired: {summary.ruled}; in conflict with the model's reason: {summary.conflicts}" in text
    assert summary.to_dict()["rules_file"] == str(rules)


@pytest.mark.parametrize("written", ["fees", "手数料が高い"])
def test_the_summary_records_each_rule_s_label_as_the_model_reads_it(tmp_path, dump, rules, tiny_model, written):
    """Regression: only names were recorded, so the report showed a blank label for a rule that never fired."""
    from taikai.io import RanRule, read_summary

    rules.write_text(RULES.replace('"fees"', f'"{written}"').replace('"本業"', '"副業は禁止"'), encoding="utf-8")
    out = tmp_path / "out.csv"
    summary = taikai.classify_file(dump, out, "text", model=tiny_model, rules=rules)
    labels = {"proposal": "rejection", "fee": "fees", "main job": "time"}
    assert summary.rules["main job"] == 0 and summary.to_dict()["rule_labels"] == labels
    run = read_summary(out)
    assert run is not None and run.rules == tuple(RanRule(name, label) for name, label in labels.items())


def test_rules_whose_label_the_model_lacks_are_refused_before_anything_is_written(tmp_path, dump, rules, tiny_model):
    rules.write_text(RULES.replace('"fees"', '"price"'), encoding="utf-8")
    with pytest.raises(
        RulesError, match=rf"{rules}:7: rule 'fee' \(rule 2 of the file\): label 'price' is not a reason of the model"
    ):
        taikai.classify_file(dump, tmp_path / "out.csv", "text", model=tiny_model, rules=rules)
    assert list(tmp_path.iterdir()) == [dump, rules]


def run(*args):
    return CliRunner().invoke(cli, ["batch", *map(str, args)])


def test_cli_batch_with_rules(tmp_path, dump, rules, tiny_model_dir):
    out = tmp_path / "out.csv"
    result = run(
        dump, "-o", out, "--text-column", "text", "-m", tiny_model_dir, "--rules", rules, "--rules-mode", "override"
    )
    assert result.exit_code == 0, result.output
    assert "rows where a rule fired" in result.output
    assert pd.read_csv(out, dtype=str).columns[-1] == "model_reason"


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        ("[[rule]]\nname = 'x'\nlabel = 'fees'\nany = ['(']\nregex = ['(']\n", [], "rules.toml:5: rule 'x'"),
        ('[[rule]]\nname = "x"\nlabel = "fees"\n', [], "rule 'x' (rule 1 of the file): the rule matches nothing"),
        ("[[rule]\n", [], "rules.toml:1: not valid TOML"),
        (None, ["--rules-mode", "override"], "--rules-mode override applies to rules: give the rules file"),
    ],
)
def test_cli_rules_errors_exit_2(tmp_path, dump, rules, tiny_model_dir, content, args, message):
    if content is not None:
        rules.write_text(content, encoding="utf-8")
        args = ["--rules", rules, *args]
    result = run(dump, "-o", tmp_path / "out.csv", "--text-column", "text", "-m", tiny_model_dir, *args)
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out.csv").exists()


def test_without_rules_an_input_column_named_like_a_rule_column_is_just_data(tmp_path, tiny_model):
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    pd.DataFrame({"text": TEXTS, "rule_names": ["mine"] * len(TEXTS)}).to_csv(src, index=False)
    summary = taikai.classify_file(src, out, "text", model=tiny_model)
    assert (summary.rules_file, summary.rules, summary.ruled) == (None, {}, 0)
    assert "rules of" not in str(summary)
    assert pd.read_csv(out)["rule_names"].tolist() == ["mine"] * len(TEXTS)


@pytest.mark.parametrize("given", ["ruleset", "matcher"])
def test_rules_may_be_given_as_objects(tmp_path, dump, rules, tiny_model, given):
    from taikai.rules import compile_rules, load_rules

    by_path, by_object = tmp_path / "a.csv", tmp_path / "b.csv"
    taikai.classify_file(dump, by_path, "text", model=tiny_model, rules=rules)
    value = load_rules(rules) if given == "ruleset" else compile_rules(load_rules(rules))
    summary = taikai.classify_file(dump, by_object, "text", model=tiny_model, rules=value)
    assert by_object.read_bytes() == by_path.read_bytes() and summary.rules_file == str(rules)


@pytest.mark.parametrize(
    ("mode", "said"),
    [
        (
            "override",
            "reasons (the first firing rule's label where a rule fired, --rules-mode override; the model's own in "
            "model_reason): ",
        ),
        ("flag", "reasons: "),
    ],
)
def test_the_summary_says_whose_reasons_it_counts(tmp_path, dump, rules, tiny_model, mode, said):
    """Regression: under override the summary's reasons line counted the rules' labels and nothing said so."""
    out = tmp_path / "out.csv"
    summary = taikai.classify_file(dump, out, "text", model=tiny_model, rules=rules, rules_mode=mode)
    line = next(line for line in str(summary).splitlines() if line.startswith("reasons"))
    assert line.startswith(said)
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    counted = frame.loc[frame["status"] == "ok", "reason"].value_counts()
    assert summary.reasons == counted.to_dict()  # the reasons written: the rules' under override


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("edit", "the rules changed ('RULES' → 'RULES' (its content changed))"),
        ("drop", "the rules changed ('RULES' → (none)); rules_mode (--rules-mode) changed: 'flag' → (none)"),
        ("mode", "rules_mode (--rules-mode) changed: 'flag' → 'override'"),
        ("comment", None),  # comments and layout do not change the rules: the output is made again
        ("unrecorded", None),  # a summary of a taikai that did not record the rules: not compared, as before
    ],
)
def test_resume_of_a_complete_output_refuses_changed_rules(tmp_path, dump, rules, tiny_model_dir, change, expected):
    """Regression: a --resume finding a complete output made with other rules (same mode) only warned 'nothing to
    resume' and replaced it, while a partial run refused them; with --rules dropped only the mode was named."""
    out = tmp_path / "out.csv"
    options = {"model": tiny_model_dir, "chunk_size": 4}
    taikai.classify_file(dump, out, "text", rules=rules, **options)
    given: dict = {"rules": rules}
    if change in ("edit", "unrecorded"):
        rules.write_text(RULES.replace('"提案"', '"提案", "応募"'), encoding="utf-8")
    elif change == "drop":
        given = {}
    elif change == "mode":
        given["rules_mode"] = "override"
    else:
        rules.write_text("# my rules\n" + RULES, encoding="utf-8")
    summary = out.with_name("out.summary.json")
    if change == "unrecorded":
        values = json.loads(summary.read_text(encoding="utf-8"))
        del values["run_fingerprint"]["rules"]
        summary.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    if expected is None:
        with pytest.warns(taikai.DataWarning, match=r"is complete \(its summary out.summary.json describes it\)"):
            taikai.classify_file(dump, out, "text", resume=True, **given, **options)
        return
    before = out.read_bytes(), summary.read_bytes()
    with pytest.raises(InputError) as caught:
        taikai.classify_file(dump, out, "text", resume=True, **given, **options)
    assert str(caught.value) == (
        f"cannot resume {out}: it is complete (its summary out.summary.json describes it), and since the run that "
        f"wrote it, {expected.replace('RULES', str(rules))}. Nothing was written: to replace it with a run of these "
        "settings, run again without resume=True (--resume on the command line); to keep it, leave it as it is"
    )
    assert (out.read_bytes(), summary.read_bytes()) == before


def _as_an_earlier_taikai_hashed_them(partial, rules) -> None:
    """Make the interrupted run's fingerprint as a taikai that hashed rule terms as written saved it."""
    state = partial / "state.json"
    values = json.loads(state.read_text(encoding="utf-8"))
    values["fingerprint"]["rules"] = rules.digest(as_written=True)
    notes = json.loads(values["fingerprint"]["notes"])
    values["fingerprint"]["notes"] = json.dumps({k: notes[k] for k in ("encoding", "rules", "sheets")})
    state.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")


WAVE_RULES = RULES.replace('any = ["本業"]', 'any = ["本業", "1〜3件", "ｼｽﾃﾑ利用料", "Fee"]')
LEMMA_WAVE_RULES = WAVE_RULES.replace('"1〜3件"', '"lemma:1〜3日"')


@pytest.mark.parametrize(
    ("written", "saved", "earlier", "expected"),
    [
        # regression: a rules file re-saved as CP932 (〜 → ～) was refused as changed, though its rules match the same
        (WAVE_RULES, WAVE_RULES.replace("〜", "～"), False, None),
        (WAVE_RULES, WAVE_RULES.replace("ｼｽﾃﾑ", "システム").replace("Fee", "fee"), False, None),  # normalised as one
        (WAVE_RULES, WAVE_RULES.replace("〜", "～"), True, None),  # a run an earlier taikai saved, of the same file
        (WAVE_RULES, WAVE_RULES.replace("ｼｽﾃﾑ", "システム"), True, "its content changed"),  # ... hashed as written
        (WAVE_RULES, WAVE_RULES.replace("1〜3件", "1ー3件"), False, "its content changed"),  # a long vowel mark
        # regression: a lemma term's wave dash re-saved as CP932 was refused as a change, though its words match alike
        (LEMMA_WAVE_RULES, LEMMA_WAVE_RULES.replace("〜", "～"), False, None),
        (LEMMA_WAVE_RULES, LEMMA_WAVE_RULES.replace("1〜3日", "1ー3日"), False, "its content changed"),
    ],
)
def test_resume_reads_the_rules_as_they_match(
    stop_after, tmp_path, dump, tiny_model_dir, written, saved, earlier, expected
):
    rules = tmp_path / "rules.toml"
    rules.write_text(written.replace("〜", "～") if earlier else written, encoding="utf-8")
    out, whole = tmp_path / "out.csv", tmp_path / "whole.csv"
    options = {"model": tiny_model_dir, "chunk_size": 4, "rules": rules}
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", on_chunk=stop_after(2), **options)
    if earlier:
        _as_an_earlier_taikai_hashed_them(next(tmp_path.glob("out.csv*partial")), taikai.load_rules(rules))
    rules.write_bytes(saved.encode("cp932"))  # as Notepad or Excel on Windows saves it
    if expected is not None:
        with pytest.raises(InputError, match=f"the rules changed .*{re.escape(expected)}"):
            taikai.classify_file(dump, out, "text", resume=True, **options)
        return
    taikai.classify_file(dump, out, "text", resume=True, **options)
    taikai.classify_file(dump, whole, "text", **options)
    assert out.read_bytes() == whole.read_bytes()


@pytest.mark.parametrize("earlier", [False, True])
def test_resume_of_a_complete_output_reads_the_rules_as_they_match(tmp_path, dump, tiny_model_dir, earlier):
    rules = tmp_path / "rules.toml"
    rules.write_text(WAVE_RULES, encoding="utf-8")
    out = tmp_path / "out.csv"
    options = {"model": tiny_model_dir, "chunk_size": 4, "rules": rules}
    taikai.classify_file(dump, out, "text", **options)
    if earlier:
        summary = out.with_name("out.summary.json")
        values = json.loads(summary.read_text(encoding="utf-8"))
        values["run_fingerprint"]["rules"] = taikai.load_rules(rules).digest(as_written=True)
        summary.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    else:
        rules.write_bytes(WAVE_RULES.replace("〜", "～").encode("cp932"))
    with pytest.warns(taikai.DataWarning, match=r"is complete \(its summary out.summary.json describes it\)"):
        taikai.classify_file(dump, out, "text", resume=True, **options)


MORE = '[[rule]]\nname = "pay"\nlabel = "low_pay"\nany = ["時給"]\n'


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (  # regression: the rules of one file alone were read; now every file's rules are hashed
            "second",
            "the rules changed ('RULES + MORE' → 'RULES + MORE' (the content of MORE changed)). To resume, put back "
            "in 'MORE' the rules it held then",
        ),
        ("first", "the rules changed ('RULES + MORE' → 'RULES + MORE' (the content of RULES changed))"),
        ("order", "the rules changed ('RULES + MORE' → 'MORE + RULES')"),
        ("dropped", "the rules changed ('RULES + MORE' → 'RULES')"),
    ],
)
def test_resume_covers_every_rules_file(stop_after, tmp_path, dump, rules, tiny_model_dir, change, expected):
    more = tmp_path / "more.toml"
    more.write_text(MORE, encoding="utf-8")
    out, options = tmp_path / "out.csv", {"model": tiny_model_dir, "chunk_size": 4}
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", rules=[rules, more], on_chunk=stop_after(2), **options)
    given = {"order": [more, rules], "dropped": [rules]}.get(change, [rules, more])
    edited = {"second": (more, MORE.replace('"時給"', '"時給", "単価"')), "first": (rules, RULES + "\n# x\n" + MORE)}
    if change in edited:
        edited[change][0].write_text(edited[change][1].replace('name = "pay"', 'name = "pay2"'), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        taikai.classify_file(dump, out, "text", rules=given, resume=True, **options)
    said = str(caught.value).replace(str(rules), "RULES").replace(str(more), "MORE")
    assert f": since the interrupted run, {expected}" in said, said


def test_resume_goes_on_with_the_same_rules_files(stop_after, tmp_path, dump, rules, tiny_model_dir):
    more, out, whole = tmp_path / "more.toml", tmp_path / "out.csv", tmp_path / "whole.csv"
    more.write_text(MORE, encoding="utf-8")
    options = {"model": tiny_model_dir, "chunk_size": 4, "rules": [rules, more]}
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", on_chunk=stop_after(2), **options)
    more.write_text("# my rules\n" + MORE, encoding="utf-8")  # comments do not count
    taikai.classify_file(dump, out, "text", resume=True, **options)
    taikai.classify_file(dump, whole, "text", **options)
    assert out.read_bytes() == whole.read_bytes()


def test_the_summary_records_every_rules_file_and_each_rule_s(tmp_path, dump, rules, tiny_model):
    from taikai.io import RanRule, read_summary

    more, out = tmp_path / "more.toml", tmp_path / "out.csv"
    more.write_text(MORE, encoding="utf-8")
    summary = taikai.classify_file(dump, out, "text", model=tiny_model, rules=[rules, more])
    values = summary.to_dict()
    assert values["rules_file"] == f"{rules} + {more}" and values["rules_files"] == [str(rules), str(more)]
    files = {"proposal": str(rules), "fee": str(rules), "main job": str(rules), "pay": str(more)}
    assert values["rule_files"] == files
    hits = summary.rules
    assert f"rules of {rules}: proposal {hits['proposal']}, fee {hits['fee']}, main job {hits['main job']}\n" in str(
        summary
    )
    assert f"rules of {more}: pay {hits['pay']}\n" in str(summary)
    run = read_summary(out)
    assert run is not None and run.rules_files == (str(rules), str(more))
    assert run.rules[-1] == RanRule("pay", "low_pay", str(more)) and run.rules[0].source == str(rules)
    one = taikai.classify_file(dump, tmp_path / "one.csv", "text", model=tiny_model, rules=rules).to_dict()
    assert "rules_files" not in one and "rule_files" not in one  # one file: written as before
    assert read_summary(tmp_path / "one.csv").rules_files == (str(rules),)
