"""Tab completion on taikai's packages as Jupyter does it, each in a fresh interpreter.

``python bench/bench_completion.py [--repeat 3]``
For each text, ``import taikai`` runs first (an earlier cell), then IPython's completer completes the text (jedi,
with the type of each name, as Jupyter shows them) and the time of that call is printed (median of ``--repeat``
runs), with the heavy libraries the completion imported: none is the aim, one of them costs seconds. No target
and no verdict: a figure to compare with an earlier run of this script on the same machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

TEXTS = ("taikai.", "taikai.io.", "taikai.batch.", "taikai.text.", "import taikai\ntaikai.")
HEAVY = ("sklearn", "pandas", "numpy", "pyarrow", "scipy", "matplotlib", "fugashi", "dask")
PROBE = """
import json, sys, time
from IPython.core.completer import provisionalcompleter
from IPython.core.interactiveshell import InteractiveShell
shell = InteractiveShell.instance()
shell.run_cell("import taikai")
text = sys.argv[1]
start = time.perf_counter()
with provisionalcompleter():
    found = list(shell.Completer.completions(text, len(text)))
took = time.perf_counter() - start
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[2].split(",")))
print(json.dumps({"seconds": took, "names": len(found), "heavy": heavy}))
"""


def complete(text: str) -> tuple[float, int, list[str]]:
    """Return the seconds one completion of *text* took in a fresh interpreter, the names it found and the heavy
    libraries it imported."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, text, ",".join(HEAVY)], capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout.splitlines()[-1])
    return float(result["seconds"]), int(result["names"]), list(result["heavy"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per text (the median is printed)")
    args = parser.parse_args()
    for text in TEXTS:
        runs = [complete(text) for _ in range(args.repeat)]
        seconds = statistics.median(run[0] for run in runs)
        heavy = ", ".join(sorted({name for run in runs for name in run[2]})) or "none"
        print(f"{text!r:28} {seconds:6.2f} s  {runs[0][1]} names  heavy imported: {heavy}")


if __name__ == "__main__":
    main()
