"""Drift says how many rows repeat an earlier row's text (as the model reads it), in text and JSON, and no figure
moves for saying so: a dump exported twice over counts each repeated row in every figure."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.drift import check_drift


def _texts(tiny_csv) -> list[str]:
    return pd.read_csv(tiny_csv)["text"].tolist()


@pytest.mark.parametrize(
    ("extra", "duplicates"),
    [
        (lambda t: [], 0),
        (lambda t: t[:5], 5),  # five rows exported twice
        (lambda t: [t[0]] * 3, 3),  # one row three more times
        (lambda t: [f"  {t[1]}\u3000", t[2].replace("1", "１")], 2),  # read alike: spaces, full-width digits
        (lambda t: ["", " ", None, ""], 0),  # blank texts are no duplicates
    ],
    ids=["none", "five-twice", "one-four-times", "read-alike", "blank"],
)
def test_rows_repeating_an_earlier_text_are_counted(extra, duplicates, tiny_csv, tiny_model):
    """Regression: duplicated rows were counted twice without a word (a re-exported dump moves the figures)."""
    texts = _texts(tiny_csv)
    frame = pd.DataFrame({"text": texts + extra(texts)})
    report = check_drift(frame, tiny_model, reference=pd.DataFrame({"text": texts * 2}))
    assert (report.duplicates, report.reference_duplicates) == (duplicates, len(texts))
    said = [line for line in report.to_text().splitlines() if line.startswith("rows repeating")]
    shown = [f"rows repeating an earlier row's text: {duplicates:,} (each counted in every figure)"]
    assert said == [
        *(shown if duplicates else []),
        f"rows repeating an earlier row's text in the reference: {len(texts)} (each counted in every figure)",
    ]
    assert report.overall.statistics.rows == len(frame)  # counted as before: no figure changes


def test_the_command_line_says_them_in_text_and_json(tiny_csv, tiny_model_dir, tmp_path):
    texts = _texts(tiny_csv)
    dump = tmp_path / "dump.csv"
    pd.DataFrame({"text": texts + texts[:7]}).to_csv(dump, index=False)
    out = tmp_path / "drift.json"
    args = ["drift", str(dump), "--model", str(tiny_model_dir), "--reference", str(tiny_csv), "--json", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "rows repeating an earlier row's text: 7 (each counted in every figure)" in result.output
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert (figures["duplicate_rows"], figures["reference_duplicate_rows"]) == (7, 0)


PASTE = "副業で月30万円！誰でも簡単に稼げる方法を無料で教えます。詳しくはプロフィールのリンクから"


@pytest.mark.parametrize(
    ("pasted", "forms", "filled", "whole"),
    [
        (39, 1, True, True),  # 39 of February's 40 rows (98 %), 39 of the dump's 80 (49 %)
        (8, 1, True, False),  # 8 of 40: 20 %, the least said; 8 of 80 in the whole dump (10 %) is not
        (8, 3, True, False),  # written three ways that read alike (spaces, full-width digits): one text
        (7, 1, False, False),  # 7 of 40 (17.5 %)
    ],
)
def test_a_part_that_one_text_fills_is_said(pasted, forms, filled, whole, tiny_csv, tiny_model):
    """Regression: a month 99 % one pasted review drove the verdict, and the month's line did not say so."""
    texts = _texts(tiny_csv)[:40]
    variants = [PASTE, f"  {PASTE}\u3000", PASTE.replace("30", "３０")][:forms]
    february = [variants[i % forms] for i in range(pasted)] + texts[: 40 - pasted]
    march = [PASTE] * 5  # a period of fewer than 30 rows is judged by nothing: not said
    frame = pd.DataFrame(
        {
            "text": texts + february + march,
            "posted_at": ["2025-01-10"] * 40 + ["2025-02-10"] * 40 + ["2025-03-10"] * 5,
        }
    )
    report = check_drift(frame, tiny_model, date_column="posted_at")
    january, part, last = report.periods
    assert (january.one_text, part.one_text, last.one_text) == (1, pasted, 5)
    assert (part.filled_by_one_text, report.overall.filled_by_one_text) == (filled, whole)
    assert not january.filled_by_one_text and not last.filled_by_one_text
    text = report.to_text()
    said = f"2025-02: one text fills {pasted} of its 40 rows ({part.one_text_share}), as the model reads it: a paste"
    assert (said in text) is filled
    row = next(line for line in text.splitlines() if line.startswith("  2025-02 "))
    assert row.endswith(f"({part.one_text_share} one text)") is filled
    assert ("whole dump: one text fills" in text) is whole
    values = json.loads(json.dumps(report.to_dict()))
    assert values["periods"][1]["one_text_rows"] == pasted
    assert values["periods"][1]["filled_by_one_text"] is filled
    assert report.overall.statistics.rows == len(frame)  # every row still counted: no figure changes


@pytest.mark.parametrize(("overridden", "own"), [(3, True), (0, True), (0, False)], ids=["three", "none", "flag"])
def test_reasons_a_rule_set_apart_from_the_model_s_are_said(overridden, own, tiny_csv, tiny_model):
    """Regression: predictions of batch --rules-mode override were judged on the model's own reasons (p_reason_*)
    without a word, while their reason column, batch's summary and the report's reasons count the rules' labels."""
    frame = tiny_model.predict_frame(pd.DataFrame({"text": _texts(tiny_csv)}))
    if own:  # as override writes it: the model's own reason in model_reason, a rule's label in reason
        frame["model_reason"] = frame["reason"]
        moved = frame.index[:overridden]
        frame.loc[moved, "reason"] = ["fees" if r != "fees" else "time" for r in frame.loc[moved, "reason"]]
    report = check_drift(frame, tiny_model)
    assert report.overridden_rows == overridden == report.to_dict()["overridden_rows"]
    lines = [line for line in report.to_text().splitlines() if line.startswith("reasons counted")]
    assert lines == (
        [
            "reasons counted: the model's own (p_reason_*, model_reason), as its reference's are; the rules of "
            f"taikai batch --rules-mode override set another reason on {overridden} rows, which its reason column "
            "and summary count"
        ]
        if overridden
        else []
    )
    plain = check_drift(tiny_model.predict_frame(pd.DataFrame({"text": _texts(tiny_csv)})), tiny_model)
    assert report.overall.statistics.reasons == plain.overall.statistics.reasons  # the model's own, as before


@pytest.mark.parametrize(
    ("masked", "shared", "duplicates"),
    [
        (True, 40, 1),  # the texts masked as drift masks the reference: all 40 held by it, two rows alike masked
        (False, 40, 1),  # the dump's texts as written, masked by drift too
    ],
    ids=["masked-by-batch", "masked-here"],
)
def test_rows_are_told_apart_as_masked(masked, shared, duplicates, tiny_csv, tiny_model):
    """Regression: under mask_pii drift compared the texts as written, before masking: a dump of texts batch
    --mask-pii had masked, against its raw reference masked by drift, shared none of the rows holding personal data
    (`rows whose text the reference holds too` read 55 of 200 where 98 were), and two rows the model reads alike once
    masked (田中さん 090-… and 田中さん 080-…) were no repeat."""
    from taikai.privacy import mask_pii

    texts = _texts(tiny_csv)[:38]
    people = [
        "クライアントの田中さんから090-1234-5678に電話が来た",
        "クライアントの田中さんから080-1111-2222に電話が来た",
    ]
    raw = texts + people
    dump = [mask_pii(t).text for t in raw] if masked else raw
    report = check_drift(pd.DataFrame({"text": dump}), tiny_model, reference=pd.DataFrame({"text": raw}), mask_pii=True)
    assert (report.shared_rows, report.duplicates, report.reference_duplicates) == (shared, duplicates, 1)
