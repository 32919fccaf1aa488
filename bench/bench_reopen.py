"""CPU cost of opening a JSONL input more than once, in one run: the new code against an older checkout's.

``python bench/bench_reopen.py --old-src OLD/src [--rows 200000] [--drift-rows 20000] [--rounds 3]``
(old code: ``git -C /work/main archive main src | tar -x -C OLD``; the new code is this checkout's ``src``).

A JSONL file's reader reads the whole file for its columns (the keys of every object) when it is made, so a
command that makes two readers of one file reads it whole three times. Each figure is measured in a process of its
own per checkout, the checkouts taking turns every round, and printed as CPU seconds (``time.process_time`` of the
work alone, imports and the model's loading left out; median of the rounds) and as new/old:

- ``drift read``: what ``taikai drift DUMP --reference REF`` reads of a *rows*-line DUMP, classifying nothing:
  the check of the dump before the reference is counted (``check_dump``), then the reader counting uses and its
  chunks.
- ``batch read``: what ``taikai batch`` reads of the same file (one reader, then its chunks): unchanged, a control.
- ``drift command``: the whole ``python -m taikai drift`` of a *drift-rows*-line DUMP against a 500-line
  reference with the shipped model (CPU of the process, start-up and classifying included).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_dump import corpus_texts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from script_main import check_model, check_src, says_errors

ROOT = Path(__file__).resolve().parent.parent

_DRIFT_READ = """
import sys, time
from pathlib import Path
import taikai
from taikai.drift._preflight import check_dump
from taikai.io import ReadOptions
model = taikai.load_model(sys.argv[2])
start = time.process_time()
options = ReadOptions()
opened = check_dump(Path(sys.argv[1]), model, options, text_column="text", date_column=None, prefix=None,
                    model_named=False)
reader = (opened or options).open(Path(sys.argv[1]))  # the old check returns None: counting opens the file again
rows = sum(chunk.rows for chunk in reader.chunks(5000))
print(time.process_time() - start, rows)
"""

_BATCH_READ = """
import sys, time
from pathlib import Path
from taikai.io import ReadOptions
start = time.process_time()
reader = ReadOptions().open(Path(sys.argv[1]))
rows = sum(chunk.rows for chunk in reader.chunks(5000))
print(time.process_time() - start, rows)
"""


def write_jsonl(path: Path, rows: int, texts: list[str]) -> Path:
    """Write *rows* JSON objects ``{"id", "platform", "text"}`` to *path*; a fifth leave out ``platform`` (as an
    export that drops null values does)."""
    rng = random.Random(0)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(rows):
            record: dict[str, object] = {"id": f"r{i:07d}", "text": f"{rng.choice(texts)} #{i}"}
            if i % 5:
                record["platform"] = rng.choice(("Lancers", "CrowdWorks", "Coconala"))
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _env(src: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(src), "PYTHONDONTWRITEBYTECODE": "1", "OMP_NUM_THREADS": "1"}


def timed_snippet(src: Path, code: str, *args: str) -> float:
    """Return the CPU seconds the snippet *code* prints, run with *src* on the path."""
    out = subprocess.run([sys.executable, "-c", code, *args], env=_env(src), capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"{src}: {out.stderr.strip().splitlines()[-1]}")
    return float(out.stdout.split()[0])


def timed_command(src: Path, *args: str) -> float:
    """Return the CPU seconds (user and system) of ``python -m taikai ARGS`` run with *src* on the path."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([sys.executable, "-m", "taikai", *args], env=_env(src), capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode:
        raise SystemExit(f"{src}: taikai {' '.join(args)}: {out.stderr.strip()}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


@says_errors()
def main(argv: list[str] | None = None) -> int | None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old-src", type=Path, required=True)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--drift-rows", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--model", default=str(ROOT / "models" / "default"))
    args = parser.parse_args(argv)
    check_model(args.model)
    new_src, old_src = ROOT / "src", Path(check_src(args.old_src, "--old-src"))
    texts = [t.replace("\n", " ") for t in corpus_texts()]
    with tempfile.TemporaryDirectory() as tmp:
        big = write_jsonl(Path(tmp) / "dump.jsonl", args.rows, texts)
        dump = write_jsonl(Path(tmp) / "small.jsonl", args.drift_rows, texts)
        reference = write_jsonl(Path(tmp) / "reference.jsonl", 500, texts[::-1])
        drift = ("drift", str(dump), "--reference", str(reference), "--text-column", "text", "-m", args.model)
        figures: dict[str, dict[str, list[float]]] = {}
        for _ in range(args.rounds):
            for name, src in (("old", old_src), ("new", new_src)):
                measured = {
                    "drift read": timed_snippet(src, _DRIFT_READ, str(big), args.model),
                    "batch read": timed_snippet(src, _BATCH_READ, str(big)),
                    "drift command": timed_command(src, *drift),
                }
                for figure, seconds in measured.items():
                    figures.setdefault(figure, {}).setdefault(name, []).append(seconds)
        print(f"JSONL: {args.rows:,} lines ({big.stat().st_size / 1e6:.1f} MB); drift command: {args.drift_rows:,}")
        print(f"{'figure':14s} {'old CPU s':>10s} {'new CPU s':>10s} {'new/old':>8s}  (median of {args.rounds})")
        for figure, by in figures.items():
            old, new = statistics.median(by["old"]), statistics.median(by["new"])
            print(f"{figure:14s} {old:10.2f} {new:10.2f} {new / old:8.2f}")


if __name__ == "__main__":
    sys.exit(main())
