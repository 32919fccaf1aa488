"""scripts/screenshot_report.py: the fontconfig file it writes for Chromium names its folders as XML text, whatever
characters the temporary folder holds (``TMPDIR`` or a user's name may hold ``&``, ``<`` or quotes)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from screenshot_report import fontconfig


@pytest.mark.parametrize(
    "name",
    ["plain", "a&b", "a<b>c", 'Tom & Jerry\'s "fonts"', "&amp;", "]]>", "日本語 フォント"],
)
def test_fontconfig_names_its_folders_whatever_the_folder_holds(tmp_path, name):
    font = tmp_path / "Latin.ttf"
    font.write_bytes(b"not a real font")
    folder = tmp_path / name / "fontconfig"
    config = ET.parse(fontconfig(folder, [font])).getroot()
    assert (config.findtext("dir"), config.findtext("cachedir")) == (str(folder / "fonts"), str(folder / "cache"))
    assert (folder / "fonts" / "Latin.ttf").read_bytes() == b"not a real font"


def _dump(path, texts: list[str]) -> None:
    import pandas as pd

    pd.DataFrame({"review_id": [f"R{i}" for i in range(len(texts))], "text": texts}).to_csv(path, index=False)


@pytest.mark.parametrize(
    ("change", "said"),
    [  # regression: a predictions.csv left in --out-dir was reused whatever made it, so the screenshot showed the
        # predictions of an earlier input or model
        ("nothing", "reusing"),
        ("input edited", "classifying {input}: the input changed after the one there was made"),
        ("another input", "classifying {other}: the one there was made from {input}"),
        ("another model", "classifying {input}: the one there was made by model tiny"),
        ("no summary", "classifying {input}: the one there has no batch summary beside it"),
    ],
)
def test_a_predictions_file_is_reused_only_when_made_from_the_input_by_the_model(
    tmp_path, monkeypatch, capsys, tiny_model_dir, ja_model_dir, change, said
):
    import os

    import pandas as pd
    import screenshot_report

    import taikai.analysis

    monkeypatch.setattr(taikai.analysis, "write_report", lambda predictions, page, **_: page)
    monkeypatch.setattr(screenshot_report, "page_height", lambda *_: 100)
    monkeypatch.setattr(screenshot_report, "screenshot", lambda *_: None)
    monkeypatch.setattr(screenshot_report, "trim_bottom", lambda *_: 100)
    source, other, out = tmp_path / "dump.csv", tmp_path / "other.csv", tmp_path / "out"
    _dump(source, ["時給が安い", "手数料が高い"])
    _dump(other, ["案件が来ない"])

    def run(given=source, model=tiny_model_dir) -> str:
        args = ["--input", str(given), "--model", str(model), "--out-dir", str(out), "--png", str(tmp_path / "r.png")]
        assert screenshot_report.main(args) == 0
        return capsys.readouterr().out.splitlines()[0]

    run()
    predictions = out / "predictions.csv"
    given, model = source, tiny_model_dir
    if change == "input edited":
        _dump(source, ["時給が安い", "手数料が高い", "審査に落ちた"])
        later = predictions.stat().st_mtime_ns + 10**10
        os.utime(source, ns=(later, later))
    elif change == "another input":
        given = other
    elif change == "another model":
        model = ja_model_dir
    elif change == "no summary":
        (out / "predictions.summary.json").unlink()
    line = run(given, model)
    expected = said.format(input=source, other=other)
    assert line.startswith(("reusing" if said == "reusing" else "classifying") + " ")
    assert expected in line.replace(f" into {predictions}", ""), line
    texts = pd.read_csv(predictions)["text"].tolist()
    assert texts == pd.read_csv(given)["text"].tolist()
