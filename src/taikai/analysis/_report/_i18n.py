"""Every word the report writes outside the data, in Japanese and English (``--lang ja|en``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")
"""``{count|review|reviews}`` in a template: the first word when the value of ``count`` is 1, else the second."""


def fill(template: str, **values: Any) -> str:
    """Return *template* filled with *values*, choosing between ``{name|one|many}`` by whether ``name`` is 1.

    A value counts as 1 whether given as a number or formatted (``"1"``); the Japanese templates need no such
    choice and have none.
    """

    def choose(match: re.Match[str]) -> str:
        value = str(values[match.group(1)]).replace(",", "").strip()
        return match.group(2) if value == "1" else match.group(3)

    return _PLURAL.sub(choose, template).format(**values)


@dataclass(frozen=True)
class Phrases:
    """The report's headings, labels and sentences in one language; ``{name}`` fields are filled by ``format``."""

    lang: str
    heading: str
    input_line: str
    pii_masked: str
    summary: str
    summary_rows: str
    summary_top: str
    summary_sentiment: str
    summary_up: str
    summary_down: str
    summary_segment_up: str
    summary_segment_down: str
    summary_no_change: str
    summary_no_segment_change: str
    summary_method: str
    summary_method_periods: str
    summary_method_segments: str
    summary_method_and: str
    model: str
    model_name: str
    model_sha: str
    model_created: str
    model_accuracy: str
    model_macro_f1: str
    model_test_rows: str
    model_refit: str
    model_from_summary: str
    model_from_option: str
    model_assumed: str
    model_unknown: str
    status: str
    status_note: str
    status_messages: str
    set_aside: str
    set_aside_counts: str
    set_aside_none: str
    set_aside_sample: str
    set_aside_no_summary: str
    reasons: str
    reasons_note: str
    reasons_per_review: str
    primary: str
    stated: str
    share: str
    count: str
    total: str
    reason: str
    name: str
    sentiment: str
    sentiment_overall: str
    sentiment_over_time: str
    sentiment_per_reason: str
    sentiment_none: str
    trend: str
    trend_none: str
    trend_note: str
    trend_counts: str
    trend_shares: str
    periods: dict[str, str]
    segments: str
    segments_none: str
    segments_note: str
    words: str
    words_note: str
    words_none: str
    representative: str
    representative_note: str
    uncertain: str
    uncertain_note: str
    others: str
    blank: str
    review_columns: dict[str, str]
    rules: str
    rules_note: str
    rules_flag: str
    rules_override: str
    rules_matrix_note: str
    rules_examples_note: str
    rules_columns: dict[str, str]


JA = Phrases(
    lang="ja",
    heading="退会理由レポート",
    input_line="入力: {source} · {rows} 行 · 作成: {made} · taikai {version}",
    pii_masked="個人情報をマスクしました (--mask-pii): {masks}",
    summary="要約",
    summary_rows="{rows} 件のうち {classified} 件 ({share}) を分類しました。",
    summary_top="最も多い退会理由は「{name}」で {count} 件 ({share})。",
    summary_sentiment="感情: {parts}。",
    summary_up="{where}に「{name}」が {before} 件から {after} 件に増えました ({before_share} → {after_share}、前の{period}比、{p})。",
    summary_down="{where}に「{name}」が {before} 件から {after} 件に減りました ({before_share} → {after_share}、前の{period}比、{p})。",
    summary_segment_up="{by} が {where} のレビューでは「{name}」が {share} ({count}/{total} 件) と、他の {by} の {other} より多い ({p})。",
    summary_segment_down="{by} が {where} のレビューでは「{name}」が {share} ({count}/{total} 件) と、他の {by} の {other} より少ない ({p})。",
    summary_no_change="{period}ごとの理由の構成に、有意な変化はありません ({tests} 回の比較)。",
    summary_no_segment_change="{by} の間で理由の構成に有意な差はありません ({tests} 回の比較)。",
    summary_method="検定: {compared}、理由の構成のカイ二乗検定 (独立性)。"
    "p 値は同じ種類の比較の回数で Holm-Bonferroni 補正済み (有意水準 5%)。分類された行が {min_group} 件未満の群は比較しません。"
    "名前を挙げた理由は、調整済み標準化残差が最大のもの。",
    summary_method_periods="{period}ごとの比較は前の{period}との",
    summary_method_segments="{by}の比較は他のすべてとの",
    summary_method_and="、",
    model="モデル",
    model_name="名前",
    model_sha="ハッシュ (sha256)",
    model_created="作成日時",
    model_accuracy="テスト分割での正解率 (学習時に測定)",
    model_macro_f1="テスト分割での macro-F1 (学習時に測定)",
    model_test_rows="テスト分割の行数",
    model_refit="このモデルはテストの後に全行で再学習されています。数値は学習用分割で学習したときのテスト分割での値です。",
    model_from_summary="予測を書いた batch の要約 ({file}) から。",
    model_from_option="--model で指定されたモデル。",
    model_assumed="予測ファイルの横に batch の要約がないため、確率の列が一致する既定のモデルとみなしています。別のモデルなら --model で指定してください。",
    model_unknown="どのモデルの予測か分かりません (batch の要約がなく、既定のモデルとは確率の列が異なります)。--model で指定してください。",
    status="入力と処理状況",
    status_note="{rows} 行のうち {bad} 行は分類されていません (status が ok 以外)。",
    status_messages="分類されなかった理由 (message)",
    set_aside="batch が除外した行",
    set_aside_counts="不正な行: {bad} 件、空行: {blank} 件 (出力には含まれません)。",
    set_aside_none="batch が除外した行はありません。",
    set_aside_sample="不正な行の例 ({file} から)",
    set_aside_no_summary="batch の要約 ({file}) が予測ファイルの横にないため、除外された行の数は分かりません。",
    reasons="退会理由の分布",
    reasons_note="分類された {rows} 件。主な理由は予測で最も確率の高い理由、記載された理由は reasons 列の全理由 (1 件に複数あり得るため、合計は 100% を超えます)。",
    reasons_per_review="1 件あたりの理由の数",
    primary="主な理由",
    stated="記載された理由",
    share="割合",
    count="件数",
    total="合計",
    reason="理由",
    name="名前",
    sentiment="感情",
    sentiment_overall="全体の感情",
    sentiment_over_time="感情の推移",
    sentiment_per_reason="理由ごとの感情",
    sentiment_none="このモデルは感情を予測しません。",
    trend="理由の推移",
    trend_none="日付の列が指定されていません (--date-column)。",
    trend_note="{column} 列の{period}ごとの件数と割合。日付を読めなかった行: {unread}",
    trend_counts="{period}ごとの件数 (理由別)",
    trend_shares="{period}ごとの割合",
    periods={"W": "週", "M": "月"},
    segments="セグメント別の内訳",
    segments_none="セグメントの列が指定されていません (--by)。",
    segments_note="{by} ごとの件数と、その {by} の分類された行に占める割合。",
    words="理由ごとの特徴語",
    words_note="ほかの理由に比べてその理由のレビューによく出る語 (log-odds 比の z 値、Monroe ら 2008)。",
    words_none="特徴語を出すには分類された行が足りません。",
    representative="理由ごとの代表的なレビュー",
    representative_note="各理由で確率が最も高い {n} 件。p は予測した理由の確率。",
    uncertain="確信度の低い予測 (要確認)",
    uncertain_note="予測した理由の確率が最も低い {n} 件。人の目で確認してください。",
    others="その他",
    blank="(空欄)",
    review_columns={
        "reason": "理由",
        "sentiment": "感情",
        "runner_up": "次点",
        "p_runner_up": "次点の p",
        "margin": "差",
    },
    rules="コーディングルール",
    rules_note="分類された {rows} 件のうち、ルールが当たったのは {ruled} 件、そのうちモデルの理由がどのルールのラベルとも違う "
    "(rule_conflict) のは {conflicts} 件。",
    rules_flag="flag モード: reason はモデルの予測のまま。",
    rules_override="override モード: reason は最初に当たったルールのラベル、モデル自身の理由は model_reason 列。",
    rules_matrix_note="ルールが当たった行の、ルールのラベル (行) × モデル自身の理由 (列) の件数。対角線の外が食い違い。",
    rules_examples_note="モデルと食い違った {n} 件 (モデルの確信度が高い順、ルールのラベルごとに順番に)。",
    rules_columns={
        "rule": "ルール",
        "label": "ラベル",
        "hits": "件数",
        "share": "割合",
        "conflicts": "食い違い",
        "rule label": "ルールのラベル",
        "rule_names": "ルール",
        "rule_reasons": "ルールのラベル",
        "model": "モデルの理由",
        "p_model": "p (モデルの理由)",
        "p_rule": "p (ルールのラベル)",
    },
)

EN = Phrases(
    lang="en",
    heading="Churn reasons report",
    input_line="Input: {source} · {rows} {rows|row|rows} · made {made} · taikai {version}",
    pii_masked="Personal data masked (--mask-pii): {masks}",
    summary="Summary",
    summary_rows="{classified} of {rows} {rows|review|reviews} ({share}) {classified|was|were} classified.",
    summary_top="The most frequent reason is '{name}': {count} {count|review|reviews} ({share}).",
    summary_sentiment="Sentiment: {parts}.",
    summary_up="'{name}' rose from {before} to {after} in {where} ({before_share} → {after_share} of the {period}, "
    "against the {period} before; {p}).",
    summary_down="'{name}' fell from {before} to {after} in {where} ({before_share} → {after_share} of the {period}, "
    "against the {period} before; {p}).",
    summary_segment_up="On {by} {where}, '{name}' is {share} of reviews ({count} of {total}), against {other} "
    "for the other values of {by} ({p}).",
    summary_segment_down="On {by} {where}, '{name}' is only {share} of reviews ({count} of {total}), against {other} "
    "for the other values of {by} ({p}).",
    summary_no_change="No significant change in the reason mix from one {period} to the next ({tests} {tests|comparison|comparisons}).",
    summary_no_segment_change="No significant difference in the reason mix between values of {by} ({tests} {tests|comparison|comparisons}).",
    summary_method="Tests: chi-squared test of homogeneity of the reason mix, {compared}; p-values Holm-Bonferroni "
    "adjusted within each family, "
    "significance level 5 %. Groups with fewer than {min_group} classified {min_group|review|reviews} are not compared. The reason "
    "named is the one with the largest adjusted standardized residual.",
    summary_method_periods="each {period} against the {period} before",
    summary_method_segments="each value of {by} against all others",
    summary_method_and=" and ",
    model="Model",
    model_name="Name",
    model_sha="Hash (sha256)",
    model_created="Created",
    model_accuracy="Accuracy on its test split (measured at training)",
    model_macro_f1="Macro-F1 on its test split (measured at training)",
    model_test_rows="Rows in the test split",
    model_refit="This model was refitted on every row after testing: the figures are those of the fit on the "
    "train split, measured on the test split.",
    model_from_summary="From the summary of the batch run that wrote the predictions ({file}).",
    model_from_option="The model named by --model.",
    model_assumed="No batch summary beside the predictions: assumed to be the default model, whose probability "
    "columns match. Name another with --model.",
    model_unknown="Unknown model: no batch summary beside the predictions, and the default model's probability "
    "columns differ. Name it with --model.",
    status="Input and status",
    status_note="{bad} of {rows} {rows|row|rows} {bad|was|were} not classified (status other than ok).",
    status_messages="Why rows were not classified (message)",
    set_aside="Lines set aside by batch",
    set_aside_counts="Bad lines: {bad}, blank lines: {blank} (not in the output).",
    set_aside_none="Batch set no line aside.",
    set_aside_sample="Bad lines (from {file})",
    set_aside_no_summary="No batch summary ({file}) beside the predictions: the lines set aside are not known.",
    reasons="Reasons",
    reasons_note="{rows} classified {rows|review|reviews}. The primary reason is the most probable one; the stated reasons are "
    "all reasons in the reasons column (a review can state several, so they add up to more than 100 %).",
    reasons_per_review="Reasons per review",
    primary="primary",
    stated="stated",
    share="share",
    count="count",
    total="total",
    reason="reason",
    name="name",
    sentiment="Sentiment",
    sentiment_overall="Overall sentiment",
    sentiment_over_time="Sentiment over time",
    sentiment_per_reason="Sentiment per reason",
    sentiment_none="This model does not predict sentiment.",
    trend="Reasons over time",
    trend_none="No date column given (--date-column).",
    trend_note="Counts and shares per {period} of column {column}. Rows whose date could not be read: {unread}",
    trend_counts="Count per {period}, per reason",
    trend_shares="Share per {period}",
    periods={"W": "week", "M": "month"},
    segments="Segments",
    segments_none="No segment column given (--by).",
    segments_note="Count per value of {by}, and its share of that value's classified reviews.",
    words="Distinctive words per reason",
    words_note="Words used more in reviews of one reason than in the others (z-score of the log-odds ratio with "
    "an informative Dirichlet prior, Monroe et al. 2008).",
    words_none="Too few classified reviews for distinctive words.",
    representative="Representative reviews per reason",
    representative_note="The {n} {n|review|reviews} per reason with the highest probability; p is the predicted reason's "
    "probability.",
    uncertain="Least confident predictions (to check)",
    uncertain_note="The {n} {n|review|reviews} whose predicted reason has the lowest probability: have a person "
    "check {n|it|them}.",
    others="others",
    blank="(blank)",
    review_columns={"runner_up": "runner-up", "p_runner_up": "p (runner-up)"},
    rules="Coding rules",
    rules_note="Of {rows} classified {rows|review|reviews}, rules fired on {ruled}; on {conflicts} of them none of the rules' labels "
    "is the model's reason (rule_conflict).",
    rules_flag="flag mode: reason is the model's prediction.",
    rules_override="override mode: reason is the first firing rule's label; the model's own is in model_reason.",
    rules_matrix_note="Reviews where rules fired, by rule label (rows) and the model's own reason (columns); off the "
    "diagonal, they disagree.",
    rules_examples_note="{n} {n|review|reviews} where the rules and the model disagree, the model's surest first, taking turns "
    "over the rule labels.",
    rules_columns={
        "rule label": "rule label",
        "rule_names": "rules",
        "rule_reasons": "rule labels",
        "model": "model's reason",
        "p_model": "p (model's reason)",
        "p_rule": "p (rule label)",
    },
)

PHRASES = {"ja": JA, "en": EN}
