"""Compare ``taikai batch DUMP.jsonl --engine dask`` of this checkout with another's, on one JSONL dump.

``python bench/bench_dask_jsonl.py --baseline-src /tmp/old/src [--rows 200000] [--rounds 2] [--model DIR]``
Each round runs both code versions, in alternating order; prints each run's wall time and peak RSS (of the largest
process: the client or a worker), then the ratios new/old of the fastest runs and of the largest peaks. The output
folders of the last round are compared byte for byte (parts and manifest), which must be equal. Made for the
change that holds each JSONL file's chunks where they were read for their types, instead of reading the file again.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_run import alternate
from make_dump import make_dump

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from script_main import check_model, check_src, says_errors

ROOT = Path(__file__).resolve().parent.parent


def jsonl_dump(rows: int, workdir: Path) -> Path:
    """Write (once) a dump of *rows* rows (:func:`make_dump`) as JSONL, one object per row; return its path."""
    out = workdir / f"dump_{rows}.jsonl"
    if not out.exists():
        import csv

        dump = make_dump(rows, workdir / f"dump_{rows}.csv")
        with open(dump, encoding="utf-8", newline="") as f, open(out, "w", encoding="utf-8") as o:
            o.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in csv.DictReader(f))
    return out


def run(src: str, dump: Path, out: Path, model: str) -> dict[str, float]:
    """Run the Dask engine of the checkout *src* on *dump* into *out*; return its wall seconds and peak RSS (MiB)."""
    command = [sys.executable, "-m", "taikai", "batch", str(dump), "-o", str(out), "--engine", "dask"]
    command += ["--text-column", "text", "--id-column", "id", "--model", model, "--quiet"]
    timed = ["/usr/bin/time", "-f", "%M", *command]  # the largest resident set of the command's processes, in KiB
    start = time.perf_counter()
    done = subprocess.run(timed, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": src})
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return {"seconds": wall, "peak_mib": int(done.stderr.strip().splitlines()[-1]) / 1024}


def same_folders(a: Path, b: Path) -> bool:
    """Say whether the output folders *a* and *b* hold the same files with the same bytes."""
    names = sorted(p.name for p in a.iterdir())
    same = all((a / n).read_bytes() == (b / n).read_bytes() for n in names)
    return same and names == sorted(p.name for p in b.iterdir())


@says_errors()
def main(argv: list[str] | None = None) -> int | None:
    """Make the dump, run both versions round by round and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-src", required=True, help="another checkout's src directory to compare with")
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--model", default=str(ROOT / "models" / "default"))
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench_dask_jsonl"))
    args = parser.parse_args(argv)
    check_model(args.model)
    baseline_src = check_src(args.baseline_src, "--baseline-src")
    args.workdir.mkdir(parents=True, exist_ok=True)
    dump = jsonl_dump(args.rows, args.workdir)
    versions = {"new": str(ROOT / "src"), "old": baseline_src}
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in versions}
    for k in range(args.rounds):
        for name in alternate(k, list(versions)):
            runs[name].append(run(versions[name], dump, args.workdir / f"out_{name}", args.model))
    best = {name: min(r["seconds"] for r in done) for name, done in runs.items()}
    peak = {name: max(r["peak_mib"] for r in done) for name, done in runs.items()}
    results = {
        "rows": args.rows,
        "load_now": os.getloadavg()[0],
        "runs": runs,
        "time_ratio_new_over_old": best["new"] / best["old"],
        "peak_ratio_new_over_old": peak["new"] / peak["old"],
        "same_output": same_folders(args.workdir / "out_new", args.workdir / "out_old"),
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    sys.exit(main())
