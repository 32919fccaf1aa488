"""Time masking texts dense with names at two lengths: does its cost per character stay the same (near-linear)?

``python bench/bench_mask_dense.py [--short 2000] [--long 20000] [--rounds 2] [--unit TEXT …] [--baseline-src DIR]``
Each unit (by default: two names with honorifics, a surname alone over and over, an honorific over and over, a
roster of full names, a list of surnames) is repeated to a text of ``--short`` and of ``--long`` characters, and
``PiiMasker().mask`` times each (CPU seconds of this process, the best of ``--rounds``, which other work on a shared
machine skews much less than wall time). The ratio is the long text's cost per character over the short one's:
near 1 when the cost grows as the text's length, near long/short (10) when it grows as its square. With
``--baseline-src DIR`` (the ``src`` directory of another checkout, e.g. made by
``git archive REV src | tar -x -C /tmp/old``) the same runs in a process with ``PYTHONPATH=DIR``, then with this
checkout's ``src``, and the masked texts of both are compared: old/new is how much faster the change made each.
Target: every ratio at most 1.5; with a baseline, the same masked texts. Ends in ``MET``/``MISSED`` lines and a
verdict; the exit code is 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from script_main import check_src, says_errors
from verdict import Target, finish

ROOT = Path(__file__).resolve().parents[1]

UNITS = ("田中さんと佐藤さん。", "山田", "さん", "田中太郎、佐藤花子、", "高橋、佐藤、渡辺の3人。")
LINEAR = 1.5  # the most the cost per character may grow from the short text to the long one


def dense(unit: str, length: int) -> str:
    """Return *unit* repeated to a text of *length* characters."""
    return (unit * (length // len(unit) + 1))[:length]


def measure(units: list[str], lengths: list[int], rounds: int) -> dict[str, tuple[float, str]]:
    """Mask each unit's text of each length; return per unit and length the best CPU seconds and a digest of the
    masked text and its spans (to compare two versions of the code without keeping the texts)."""
    import time

    from taikai.privacy import PiiMasker

    masker = PiiMasker()
    masker.mask("田中さん")  # the tagger made before the clock starts
    out: dict[str, tuple[float, str]] = {}
    for unit in units:
        for length in lengths:
            text = dense(unit, length)
            best, masked = float("inf"), None
            for _ in range(rounds):
                start = time.process_time()
                masked = masker.mask(text)
                best = min(best, time.process_time() - start)
            assert masked is not None
            spans = [(s.kind.value, s.start, s.end) for s in masked.spans]
            digest = hashlib.sha256(json.dumps([masked.text, spans], ensure_ascii=False).encode()).hexdigest()
            out[f"{unit}\t{length}"] = (best, digest)
    return out


def measured_with(src: str, units: list[str], lengths: list[int], rounds: int) -> dict[str, tuple[float, str]]:
    """Run :func:`measure` in a process whose taikai is the one in *src*."""
    request = json.dumps({"units": units, "lengths": lengths, "rounds": rounds}, ensure_ascii=False)
    env = {**os.environ, "PYTHONPATH": src}
    done = subprocess.run(
        [sys.executable, __file__, "--measure", request], env=env, capture_output=True, text=True, check=True
    )
    return {key: (float(seconds), str(digest)) for key, (seconds, digest) in json.loads(done.stdout).items()}


@says_errors()
def main(argv: list[str] | None = None) -> int | None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", type=int, default=2_000)
    parser.add_argument("--long", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--unit", action="append", default=None, help="a unit of text to repeat (repeatable)")
    parser.add_argument("--baseline-src", default=None, help="another checkout's src directory to compare with")
    parser.add_argument("--measure", default=None, help=argparse.SUPPRESS)  # the worker of measured_with
    args = parser.parse_args(argv)
    if args.measure is not None:
        request = json.loads(args.measure)
        print(json.dumps(measure(request["units"], request["lengths"], request["rounds"])))
        return 0
    baseline = check_src(args.baseline_src, "--baseline-src") if args.baseline_src else None
    units, lengths = list(args.unit or UNITS), [args.short, args.long]
    old = measured_with(baseline, units, lengths, args.rounds) if baseline else None
    new = measured_with(str(ROOT / "src"), units, lengths, args.rounds)
    print(f"cores: {os.cpu_count()}  lengths: {args.short:,} and {args.long:,} characters  rounds: {args.rounds}")
    targets = []
    for unit in units:
        (short, _), (long, _) = (new[f"{unit}\t{n}"] for n in lengths)
        ratio = (long / args.long) / (short / args.short)
        line = f"{unit!r}: {short:.3f} s and {long:.3f} s, per character long/short {ratio:.2f}"
        if old is not None:
            (old_short, _), (old_long, _) = (old[f"{unit}\t{n}"] for n in lengths)
            differ = sum(old[f"{unit}\t{n}"][1] != new[f"{unit}\t{n}"][1] for n in lengths)
            old_ratio = (old_long / args.long) / (old_short / args.short)
            line += f"; old: {old_short:.3f} s and {old_long:.3f} s, {old_ratio:.2f}"
            line += (
                f"; old/new at {args.long:,}: {old_long / long:.1f}x; masked {'DIFFERENTLY' if differ else 'the same'}"
            )
            targets.append(Target(f"{unit!r} texts masked unlike the baseline", differ, 0, at_most=True))
        print(line)
        targets.append(Target(f"{unit!r} cost per character, long/short", ratio, LINEAR, at_most=True))
    print(f"load average now: {', '.join(f'{x:.1f}' for x in os.getloadavg())} (other work on the machine skews times)")
    return finish(targets)


if __name__ == "__main__":
    sys.exit(main())
