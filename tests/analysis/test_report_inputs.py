"""What the report is given: a frame's named index as the ids, a frame without a file, masked segments, labels of
the Python tables in the page's language."""

import re

import numpy as np
import pytest

import taikai
from taikai import analysis
from taikai.analysis import build_report
from taikai.errors import DataWarning, InputError
from tests.analysis.test_report import STEADY, synthetic


def _section(page: str, key: str) -> str:
    return re.search(rf'<section id="{key}">(.*?)</section>', page, re.S).group(1)


@pytest.mark.parametrize(
    ("index", "shown"),
    [
        ("review_id", "r00003"),  # df.set_index("review_id"): the id column, moved to the index
        ("customer", "c0003"),  # an index of another name is the id too
    ],
)
def test_a_named_index_is_the_id_of_the_review_tables(index, shown):
    frame = synthetic({"2026-01": STEADY})
    frame["customer"] = [f"c{i:04d}" for i in range(len(frame))]
    frame = frame.set_index(index)
    page = build_report(frame, embed_font=False, charts=False, drift=False)
    uncertain = _section(page, "uncertain")
    assert f"<th>{index}</th>" in uncertain
    assert re.search(rf"<td[^>]*>{shown}</td>", page), "the index values are shown"


def test_an_unnamed_index_adds_no_column():
    frame = synthetic({"2026-01": STEADY}).drop(columns="review_id")
    frame.index = frame.index + 1000
    page = build_report(frame, embed_font=False, charts=False, drift=False)
    assert "<th>index</th>" not in page and not re.search(r"<td[^>]*>1003</td>", _section(page, "uncertain"))


@pytest.mark.parametrize(
    ("lang", "said", "not_said"),
    [
        ("ja", "Python のデータフレームから作ったレポートです", "予測ファイルの横に batch の要約がない"),
        ("en", "A frame from Python (no batch summary)", "No batch summary beside the predictions"),
    ],
)
def test_a_frame_is_not_said_to_lack_a_summary_beside_a_file(lang, said, not_said):
    page = build_report(synthetic({"2026-01": STEADY}), lang=lang, embed_font=False, charts=False, drift=False)
    model = _section(page, "model")
    assert said in model and not_said not in model


def test_a_file_without_a_summary_still_says_so(tmp_path):
    path = tmp_path / "p.csv"
    synthetic({"2026-01": STEADY}).to_csv(path, index=False)
    from taikai.io import read_predictions

    page = build_report(read_predictions(path), source_path=path, embed_font=False, charts=False, drift=False)
    assert "予測ファイルの横に batch の要約がない" in _section(page, "model")


def _platforms(n: int):
    """Segment values: 15 named platforms and a blank one, in turn (11 shown, 5 summed)."""
    names = np.array(["", *(f"S{i:02d}" for i in range(15))], dtype=object)
    return lambda df: names[np.arange(len(df)) % 16]


@pytest.mark.parametrize(
    ("kwargs", "blank", "rest"),
    [
        ({}, "(空欄)", "ほか 5 件の値"),  # the report's default, as taikai report --lang
        ({"lang": "ja"}, "(空欄)", "ほか 5 件の値"),
        ({"lang": "en"}, "(blank)", "5 other values"),
    ],
)
def test_segment_breakdown_names_the_blank_and_rest_rows_in_its_language(kwargs, blank, rest):
    from taikai import analysis

    frame = synthetic({"2026-01": STEADY}, platform=_platforms(16))
    table = analysis.segment_breakdown(frame, "platform", **kwargs)
    assert blank in table.index and table.index[-1] == rest and len(table) == 12
    assert table.attrs["pooled"] == rest  # for segment_changes: the pooled rest is no single value
    fig = analysis.segment_bars(table, lang=kwargs.get("lang", "ja"))
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert any(label.startswith(f"{blank} (n=") for label in labels), labels


@pytest.mark.parametrize(("blank", "rest"), [("(空欄)", "ほか N 件の値"), ("(blank)", "N other values")])
def test_segment_breakdown_s_docstring_names_the_rows_as_the_report_does(blank, rest):
    """Regression: the docstring named the summed row その他 (N) / others (N) after it was renamed."""
    from taikai import analysis

    doc = " ".join((analysis.segment_breakdown.__doc__ or "").split())
    assert f"``{blank}``" in doc and f"``{rest}``" in doc
    assert "その他 (N)" not in doc and "others (N)" not in doc


def test_segment_breakdown_refuses_an_unknown_language():
    from taikai import analysis
    from taikai.errors import InputError

    with pytest.raises(InputError, match=r"lang must be one of ja, en, not 'fr'"):
        analysis.segment_breakdown(synthetic({"2026-01": STEADY}), "platform", lang="fr")


@pytest.mark.parametrize(("lang", "blank"), [("ja", "(空欄)"), ("en", "(blank)")])
def test_the_page_and_the_python_table_name_the_segments_alike(lang, blank):
    from taikai import analysis

    frame = synthetic({"2026-01": STEADY}, platform=_platforms(16))
    page = build_report(frame, by="platform", lang=lang, embed_font=False, charts=False, drift=False)
    rows = re.findall(r"<tr><th>([^<]*)</th>", _section(page, "segments"))
    assert rows[1:] == list(analysis.segment_breakdown(frame, "platform", lang=lang).index) and blank in rows


@pytest.mark.parametrize(
    ("values", "numbered"),
    [
        (["田中太郎", "佐藤花子", "田中太郎"], ["[人名1]", "[人名2]", "[人名1]"]),  # in order of first appearance
        (["佐藤花子 ", "佐藤花子", "田中太郎"], ["[人名1]", "[人名1]", "[人名2]"]),  # stripped, as segments are
        (["山田さん", "鈴木一郎さん", "Lancers"], ["[人名1]さん", "[人名2]さん", "Lancers"]),  # unmasked: as it was
        (["a@example.com", "田中太郎", ""], ["[メール1]", "[人名1]", ""]),  # each masked text numbered on its own
    ],
)
def test_masked_segment_values_are_numbered_apart(values, numbered):
    import pandas as pd

    from taikai.analysis._report._build import mask_report_frame

    frame = pd.DataFrame({"text": ["x"] * len(values), "author": values}).astype({"author": "str"})
    masked, _ = mask_report_frame(frame, "text", "author")
    assert masked["author"].tolist() == numbered and masked["author"].dtype == frame["author"].dtype


def test_a_masked_by_column_keeps_the_segments_of_the_unmasked_one():
    people = np.array(["田中太郎", "佐藤花子", "鈴木一郎"])
    frame = synthetic({"2026-01": STEADY}, platform=lambda df: people[np.arange(len(df)) % 7 % 3])
    plain = build_report(frame, by="platform", embed_font=False, charts=False, drift=False)
    masked = build_report(frame, by="platform", mask_pii=True, embed_font=False, charts=False, drift=False)
    totals = [re.findall(r"<td class=\"n\">(\d+)</td></tr>", _section(page, "segments")) for page in (plain, masked)]
    assert totals[0] == totals[1] and len(totals[1]) == 3  # three segments of the same sizes, not one of 160
    rows = re.findall(r"<tr><th>([^<]*)</th>", _section(masked, "segments"))[1:]
    assert rows == ["[人名1]", "[人名2]", "[人名3]"] and "田中" not in _section(masked, "segments")


@pytest.mark.parametrize(
    ("dates", "shown", "counts"),
    [
        (["2024-01", "田中一郎さんに連絡", "2024-02"], ["2024-01", "[人名]さんに連絡", "2024-02"], {"name": 1}),
        (["2024/01/05", "090-1234-5678", None], ["2024/01/05", "[電話番号]", "(missing)"], {"phone": 1}),
        (["2024-01-05", "不明", ""], ["2024-01-05", "不明", ""], {}),  # no date, but nothing to mask
        (["2024-01-05 10:30", "2024-01-06", "2024-01-07"], ["2024-01-05 10:30", "2024-01-06", "2024-01-07"], {}),
    ],
)
def test_the_date_column_values_that_are_no_dates_are_masked(dates, shown, counts):
    """Regression: with --mask-pii a date cell 田中一郎さんに連絡 was shown as it is beside its review."""
    import pandas as pd

    from taikai.analysis._report._masking import mask_report_frame

    frame = pd.DataFrame({"id": ["田中"] * 3, "text": ["x"] * 3, "posted_at": dates}).astype({"posted_at": "str"})
    masked, masks = mask_report_frame(frame, "text", None, "posted_at")
    assert masked["posted_at"].fillna("(missing)").tolist() == shown
    assert masked["posted_at"].dtype == frame["posted_at"].dtype
    assert masked["id"].tolist() == ["田中"] * 3  # the id is shown as written, to find the row by
    assert masks == counts


def test_a_report_with_mask_pii_shows_no_personal_data_in_the_date_column():
    frame = synthetic({"2026-01": STEADY})
    frame["posted_at"] = frame["posted_at"].astype(object)
    frame.loc[::3, "posted_at"] = "田中一郎さんに連絡"
    options = {"date_column": "posted_at", "embed_font": False, "charts": False, "drift": False, "lang": "en"}
    undated = r"have no date \(\d+ holding no date that can be read\)"
    with pytest.warns(DataWarning, match=undated) as plain_warnings:
        plain = build_report(frame, **options)
    with pytest.warns(DataWarning, match=undated) as masked_warnings:
        masked = build_report(frame, mask_pii=True, **options)
    # whoever makes the page is told which cells hold no date: as written, or masked under mask_pii
    assert any("'田中一郎さんに連絡'" in str(w.message) for w in plain_warnings)
    said = [str(w.message) for w in masked_warnings]
    assert not [m for m in said if "田中" in m] and any("'[人名]さんに連絡'" in m for m in said), said
    assert "田中一郎さんに連絡" in _section(plain, "representative")
    assert "田中一郎" not in masked and "[人名]さんに連絡" in _section(masked, "representative")
    assert "name [人名]" in masked  # the header counts the masks of the date column too


@pytest.mark.parametrize(
    "categorical",
    [("text",), ("platform",), ("text", "platform")],
    ids=["text", "by", "both"],
)
def test_categorical_columns_are_masked_as_text_columns_are(categorical):
    """Regression: build_report(df, mask_pii=True) showed a categorical text or --by column (astype("category"), as
    a Parquet dictionary column reads) as written, names, phone numbers and all."""
    people = np.array(["田中太郎", "taro@example.com", "090-1234-5678"])
    frame = synthetic({"2026-01": STEADY}, platform=lambda df: people[np.arange(len(df)) % 3])
    frame["text"] = frame["text"] + " 佐藤様から 090-8765-4321 に電話"
    frame = frame.astype(dict.fromkeys(categorical, "category"))
    masked = build_report(frame, by="platform", mask_pii=True, embed_font=False, charts=False, drift=False)
    assert not [v for v in ("田中", "taro@", "1234", "佐藤", "8765") if v in masked]
    assert "[人名]様から [電話番号] に電話" in _section(masked, "representative")
    rows = re.findall(r"<tr><th>([^<]*)</th>", _section(masked, "segments"))[1:]
    assert sorted(rows) == ["[メール1]", "[人名1]", "[電話番号1]"]  # as a column of str is masked


@pytest.mark.parametrize(
    ("call", "said"),
    [
        (lambda f: build_report(f, per_reason=0, charts=False, drift=False), "per_reason must be at least 1, not 0"),
        (lambda f: build_report(f, uncertain=-1, charts=False, drift=False), "uncertain must be at least 1, not -1"),
        (lambda f: analysis.rules_section(f.assign(rule_reasons=None), examples=-1), "examples must be at least 0"),
        (lambda f: analysis.biggest([], n=-1), "n must be at least 0, not -1"),
    ],
    ids=["build_report per_reason", "build_report uncertain", "rules_section examples", "biggest n"],
)
def test_a_size_below_its_least_is_refused(call, said):
    """Regression: least_confident(n=-1) gave every row but one, segment_breakdown(max_segments=0) every segment:
    the sizes of taikai.analysis are checked alike."""
    with pytest.raises(InputError, match=re.escape(said)):
        call(synthetic({"2026-01": STEADY}))


@pytest.mark.parametrize(
    ("run", "said"),
    [
        ("batch summary", r"not (a BatchSummary|BatchSummary\(.*\)): pass taikai.io.read_summary\(Path\(summary"),
        ({"rows": 3}, r"not dict \{'rows': 3\}: pass taikai.io.read_summary\(path\)"),
    ],
)
def test_a_run_that_is_no_run_summary_is_refused(tmp_path, tiny_model_dir, run, said):
    """Regression: classify_file's BatchSummary given as run= (what a notebook holds after classify_file) failed deep
    in the report with "'BatchSummary' object has no attribute 'path'"."""
    if run == "batch summary":
        data = tmp_path / "in.csv"
        data.write_text("text\n手数料が高い\n", encoding="utf-8")
        run = taikai.classify_file(data, tmp_path / "out.csv", "text", model=tiny_model_dir)
    frame = synthetic({"2026-01": STEADY})
    with pytest.raises(TypeError, match=rf"run must be a RunSummary or None, {said}"):
        build_report(frame, run=run, embed_font=False, charts=False, drift=False)


DUMP = synthetic({"2026-01": STEADY})[["review_id", "posted_at", "text"]]


@pytest.mark.parametrize(
    ("given", "said"),
    [
        # Regression: a notebook's raw frame was told to run the command line ("classify it first with taikai batch")
        (lambda path: build_report(DUMP), "classify it first with model.predict_frame(df, text_column=…)"),
        (lambda path: analysis.write_report(path, path.with_suffix(".html")), "classify it first with taikai batch"),
    ],
    ids=["frame", "file"],
)
def test_a_dump_not_classified_is_told_how_to_classify_it(tmp_path, given, said):
    path = tmp_path / "dump.csv"
    DUMP.to_csv(path, index=False)
    with pytest.raises(InputError, match="not a predictions file") as caught:
        given(path)
    assert said in str(caught.value)
