"""UTF-8 read as CP932 (mojibake) is masked as what it says, and written back as read (taikai.privacy._misread)."""

from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.privacy import mask_pii, mask_text_column


def misread(text: str) -> str:
    """*text* as a UTF-8 line of a CP932 file reads: 田中さん is 逕ｰ荳ｭ縺輔ｓ."""
    return text.encode("utf-8").decode("cp932", errors="replace")


def read_back(text: str) -> str:
    """What anyone gets back from mojibake: its CP932 bytes read as UTF-8."""
    return text.encode("cp932", errors="replace").decode("utf-8", errors="replace")


VALUES = ("田中", "090-1234-5678", "taro.sato@example.co.jp", "佐藤太郎")


@pytest.mark.parametrize(
    ("text", "masked", "kinds"),
    [
        (misread("田中さんに090-1234-5678へ電話して"), "[人名]縺輔ｓ縺ｫ[電話番号]縺ｸ髮ｻ隧ｱ縺励※", ["name", "phone"]),
        (misread("メールは taro.sato@example.co.jp です"), "繝｡繝ｼ繝ｫ縺ｯ [メール] 縺ｧ\ufffd\ufffd", ["email"]),
        (misread("佐藤太郎様の対応"), "[人名]讒\ufffd\ufffd\ufffdｮ蟇ｾ蠢\ufffd", ["name"]),
        # partial: a readable review with a misread stretch pasted in
        (
            "報酬が低い。" + misread("田中さんに電話して") + "でした",
            "報酬が低い。[人名]縺輔ｓ縺ｫ髮ｻ隧ｱ縺励※でした",
            ["name"],
        ),
        ("田中さんの件。" + misread("手数料が高い"), "[人名]さんの件。謇区焚譁吶′鬮倥＞", ["name"]),
    ],
    ids=["name-phone", "email", "name-title", "partial", "readable-name-misread-rest"],
)
def test_a_misread_text_is_masked_as_it_reads_and_stays_misread(text, masked, kinds):
    got = mask_pii(text)
    assert got.text == masked
    assert [span.kind.value for span in got.spans] == kinds
    for span in got.spans:
        assert got.text[span.masked_start : span.masked_end] == span.kind.placeholder
    assert [v for v in VALUES if v in read_back(got.text) or v in got.text] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (misread("田中さんに090-1234-5678へ電話して"), "逕ｰ荳ｭ"),
        ("報酬が低い。" + misread("田中さんに電話して") + "でした", "逕ｰ荳ｭ"),
    ],
    ids=["whole", "partial"],
)
def test_a_span_of_a_misread_value_points_at_it_as_read(text, value):
    span = mask_pii(text).spans[0]
    assert text[span.start : span.end] == value


@pytest.mark.parametrize(
    "text",
    [
        "縺繧繝の話",  # the marks typed: their bytes are no UTF-8
        "ｱﾙﾊﾞｲﾄの単価が低い",  # half-width katakana as written
        "ﾃｽﾄ案件",  # whose bytes start like UTF-8 (ý) but read as no Japanese
        "漾、ﾃｽﾄ",  # a kanji whose bytes and the next ones are chance UTF-8
        misread("手数料が高い"),  # mojibake with nothing to mask: as read
    ],
)
def test_a_text_that_only_looks_misread_or_holds_nothing_comes_back_unchanged(text):
    assert mask_pii(text).text == text
    assert mask_pii(text).spans == ()


def test_a_misread_frame_row_stays_an_error_with_its_problem(tiny_model):
    text = misread("田中さんから報酬が低いと言われて辞めました、電話は090-1234-5678")
    df = pd.DataFrame({"text": [text, "田中さんから報酬が低いと言われた"]})
    masked, _ = mask_text_column(df, "text")
    assert [v for v in VALUES if v in read_back(masked["text"][0])] == []
    out = tiny_model.predict_frame(df, "text", mask_pii=True)
    plain = tiny_model.predict_frame(df, "text")
    assert list(out["status"]) == list(plain["status"]) == ["error", "ok"]
    assert out["message"][0].startswith("UTF-8 text read as CP932")
    assert [v for v in VALUES if v in read_back(out["text"][0])] == []


def test_batch_masks_a_utf8_line_of_a_cp932_file(tmp_path, tiny_model_dir):
    """A line pasted from a UTF-8 file into an Excel export (CP932) reads as mojibake: its names are masked too."""
    line = "田中さんから報酬が低いと言われて辞めました、電話は090-1234-5678"
    source = tmp_path / "mixed.csv"
    source.write_bytes(
        "id,text\n1,単価が安すぎて辞めました\n".encode("cp932")
        + f"2,{line}\n".encode()
        + "3,手数料が高い\n".encode("cp932")
    )
    outputs = {}
    for masking in ([], ["--mask-pii"]):
        out = tmp_path / f"out{len(masking)}.csv"
        args = ["batch", str(source), "-o", str(out), "--text-column", "text", "--id-column", "id", "--encoding"]
        args += ["cp932", "--encoding-errors", "replace"]  # what the error on such a file says to pass
        result = CliRunner().invoke(cli, [*args, "-m", str(tiny_model_dir), *masking])
        assert result.exit_code == 0, result.output
        outputs[bool(masking)] = pd.read_csv(out, encoding="utf-8-sig", dtype=str)
    plain, masked = outputs[False], outputs[True]
    assert list(masked["status"]) == list(plain["status"]) == ["ok", "error", "ok"]
    assert read_back(plain["text"][1]).startswith("田中さん")  # what masking hid: the name could be read back
    assert masked["text"][1].startswith("[人名]縺輔ｓ")
    assert [v for v in VALUES if v in read_back(masked["text"][1])] == []
    # the same error, its counts those of the text written (the name's characters are a placeholder's)
    assert (
        masked["message"][1].split(":")[0] == plain["message"][1].split(":")[0] == "UTF-8 text read as CP932 (mojibake)"
    )
