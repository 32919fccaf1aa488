"""The HTML report says what it did: what it masked, why a section is empty, what a row of a table stands for."""

import re

import pandas as pd
import pytest

import taikai
from taikai import analysis
from taikai.analysis import build_report, write_report

PII_TEXT = "山田太郎さん（yamada.taro@example.com、090-9999-8888）"


def section(page: str, key: str) -> str:
    """Return the HTML of the section *key* of *page*."""
    found = re.search(rf'<section id="{key}">(.*?)</section>', page, re.S)
    assert found is not None, key
    return found.group(1)


def header(page: str) -> str:
    """Return the page's words before its first section (its heading and notes)."""
    return page.split("<nav>")[0].split("<body>")[1]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "このページでは個人情報をマスクしました: [メール] 1 件、[電話番号] 1 件、[人名] 1 件"),
        ("en", "Personal data masked on this page: email [メール] 1, phone [電話番号] 1, name [人名] 1"),
    ],
)
def test_masks_in_the_lines_set_aside_are_counted(tmp_path, tiny_model, lang, said):
    """Regression: a bad line's personal data was masked in the table of lines set aside, while the header said
    none was found."""
    dump, out = tmp_path / "dump.csv", tmp_path / "predictions.csv"
    dump.write_text(f"id,text\n1,手数料が高い\n2,単価が安い\n3,{PII_TEXT},extra\n", encoding="utf-8")
    taikai.classify_file(dump, out, "text", model=tiny_model, on_bad_lines="report")
    options = {"lang": lang, "charts": False, "embed_font": False, "drift": False, "mask_pii": True}
    page = write_report(out, tmp_path / "r.html", **options).read_text(encoding="utf-8")
    assert "[人名]さん（[メール]、[電話番号]）" in section(page, "status") and "yamada" not in page
    assert said in header(page)


@pytest.mark.parametrize(
    ("lang", "texts", "said"),
    [
        ("ja", [PII_TEXT, "手数料が高い"], "[メール] 1 件、[電話番号] 1 件、[人名] 1 件"),
        ("ja", ["手数料が高い"], "このページでは個人情報をマスクしました: 見つかりませんでした"),
        ("en", ["手数料が高い"], "Personal data masked on this page: none found"),
    ],
)
def test_masks_are_said_in_the_page_language(tiny_model, lang, texts, said):
    """Regression: the Japanese page said the masks in English ("email [メール] 1", "none found")."""
    frame = tiny_model.predict_frame(pd.DataFrame({"text": texts}))
    page = build_report(frame, lang=lang, embed_font=False, charts=False, drift=False, mask_pii=True)
    assert said in header(page)
    if lang == "ja":
        assert not re.search(r"email|phone|name|none found", header(page))


@pytest.mark.parametrize(
    ("lang", "model", "status"),
    [
        (
            "ja",
            "予測ファイルの横の batch の要約 (preds.summary.json) は別の出力のものなので、",
            "別の出力のものなので使って",
        ),
        (
            "en",
            "The batch summary beside the predictions (preds.summary.json) describes another output: assumed",
            "so it is not used",
        ),
    ],
)
def test_a_stale_summary_is_warned_about_once_and_said_once(tmp_path, tiny_model, lang, model, status):
    """Regression: a summary of another output was warned about twice, and the page said both that there was no
    summary beside the predictions and that the one beside them was not used."""
    from click.testing import CliRunner

    from taikai.cli import cli

    dump, preds = tmp_path / "dump.csv", tmp_path / "preds.csv"
    dump.write_text("id,text\n1,手数料が高い\n2,単価が安い\n3,時間がない\n", encoding="utf-8")
    taikai.classify_file(dump, preds, "text", model=tiny_model)
    preds.write_text("\n".join(preds.read_text(encoding="utf-8").splitlines()[:3]) + "\n", encoding="utf-8")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["report", str(preds), "-o", str(out), "--no-drift", "--lang", lang])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("preds.summary.json: this summary describes") == 1, result.stderr
    page = out.read_text(encoding="utf-8")
    assert model in section(page, "model") and status in section(page, "status")
    assert page.count("preds.summary.json") == 2  # once in each: which model, and the lines set aside
    assert "要約がないため" not in page and "No batch summary" not in page


TEXTS = ["手数料が高すぎて続けられない", "単価が安すぎる", "時間が取れなくなった", "支払いが遅れた"]


@pytest.fixture(scope="module")
def reviews(tiny_model) -> pd.DataFrame:
    """Forty classified predictions, on two platforms of 20 (A, B) and in two months."""
    frame = pd.DataFrame(
        {
            "posted_at": ["2026-01-05"] * 20 + ["2026-02-05"] * 20,
            "platform": ["A", "B"] * 20,
            "text": TEXTS * 10,
        }
    )
    return tiny_model.predict_frame(frame)


@pytest.mark.parametrize(
    ("lang", "platform", "said"),
    [
        (
            "ja",
            "A",
            "platform の値ごとの比較はしていません: 分類された行が 20 件以上あり、"
            "他の値にも合わせて 20 件以上ある値がありません。",
        ),
        ("en", None, "No value of platform was compared: none has 20 or more classified reviews with 20 or more in"),
    ],
)
def test_summary_says_why_no_segment_was_compared(reviews, lang, platform, said):
    """Regression: the summary said nothing when one segment, or segments of fewer than 20 rows, left nothing to
    compare; the periods already said why."""
    frame = reviews.assign(platform=platform) if platform else reviews.head(30)  # one value; 15 and 15
    page = build_report(frame, by="platform", lang=lang, embed_font=False, charts=False, drift=False)
    summary = section(page, "summary")
    assert said in summary
    assert "Holm" not in summary  # no test made, no note on the tests


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "分類された行がないため、ここに示すものはありません。"),
        ("en", "No classified rows, so nothing to show here."),
    ],
)
def test_every_section_of_a_dump_of_empty_rows_says_why_it_is_empty(tiny_model, lang, said):
    """Regression: with every row empty, only the sentiment section explained itself; the others showed bare
    table headers."""
    frame = pd.DataFrame({"posted_at": ["2026-01-05"] * 3, "platform": ["A"] * 3, "text": ["", " ", ""]})
    predictions = tiny_model.predict_frame(frame)
    page = build_report(predictions, "posted_at", "platform", lang=lang, embed_font=False, charts=False, drift=False)
    for key in ("reasons", "trend", "segments", "representative", "uncertain"):
        shown = section(page, key)
        assert said in shown and "<table>" not in shown, key


@pytest.mark.parametrize(
    ("lang", "rows", "said"),
    [
        ("ja", 1, "予測した理由の確率が最も低い 1 件。"),
        ("ja", 25, "予測した理由の確率が最も低い 20 件。"),
        ("en", 1, "The 1 review whose predicted reason has the lowest probability: have a person check it."),
        ("en", 3, "The 3 reviews whose predicted reason has the lowest probability"),
    ],
)
def test_the_least_confident_table_says_how_many_rows_it_shows(tiny_model, lang, rows, said):
    """Regression: a one-row dump was headed "the 20 least confident" and listed 1 row."""
    frame = tiny_model.predict_frame(pd.DataFrame({"text": [f"{TEXTS[i % 4]} {i}" for i in range(rows)]}))
    page = build_report(frame, lang=lang, embed_font=False, charts=False, drift=False)
    uncertain = section(page, "uncertain")
    assert said in uncertain and uncertain.count("<tr>") == 1 + min(rows, 20)


@pytest.mark.parametrize(
    ("lang", "column", "note"),
    [
        ("ja", "<th>同じ文の行数</th>", "同じ文のレビューは 1 件にまとめ、その行数を「同じ文の行数」の列に示します。"),
        ("en", "<th>rows with this text</th>", "A text posted several times is shown once; the column &#x27;rows"),
    ],
)
def test_review_tables_show_a_reposted_text_once_with_its_rows(tiny_model, lang, column, note):
    """Regression: on a dump with reposts the least confident table held 2 distinct texts, one of them 14 times."""
    texts = ["手数料が高すぎて続けられない"] * 14 + [f"単価が安すぎる {i}" for i in range(6)]
    frame = tiny_model.predict_frame(pd.DataFrame({"text": texts}))
    page = build_report(frame, lang=lang, embed_font=False, charts=False, drift=False)
    for key in ("uncertain", "representative"):
        shown = section(page, key)
        assert shown.count("手数料が高すぎて続けられない") == 1, key
        assert column in shown and note in shown and '<td class="n">14</td>' in shown, key


def test_review_tables_of_distinct_texts_have_no_column_of_ones(reviews):
    page = build_report(reviews.head(4), embed_font=False, charts=False, drift=False)
    assert "同じ文の行数" not in page


@pytest.fixture(scope="module")
def many_platforms(reviews) -> pd.DataFrame:
    """Reviews on 16 platforms: その他 (a platform of that name) 10 rows, P00-P09 2 each, and Q1-Q5 1 each: the
    five summed hold 5 rows, more than any of P00-P09."""
    names = ["その他"] * 10 + [f"P{i:02d}" for i in range(10) for _ in range(2)] + [f"Q{i}" for i in range(1, 6)]
    return reviews.head(35).assign(platform=names)


def test_the_summed_rest_is_the_last_row_and_no_value_of_the_column(many_platforms):
    table = analysis.segment_breakdown(many_platforms, "platform", max_segments=12)
    names = list(table.index)
    assert names[0] == "その他" and names[-1] == "ほか 5 件の値" and len(names) == 12
    assert table.sum(axis=1).iloc[-1] == 5


@pytest.mark.parametrize(("lang", "rest"), [("ja", "ほか 5 件の値"), ("en", "5 other values")])
def test_the_report_puts_the_summed_rest_last_beside_a_platform_named_other(many_platforms, lang, rest):
    """Regression: the rest row ("その他 (5)") was sorted among the segments by size, beside a platform called
    その他, and shared its name with the reason その他."""
    page = build_report(many_platforms, by="platform", lang=lang, embed_font=False, charts=False, drift=False)
    heads = re.findall(r"<tr><th>(.*?)</th>", section(page, "segments"))
    assert heads[1] == "その他" and heads[-1] == rest


@pytest.mark.parametrize(
    ("lang", "per_reason", "said"),
    [
        ("ja", 3, "各理由で確率が最も高いもの、最大 3 件 (行が少ない理由はその数だけ)"),
        ("ja", 2, "各理由で確率が最も高いもの、最大 2 件 (行が少ない理由はその数だけ)"),
        ("en", 3, "up to 3 (fewer where a reason has fewer rows)"),
        ("en", 2, "up to 2 (fewer where a reason has fewer rows)"),
    ],
)
def test_the_representative_note_says_up_to_n_per_reason(reviews, lang, per_reason, said):
    """The page's note says the number of reviews it shows per reason, the one asked for (default 3)."""
    options = {"lang": lang, "embed_font": False, "charts": False, "drift": False}
    page = build_report(reviews, per_reason=per_reason, **options)
    notes = re.findall(r'<p class="note">(.*?)</p>', section(page, "representative"), re.S)
    assert any(said in note for note in notes), notes


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "予測を作った実行の記録から (その記録 kD.csv/_taikai.json はこのページの作成者の手元にあります)。"),
        ("en", "kD.csv/_taikai.json"),
    ],
)
def test_the_summary_of_a_dask_output_folder_is_named_as_the_file_read(tmp_path, tiny_model, lang, said):
    """Regression: the page named kD.summary.json, which does not exist; the manifest in the folder was read."""
    import json

    from taikai.io import PARTS_MANIFEST

    dump, preds = tmp_path / "dump.csv", tmp_path / "preds.csv"
    dump.write_text("id,text\n1,手数料が高い\n2,単価が安い\n3,時間がない\n", encoding="utf-8")
    taikai.classify_file(dump, preds, "text", model=tiny_model)
    summary = json.loads((tmp_path / "preds.summary.json").read_text(encoding="utf-8"))
    folder = tmp_path / "kD.csv"  # as the Dask engine writes it: parts and a manifest
    folder.mkdir()
    preds.rename(folder / "part.00000.csv")
    manifest = {"format": "csv", "parts": ["part.00000.csv"], "model": summary["model"]["sha256"]}
    manifest |= {"model_stamp": summary["model"], "rows": 3, "statuses": summary["statuses"], "text_column": "text"}
    (folder / PARTS_MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    options = {"lang": lang, "charts": False, "embed_font": False, "drift": False}
    page = write_report(folder, tmp_path / "r.html", **options).read_text(encoding="utf-8")
    assert said in section(page, "model")
    assert "kD.summary.json" not in page


@pytest.mark.parametrize(
    ("lang", "headline", "status"),
    [
        ("ja", "3,000 件のうち 2,999 件 (99.97%) を分類しました。", '<td class="n">1</td><td class="n">0.03%</td>'),
        ("en", "2,999 of 3,000 reviews (99.97%) were classified.", '<td class="n">1</td><td class="n">0.03%</td>'),
    ],
)
def test_a_share_that_is_neither_all_nor_none_never_reads_so(tmp_path, lang, headline, status):
    """Regression: 2,999 of 3,000 rows classified read "(100.0%)" in the headline, and the 1 error "0.0%"."""
    from click.testing import CliRunner

    from taikai.cli import cli

    n = 3_000
    frame = pd.DataFrame(
        {
            "text": [f"手数料が高い {i}" for i in range(n)],
            "status": ["ok"] * (n - 1) + ["error"],
            "reason": ["fees"] * (n - 1) + [None],
            "p_reason_fees": [0.9] * (n - 1) + [None],
            "p_reason_low_pay": [0.1] * (n - 1) + [None],
        }
    )
    path, page = tmp_path / "predictions.csv", tmp_path / "r.html"
    frame.to_csv(path, index=False)
    result = CliRunner().invoke(cli, ["report", str(path), "-o", str(page), "--lang", lang, "--no-drift"])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert headline in html and status in section(html, "status")
    assert ">0.0%<" not in section(html, "status")
