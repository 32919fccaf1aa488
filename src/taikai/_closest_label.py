"""The label a message offers for an unknown one (:func:`closest_label`): ``fees (手数料が高い)`` for ``手数料高い``,
``low_pay (報酬・単価が低い)`` for ``低単価`` (:data:`SHORT_FORMS`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from taikai.labels import (
    REASON_IDS,
    SENTIMENTS,
    OwnLabels,
    own_labels,
    reason_id,
    reason_name,
    sentiment_id,
    sentiment_name,
    shown_label,
)


def closest_label(label: str, known: Iterable[str]) -> str | None:
    """Return the label of *known* closest to an unknown *label* as messages name it, or ``None``: labels of the
    taxonomy compared by id and by Japanese name, named ``fees (手数料が高い)``; labels of one's own as written (a
    taxonomy name of one of them, ``手数料が高い`` for their ``fees``, names it and says they are read as written).
    A label that differs from a known one in case only (``FEES``, ``Fees``) always names it; one that shares only
    scattered letters with every known label (``negatve`` and ``graduated``) names none (:func:`_alike`). A short
    Japanese form of a taxonomy label (``低単価``, ``詐欺``, ``不満``: :data:`SHORT_FORMS`) names it too, beside the
    closest spelling when that is another label (``low_pay (報酬・単価が低い) or fees (手数料が高い)``), never for
    labels of one's own: the label stays refused, the message names what it may have meant."""
    import difflib

    ids = [str(k) for k in known]
    own = isinstance(known, OwnLabels) or (own_labels(ids) and own_labels(ids, SENTIMENTS))
    names = {} if own else {x: reason_name(x) if x in REASON_IDS else sentiment_name(x) for x in ids}
    spellings = {spelled: x for x in ids for spelled in (x, names.get(x, x))}
    folded = {spelled.casefold(): x for spelled, x in spellings.items()}
    close = [x for x in difflib.get_close_matches(label, list(spellings), n=3, cutoff=_CUTOFF) if _alike(label, x)]
    taxonomy = next((x for x in (reason_id(label), sentiment_id(label)) if x != label.strip() and x in ids), None)
    if own and taxonomy is not None and label.casefold() not in folded:  # 手数料が高い for a --free-labels fees
        return f"{taxonomy!r}, named {label!r} in the taxonomy; labels of one's own are read as written"
    if label.casefold() in folded:  # a case-only variant (FEES of fees), which difflib misses in capitals
        found = [folded[label.casefold()]]
    else:  # a short form's labels (低単価: low_pay), then the closest spelling's, when another
        found = [] if own else _short_form_of(label, ids)
        found += [spellings[x] for x in close[:1] if spellings[x] not in found]
    if not found:
        return None
    return repr(found[0]) if own else " or ".join(f"{shown_label(x)} ({names[x]})" for x in found)


_CUTOFF = 0.5
"""How alike (difflib's ratio) a known label must be to an unknown one to be offered."""


def _alike(label: str, known: str) -> bool:
    """Whether *known* is alike enough to *label* to help, counting only runs of two or more characters in common,
    or a single non-ASCII one (a kanji says much): letters scattered in common (``a``, ``t``, ``e`` of ``negatve`` in
    ``graduated``) make difflib's ratio reach the cutoff for words that have nothing to do with each other."""
    import difflib

    blocks = difflib.SequenceMatcher(None, label, known, autojunk=False).get_matching_blocks()
    kept = sum(b.size for b in blocks if b.size >= 2 or (b.size == 1 and not label[b.a].isascii()))
    return 2 * kept / (len(label) + len(known)) >= _CUTOFF


def names_known(label: str, known: Iterable[str]) -> bool:
    """Return whether *label* names one of *known* in another spelling: another case (``Positive`` of
    ``positive``) or a taxonomy id or Japanese name (``ポジティブ`` of ``positive``). Such a label is offered its
    known label by :func:`closest_label`, not called a label of the other kind: ``positive`` may be a reason of a
    model with labels of its own (chABSa's polarity)."""
    ids = {str(k) for k in known}
    folded = {x.casefold() for x in ids}
    return label.casefold() in folded or reason_id(label) in ids or sentiment_id(label) in ids


_FORMS = {
    "low_pay": "低単価 単価 低報酬 報酬が低 報酬が安 安い 安すぎ 稼げない 稼げず 割に合わない 時給 低収入 収入が少な "
    "薄給 低賃金 儲からない",
    "fees": "手数料 出金手数料 振込手数料 利用料 システム料 出金 振込料 中抜き マージン ピンハネ",
    "rejection": "不採用 落選 採用されない 通らない 受注できない 仕事が取れない 選ばれない 非承認 否認 競争 競合 "
    "返事がない 返信がない 応募 提案",
    "time": "忙しい 多忙 時間不足 本業 育児 子育て 介護 家庭 家事 体調 病気 健康 勉強 学業 体力",
    "graduated": "卒業 独立 直接契約 直契約 直取引 直接取引 就職 転職 正社員 起業 開業 不要になった",
    "platform_switch": "他社 他サービス 他サイト 他のサービス 他のサイト 別のサービス 別サービス 乗り換え 乗換 移行 "
    "移籍",
    "trouble": "トラブル 詐欺 未払い 不払い 支払い遅延 出金 凍結 停止 ban サポート 運営 不信 理不尽 悪質 スパム "
    "本人確認 クレーム 嫌がらせ",
    "other": "満足 飽きた 興味 ui 使いにくい 使いづらい 理由なし 特になし 不明 案件が少な",
    "positive": "満足 感謝 好評 好意 良い よい 良かった 肯定 おすすめ オススメ 推奨 嬉しい プラス",
    "neutral": "普通 ふつう どちらでもない ニュートラル 特になし 感情なし 事実 報告",
    "negative": "不満 怒り 苛立ち イライラ 否定 悪い 批判 諦め 文句 不快 残念 失望 苦情 マイナス",
}
"""Short Japanese forms a team may type for each label of the taxonomy (``低単価`` for ``low_pay``), written from
the labelling conventions' definitions (``LABELING.md``), not from any data; NFKC-normalised and casefolded, as
:func:`_short_form_of` compares them; an ASCII form (``ui``, ``ban``) only as a word of its own. A form listed
under two labels (``出金``: a withdrawal fee, or a payout held back) names both."""
SHORT_FORMS: dict[str, tuple[str, ...]] = {label: tuple(forms.split()) for label, forms in _FORMS.items()}
"""The short forms of each label (:data:`_FORMS`, written space-separated)."""


_WORD = r"(?<![a-z0-9_]){}(?![a-z0-9_])"
"""An ASCII short form matched as a word of its own: ``ui`` in ``UIが悪い``, not in ``quit``."""


def _short_form_of(label: str, ids: list[str]) -> list[str]:
    """Return the labels of *ids* (taxonomy labels), in their order, one of whose short forms (:data:`SHORT_FORMS`)
    *label* holds: a form inside a longer form found (``出金``, under ``fees`` and ``trouble``, in ``出金手数料``)
    counts only as the longer one (``fees``)."""
    import unicodedata

    text = unicodedata.normalize("NFKC", label).strip().casefold()
    spans = [
        (m.start(), m.start() + len(form), x)
        for x in ids
        for form in SHORT_FORMS.get(x, ())
        for m in re.finditer(_WORD.format(re.escape(form)) if form.isascii() else re.escape(form), text)
    ]
    kept = {x for a, b, x in spans if not any(c <= a and b <= d and d - c > b - a for c, d, _ in spans)}
    return [x for x in ids if x in kept]
