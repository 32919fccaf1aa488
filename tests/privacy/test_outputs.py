"""--mask-pii end to end: no seeded value of tests/fixtures/pii_dump.csv survives in any output or report.

The dump holds values of every kind; each test searches the files written for every one of them, in the form
written and in its NFKC form (full-width digits found as half-width too).
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from support_commands import without_temp_folder

import taikai
from taikai.cli import cli
from taikai.errors import InputError
from taikai.io import read_predictions

DUMP = Path(__file__).parents[1] / "fixtures" / "pii_dump.csv"
SEEDED = [
    "佐藤太郎",
    "taro.sato@example.co.jp",
    "田中さん",
    "090-1234-5678",
    "kenta_1990",
    "1234567",
    "4111 1111 1111 1111",
    "150-0002",
    "渋谷2-21-1",
    "taro-portfolio.net",
    "鈴木",
    "writer_yui",
    "９０－１１１１－２２２２",
    "ｻﾄｳﾊﾅｺ",
    "cw_tanaka",
    "7654321",
    "支店番号123",
    "マイケル",
    "ジェシカ",
]
"""Every personal value seeded in the dump (one or more per kind)."""
KEPT = ["ランサーズ", "クラウドワークス", "1,000円", "文字単価0.5円", "3月1日", "★4.8", "手数料20%", "5万円"]
KEPT += ["楽天銀行", "東京都渋谷区"]  # a street address is masked from its town on
"""Traps seeded in the same dump, which must be left as written."""
ALL_MASKS = {"email": 1, "url": 1, "phone": 2, "postal_code": 1, "address": 1, "id": 3, "account": 3, "card": 1}
ALL_MASKS["name"] = 6
"""The masks per kind in the whole dump."""


def leaks(text: str) -> list[str]:
    """Return the seeded values found in *text*, in their written or NFKC form."""
    folded = unicodedata.normalize("NFKC", text)
    return [v for v in SEEDED if v in text or unicodedata.normalize("NFKC", v) in folded]


def test_the_fixture_holds_every_seeded_value_and_trap():
    text = DUMP.read_text(encoding="utf-8")
    assert leaks(text) == SEEDED
    assert all(trap in text for trap in KEPT)


def run(*args: object) -> str:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result.output


def test_batch_and_report_with_mask_pii_hold_no_seeded_value(tmp_path, tiny_model_dir):
    out, html = tmp_path / "out.csv", tmp_path / "report.html"
    run("batch", DUMP, "-o", out, "--text-column", "text", "-m", tiny_model_dir, "--mask-pii")
    written = out.read_text(encoding="utf-8")
    assert leaks(written) == []
    assert all(trap in written for trap in KEPT)
    run("report", out, "-o", html, "--date-column", "posted_at", "--by", "platform", "--mask-pii")
    page = html.read_text(encoding="utf-8")
    assert leaks(page) == []
    assert "個人情報をマスクしました" in page and "[人名]" in page


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "xlsx", "tsv"])
def test_every_output_format_holds_only_masked_text(tmp_path, tiny_model_dir, fmt):
    out = tmp_path / f"out.{fmt}"
    taikai.classify_file(DUMP, out, "text", model=tiny_model_dir, mask_pii=True)
    frame = read_predictions(out)
    assert len(frame) == 12
    assert leaks(frame.to_csv(index=False)) == []
    assert all(trap in "".join(frame["text"]) for trap in KEPT)


@pytest.mark.parametrize(
    ("cell", "suffix"),
    [
        ({"mail": "taro.sato@example.co.jp 090-1234-5678"}, "csv"),
        ({"taro.sato@example.co.jp": "090-1234-5678"}, "csv"),  # the address as a key: it was written as read
        ({"taro.sato@example.co.jp": "090-1234-5678"}, "jsonl"),
    ],
    ids=["value-csv", "key-csv", "key-jsonl"],
)
def test_a_jsonl_object_in_the_text_column_is_masked_too(tmp_path, tiny_model_dir, cell, suffix):
    """Regression: the row is an error (not text) and its cell was written as read, personal data and all; then
    its values were masked and its keys written as read."""
    dump, out = tmp_path / "dump.jsonl", tmp_path / f"out.{suffix}"
    rows = [{"id": 1, "text": cell}, {"id": 2, "text": "佐藤太郎です"}]
    dump.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    output = run("batch", dump, "-o", out, "--text-column", "text", "-m", tiny_model_dir, "--mask-pii")
    assert "email [メール] 1" in output
    written = out.read_text(encoding="utf-8")
    assert leaks(written) == [] and "[メール]" in written and "[電話番号]" in written
    assert read_predictions(out)["status"].tolist() == ["error", "ok"]


def test_batch_without_mask_pii_keeps_the_values(tmp_path, tiny_model_dir):
    out = tmp_path / "out.csv"
    run("batch", DUMP, "-o", out, "--text-column", "text", "-m", tiny_model_dir)
    assert leaks(out.read_text(encoding="utf-8")) == SEEDED  # the search finds what is there


@pytest.mark.slow
def test_report_masks_an_unmasked_predictions_file(tmp_path, tiny_model_dir):
    out, html = tmp_path / "out.csv", tmp_path / "report.html"
    run("batch", DUMP, "-o", out, "--text-column", "text", "-m", tiny_model_dir)
    run("report", out, "-o", html, "--mask-pii")
    assert leaks(html.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("sheet", ["csv", "xlsx"])
def test_suggest_with_mask_pii_writes_a_sheet_without_seeded_values(tmp_path, tiny_model_dir, sheet):
    predictions, out = tmp_path / "out.csv", tmp_path / f"to_label.{sheet}"
    run("batch", DUMP, "-o", predictions, "--text-column", "text", "-m", tiny_model_dir)  # not masked
    printed = run("suggest", predictions, "-o", out, "--n", 12, "--id-column", "review_id", "--mask-pii")
    frame = read_predictions(out)
    assert len(frame) == 12 and frame["review_id"].tolist()  # every row, the ids as they were
    assert leaks(frame.to_csv(index=False)) == []
    assert "personal data masked in the texts: email [メール] 1" in printed


def test_suggest_without_mask_pii_keeps_the_texts(tmp_path, tiny_model_dir):
    predictions = tmp_path / "out.csv"
    run("batch", DUMP, "-o", predictions, "--text-column", "text", "-m", tiny_model_dir)
    picked = taikai.suggest(predictions, n=12)
    assert picked.masks is None and picked.to_dict()["masks"] is None
    assert leaks("".join(picked.rows["text"])) == SEEDED
    masked = taikai.suggest(predictions, n=12, mask_pii=True)
    assert masked.masks == ALL_MASKS


def test_summary_counts_masks_per_kind(tmp_path, tiny_model_dir):
    summary = taikai.classify_file(DUMP, tmp_path / "o.csv", "text", model=tiny_model_dir, mask_pii=True)
    assert summary.masks == ALL_MASKS
    assert summary.to_dict()["masks"] == ALL_MASKS and summary.to_dict()["mask_pii"] is True
    assert "personal data masked: email [メール] 1, url [URL] 1, phone [電話番号] 2" in str(summary)
    plain = taikai.classify_file(DUMP, tmp_path / "p.csv", "text", model=tiny_model_dir)
    assert plain.masks == {} and "personal data masked" not in str(plain)


def test_parallel_jobs_mask_alike(tmp_path, tiny_model_dir):
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    s1 = taikai.classify_file(DUMP, one, "text", model=tiny_model_dir, mask_pii=True, chunk_size=5)
    s2 = taikai.classify_file(DUMP, two, "text", model=tiny_model_dir, mask_pii=True, chunk_size=5, jobs=2)
    assert one.read_bytes() == two.read_bytes()
    assert s1.masks == s2.masks


def test_masking_joins_the_resume_fingerprint(tmp_path, tiny_model_dir):
    out = tmp_path / "out.csv"

    def stop(index: int) -> None:
        if index == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        taikai.classify_file(DUMP, out, "text", model=tiny_model_dir, chunk_size=5, mask_pii=True, on_chunk=stop)
    with pytest.raises(InputError, match="changed"):
        taikai.classify_file(DUMP, out, "text", model=tiny_model_dir, chunk_size=5, resume=True)
    done = taikai.classify_file(DUMP, out, "text", model=tiny_model_dir, chunk_size=5, mask_pii=True, resume=True)
    assert done.resumed_rows == 5
    assert done.masks["name"] == 6  # counts saved with the first chunk are carried over
    assert leaks(out.read_text(encoding="utf-8")) == []


def test_bad_lines_are_masked_in_the_side_file_and_the_error(tmp_path, tmp_path_factory, tiny_model_dir):
    dump = tmp_path / "bad.csv"
    dump.write_text("id,text\n1,田中さんは良い人\n2,090-1234-5678,extra\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    with pytest.raises(InputError) as caught:
        taikai.classify_file(dump, out, "text", model=tiny_model_dir, mask_pii=True)
    said = without_temp_folder(str(caught.value), tmp_path_factory)
    assert "[電話番号]" in said and "090-1234-5678" not in said
    taikai.classify_file(dump, out, "text", model=tiny_model_dir, mask_pii=True, on_bad_lines="report")
    side = (tmp_path / "out.bad_lines.csv").read_text(encoding="utf-8")
    assert "[電話番号]" in side and "090-1234-5678" not in side
    assert "田中" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "call",
    [
        lambda bad, model, tmp: taikai.evaluate_rules(RULES, bad, model=model, mask_pii=True),
        lambda bad, model, tmp: taikai.suggest(predictions_of(tmp, model), mask_pii=True, exclude=[bad]),
        lambda bad, model, tmp: taikai.evaluate(model, bad, sentiment_column=None, mask_pii=True),
        lambda bad, model, tmp: taikai.train(TINY, tmp / "m", add=bad, sentiment_column=None, mask_pii=True),
    ],
    ids=["evaluate_rules", "suggest-exclude", "evaluate", "train-add"],
)
def test_a_malformed_labelled_record_is_quoted_masked(tmp_path, tmp_path_factory, tiny_model_dir, call):
    """Regression: evaluate_rules(..., mask_pii=True) (rules test --mask-pii) and suggest's exclude= files quoted a
    malformed record as written, though the masked texts were asked for."""
    bad = tmp_path / "labelled.csv"
    bad.write_text('text,reasons\n手数料が高い,fees\n"佐藤様 090-1234-5678 taro@example.com,fees\n', encoding="utf-8")
    with pytest.raises(InputError, match="malformed record") as caught:
        call(bad, tiny_model_dir, tmp_path)
    said = without_temp_folder(str(caught.value), tmp_path_factory)
    assert "[人名]様 [電話番号] [メール]" in said and leaks(said) == [] and "佐藤" not in said


RULES = Path(__file__).parents[2] / "examples" / "rules.toml"
TINY = Path(__file__).parents[1] / "fixtures" / "tiny.csv"


def predictions_of(folder: Path, model: Path) -> Path:
    """Return the tiny model's predictions of the seeded dump, written in *folder*."""
    out = folder / "predictions.csv"
    run("batch", DUMP, "-o", out, "--text-column", "text", "-m", model)
    return out


@pytest.mark.parametrize(
    ("lines", "chunk_size", "jobs", "expected"),
    [
        # The masks in the lines set aside are counted with the rows' (they were masked but not counted).
        (["1,田中さんは良い人", "2,090-1234-5678,extra"], 1000, 1, {"phone": 1, "name": 1}),
        (["1,手数料が高い", "2,090-1234-5678 と taro@example.com,extra"], 1000, 1, {"email": 1, "phone": 1}),
        # Each chunk's once, in parallel too, and a bad line with nothing to mask adds nothing.
        (
            ["1,田中さんは良い人", "2,090-1234-5678,x", "3,手数料", "4,x,y", "5,鈴木さん,z"],
            2,
            2,
            {"phone": 1, "name": 2},
        ),
        (["1,田中さんは良い人", "2,手数料,extra"], 1000, 1, {"name": 1}),
    ],
)
def test_the_summary_counts_the_masks_of_the_lines_set_aside(
    tmp_path, tiny_model_dir, lines, chunk_size, jobs, expected
):
    dump = tmp_path / "bad.csv"
    dump.write_text("\n".join(["id,text", *lines]) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    options = {"mask_pii": True, "on_bad_lines": "report", "chunk_size": chunk_size, "jobs": jobs}
    summary = taikai.classify_file(dump, out, "text", model=tiny_model_dir, **options)
    assert summary.masks == expected
    written = json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))
    assert written["masks"] == expected


def test_predict_frame_masks_the_text_column(tiny_model):
    frame = pd.DataFrame({"id": ["田中"], "text": ["田中さんに 090-1234-5678 で連絡"]})
    out = tiny_model.predict_frame(frame, "text", mask_pii=True)
    assert out["text"].tolist() == ["[人名]さんに [電話番号] で連絡"]
    assert out["id"].tolist() == ["田中"]  # only the text column is masked
    assert frame["text"].tolist() == ["田中さんに 090-1234-5678 で連絡"]  # the caller's frame is not changed
    assert out["reason"].tolist() == tiny_model.predict_frame(out[["id", "text"]], "text")["reason"].tolist()


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl"])
def test_predict_with_mask_pii(tiny_model_dir, fmt):
    text = "田中さんの電話090-1234-5678に手数料の話"
    result = CliRunner().invoke(cli, ["predict", text, "-m", str(tiny_model_dir), "--format", fmt, "--mask-pii"])
    assert result.exit_code == 0, result.output
    assert "090-1234-5678" not in result.stdout and "田中" not in result.stdout
    assert "[電話番号]" in result.stdout
    assert "personal data masked: phone [電話番号] 1, name [人名] 1" in result.stderr
    if fmt == "json":
        assert json.loads(result.stdout)[0]["text"] == "[人名]さんの電話[電話番号]に手数料の話"


@pytest.mark.parametrize(
    "command",
    [
        ["predict"],
        ["batch"],
        ["report"],
        ["suggest"],
        ["drift"],
        ["explain"],
        ["rules", "test"],
        ["evaluate"],
        ["train"],
        ["keywords"],
    ],
)
def test_mask_pii_has_help(command):
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0 and "--mask-pii" in result.output and "[人名]" in result.output


@pytest.mark.slow
def test_dask_engine_with_mask_pii_holds_no_seeded_value(tmp_path, tiny_model_dir):
    from distributed import LocalCluster

    out = tmp_path / "parts"
    with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=":0") as cluster:
        output = run(
            *("batch", DUMP, "-o", out, "--text-column", "text", "--engine", "dask", "-m", tiny_model_dir),
            *("--scheduler", cluster.scheduler_address, "--mask-pii"),
        )
    frame = pd.read_parquet(out)
    assert len(frame) == 12 and not any(c.startswith("__taikai_pii_") for c in frame.columns)
    assert leaks(frame.to_csv(index=False)) == []
    manifest = json.loads((out / "_taikai.json").read_text(encoding="utf-8"))
    assert manifest["mask_pii"] is True and manifest["masks"]["name"] == 6
    assert "personal data masked: email [メール] 1" in output


@pytest.mark.slow
def test_dask_classify_masks_without_a_cluster(tiny_model_dir):
    import dask.dataframe as dd

    import taikai.dask as tdask

    frame = pd.DataFrame({"id": [1, 2, 3], "text": ["田中さんへ", None, "a@b.cc に送って"]})
    result = tdask.classify(dd.from_pandas(frame, npartitions=2), "text", tiny_model_dir, mask_pii=True)
    computed = result.compute(scheduler="threads")
    assert computed["text"].tolist()[0] == "[人名]さんへ" and computed["text"].tolist()[2] == "[メール] に送って"
    assert computed["status"].tolist()[1] == "empty"
    assert list(computed.columns) == list(result.columns) and "__taikai_pii_name" not in computed.columns


def test_report_masking_leaves_number_columns_and_the_id_alone():
    from taikai.analysis._report._build import mask_report_frame

    frame = pd.DataFrame({"id": ["田中"], "text": ["田中さんへ"], "score": [3]})
    masked, counts = mask_report_frame(frame, "text", "score")
    assert masked["text"].tolist() == ["[人名]さんへ"] and masked["id"].tolist() == ["田中"]
    assert masked["score"].dtype == frame["score"].dtype
    assert counts == {"name": 1}


@pytest.mark.slow
def test_report_masks_the_lines_batch_set_aside(tmp_path, tiny_model_dir):
    dump, out, html = tmp_path / "bad.csv", tmp_path / "out.csv", tmp_path / "report.html"
    dump.write_text("id,text\n1,手数料が高い\n2,田中さんの番号は090-1234-5678,extra\n", encoding="utf-8")
    run("batch", dump, "-o", out, "--text-column", "text", "-m", tiny_model_dir, "--on-bad-lines", "report")
    assert "090-1234-5678" in (tmp_path / "out.bad_lines.csv").read_text(encoding="utf-8")  # batch did not mask
    run("report", out, "-o", html, "--mask-pii", "--lang", "en", "--no-drift")
    page = html.read_text(encoding="utf-8")
    assert "[電話番号]" in page and "090-1234-5678" not in page and "田中" not in page
    assert "Personal data masked on this page" in page


STATUS_TEXTS = [
    "090-1234-5678",  # error: no Japanese, before and after masking
    "Call me at 090-1234-5678 or mail a@b.jp, Mr. Tanaka",
    "see https://example.com/a and @tanaka_88",
    "田中さんに090-1234-5678で連絡",  # ok both ways
    "連絡は a@b.jp へ",
    "",
    "   ",
]


PLACEHOLDERS_ONLY = "no Japanese characters but placeholders of masked personal data ("
NOT_JAPANESE = "no Japanese characters: the model only reads Japanese"


def _status(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """The status and message of each row; a masked text's message that it holds only placeholders (and no
    Japanese) read as the message of its text before masking (no Japanese)."""
    messages = frame["message"].fillna("").tolist()
    messages = [NOT_JAPANESE if m.startswith(PLACEHOLDERS_ONLY) else m for m in messages]
    return list(zip(frame["status"].tolist(), messages, strict=True))


@pytest.mark.parametrize("text", STATUS_TEXTS)
def test_masking_keeps_a_row_s_status_and_message(tiny_model, tmp_path, tiny_model_dir, text):
    """Placeholders are Japanese: 090-1234-5678 (an error) became [電話番号], classified as ok, under --mask-pii.
    The message of such a text, masked, says it holds only placeholders."""
    frame = pd.DataFrame({"text": [text]})
    plain = _status(tiny_model.predict_frame(frame, "text"))
    masked = tiny_model.predict_frame(frame, "text", mask_pii=True)
    assert _status(masked) == plain
    assert masked["message"].fillna("").str.startswith(PLACEHOLDERS_ONLY).all() == (plain[0][1] == NOT_JAPANESE)
    data = tmp_path / "in.csv"
    # with an id column: an empty text alone on its line is a blank line, skipped and counted, not a row (h377)
    frame.assign(id=[1])[["id", "text"]].to_csv(data, index=False)
    for masked in (False, True):
        out = tmp_path / f"out{masked}.csv"
        run(
            "batch", data, "-o", out, "--text-column", "text", "-m", tiny_model_dir, *(["--mask-pii"] if masked else [])
        )
        assert _status(read_predictions(out)) == plain, masked
    if text.strip():
        result = CliRunner().invoke(cli, ["predict", text, "-m", str(tiny_model_dir), "--format", "json", "--mask-pii"])
        assert _status(pd.DataFrame(json.loads(result.stdout))) == plain
