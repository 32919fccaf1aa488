"""Write one self-contained HTML report (embedded PNG charts, no external URLs) from a predictions file."""

from __future__ import annotations

import html
from datetime import datetime, timezone
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

import pandas as pd

from taikai.analysis import _charts as charts
from taikai.analysis import _tables as analysis
from taikai.analysis._drift_section import DriftSection, drift_section
from taikai.errors import InputError
from taikai.io import parse_dates, read_predictions
from taikai.labels import SENTIMENT_NAMES_JA, reason_name
from taikai.model import Model
from taikai.text import Status

TEXT_CHARS = 240
ID_COLUMNS = ("review_id", "id")
SECTIONS = {
    "status": "処理状況",
    "reasons": "理由の分布",
    "sentiment": "理由ごとの感情",
    "trend": "推移",
    "segments": "セグメント別",
    "representative": "代表的なレビュー",
    "uncertain": "要確認",
    "drift": "ドリフト",
}

CSS = """
body{font-family:"Noto Sans CJK JP","IPAexGothic","Hiragino Sans","Yu Gothic",Meiryo,sans-serif;margin:2em auto;
max-width:1100px;color:#222;line-height:1.5;padding:0 1em}
h1{border-bottom:3px solid #3b6ea5}h2{margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.8em 0;font-size:.9em}th,td{border:1px solid #ddd;padding:.3em .6em;
vertical-align:top}th{background:#f2f5f9}td.n{text-align:right;font-variant-numeric:tabular-nums}
td.t{max-width:640px}img{max-width:100%}.note{color:#666;font-size:.9em}
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value))


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f'<td class="n">{value:.3f}</td>' if not pd.isna(value) else "<td></td>"
    if isinstance(value, int) or hasattr(value, "dtype"):
        return f'<td class="n">{_e(value)}</td>'
    text = str(value) if value is not None else ""
    clipped = text if len(text) <= TEXT_CHARS else text[:TEXT_CHARS] + "…"
    return f'<td class="t">{_e(clipped)}</td>'


def html_table(df: pd.DataFrame, index: bool = True) -> str:
    """Return *df* as an HTML table with every value escaped."""
    heads = ([df.index.name or ""] if index else []) + [str(c) for c in df.columns]
    lines = ["<table><thead><tr>" + "".join(f"<th>{_e(h)}</th>" for h in heads) + "</tr></thead><tbody>"]
    for key, row in zip(df.index, df.itertuples(index=False)):
        cells = ([f"<th>{_e(key)}</th>"] if index else []) + [_cell(v) for v in row]
        lines.append("<tr>" + "".join(cells) + "</tr>")
    return "\n".join([*lines, "</tbody></table>"])


def _image(fig: Any, alt: str) -> str:
    return f'<img src="{charts.to_data_uri(fig)}" alt="{_e(alt)}">'


def _section(key: str, title: str, *parts: str) -> str:
    return f'<section id="{key}">\n<h2>{_e(title)}</h2>\n' + "\n".join(parts) + "\n</section>"


def _note(text: str) -> str:
    return f'<p class="note">{_e(text)}</p>'


def _percent(table: pd.DataFrame) -> pd.DataFrame:
    return table.assign(share=table["share"].map(lambda s: f"{s:.1%}"))


def _status(df: pd.DataFrame) -> str:
    counts = analysis.status_counts(df)
    bad = int(counts.drop(index=Status.OK.value, errors="ignore")["count"].sum())
    parts = [
        _note(f"{len(df):,} 行のうち {bad:,} 行は分類されていません (status が ok 以外)。"),
        html_table(_percent(counts)),
    ]
    if bad and "message" in df.columns and "status" in df.columns:
        messages = (
            df.loc[df["status"].astype(str) != Status.OK.value, "message"]
            .fillna("")
            .astype(str)
            .value_counts()
            .head(10)
        )
        parts.append(html_table(messages.rename("count").rename_axis("message").to_frame()))
    return _section("status", "処理状況 (status)", *parts)


def _trend(df: pd.DataFrame, date_column: str | None, freq: str) -> str:
    if not date_column:
        return _section("trend", "理由の推移", _note("日付の列が指定されていません (--date-column)。"))
    table = analysis.reasons_over_time(df, date_column, freq)
    unread = int(parse_dates(analysis.classified(df)[date_column]).isna().sum())
    parts = [_note(f"{date_column} 列の{analysis.FREQUENCIES[freq]}ごとの件数。日付を読めなかった行: {unread:,}")]
    if len(table):
        parts += [_image(charts.trend_lines(table), "退会理由の推移"), html_table(table.rename(columns=reason_name))]
    return _section("trend", f"理由の推移 ({analysis.FREQUENCIES[freq]}別)", *parts)


def _segments(df: pd.DataFrame, by: str | None) -> str:
    if not by:
        return _section("segments", "セグメント別の内訳", _note("セグメントの列が指定されていません (--by)。"))
    table = analysis.segment_breakdown(df, by)
    counts = table.rename(columns=reason_name).assign(合計=table.sum(axis=1))
    chart = [_image(charts.segment_bars(table), f"{by} 別")] if len(table) else []
    return _section("segments", f"{by} 別の内訳", *chart, html_table(counts))


def _reviews(table: pd.DataFrame, text_column: str) -> str:
    shown = table.assign(reason=table["reason"].map(lambda r: f"{reason_name(r)} ({r})"))
    if "sentiment" in shown.columns:
        shown["sentiment"] = shown["sentiment"].map(lambda s: SENTIMENT_NAMES_JA.get(s, s))
    if "runner_up" in shown.columns:
        shown["runner_up"] = shown["runner_up"].map(lambda r: reason_name(r) if isinstance(r, str) else r)
    return html_table(shown[[c for c in shown.columns if c != text_column] + [text_column]], index=False)


def _drift(section: DriftSection) -> str:
    parts = [_note(n) for n in section.notes]
    if section.reasons:
        parts.append("<ul>" + "".join(f"<li>{_e(r)}</li>" for r in section.reasons) + "</ul>")
    for table in (section.figures, section.periods):
        if table is not None:
            parts.append(html_table(table))
    if section.new_words is not None and len(section.new_words):
        parts += [
            _note("新しい語 (この入力に多く、学習データにないか少ない語):"),
            html_table(section.new_words, index=False),
        ]
    return _section("drift", section.title, *parts)


def build_report(
    df: pd.DataFrame,
    date_column: str | None = None,
    by: str | None = None,
    text_column: str = "text",
    freq: str = "M",
    source: str = "",
    per_reason: int = 3,
    uncertain: int = 20,
    model: Model | str | Path | None = None,
    drift: bool = True,
) -> str:
    """Return the report of the predictions frame *df* as one HTML page.

    With *drift*, a last section compares the predictions with *model*'s training statistics (default: the
    shipped model; see :func:`taikai.analysis.drift_section`).
    """
    for option, column in (("--date-column", date_column), ("--by", by), ("--text-column", text_column)):
        if column and column not in df.columns:
            raise InputError(f"no column {column!r} ({option}); the columns are {list(map(str, df.columns))}")
    df = df.reset_index(drop=True)
    context = [c for c in (*ID_COLUMNS, date_column, by) if c and c in df.columns][:3]
    rows = analysis.classified(df)
    distribution = analysis.reason_distribution(df)
    sentiment = analysis.sentiment_by_reason(df)
    body = [
        _status(df),
        _section(
            "reasons",
            "退会理由の分布",
            _note(f"分類された {len(rows):,} 件。share は分類された行に占める割合。"),
            _image(charts.reason_bars(distribution), "退会理由の分布"),
            html_table(_percent(distribution)),
        ),
        _section(
            "sentiment",
            "理由ごとの感情",
            *([_image(charts.sentiment_bars(sentiment), "理由ごとの感情")] if sentiment.to_numpy().sum() else []),
            html_table(sentiment.rename(index=reason_name, columns=lambda s: SENTIMENT_NAMES_JA.get(s, s))),
        ),
        _trend(df, date_column, freq),
        _segments(df, by),
        _section(
            "representative",
            "理由ごとの代表的なレビュー",
            _note(f"各理由で確率が最も高い {per_reason} 件。p は予測した理由の確率。"),
            _reviews(analysis.representative_reviews(df, text_column, per_reason, context), text_column),
        ),
        _section(
            "uncertain",
            "確信度の低い予測 (要確認)",
            _note(f"予測した理由の確率が最も低い {uncertain} 件。人の目で確認してください。"),
            _reviews(analysis.least_confident(df, text_column, uncertain, context), text_column),
        ),
    ]
    if drift:
        body.append(_drift(drift_section(df, model, text_column, date_column, freq)))
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    version = importlib_metadata.version("taikai")
    header = _note(f"入力: {source or '(frame)'} · {len(df):,} 行 · 作成: {made} · taikai {version}")
    return "\n".join(
        [
            '<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">',
            f"<title>退会理由レポート {_e(source)}</title>\n<style>{CSS}</style>\n</head>\n<body>",
            "<h1>退会理由レポート</h1>",
            header,
            "<nav><p>"
            + " · ".join(
                f'<a href="#{key}">{_e(title)}</a>' for key, title in SECTIONS.items() if drift or key != "drift"
            )
            + "</p></nav>",
            *body,
            "</body>\n</html>\n",
        ]
    )


def write_report(predictions: str | Path, out: str | Path, encoding: str | None = None, **options: Any) -> Path:
    """Read the predictions file, build the report (options as for :func:`build_report`) and write it to *out*."""
    df = read_predictions(predictions, encoding)
    page = build_report(df, source=Path(predictions).name, **options)
    out = Path(out)
    out.write_text(page, encoding="utf-8")
    return out
