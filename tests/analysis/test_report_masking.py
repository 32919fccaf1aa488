"""``--mask-pii`` masks the names of the files the page shows, as it masks the texts
(analysis/_report/_masking.py)."""

import re

import pytest

import taikai
from taikai.analysis import write_report
from taikai.analysis._report._masking import mask_file_name


@pytest.mark.parametrize(
    ("name", "shown", "kinds"),
    [
        ("佐藤花子様_10月.csv", "[人名]様_10月.csv", {"name": 1}),
        ("佐藤花子様_10月.summary.json", "[人名]様_10月.summary.json", {"name": 1}),
        ("090-1234-5678_口コミ.csv", "[電話番号]_口コミ.csv", {"phone": 1}),
        ("田中さん担当.csv/_taikai.json", "[人名]さん担当.csv/_taikai.json", {"name": 1}),  # a Dask output folder's
        ("tanaka@example.com.csv", "[メール].csv", {"email": 1}),
        ("yamada.taro@gmail.com_口コミ.xlsx", "[メール]_口コミ.xlsx", {"email": 1}),
        ("田中さん担当.bad_lines.csv", "[人名]さん担当.bad_lines.csv", {"name": 1}),
        ("sample_dump.csv", "sample_dump.csv", {}),
        ("reviews_2026-10.parquet", "reviews_2026-10.parquet", {}),
        ("", "", {}),
    ],
)
def test_a_file_name_is_masked_before_its_extension(name, shown, kinds):
    masked, found = mask_file_name(name)
    assert (masked, {kind.value: n for kind, n in found.items()}) == (shown, kinds)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "このページでは個人情報をマスクしました: [人名] 2 件"),
        ("en", "Personal data masked on this page: name [人名] 2"),
    ],
)
def test_the_page_shows_the_file_names_masked(tmp_path, tiny_model, lang, said):
    """Regression: under --mask-pii a dump named after a client or a worker (佐藤花子様_10月.csv) was named as
    written in the page's title, its header, the batch summary's and the bad lines' files and the trial run's
    input: the page forwarded to managers told the name the texts had been masked of."""
    dump, out = tmp_path / "佐藤花子様_10月.csv", tmp_path / "田中一郎さん担当.csv"
    rows = "".join(f"{i},手数料が高い {i}\n" for i in range(10))
    dump.write_text(f"id,text\n20,単価が安い,extra\n{rows}", encoding="utf-8")
    taikai.classify_file(dump, out, "text", model=tiny_model, on_bad_lines="report", limit=6)
    options = {"lang": lang, "charts": False, "embed_font": False, "drift": False, "mask_pii": True}
    page = write_report(out, tmp_path / "r.html", **options).read_text(encoding="utf-8")
    assert not re.search("佐藤|花子|田中|一郎", page)
    for name in ("[人名]さん担当.csv", "[人名]さん担当.summary.json", "[人名]さん担当.bad_lines.csv"):
        assert name in page
    assert "[人名]様_10月.csv" in page  # the trial run's input
    assert said in page


@pytest.mark.parametrize(
    ("mask", "shown", "said"),
    [
        (True, "[人名]さん用.toml", "このページでは個人情報をマスクしました: [人名] 1 件"),
        (False, "佐藤花子さん用.toml", None),
    ],
)
def test_the_page_shows_the_rules_files_masked(tmp_path, tiny_model, mask, shown, said):
    """Regression (h382): under --mask-pii the page named a rules file of --rules 佐藤花子さん用.toml --rules
    team.toml as written, in its table of rules and of conflicting reviews, though it masked its input's name."""
    dump, out = tmp_path / "reviews.csv", tmp_path / "p.csv"
    own, team = tmp_path / "佐藤花子さん用.toml", tmp_path / "team.toml"
    own.write_text('[[rule]]\nname = "fee"\nlabel = "low_pay"\nany = ["手数料"]\n', encoding="utf-8")
    team.write_text('[[rule]]\nname = "pay"\nlabel = "fees"\nany = ["単価"]\n', encoding="utf-8")
    dump.write_text("text\n" + "".join(f"手数料が高い {i}\n単価が安い {i}\n" for i in range(5)), encoding="utf-8")
    taikai.classify_file(dump, out, "text", model=tiny_model, rules=[own, team])
    options = {"lang": "ja", "charts": False, "embed_font": False, "drift": False, "mask_pii": mask}
    page = write_report(out, tmp_path / "r.html", **options).read_text(encoding="utf-8")
    rules = page.split('<section id="rules">')[1].split("</section>")[0]
    assert rules.count(str(tmp_path / shown) if not mask else shown) >= 2  # the table of rules and of conflicts
    assert bool(re.search("佐藤|花子", page)) is not mask
    assert said is None or said in page


@pytest.mark.parametrize(
    ("mask", "shown", "said"),
    [
        (True, '9,[人名],"[人名]さんに連絡",extra', "このページでは個人情報をマスクしました: [人名] 10 件"),
        (False, '9,佐藤,"鈴木さんに連絡",extra', None),
    ],
)
def test_a_bad_lines_bare_name_is_masked_on_the_page(tmp_path, tiny_model, mask, shown, said):
    """Regression: under --mask-pii the page's table of bad lines quoted a malformed line as written but for its
    masked values, so a cell holding only a name (an author column, the --by value the page masks elsewhere,
    `9,佐藤,"鈴木さんに連絡",extra`) was shown, though masking had no context to find it by."""
    dump, out = tmp_path / "reviews.csv", tmp_path / "p.csv"
    rows = "".join(f"{i},{author},手数料が高い {i}\n" for i, author in zip(range(8), ["佐藤", "中村"] * 4))
    dump.write_text(f'id,author,text\n{rows}9,佐藤,"鈴木さんに連絡",extra\n', encoding="utf-8")
    taikai.classify_file(dump, out, "text", model=tiny_model, on_bad_lines="report")
    options = {"lang": "ja", "charts": False, "embed_font": False, "drift": False, "mask_pii": mask, "by": "author"}
    page = write_report(out, tmp_path / "r.html", **options).read_text(encoding="utf-8")
    status = page.split('<section id="status">')[1].split("</section>")[0]
    assert shown.replace('"', "&quot;") in status
    assert bool(re.search("佐藤|鈴木|中村", page)) is not mask
    assert said is None or said in page
