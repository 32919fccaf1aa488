"""Measure every drift figure on text that is not drifted and on text that is, to set and check the thresholds.

    python scripts/drift_thresholds.py --model MODEL --split-model SPLIT_MODEL > measurements.md

MODEL is trained on the whole corpus (``taikai train data/reviews.csv --out MODEL --refit-all``), SPLIT_MODEL on
its train split only (``taikai train data/reviews.csv --out SPLIT_MODEL``). Not drifted: the corpus's test split
against SPLIT_MODEL (whole, and cut into 5 pseudo-months of ~343 rows and pseudo-weeks of 25-91 rows), and
data/sample_dump.csv against MODEL (whole, per month, per week). Drifted, against MODEL: livedoor news articles
and chABSA annual-report sentences (from ../shared/benchmarks, when present), the hand-written hotel reviews of
tests/fixtures, and the sample dump with its July 2025 replaced by hotel reviews or by news.
Prints, to standard output (redirect it to keep it; what it measured goes to standard error), one Markdown table
of the figures' values (for periods: the range over the periods) with the thresholds, then the reason-mix JS of
chance (rows drawn from MODEL's reference mix, 99th percentile per size) and of each reason's share doubled
(docs/drift.md, "How the thresholds were set" and "What the reason-mix check can and cannot see" quote them).
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
import tempfile
from pathlib import Path

import numpy as np
from script_main import ROOT, ScriptError, error_message, says_errors

import taikai
import taikai.errors
from taikai.drift import FIGURE_NAMES, DriftReport, PeriodDrift, check_drift, figure_text, js_divergence

SHARED = ROOT.parent / "shared" / "benchmarks"
HOTELS = ROOT / "tests" / "fixtures" / "hotel_reviews.csv"
SWITCHED = "2025-07"
FIGURES = FIGURE_NAMES
NOISE_SIZES = (30, 100, 300, 1000, 3000, 10000)
NOISE_DRAWS = 4000


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, ["review_id", "posted_at", "text"])
        writer.writeheader()
        writer.writerows(rows)
    return path


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _sample(path: Path, n: int, seed: int = 0) -> list[dict[str, str]]:
    rows = _read(path)
    random.Random(seed).shuffle(rows)
    return [{"review_id": f"x{i}", "posted_at": "", "text": r["text"]} for i, r in enumerate(rows[:n])]


def _value(part: PeriodDrift, name: str) -> float:
    return part.figure(name).value


def _cells(report: DriftReport, periods: bool) -> list[str]:
    if not periods:
        return [figure_text(n, _value(report.overall, n)) for n in FIGURES]
    judged = [p for p in report.periods if p.figure("oov_rate").judged]
    out = []
    for name in FIGURES:
        values = [_value(p, name) for p in judged if not math.isnan(_value(p, name))]
        out.append(f"{figure_text(name, min(values))} – {figure_text(name, max(values))}" if values else "n/a")
    return out


@says_errors()
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True, help="model trained on the whole corpus, with drift statistics")
    parser.add_argument("--split-model", required=True, help="model trained on the corpus's train split only")
    args = parser.parse_args(argv)
    model = taikai.load_model(args.model)
    try:
        split_model = taikai.load_model(args.split_model)
    except taikai.errors.TaikaiError as error:  # its advice names --model DIR, the other option
        raise ScriptError(error_message(error, "--split-model DIR")) from None
    table: list[tuple[str, str, list[str], str]] = []

    def add(name: str, kind: str, report: DriftReport, periods: bool = False) -> None:
        verdict = ", ".join(report.drifted_periods) if periods else ("yes" if report.overall.alert else "no")
        table.append((name, kind, _cells(report, periods), verdict or "none"))
        print(f"measured {name}", file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        test = [r for r in _read(ROOT / "data" / "reviews.csv") if r["split"] == "test"]
        random.Random(0).shuffle(test)
        dated = [
            {
                "review_id": r["id"],
                "posted_at": f"2024-{1 + i * 5 // len(test):02d}-{1 + i % 28:02d}",
                "text": r["text"],
            }
            for i, r in enumerate(test)
        ]
        held_out = _write(work / "test_split.csv", dated)
        for freq, label in (("M", "pseudo-months"), ("W", "pseudo-weeks")):
            report = check_drift(held_out, split_model, date_column="posted_at", freq=freq)
            if freq == "M":
                add("corpus test split (split model)", "not drifted", report)
            add(f"corpus test split, {label}", "not drifted", report, periods=True)
        dump = ROOT / "data" / "sample_dump.csv"
        for freq, label in (("M", "months"), ("W", "weeks")):
            report = check_drift(dump, model, date_column="posted_at", freq=freq)
            if freq == "M":
                add("sample dump", "not drifted", report)
            add(f"sample dump, {label}", "not drifted", report, periods=True)
        hotels = _read(HOTELS)
        add("hotel reviews (tests/fixtures)", "drifted", check_drift(HOTELS, model))
        fields = ("review_id", "posted_at", "text")
        others = [{k: r[k] for k in fields} for r in _read(dump) if not r["posted_at"].startswith(SWITCHED)]
        switched = _write(work / "hotel_month.csv", others + hotels)
        add(
            f"sample dump, {SWITCHED} = hotel reviews, months",
            "drifted",
            check_drift(switched, model, date_column="posted_at"),
            True,
        )
        if (SHARED / "livedoor" / "livedoor.csv").exists():
            news = _sample(SHARED / "livedoor" / "livedoor.csv", 300)
            add("livedoor news, 300 articles", "drifted", check_drift(_write(work / "news.csv", news), model))
            july = [dict(r, posted_at=f"{SWITCHED}-{1 + i % 28:02d}") for i, r in enumerate(news[:130])]
            switched = _write(work / "news_month.csv", others + july)
            add(
                f"sample dump, {SWITCHED} = news, months",
                "drifted",
                check_drift(switched, model, date_column="posted_at"),
                True,
            )
        if (SHARED / "chabsa" / "chabsa.csv").exists():
            sentences = _sample(SHARED / "chabsa" / "chabsa.csv", 300)
            add("chABSA sentences, 300", "drifted", check_drift(_write(work / "chabsa.csv", sentences), model))
    heads = [
        "data",
        "kind",
        "unclassifiable",
        "OOV",
        "tokens/row",
        "mean p",
        "p < 0.5",
        "reason JS",
        "one reason",
        "sentiment JS",
        "new words",
        "drift",
    ]
    for name, m in (("stored statistics (split model)", split_model), ("stored statistics (model)", model)):
        ref = m.metadata.drift_statistics()
        values = {
            "unclassifiable_share": ref.unclassifiable_share,
            "oov_rate": ref.oov_rate,
            "tokens_per_row": ref.tokens_per_row,
            "mean_confidence": ref.mean_confidence,
            "low_confidence_share": ref.low_confidence_share,
        }
        cells = [figure_text(n, values[n]) if n in values else "" for n in FIGURES]
        table.insert(0, (name, "reference", cells, ""))
    print("| " + " | ".join(heads) + " |")
    print("|" + "---|" * len(heads))
    for name, kind, cells, verdict in table:
        print(f"| {name} | {kind} | " + " | ".join(cells) + f" | {verdict} |")
    print()
    print("\n".join(reason_noise(model.metadata.drift_statistics().reasons)))
    return 0


def reason_noise(reference: dict[str, int], seed: int = 0) -> list[str]:
    """Return Markdown lines: the 99th percentile of the JS of rows drawn from *reference*'s mix, per size, and the
    JS of the mix with each reason's share doubled (the others scaled down)."""
    labels = list(reference)
    p = np.array([reference[label] for label in labels], dtype=float)
    p /= p.sum()
    rng = np.random.default_rng(seed)
    lines = ["| rows | " + " | ".join(f"{n:,}" for n in NOISE_SIZES) + " |", "|---|" + "---|" * len(NOISE_SIZES)]
    cells = []
    for n in NOISE_SIZES:
        draws = rng.multinomial(n, p, size=NOISE_DRAWS)
        cells.append(np.percentile([js_divergence(dict(zip(labels, d.tolist())), reference) for d in draws], 99))
    lines.append("| JS of chance, 99th percentile | " + " | ".join(f"{c:.4f}" for c in cells) + " |")
    lines += ["", "| reason doubled | share | JS |", "|---|---|---|"]
    for i, label in enumerate(labels):
        doubled = p * (1 - 2 * p[i]) / (1 - p[i])
        doubled[i] = 2 * p[i]
        js = js_divergence(dict(zip(labels, (doubled * 1e6).round().astype(int).tolist())), reference)
        lines.append(f"| {label} | {p[i]:.1%} → {doubled[i]:.1%} | {js:.3f} |")
    return lines


if __name__ == "__main__":
    sys.exit(main())
