"""The drift section's words in each language of the report (``--lang ja|en``).

English keeps the words of ``taikai drift`` (its figure names, rules, verdicts and reference line). Japanese
translates them: figure names by figure, and the sentences ``taikai drift`` writes (rules such as ``reference + 5
points``, the reference's name and description) by their pattern, so that the numbers in them (thresholds, row
counts) still come from the drift check itself. A sentence without a pattern is kept as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from taikai._freq import unit_name
from taikai.drift import MIN_ROWS, EmptyPeriods, Figure, PeriodDrift, gaps_line
from taikai.labels import reason_with_id

_LABELS_JA = {
    "unclassifiable_share": "分類できない行 (空・日本語以外・読めない) の割合",
    "oov_rate": "未知のトークン (OOV) の割合",
    "tokens_per_row": "1 行あたりのトークン数",
    "short_rows": "1 行あたりのトークン数 (短い文)",
    "mean_confidence": "理由の最大確率の平均",
    "low_confidence_share": "理由の最大確率が 0.5 未満の行の割合",
    "reason_shift": "予測した理由の構成の変化 (Jensen–Shannon, ビット)",
    "reason_share": "1 つの理由の割合",
    "sentiment_shift": "予測した感情の構成の変化 (Jensen–Shannon, ビット)",
    "new_word_share": "新しい語の割合",
}

_WORDS_JA = {
    # table headings
    "figure": "指標",
    "value": "値",
    "reference": "基準",
    "limit": "閾値",
    "rule": "閾値の決め方",
    "verdict": "判定",
    "period": "期間",
    "rows": "行数",
    "drift": "ドリフト",
    "word": "語",
    "share": "割合",
    "reference share": "基準での割合",
    # verdicts of a figure and of a period, and where a reason is
    "DRIFT": "ドリフト",
    "ok": "問題なし",
    "not judged": "判定なし",
    "not judged (limit out of reach)": "判定なし (閾値に届かない)",
    "yes": "あり",
    "no": "なし",
    "too few rows": "行が少なすぎる",
    "not judged (reference too small)": "判定なし (基準が小さすぎる)",
    f"no (unclassifiable share only: fewer than {MIN_ROWS} classified)": (
        f"なし (分類できない行の割合のみ判定: 分類できた行が {MIN_ROWS} 行未満)"
    ),
    "whole dump": "全体",
    "whole input": "全体",
    "trial run's rows": "試行の行",  # a trial run's predictions (--limit N) are not the whole of anything
}

_COUNT = r"(\d[\d,]*)"
_CHANCE = re.compile(rf"(.+) ([+−]) chance at {_COUNT} rows?")  # "1 row" (taikai.drift._plural)
_PATTERNS_JA = tuple(
    (re.compile(pattern), template)
    for pattern, template in (
        # rules (taikai.drift's figures)
        (r"reference \+ (\S+) points", "基準 + {0} ポイント"),
        (r"reference − (\S+) points", "基準 − {0} ポイント"),
        (r"(\S+) × reference", "基準の {0} 倍"),
        (r"reference / (\S+)", "基準の 1/{0}"),
        (r"fixed limit", "固定の閾値"),
        # the reference's name (taikai.drift.check_drift)
        (r"training statistics of the model (.+)", "モデル {0} の学習時の統計"),
        (r"the file (.+)", "ファイル {0}"),
        (r"the reference frame", "基準のデータフレーム"),
        # how the statistics stored at training time were counted (taikai.drift, taikai.training)
        (
            rf"out-of-fold predictions of (\d+)-fold cross-validation on {_COUNT} training rows",
            "{0} 分割交差検証で、学習データ {1} 行をそれぞれの行を学習していないモデルが予測したもの",
        ),
        (
            rf"predictions on the {_COUNT} test rows of a model fitted on the training rows",
            "学習用に分けた行で学習したモデルによる、テスト用の {0} 行の予測",
        ),
        (  # taikai train --folds 0 since the word table is counted on every training row
            rf"predictions on the {_COUNT} test rows of a model fitted on the training rows "
            rf"\(content words: its {_COUNT} training rows\)",
            "学習用に分けた行で学習したモデルによる、テスト用の {0} 行の予測 (内容語は学習用の {1} 行から)",
        ),
        (
            rf"predictions on its own {_COUNT} training rows \(nothing held out: confidence is optimistic\)",
            "学習データ {0} 行そのものの予測 (検証用に取り分けた行がないため、確信度は楽観的)",
        ),
        (rf"predictions of the model on {_COUNT} rows", "モデルによる {0} 行の予測"),
        # why nothing was judged (taikai.drift.DriftReport.not_judged_why)
        (
            rf"too few classifiable rows: {_COUNT} of {_COUNT} rows? classified; at least {_COUNT} are needed",
            "{1} 行のうち分類できたのは {0} 行、判定には {2} 行以上が必要",
        ),
        (
            rf"too few classifiable rows in the reference: {_COUNT} of {_COUNT} rows? classified; "
            rf"at least {_COUNT} are needed",
            "基準の {1} 行のうち分類できたのは {0} 行、判定には {2} 行以上が必要",
        ),
    )
)


def _number(group: str) -> str:
    """A row count with thousands separators (models saved before they were written had none); else *group*."""
    digits = group.replace(",", "")
    return f"{int(digits):,}" if digits.isdigit() and len(digits) > 3 else group


_MODELS_JA = {"default (shipped)": "同梱の既定モデル", "(in memory)": "保存されていないモデル"}
"""The names ``taikai.model.model_display_name`` gives a model that has no directory name of its own, in Japanese."""


def model_name(name: str, lang: str) -> str:
    """Return a model's display name in *lang*: the shipped one is ``default (shipped)`` in English only."""
    return _MODELS_JA.get(name, name) if lang == "ja" else name


def label(name: str, english: str, lang: str) -> str:
    """Return the name of the figure called *name* (``english`` as ``taikai drift`` writes it) in *lang*."""
    return _LABELS_JA.get(name, english) if lang == "ja" else english


def title(figure: Figure, lang: str, labels: Sequence[str]) -> str:
    """Return the figure's name in *lang* with the reason it is of, as the page names reasons (``share of one
    reason: 手数料 (fees)``; *labels*: the model's reasons)."""
    name = label(figure.name, figure.label, lang)
    return name if figure.subject is None else f"{name}: {reason_with_id(figure.subject, lang, labels)}"


_KINDS_JA = {
    "blank": "空 {n:,} 行",
    "no_japanese": "日本語なし {n:,} 行",
    "mostly_not_japanese": "大半が日本語でない {n:,} 行",
}


def unclassifiable_kinds(part: PeriodDrift, lang: str) -> str:
    """The kinds of the part's unclassifiable rows after its line, as ``taikai drift`` says them (``: 30 blank, 20
    without Japanese text``); empty when it holds none."""
    if lang != "ja":
        said = part.unclassifiable_said()
        return f": {said}" if said else ""
    said = "、".join(_KINDS_JA[kind].format(n=n) for kind, n in part.unclassifiable.items() if n)
    return f": {said}" if said else ""


def word(english: str, lang: str) -> str:
    """Return a table heading or a verdict (``ok``, ``DRIFT``, ``too few rows``, …) in *lang*."""
    return _WORDS_JA.get(english, english) if lang == "ja" else english


def sentence(english: str, lang: str) -> str:
    """Return a sentence of ``taikai drift`` (a rule, the reference's name or description) in *lang*; a sentence
    without a known pattern as it is."""
    if lang != "ja":
        return english
    widened = _CHANCE.fullmatch(english)  # a rule widened for the part's size: "reference + 5 points + chance at …"
    if widened is not None:
        base, sign, rows = widened.groups()
        return f"{sentence(base, lang)} {'−' if sign == '−' else '+'} {_number(rows)} 行での偶然の揺れ"
    named = english.removeprefix("training statistics of the model ")
    if named in _MODELS_JA:  # モデル default (shipped) の学習時の統計: English on the page
        return f"{_MODELS_JA[named]}の学習時の統計"
    for pattern, template in _PATTERNS_JA:
        found = pattern.fullmatch(english)
        if found is not None:
            return template.format(*(_number(g) for g in found.groups()))
    return english


def absent(floor: int, lang: str) -> str:
    """Return the reference's share of a new word absent from its word table (which keeps no word below *floor*
    rows)."""
    if lang == "ja":
        return f"なし (語の表の下限 {floor} 行未満)" if floor > 1 else "なし"
    return f"absent (below the table's floor of {floor} rows)" if floor > 1 else "absent"


def no_rows(gap: EmptyPeriods, lang: str) -> str:
    """The verdict of a run of periods without rows in the period table: ``no rows`` (``no rows (4 weeks)``)."""
    if lang != "ja":
        return gap.verdict
    return "行なし" if gap.count == 1 else f"行なし ({gap.count:,} {unit_name(gap.freq, 'ja', counted=True)})"


def gaps_note(gaps: tuple[EmptyPeriods, ...], lang: str, shown: int = 5, strays: tuple[str, ...] = ()) -> str:
    """Say the periods without rows between the first and the last, as ``taikai drift`` says them under its table:
    rows lost, or a few dates outside the dump's range (*strays*: the stray ends' names)."""
    if lang != "ja":
        return gaps_line(gaps, shown, strays) or ""
    where = f" ({'、'.join(strays)}: 下記)" if strays else ""
    names = "、".join(g.name for g in gaps[:shown]) + (f" ほか {len(gaps) - shown:,} 箇所" if len(gaps) > shown else "")
    total = f"{sum(g.count for g in gaps):,} {unit_name(gaps[0].freq, 'ja', counted=True)}" if gaps else "0"
    return (
        f"最初と最後の期間の間に行のない期間が {total}あります: {names}。"
        f"これらは判定せず、ドリフトの判定にも数えません。行が欠けたか、少数の行の日付が範囲の外にあるかです{where}。"
    )
