"""Time ``taikai report`` of this checkout against another's on a dump that repeats texts, in one run.

``python bench/bench_report_words.py --baseline-src OLD/src [--rows 30000] [--repeats 0.3] [--rounds 3]
[--workdir /tmp/bench-report-words]``

Writes a dump of ``--rows`` rows from the texts of ``data/reviews.csv`` (a local benchmark; never the shared dev set):
``1 - --repeats`` of its rows are distinct texts (the corpus's texts, their first sentences: short ones, and two of
them joined: long ones), the others repeat one: a short answer many give (特になし, なし, 給料が安い) or one of the
distinct texts again, as a copied survey answer. It classifies the dump once (``taikai batch``, this checkout, the
shipped model). Then, ``--rounds`` times, which runs first alternating round by round, it times ``taikai report
PREDICTIONS -o PAGE --date-column posted_at --by platform`` with ``PYTHONPATH`` set to this checkout's ``src`` and to
``--baseline-src`` (the ``src`` of another checkout: ``git archive REV src | tar -x -C /tmp/old``), each a process of
its own (wall and CPU seconds, from ``wait4``). It prints the medians and **new / old**, the ratio of the medians,
and whether the two pages are the same bytes but for the minute they were made (``SOURCE_DATE_EPOCH`` fixes the
embedded font's time); exit code 1 when they are not.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_run import alternate
from bench_report_rows import measured
from make_dump import corpus_texts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from script_main import ScriptError, check_src, says_errors

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ("特になし", "なし", "特にありません", "とくになし", "給料が安い", "手数料が高い", "時間がない", "単価が安い")
"""The short answers a dump repeats most."""
PLATFORMS = ("Lancers", "CrowdWorks", "Coconala", "ShuFti", "Upwork")
MADE = re.compile(rb"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC")
"""When a page was made (to the minute): the one line two runs of the same code on the same input may differ in."""


def distinct_texts(texts: list[str], n: int, rng: random.Random) -> list[str]:
    """Return *n* distinct texts made of the corpus *texts*: themselves, their first sentences, then two joined."""
    out = dict.fromkeys(t for t in texts if t)
    out.update(dict.fromkeys(s for s in (re.split(r"(?<=[。！？!?])", t)[0] for t in texts) if s))
    while len(out) < n:
        out[rng.choice(texts) + rng.choice(texts)] = None
    return list(out)[:n]


def write_dump(path: Path, rows: int, repeats: float, seed: int = 422) -> tuple[int, int]:
    """Write a dump of *rows* rows, a share *repeats* of them repeating a text (see the module); return the number of
    rows and of distinct texts."""
    rng = random.Random(seed)
    unique = distinct_texts(corpus_texts(), round(rows * (1 - repeats)), rng)
    texts = list(unique)
    while len(texts) < rows:
        texts.append(rng.choice(ANSWERS) if rng.random() < 0.5 else rng.choice(unique))
    rng.shuffle(texts)
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["review_id", "posted_at", "platform", "text"])
        for i, text in enumerate(texts, 1):
            day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            writer.writerow([f"R{i:07d}", day, rng.choice(PLATFORMS), text])
    return len(texts), len(set(texts))


def environment(src: str) -> dict[str, str]:
    """Return this environment with *src* on ``PYTHONPATH`` and the embedded font's time fixed."""
    return {**os.environ, "PYTHONPATH": src, "SOURCE_DATE_EPOCH": "1767225600"}


def report_command(predictions: Path, page: Path) -> list[str]:
    """Return ``taikai report`` of *predictions* into *page*, as the bench runs it."""
    options = ["--date-column", "posted_at", "--by", "platform"]
    return [sys.executable, "-m", "taikai", "report", str(predictions), "-o", str(page), *options]


def same_page(a: Path, b: Path) -> bool:
    """Whether the pages *a* and *b* are the same bytes but for the minute each was made."""
    return MADE.sub(b"", a.read_bytes()) == MADE.sub(b"", b.read_bytes())


@says_errors()
def main(argv: list[str] | None = None) -> None:
    """Write the dump, classify it, time the report of both checkouts alternately, compare their pages."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-src", required=True, help="the src directory of the checkout to compare with")
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--repeats", type=float, default=0.3, help="the share of rows that repeat a text")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench-report-words"))
    args = parser.parse_args(argv)
    if not 0 <= args.repeats < 1:
        raise ScriptError(f"--repeats {args.repeats}: give a share of the rows from 0 up to (not) 1, e.g. 0.3")
    sources = {"new": str((ROOT / "src").resolve()), "old": check_src(args.baseline_src, "--baseline-src")}
    args.workdir.mkdir(parents=True, exist_ok=True)
    dump, predictions = args.workdir / "dump.csv", args.workdir / "predictions.csv"
    rows, distinct = write_dump(dump, args.rows, args.repeats)
    predictions.unlink(missing_ok=True)
    classify = [sys.executable, "-m", "taikai", "batch", str(dump), "-o", str(predictions), "--text-column", "text"]
    subprocess.run([*classify, "--id-column", "review_id", "-q"], check=True, env=environment(sources["new"]))
    wall: dict[str, list[float]] = {"new": [], "old": []}
    cpu: dict[str, list[float]] = {"new": [], "old": []}
    for k in range(1, args.rounds + 1):
        for name in alternate(k, ["new", "old"]):
            page = args.workdir / f"{name}.html"
            seconds, _, _, cpu_seconds = measured(report_command(predictions, page), environment(sources[name]))
            wall[name].append(seconds)
            cpu[name].append(cpu_seconds)
            print(f"round {k}: {name} {seconds:6.2f} s wall, {cpu_seconds:6.2f} s CPU", flush=True)
    print(f"{dump}: {rows:,} rows, {distinct:,} distinct texts; load average {os.getloadavg()[0]:.1f}")
    for name in ("new", "old"):
        print(
            f"taikai report ({name}, {sources[name]}): {statistics.median(wall[name]):6.2f} s wall, "
            f"{statistics.median(cpu[name]):6.2f} s CPU (medians of {args.rounds})"
        )
    ratio_wall = statistics.median(wall["new"]) / statistics.median(wall["old"])
    ratio_cpu = statistics.median(cpu["new"]) / statistics.median(cpu["old"])
    print(f"new / old (medians): {ratio_wall:.2f} wall, {ratio_cpu:.2f} CPU")
    same = same_page(args.workdir / "new.html", args.workdir / "old.html")
    print(f"pages: {'the same bytes' if same else 'DIFFERENT'} (but for the minute each was made)")
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
