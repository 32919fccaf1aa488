"""Standard input's first line reads as a table's header only over rows of another kind (``delimited_format``)."""

from __future__ import annotations

import pytest

from taikai.io import delimited_format

# Reviews piped in, one per line, with as many commas on each line: the worst case for telling a table.
REVIEWS = [
    ["ランサーズ,手数料高い", "時給300円,やめました"],  # the h113 false warning
    ["時給換算で300円,やめました", "修正依頼が多すぎて,心が折れた"],
    ["単価が安い,辞めた", "手数料,高い", "本業,忙しい"],
    ["正直,微妙", "時給換算すると,300円くらいで全然割に合わない"],
    ["Lancers,手数料20%は高すぎ", "クラウドワークス,単価が安すぎて続かない"],
    ["CrowdWorks,ランサーズ", "どっちも,案件が減った"],
    ["ココナラ,出品しても売れない", "シュフティ,単価が低すぎる"],
    ["手数料20%,高すぎ", "源泉徴収,面倒"],
    ["1件100円,割に合わない", "1時間,200円にもならなかった"],
    ["2024年,登録した", "2025年,退会した"],
    ["星1つ,最悪", "星2つ,イマイチ"],
    ["タスク案件,単価激安", "プロジェクト,競争激しい"],
    ["本業,副業", "子育て,時間がない"],
    ["返信なし,連絡つかず", "納品後,音信不通"],
    ["理由,手数料", "時間,なし"],  # a column word over a row no longer than it
    ["コメント,なし", "特に,なし"],
    ["good,but low pay", "bad,no jobs"],  # ASCII reviews: no Japanese under an ASCII name
    ["ランサーズ\t手数料高い", "時給300円\tやめました"],
    ["手数料が高い、でも,まあ", "本業,時間"],
    ["外注さん募集,応募したけど", "テスト,落ちた"],
    ["「レビュー」,書いても無駄", "評価が低すぎて辞めた,もう使わない"],  # a quotation is no column name
    ["感想を書いた,返事なし", "何度も丁寧に感想を送ったのに,無視された"],  # a column word in a predicate
    ["1,手数料", "2,単価", "3,時間"],  # numbered lines: a number over numbers is no name
    ["星1個,最悪", "3,普通", "星5個,満足"],  # one number under a word: not a column of numbers
    ["理由,手数料", "時間,なし", "単価が安すぎて割に合わない,やめた"],  # a column word over one longer row only
    ["good,手数料", "最悪,単価", "bad,時間"],  # an ASCII word over Japanese and ASCII words
    ["★1,最悪", "★2,微妙"],  # star ratings in the first line: values, no names
    ["評価,なし", "感想,なし"],  # a name that is a value of its column
    ["ユーザー目線で,最悪", "会員なのに,放置"],  # column words inside reviews: no names as a whole
    ["会員ランク,下がった", "ユーザー,少ない"],
    ["感想,コメント", "感想,なし"],  # every field a column word, but a name is a value of its column
    ["ランサーズ,クラウドワークス", "", "時給300円,やめました"],  # a blank line among the rows is read past
    ["ランサーズ,クラウドワークス", "時給300円,やめました", "", "安い,遅い"],
]
HEADERS = [
    (["id,ひとこと感想", "1,手数料が高すぎて辞めました", "2,単価が安い"], "csv"),  # the h113 miss
    (["id,text", "1,手数料が高い"], "csv"),
    (["id\ttext", "1\t手数料が高い", "2\t単価が安い"], "tsv"),
    (["投稿日,本文", "2025-01-05,単価が安い"], "csv"),
    (["投稿日,お名前,本文", "2025-01-01,田中,手数料が高い"], "csv"),
    (["お名前,レビュー", "田中,手数料が高くて辞めました", "佐藤,時給が安い"], "csv"),
    (["text,reasons", "手数料が高い,fees", "単価が安い,low_pay"], "csv"),
    (["review_id,body", "b01-0001,手数料が高い"], "csv"),
    (["No.,口コミ", "1,手数料が高い", "2,案件が少ない"], "csv"),
    (["Text,サイト", "手数料が高い,ランサーズ"], "csv"),
    (["番号\tコメント", "17\t手数料が高い"], "tsv"),
    (["サイト,感想", "ランサーズ,手数料が高くて続けられない", "ココナラ,売れない"], "csv"),
    (["id,customer_review_text", "1,手数料が高い"], "csv"),  # a name of 20 characters, the longest
    (["id,text", "", "1,手数料が高い"], "csv"),  # a blank line under the header is read past
    # regression (R12): a column word over short prose, or over star ratings, missed since 5d55c25
    (["サービス,評価,コメント", "ランサーズ,★1,手数料が高すぎて辞めた", "ココナラ,★2,安い"], "csv"),
    (["ユーザー,感想", "田中,安い", "佐藤,高すぎる"], "csv"),
    (["サービス,口コミ", "ランサーズ,高い", "ココナラ,売れない"], "csv"),
    (["サービス\t評価", "ランサーズ\t★★☆☆☆", "ココナラ\t★1"], "tsv"),
    # every field a column name: a header over names and short answers as much as over reviews
    (["ユーザー,感想", "田中,普通", "鈴木,なし"], "csv"),
    (["ユーザー名,感想", "山田太郎,満足", "匿名,不満"], "csv"),
    (["会員ID\t自由記述", "田中\t普通"], "tsv"),
    (["投稿者,評価,コメント", "田中,普通,なし"], "csv"),
    (["ユーザー,回答", "田中,手数料が高すぎて辞めました", "鈴木,単価が安い"], "csv"),  # 回答 over texts
]


@pytest.mark.parametrize("lines", REVIEWS, ids=[lines[0] for lines in REVIEWS])
def test_reviews_with_commas_are_no_table(lines):
    assert delimited_format(lines) is None


@pytest.mark.parametrize(("lines", "fmt"), HEADERS, ids=[lines[0] for lines, _ in HEADERS])
def test_a_header_over_rows_of_another_kind_is_a_table(lines, fmt):
    assert delimited_format(lines) == fmt


@pytest.mark.parametrize(
    "lines",
    [
        ["id,text"],  # a header alone: nothing under it says it is one
        ["id,text", "1,手数料,高い"],  # not as many fields
        ["id,text。", "1,手数料"],  # a sentence mark: no name
        ["id,customer_review_texts", "1,手数料"],  # 21 characters: part of a review, no name
    ],
)
def test_lines_that_are_no_table_by_their_shape(lines):
    assert delimited_format(lines) is None
