"""scripts/pii_eval.py: expected spans from the case file, span-level scores, and the written page."""

import pytest
from pii_eval import Case, corpus_agreement, expected_spans, main, render, same_page, score

from taikai.privacy import PiiKind, PiiMasker


@pytest.mark.parametrize(
    ("text", "expected", "spans"),
    [
        ("田中さん", "[人名]さん", [(PiiKind.NAME, 0, 2)]),
        ("手数料", "手数料", []),
        ("a@b.cc と 090-1234-5678", "[メール] と [電話番号]", [(PiiKind.EMAIL, 0, 6), (PiiKind.PHONE, 9, 22)]),
        ("支店番号123", "支店番号[口座]", [(PiiKind.ACCOUNT, 4, 7)]),
    ],
)
def test_expected_spans(text, expected, spans):
    assert expected_spans(text, expected) == spans


def test_expected_spans_refuses_a_case_that_does_not_fit():
    with pytest.raises(ValueError, match="does not fit"):
        expected_spans("田中さん", "[人名]様")


def test_score_counts_right_missed_and_wrong_values():
    cases = [
        Case("田中さんへ", "[人名]さんへ", "name", ""),  # right
        Case("サトウとは", "[人名]とは", "name", "miss"),  # missed: one common word to UniDic (sugar)
        Case("鈴木から", "鈴木から", "trap", ""),  # wrongly masked
    ]
    scores, errors, traps_changed = score(cases, PiiMasker())
    name = next(s for s in scores if s.kind is PiiKind.NAME)
    assert (name.expected, name.found, name.right) == (2, 2, 1)
    assert (name.precision, name.recall) == (0.5, 0.5)
    assert errors == ["missed name `サトウ` in 「サトウとは」", "wrongly masked as name: `鈴木` in 「鈴木から」"]
    assert traps_changed == 1
    page = render(cases, scores, errors, traps_changed, None)
    assert "| name | `[人名]` | 2 | 2 | 1 | 0.500 | 0.500 |" in page
    assert "Trap cases changed by masking: 1 of 1." in page


def test_main_writes_the_page_without_the_corpus(tmp_path, capsys):
    cases = tmp_path / "cases.tsv"
    cases.write_text("text\texpected\tgroup\tknown_miss\n田中さん\t[人名]さん\tname\t\n", encoding="utf-8")
    out = tmp_path / "privacy.md"
    assert main(["--cases", str(cases), "--no-corpus", "--out", str(out)]) == 0
    assert "| name | `[人名]` | 1 | 1 | 1 | 1.000 | 1.000 |" in out.read_text(encoding="utf-8")
    assert "wrote" in capsys.readouterr().out


def test_corpus_agreement_on_a_small_file(tmp_path, monkeypatch, tiny_model):
    import taikai

    monkeypatch.setattr(taikai, "load_model", lambda: tiny_model)
    corpus = tmp_path / "c.csv"
    corpus.write_text("text\n手数料が高い\n田中さんが払わない\n時間がない\n", encoding="utf-8")
    a = corpus_agreement(corpus, PiiMasker())
    assert a.rows == 3
    assert a.changed_texts == 1
    assert a.masks == {PiiKind.NAME: 1}
    assert 0 <= a.both <= a.reason <= 1
    seeded = corpus_agreement(corpus, PiiMasker(), seeded=True)
    assert seeded.changed_texts == 3
    assert set(seeded.masks) == {PiiKind.NAME, PiiKind.PHONE, PiiKind.EMAIL}  # the first three SEEDS, then 田中


@pytest.mark.parametrize(
    ("edit", "code", "said"),
    [
        (lambda page: page, 0, "is up to date"),
        (lambda page: page + "an edit by hand\n", 1, "is not what this script writes"),
        (lambda page: "", 1, "is not what this script writes"),
    ],
)
def test_check_compares_the_page_with_what_the_script_writes(tmp_path, capsys, edit, code, said):
    cases = tmp_path / "cases.tsv"
    cases.write_text("text\texpected\tgroup\tknown_miss\n田中さん\t[人名]さん\tname\t\n", encoding="utf-8")
    out = tmp_path / "privacy.md"
    assert main(["--cases", str(cases), "--no-corpus", "--out", str(out)]) == 0
    out.write_text(edit(out.read_text(encoding="utf-8")), encoding="utf-8")
    before = out.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["--cases", str(cases), "--no-corpus", "--out", str(out), "--check"]) == code
    assert said in capsys.readouterr().out
    assert out.read_text(encoding="utf-8") == before  # --check writes nothing


@pytest.mark.parametrize(
    ("written", "page", "same"),
    [
        ("took 1.4 s against 0.7 s for", "took 1.1 s against 0.8 s for", True),  # timings move run to run
        ("took 1.4 s against 0.7 s for", "took 1.4 s against 0.7 s in", False),
        ("Masking never changes a row's status", "Masking never changes a row's status or message", False),
    ],
)
def test_same_page_sets_only_timings_aside(written, page, same):
    assert same_page(written, page) is same


@pytest.mark.slow
def test_the_committed_page_is_what_the_script_writes(capsys):
    assert main(["--check"]) == 0, capsys.readouterr().out
