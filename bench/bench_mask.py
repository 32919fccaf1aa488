"""Time, in one run on the same dump: ``taikai batch`` with and without ``--mask-pii`` (the cost of masking).

``python bench/bench_mask.py [--rows 20000] [--rounds 3] [--model DIR] [--workdir DIR]``
Two dumps of the same corpus texts: as written (the corpus holds almost no personal data, so this is the cost of
looking), and with one sentence of personal data (a name, a phone number, an e-mail address, a LINE ID, …)
added to every row (the cost of finding and replacing). Rounds alternate the plain and the masked run. Two
ratios, masked over plain: rows/s as each run's summary reports it (reading, classifying, writing: wall time,
which other work on a shared machine skews), and rows per CPU second of the batch process, less the CPU seconds
of the same command on a one-row dump (start-up: imports, loading the model), which load skews much less.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from batch_run import run_batch, write_one_row
from make_dump import make_dump
from pii_eval import SEEDS
from script_main import check_model, says_errors

MASK = ("--mask-pii",)


def seed_dump(plain: Path, out: Path) -> Path:
    """Write *plain* with one sentence of personal data added to the text of every row."""
    rng = random.Random(12)
    with open(plain, encoding="utf-8", newline="") as f, open(out, "w", encoding="utf-8", newline="") as g:
        reader = csv.DictReader(f)
        writer = csv.DictWriter(g, reader.fieldnames or [], lineterminator="\n")
        writer.writeheader()
        for row in reader:
            row["text"] = f"{row['text']}{rng.choice(SEEDS)}"
            writer.writerow(row)
    return out


@says_errors()
def main(argv: list[str] | None = None) -> int | None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--model", default=None, help="model directory (default: the shipped model)")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args(argv)
    check_model(args.model)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="taikai-bench-"))
    plain = make_dump(args.rows, workdir / f"bench_{args.rows}.csv")
    seeded = seed_dump(plain, workdir / f"bench_{args.rows}_pii.csv")
    one = write_one_row(SEEDS[0], workdir / "one_row.csv")
    print(f"cores: {os.cpu_count()}  rows: {args.rows:,}  model: {args.model or 'default'}")
    for name, dump in (("corpus texts", plain), ("with personal data in every row", seeded)):
        ratios, cpu_ratios = [], []
        for k in range(1, args.rounds + 1):
            start_plain = run_batch(one, workdir / "one.csv", model=args.model).cpu
            start_masked = run_batch(one, workdir / "one.csv", model=args.model, extra=MASK).cpu
            plain_run = run_batch(dump, workdir / "plain.csv", model=args.model)
            masked_run = run_batch(dump, workdir / "masked.csv", model=args.model, extra=MASK)
            without, masked = plain_run.reported, masked_run.reported
            per_cpu_plain, per_cpu_masked = plain_run.per_cpu(start_plain), masked_run.per_cpu(start_masked)
            ratios.append(masked / without)
            cpu_ratios.append(per_cpu_masked / per_cpu_plain)
            print(
                f"{name}, round {k}: {without:8,.0f} rows/s plain, {masked:8,.0f} --mask-pii, {masked / without:.2f}; "
                f"per CPU second {per_cpu_plain:8,.0f} and {per_cpu_masked:8,.0f}, "
                f"{per_cpu_masked / per_cpu_plain:.2f} "
                f"(start-up {start_plain:.1f} and {start_masked:.1f} CPU s)"
            )
        print(
            f"{name}: --mask-pii / plain, median of {len(ratios)} rounds: rows/s {statistics.median(ratios):.2f}, "
            f"rows per CPU second {statistics.median(cpu_ratios):.2f}"
        )
    print(f"load average now: {', '.join(f'{x:.1f}' for x in os.getloadavg())} (other work on the machine skews rates)")


if __name__ == "__main__":
    sys.exit(main())
