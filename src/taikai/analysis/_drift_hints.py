"""The drift section's hints, as ``taikai drift`` prints them after ``hint:``, in the page's language.

``taikai drift`` ends with a hint when nearly every row is unclassifiable (what the rows are, each kind with its
first row, and the column that holds the Japanese text: ``DriftReport.text_hint``) and one when rows hold HTML
markup (how many, which tags, the first row: ``DriftReport.markup_hint``). The page says the same to its reader,
from the report's typed fields (``japanese_column``, ``texts``) rather than from those English sentences, and names
a command or an option only beside whoever made the page, who can use it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from taikai._cut import cut_list
from taikai.errors import shell_quote

if TYPE_CHECKING:
    from taikai.drift import DriftReport, DumpTexts, Example
    from taikai.model import DriftStatistics

SHOWN_TAGS = 3
"""The tags a hint names, most rows first, then how many more (as ``taikai drift`` names them)."""

HINTS = {
    "ja": {
        "markup": "{rows:,} 行のうち {markup:,} 行に HTML のタグがあります ({where})。モデルはタグも語として読み、"
        "それで答えが変わるため、これらの行の理由と感情は確かではありません。このページの作成者は、タグを除いた文章 "
        "(ウェブページに表示される形) を taikai batch で分類し直し、その出力からページを作れます。"
        "タグの名前は、新しい語にも理由ごとの特徴語にも数えていません。",
        "unclassifiable": "行の {share} が分類できません: {kinds}。{column} 列には{little}。",
        "none": "日本語の文章はありません",
        "little": "日本語の文章がわずかしかありません (かなか漢字のある行は {share})",
        "other": "日本語の文章は {japanese} 列にあります: このページの作成者は、taikai batch を {option} で実行し直し、"
        "その出力からページを作れます。",
        "own": "行の {share} が分類できないと予測されています: {kinds}。"
        "それでも {japanese} 列には日本語の文章があるため、予測は別の列から作られたようです: "
        "このページの作成者は、taikai batch を {option} で実行し直し、その出力からページを作れます。",
        "nowhere": "ほかの列にも日本語の文章はありません。モデルは日本語のレビューを読むため、"
        "このページの理由と感情はあてになりません "
        "(このページの作成者は、レビューが別の列にあれば taikai batch の --text-column で指定できます)。",
    },
    "en": {
        "markup": "{markup:,} of the {rows:,} rows hold HTML markup ({where}): the model reads their tags as words, "
        "which move its answers, so the reasons and sentiments of those rows are less sure. Whoever made this page "
        "can classify the texts again without the tags (as a web page shows them) with taikai batch and make the "
        "page from that output. The tags' names are left out of the new words and of the distinctive words.",
        "unclassifiable": "{share} of the rows could not be classified: {kinds}; the column {column} holds {little}.",
        "none": "no Japanese text",
        "little": "little Japanese text ({share} of its rows hold kana or kanji)",
        "other": "The column {japanese} holds Japanese text: whoever made this page can run taikai batch again with "
        "{option} and make the page from that output.",
        "own": "{share} of the rows are unclassifiable as predicted: {kinds}; yet the column {japanese} holds Japanese "
        "text, so the predictions seem made from another column: whoever made this page can run taikai batch again "
        "with {option} and make the page from that output.",
        "nowhere": "No other column holds Japanese text either: the model reads Japanese reviews, so the reasons and "
        "sentiments on this page say little (whoever made this page can give the column of the reviews, if another "
        "holds them, with taikai batch --text-column).",
    },
}
"""The hints' sentences per language of the page; ``own``: the text column holds Japanese though its rows were
predicted unclassifiable (``taikai drift``: ``were they made from another column?``)."""

_KINDS = {
    "ja": {
        "blank": "空 {n:,} 行",
        "no_japanese": "日本語なし {n:,} 行",
        "mostly_not_japanese": "大半が日本語でない {n:,} 行",
    },
    "en": {
        "blank": "{n:,} blank",
        "no_japanese": "{n:,} without Japanese text",
        "mostly_not_japanese": "{n:,} with too few kana or kanji",
    },
}


def drift_hints(report: DriftReport, lang: str, text_column: str) -> list[str]:
    """Return the page's notes of the hints ``taikai drift`` gives of *report* (``text_hint``, ``markup_hint``), in
    *lang*, the texts read from *text_column*; ``[]`` when it gives none."""
    found = []
    stats = report.overall.statistics
    if report.text_hint is not None:
        found.append(_unclassifiable(report, stats, lang, text_column))
    if report.markup_hint is not None:  # its first row, and the tags most rows hold
        texts = report.texts
        tags = [tag for tag, _ in texts.tags]
        rest = f" ほか {len(tags) - SHOWN_TAGS:,} 種" if len(tags) > SHOWN_TAGS else ""
        named = "、".join(tags[:SHOWN_TAGS]) + rest if lang == "ja" else cut_list(tags, SHOWN_TAGS)
        first = _where(texts.markup_example, lang) if texts.markup_example is not None else ""
        where = "; ".join(part for part in (named, first) if part)
        found.append(HINTS[lang]["markup"].format(rows=stats.rows, markup=texts.markup, where=where))
    return found


def _unclassifiable(report: DriftReport, stats: DriftStatistics, lang: str, column: str) -> str:
    """What the unclassifiable rows are, what the text column *column* holds and where the Japanese text is."""
    words = HINTS[lang]
    share, japanese = f"{stats.unclassifiable_share:.0%}", report.japanese_column
    kinds = _kinds(stats, report.texts, lang)
    option = f"--text-column {_shell_word(japanese)}" if japanese is not None else ""
    if japanese is not None and japanese == column:  # the predictions were made from another column
        return words["own"].format(share=share, kinds=kinds, japanese=japanese, option=option)
    little = words["little"].format(share=f"{stats.classified / stats.rows:.0%}") if stats.classified else words["none"]
    said = words["unclassifiable"].format(share=share, kinds=kinds, column=column, little=little)
    after = words["nowhere"] if japanese is None else words["other"].format(japanese=japanese, option=option)
    return f"{said}{'' if lang == 'ja' else ' '}{after}"  # Japanese sentences run on without a space


def _kinds(stats: DriftStatistics, texts: DumpTexts, lang: str) -> str:
    """The unclassifiable rows by kind, each with its first row (``300 without Japanese text (e.g. data row 1:
    'great staff')``)."""
    said = []
    for kind, n, example in (
        ("blank", stats.empty, texts.blank),
        ("no_japanese", stats.error, texts.no_japanese),
        ("mostly_not_japanese", stats.foreign, texts.mostly_not_japanese),
    ):
        if n:
            first = f" ({_where(example, lang)})" if example is not None else ""
            said.append(_KINDS[lang][kind].format(n=n) + first)
    return ("、" if lang == "ja" else ", ").join(said)


def _where(example: Example, lang: str) -> str:
    """``e.g. data row 3: 'hello'`` (``例: データ 3 行目: 'hello'``), a blank row without its text."""
    if lang != "ja":
        return example.said()
    place = f"{example.line:,} 行目" if example.line is not None else f"データ {example.position + 1:,} 行目"
    return f"例: {place}" + (f": {example.text}" if example.text else "")


def _shell_word(name: str) -> str:
    """*name* as one word of a shell command (quoted when it must be)."""
    quoted = shell_quote(name)
    return name if quoted == f"'{name}'" and name.isidentifier() else quoted
