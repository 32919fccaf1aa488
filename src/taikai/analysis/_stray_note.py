"""Say a stray end of dated rows (a few rows cut off by empty periods) on the report's page, in its language."""

from __future__ import annotations

from taikai.drift import StrayPeriods, StrayRow


def stray_note(stray: StrayPeriods, lang: str) -> str:
    """Say a stray end (a few rows cut off by empty periods), as ``taikai drift`` says it under its table."""
    if lang != "ja":
        return stray.line()
    shown = "、".join(f"{_place_ja(r)} ({r.date})" for r in stray.shown)
    return (
        f"{stray.name} の行は日付のある {stray.dated:,} 行のうち {stray.rows:,} 行 ({stray.share:.1%}) だけで、"
        f"ほかの行との間に行のない期間が {stray.gap:,} つあります: {shown}。"
        "これほど少なく離れた行は、その時期のレビューより日付の入力の誤りである見込みが高いため、これらの日付を確認してください。"
    )


def _place_ja(row: StrayRow) -> str:
    """``413 行目`` of a file, else ``データ 412 行目`` (after the header)."""
    return f"{row.line:,} 行目" if row.line is not None else f"データ {row.position + 1:,} 行目"
