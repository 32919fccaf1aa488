"""What coding rules cost a batch run, measured in one run on the same texts: rows/s with and without rules.

``python bench/bench_rules.py [--rows 20000] [--rounds 3] [--rules examples/rules.toml] [--model DIR]``

In one process, per chunk of 5,000 texts as the batch workers classify them (``Model.classify``), it times:

- ``none``: the model alone;
- ``rules``: the model with the rules file, in the shipped configuration: the lemma matcher reuses the
  dictionary forms the model's word block computed (each text tokenised once);
- ``rules, tokenised twice``: the same rules when the matcher tokenises the texts itself (what a model that
  does not read dictionary forms costs), i.e. the model alone plus ``RuleMatcher.match_all`` without lemmas;
- ``surface+regex rules``: the file's rules without their ``lemma:`` terms (no tokenizer involved).

The variants take turns on every chunk, so that load on the shared machine hits them alike; each round sums
their CPU time over the dump, and the ratios to ``none`` are medians over the rounds. Then it runs
``taikai batch --jobs 1`` on the dump without and with ``--rules`` (CSV in, CSV out), twice in turn, and prints
the rates the summaries report (wall clock: noisy on a busy machine) and rows per CPU second of each command.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_run import run_batch
from make_dump import dump_texts, make_dump

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from script_main import says_errors

ROOT = Path(__file__).resolve().parent.parent
CHUNK = 5000


def chunks(texts: list[str]) -> list[list[str]]:
    return [texts[i : i + CHUNK] for i in range(0, len(texts), CHUNK)]


def variants(model, rules_path: Path) -> dict:
    """Return name -> function classifying one chunk, each as the batch would."""
    from taikai.rules import TermKind, compile_rules, load_rules
    from taikai.text import check_text

    rules = load_rules(rules_path)
    matcher = model.prepare_rules(rules)
    no_lemmas = replace(
        rules,
        rules=tuple(
            replace(
                r,
                any=tuple(t for t in r.any if t.kind is not TermKind.LEMMA),
                all=tuple(t for t in r.all if t.kind is not TermKind.LEMMA),
                none=tuple(t for t in r.none if t.kind is not TermKind.LEMMA),
            )
            for r in rules.rules
            if any(t.kind is not TermKind.LEMMA for t in (*r.any, *r.all))
        ),
    )
    surface = compile_rules(no_lemmas)
    twice = compile_rules(rules)

    def tokenised_twice(chunk: list[str]):
        result = model.classify(chunk)
        texts = [c.text for c in map(check_text, chunk) if c.ok]
        return result, twice.match_all(texts)  # no lemmas given: the matcher tokenises the texts itself

    return {
        "none": lambda chunk: model.classify(chunk),
        "rules": lambda chunk: model.classify(chunk, matcher),
        "rules, tokenised twice": tokenised_twice,
        "surface+regex rules": lambda chunk: model.classify(chunk, surface),
    }


def batch_rate(dump: Path, out: Path, model: str | None, rules: Path | None) -> tuple[float, float]:
    """Run ``taikai batch --jobs 1``; return rows/s its summary reports and rows per CPU second of the process."""
    run = run_batch(dump, out, model=model, extra=["--rules", str(rules)] if rules else [])
    return run.reported, run.rows / run.cpu


@says_errors()
def main(argv: list[str] | None = None) -> int | None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rules", type=Path, default=ROOT / "examples" / "rules.toml")
    parser.add_argument("--model", default=None, help="model directory (default: the shipped model)")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args(argv)
    import taikai

    model = taikai.load_model(args.model)
    runs = variants(model, args.rules)  # a wrong --model or --rules is said before a dump is written
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="taikai-bench-"))
    dump = make_dump(args.rows, workdir / f"bench_{args.rows}.csv")
    texts = dump_texts(dump)
    for run in runs.values():
        run(texts[:200])  # taggers made, caches warm
    print(f"cores: {os.cpu_count()}  rows: {len(texts):,}  model: {args.model or 'default'}  rules: {args.rules}")
    rates: dict[str, list[float]] = {name: [] for name in runs}
    for k in range(1, args.rounds + 1):
        seconds = dict.fromkeys(runs, 0.0)
        for chunk in chunks(texts):  # the variants take turns on every chunk: load on the machine hits them alike
            for name, run in runs.items():
                start = time.process_time()
                run(chunk)
                seconds[name] += time.process_time() - start
        for name in runs:
            rates[name].append(len(texts) / seconds[name])
        print(f"round {k}: " + "; ".join(f"{name} {r[-1]:,.0f}" for name, r in rates.items()) + " rows per CPU s")
    base = rates["none"]
    for name, values in rates.items():
        ratio = statistics.median(v / b for v, b in zip(values, base, strict=True))
        print(f"{name:24s} {statistics.median(values):8,.0f} rows per CPU s   vs none: {ratio:.2f} (median of rounds)")
    batch: dict[str, list[tuple[float, float]]] = {"without": [], "with": []}
    for _ in range(2):  # alternating: without, with, without, with
        batch["without"].append(batch_rate(dump, workdir / "plain.csv", args.model, None))
        batch["with"].append(batch_rate(dump, workdir / "ruled.csv", args.model, args.rules))
    for name, runs_ in batch.items():
        shown = ", ".join(f"{r:,.0f} rows/s ({c:,.0f} per CPU s)" for r, c in runs_)
        print(f"taikai batch --jobs 1 {name} --rules: {shown}")
    cpu_ratio = statistics.median(w[1] for w in batch["with"]) / statistics.median(w[1] for w in batch["without"])
    print(f"batch with/without rules, rows per CPU second of the whole command (start-up included): {cpu_ratio:.2f}")
    print(f"load average now: {', '.join(f'{x:.1f}' for x in os.getloadavg())} (other work on the machine skews rates)")


if __name__ == "__main__":
    sys.exit(main())
