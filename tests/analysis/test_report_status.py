"""The status section counts the rows classified from the start of their text only (over the model's max_chars)."""

import contextlib
import html
import re
import string

import pandas as pd
import pytest

import taikai
from taikai._formula_value import formula_value
from taikai._message_templates import template_pattern
from taikai.analysis import build_report, write_report
from taikai.analysis._report._status import _spans
from taikai.analysis._report._status_messages import BAD_LINES_JA, MEANINGS_JA, bad_line_meaning_ja, meaning_ja
from taikai.io import LineProblem, _line_problems
from taikai.privacy import NOT_JAPANESE_PLACEHOLDERS
from taikai.text import Status, TextProblem, _problems, check_text
from tests.analysis.test_report import STEADY, synthetic
from tests.analysis.test_report_pages import section

CUT = "text longer than 10000 characters: only the first 10000 were classified"
MONTHS = {f"2026-{m:02d}": STEADY for m in range(1, 9)}  # 1,280 rows


@pytest.mark.parametrize(
    ("lang", "messages", "said"),
    [
        (
            "ja",
            [CUT],
            "分類された行のうち 1 行は 10,000 文字を超えていたため、先頭の 10,000 文字だけで分類されています",
        ),
        ("ja", [CUT] * 1_200, "分類された行のうち 1,200 行は 10,000 文字を超えていたため"),
        ("en", [CUT], "1 classified row was longer than 10,000 characters: only the first 10,000 characters of it"),
        (
            "en",
            [CUT, CUT],
            "2 classified rows were longer than 10,000 characters: only the first 10,000 characters of each",
        ),
        (  # a model of its own max_chars
            "en",
            ["text longer than 500 characters: only the first 500 were classified"],
            "1 classified row was longer than 500 characters",
        ),
        ("ja", [], None),
        ("ja", ["a message a user wrote"], None),  # not the cut
    ],
)
def test_the_status_section_counts_the_rows_classified_from_their_start_only(lang, messages, said):
    """Regression: a cut row is ok, and the section listed messages of rows that were not ok only."""
    frame = synthetic(MONTHS)
    frame.loc[: len(messages) - 1, "message"] = messages
    status = section(build_report(frame, lang=lang, embed_font=False, charts=False, drift=False), "status")
    if said is None:
        assert "10,000" not in status and "10000" not in status, status
    else:
        assert said in status, status


def test_a_row_that_was_not_classified_is_not_counted_as_cut():
    frame = synthetic({"2026-01": STEADY})
    frame.loc[:2, "message"] = CUT
    frame.loc[0, "status"] = "error"  # not check_text's, yet not counted: only ok rows were classified at all
    status = section(build_report(frame, lang="en", embed_font=False, charts=False, drift=False), "status")
    assert "2 classified rows were longer than 10,000 characters" in status, status


@pytest.mark.parametrize(
    ("lang", "said"), [("ja", "分類された行のうち 1 行は 10,000 文字を"), ("en", "1 classified row was")]
)
def test_a_batch_run_of_a_long_text_is_counted(tmp_path, tiny_model, lang, said):
    dump, out = tmp_path / "dump.csv", tmp_path / "predictions.csv"
    dump.write_text(f"id,text\n1,手数料が高い\n2,{'手数料が高すぎる。' * 1200}\n3,english only\n", encoding="utf-8")
    taikai.classify_file(dump, out, "text", model=tiny_model)
    page = write_report(out, tmp_path / "report.html", lang=lang, embed_font=False, charts=False, drift=False)
    status = section(page.read_text(encoding="utf-8"), "status")
    assert said in status, status


def test_the_lines_set_aside_name_the_file_lines_each_covers(tmp_path, tiny_model):
    dump, out = tmp_path / "dump.csv", tmp_path / "predictions.csv"
    dump.write_text(
        'id,text\n1,手数料が高い\n2,単価が安い,extra\n3,"二行の\nレビュー",extra\n4,時間がない\n', encoding="utf-8"
    )
    taikai.classify_file(dump, out, "text", model=tiny_model, on_bad_lines="report")
    options = {"lang": "en", "charts": False, "embed_font": False, "drift": False}
    status = section(write_report(out, tmp_path / "r.html", **options).read_text(encoding="utf-8"), "status")
    assert "Bad lines: 2, blank lines: 0 (not in the output). 1 of them covers several file lines, 2 in all" in status
    assert re.findall(r'<tr><td class="n">([^<]*)</td><td>expected 2 fields', status) == ["3", "4–5"]


@pytest.mark.parametrize(
    ("columns", "spans"),
    [
        ({"line": [3, 4], "last_line": [3, 5]}, [1, 2]),
        ({"line": [3], "last_line": [2]}, [1]),  # a side file that says less than one line: one
        ({"line": ["3", "x"], "last_line": [3, 5]}, None),  # a line that is no number: not known
        ({"line": [3]}, None),  # written before the side file recorded last_line
    ],
)
def test_the_file_lines_a_record_set_aside_covers(columns, spans):
    found = _spans(pd.DataFrame(columns))
    assert (None if found is None else found.tolist()) == spans


@pytest.mark.parametrize(
    ("lines", "said"),
    [
        ("id,text\n1,手数料が高い\n\n2,単価が安い\n", "Bad lines: 0, blank lines: 1 (not in the output)."),
        ("id,text\n1,手数料が高い\n2,単価が安い\n", "Batch set no line aside."),
    ],
)
def test_blank_lines_alone_are_counted_as_set_aside(tmp_path, tiny_model, lines, said):
    dump, out = tmp_path / "dump.csv", tmp_path / "predictions.csv"
    dump.write_text(lines, encoding="utf-8")
    taikai.classify_file(dump, out, "text", model=tiny_model, on_bad_lines="report")
    options = {"lang": "en", "charts": False, "embed_font": False, "drift": False}
    status = section(write_report(out, tmp_path / "r.html", **options).read_text(encoding="utf-8"), "status")
    assert said in status, status


@pytest.mark.parametrize(
    ("value", "meaning"),
    [
        ("", "テキストが空 (空白だけのものを含む)"),
        ("   ", "テキストが空 (空白だけのものを含む)"),
        ("great staff", "日本語の文字がない (モデルは日本語だけを読みます)"),
        ("https://ja.wikipedia.org/wiki/東京", "日本語が URL の中にしかない (URL は 1 つの語として読まれます)"),
        ("[電話番号]", "マスクした個人情報の置き換えのほかに日本語がない"),
        ("ｗｗｗ", "日本語がなく、全角の英数字だけ (ｗｗｗ など)"),
        ("ヽ(・ー・)ノ", "日本語の語がなく、記号や仮名 1 文字だけ (顔文字など)"),
        ("a\udc80b", "正しいテキストでない (デコードされていないバイトを含む)"),
        (b"bytes", "テキストでなく、デコードされていないバイト列"),
        ({"body": "手数料"}, "テキストでなく、JSON のオブジェクト"),
        (formula_value(0), "値が一度も計算されていない Excel の数式"),
        (1.5, "テキストでない値"),
        ("#N/A", "Excel のエラー値 (#N/A など) で、レビューではない"),
        ('=HYPERLINK("https://example.com")', "表計算の数式そのもので、レビューではない"),
        ("\ufffd\ufffd\ufffd手\ufffd\ufffd", "大半がデコードできなかった文字 (ファイルの文字コードの誤り)"),
        ("縺ゅ≠繧翫′縺ィ縺", "文字化け (UTF-8 の文字を CP932 として読んだもの)"),
    ],
)
def test_the_japanese_page_says_what_each_message_of_a_row_not_classified_means(value, meaning):
    """Regression: the Japanese page listed why rows were not classified in English only (``no Japanese characters:
    the model only reads Japanese``); each kind of taikai's message is said in Japanese beside it. The messages are
    check_text's own, so that a message reworded is caught here."""
    checked = check_text(value, ignore=NOT_JAPANESE_PLACEHOLDERS)
    assert checked.status is not Status.OK and checked.message
    frame = synthetic({"2026-01": STEADY})
    frame.loc[:1, ["status", "message"]] = [checked.status.value, checked.message]
    status = section(build_report(frame, lang="ja", embed_font=False, charts=False, drift=False), "status")
    row = f'<tr><th class="t">{html.escape(meaning)}</th><td class="t">{html.escape(checked.message[:100])}'
    assert row in status and '<td class="n">2</td></tr>' in status.partition(row)[2][:600], status
    english = build_report(frame, lang="en", embed_font=False, charts=False, drift=False)
    assert meaning not in english and html.escape(checked.message[:100]) in section(english, "status")


def test_the_japanese_page_says_what_a_frame_row_repeating_the_header_means(tiny_model):
    """Regression (h414): predict_frame's message for a row repeating the header (two exports joined) was of no
    kind, so the Japanese page showed it in English only; it is said as a line of a file repeating the header is."""
    frame = pd.DataFrame({"id": ["1", "id"], "text": ["手数料が高い", "text"]})
    with pytest.warns(taikai.DataWarning, match="column names again"):
        message = tiny_model.predict_frame(frame, text_column="text")["message"].iloc[1]
    assert TextProblem.of(message) is TextProblem.REPEATED_HEADER
    report = synthetic({"2026-01": STEADY})
    report.loc[:0, ["status", "message"]] = ["error", message]
    status = section(build_report(report, lang="ja", embed_font=False, charts=False, drift=False), "status")
    meaning = "見出しの行がもう一度ある (2 つの出力をつないだ跡)"
    assert f'<tr><th class="t">{html.escape(meaning)}</th><td class="t">{html.escape(message[:100])}' in status


@pytest.mark.parametrize(
    "message",
    [
        "a message a user wrote",
        # regression: glossed by how it starts, as taikai's "no Japanese characters: the model only reads Japanese"
        "no Japanese characters in this answer (our survey tool's note)",
        "empty or whitespace-only text according to the export",
    ],
)
def test_a_message_of_no_known_kind_is_shown_as_written_with_no_meaning(message):
    frame = synthetic({"2026-01": STEADY})
    frame.loc[:0, ["status", "message"]] = ["error", message]
    status = section(build_report(frame, lang="ja", embed_font=False, charts=False, drift=False), "status")
    assert f'<tr><th class="t"></th><td class="t">{html.escape(message)}</td>' in status, status


def test_every_kind_of_message_has_a_japanese_meaning():
    assert set(MEANINGS_JA) == set(TextProblem) and all(MEANINGS_JA.values())
    assert len(set(MEANINGS_JA.values())) == len(MEANINGS_JA)  # no two kinds said alike


@pytest.mark.parametrize("kind", list(TextProblem))
def test_a_message_reworded_keeps_its_meaning(monkeypatch, kind):
    """Regression: the meaning was chosen by the start of the English message, so a message reworded lost it (and
    took another kind's, when it started as that one's does: "no Japanese characters" of full-width letters). Here
    each template is reworded, as an edit of its wording would: the message made from it still reads back as its
    kind, and is said with its kind's meaning."""
    reworded = "Could not classify: " + kind.template.replace(" ", "  ")
    monkeypatch.setitem(_problems._TEMPLATES, kind, reworded)
    monkeypatch.setitem(_problems._PATTERNS, kind, template_pattern(reworded))
    fields = {field: "x" for _, field, _, _ in string.Formatter().parse(reworded) if field}
    message = kind.message(**fields)
    assert message == reworded.format(**fields) and TextProblem.of(message) is kind
    assert meaning_ja(message) == MEANINGS_JA[kind]


@pytest.mark.parametrize(
    ("name", "content", "meaning"),
    [
        ("dump.csv", "id,text\n1,手数料が高い\n2,単価が安い,extra\n3,時間がない\n", "列の数がほかの行と合わない"),
        ("dump.csv", "id,text\n1,手数料が高い\nid,text\n3,時間がない\n", "見出しの行がもう一度ある"),
        ("dump.jsonl", '{"id": 1, "text": "手数料が高い"}\n{"id": 2, "text": \n', "JSON として読めない"),
        ("dump.jsonl", '{"id": 1, "text": "手数料が高い"}\n[2, "単価が安い"]\n', "JSON のオブジェクトでない"),
        # regression: a value in a column without a name said nothing (only the xlsx cells' error had a meaning)
        ("dump.csv", "id,text,\n1,手数料が高い,\n2,単価が安い,x\n3,時間がない,\n", "名前のない列のセルに値がある"),
    ],
)
def test_the_japanese_page_says_what_each_error_of_a_line_set_aside_means(tmp_path, tiny_model, name, content, meaning):
    """Regression: the Japanese page's lines set aside by batch showed the readers' English errors only (``expected
    4 fields, found 5``)."""
    dump, out = tmp_path / name, tmp_path / "predictions.csv"
    dump.write_text(content, encoding="utf-8")
    options = {"charts": False, "embed_font": False, "drift": False}
    # a header ending in a column without a name is warned of, as the run and the report read the file
    unnamed = content.startswith("id,text,")
    with pytest.warns(taikai.DataWarning, match="without a name") if unnamed else contextlib.nullcontext():
        taikai.classify_file(dump, out, "text", model=tiny_model, on_bad_lines="report")
        status = section(write_report(out, tmp_path / "ja.html", **options).read_text(encoding="utf-8"), "status")
        english = write_report(out, tmp_path / "en.html", lang="en", **options).read_text(encoding="utf-8")
    assert re.search(f'<td class="t">{meaning}[^<]*</td><td>[a-z]', status), status
    assert meaning not in section(english, "status")


def test_every_kind_of_error_of_a_line_set_aside_has_a_japanese_meaning():
    assert set(BAD_LINES_JA) == set(LineProblem) and all(BAD_LINES_JA.values())


@pytest.mark.parametrize("kind", list(LineProblem))
def test_an_error_of_a_line_set_aside_reworded_keeps_its_meaning(monkeypatch, kind):
    """As a row's message: the kind of a bad line's error is read back by its template, so a reworded template keeps
    its meaning (the meanings were chosen by patterns of the English errors' starts)."""
    reworded = "Set aside: " + kind.template.replace(" ", "  ")
    monkeypatch.setitem(_line_problems._TEMPLATES, kind, reworded)
    monkeypatch.setitem(_line_problems._PATTERNS, kind, template_pattern(reworded))
    fields = {field: "x" for _, field, _, _ in string.Formatter().parse(reworded) if field}
    error = kind.message(**fields)
    assert LineProblem.of(error) is kind and bad_line_meaning_ja(error) == BAD_LINES_JA[kind]


@pytest.mark.parametrize(
    ("error", "kind", "meaning"),
    [
        # the side file's kind column says it, though a later taikai words the error otherwise (h414)
        ("the header again (a later taikai's words)", "repeated_header", BAD_LINES_JA[LineProblem.REPEATED_HEADER]),
        ("expected 2 fields, found 3", None, BAD_LINES_JA[LineProblem.FIELD_COUNT]),  # a side file without the column
        ("expected 2 fields, found 3", float("nan"), BAD_LINES_JA[LineProblem.FIELD_COUNT]),  # an empty cell
        ("a message of no kind", "no_such_kind", ""),
    ],
)
def test_a_line_set_aside_is_glossed_by_the_kind_its_side_file_names(error, kind, meaning):
    assert bad_line_meaning_ja(error, kind) == meaning


def test_the_page_does_not_show_the_side_file_s_kind_column(tmp_path, tiny_model):
    dump, out = tmp_path / "dump.csv", tmp_path / "predictions.csv"
    dump.write_text("id,text\n1,手数料が高い\nid,text\n3,時間がない\n", encoding="utf-8")
    taikai.classify_file(dump, out, "text", model=tiny_model, on_bad_lines="report")
    assert (
        (tmp_path / "predictions.bad_lines.csv").read_text(encoding="utf-8").startswith("line,last_line,error,raw,kind")
    )
    options = {"charts": False, "embed_font": False, "drift": False}
    status = section(write_report(out, tmp_path / "ja.html", **options).read_text(encoding="utf-8"), "status")
    assert "見出しの行がもう一度ある" in status and "repeated_header" not in status
