"""Compare ``taikai batch --engine dask`` on a local 2-worker cluster with ``--jobs 2``, on the same dump.

``python bench/bench_dask.py [--rows 200000] [--model DIR] [--workdir DIR]``
Prints rows/s (wall, and per CPU second of all processes of a command) and a breakdown of the Dask overhead:
worker start-up, shipping the model, classification alone, and writing Parquet parts.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_run import children_cpu
from make_dump import make_dump

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from script_main import check_model, says_errors

ROOT = Path(__file__).resolve().parent.parent
TAIKAI = Path(sys.executable).with_name("taikai")


def choose_model(given: str | None) -> str:
    """Return *given*, else models/default if it holds a model, else a model trained on the tiny fixture."""
    if given:
        return given
    if (ROOT / "models" / "default" / "metadata.json").exists():
        return str(ROOT / "models" / "default")
    out = Path("/tmp/bench_model")
    if not (out / "metadata.json").exists():
        subprocess.run([str(TAIKAI), "train", str(ROOT / "tests/fixtures/tiny.csv"), "--out", str(out)], check=True)
    return str(out)


def run(command: list[str], rows: int) -> dict:
    """Run a ``taikai batch`` command; return its wall time, rows/s and rows per CPU second (all its processes)."""
    load, start, cpu = os.getloadavg()[0], time.perf_counter(), children_cpu()
    done = subprocess.run(command, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - start, children_cpu() - cpu
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return {
        "seconds": wall,
        "rows_per_s": rows / wall,
        "rows_per_cpu_s": rows / cpu,
        "load_before": load,
        "command": " ".join(command),
    }


def to_parquet_dir(dump: Path, out: Path, files: int) -> Path:
    """Write the CSV dump as *files* Parquet files of string columns (a partitioned export)."""
    out.mkdir(exist_ok=True)
    table = pacsv.read_csv(
        dump,
        convert_options=pacsv.ConvertOptions(
            column_types={"id": "string", "text": "string", "posted": "string", "platform": "string"},
            strings_can_be_null=False,
        ),
    )
    step = -(-table.num_rows // files)
    for k in range(files):
        pq.write_table(table.slice(k * step, step), out / f"part{k:02d}.parquet")
    return out


def in_process(parquet_dir: Path, model: str, workdir: Path, rows: int) -> dict:
    """Time, on one LocalCluster of 2 worker processes: start-up, shipping, reading, classifying, the full run."""
    from distributed import Client, LocalCluster

    from taikai.dask import classify, classify_files, load_count, read_input, ship_model
    from taikai.model import load_model

    figures, start = {}, time.perf_counter()
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        client.wait_for_workers(2)
        figures["cluster_start_s"] = time.perf_counter() - start

        def timed(name: str, work):
            """Run *work*; record its wall time and the CPU time the workers spent on it."""
            cpu, begin = sum(client.run(time.process_time).values()), time.perf_counter()
            value = work()
            figures[name + "_s"] = time.perf_counter() - begin
            figures[name + "_worker_cpu_s"] = sum(client.run(time.process_time).values()) - cpu
            return value

        loaded = load_model(model)
        timed("ship_model", lambda: ship_model(loaded, client))
        ddf, _ = read_input(parquet_dir)
        lengths = timed("read_only", lambda: client.compute(ddf.map_partitions(len)).result())
        result = classify(ddf, "text", loaded, client=client)
        timed("classify_only", lambda: client.compute(result.map_partitions(len)).result())
        out = workdir / "out_dask_warm"
        summary = timed(
            "full_warm", lambda: classify_files(parquet_dir, out, "text", id_column="id", model=loaded, client=client)
        )
        figures["loads_per_worker"] = list(client.run(load_count).values())
        assert summary.rows == int(lengths.sum()) == rows
    for key in ("classify_only", "full_warm"):
        figures[key + "_rows_per_s"] = rows / figures[key + "_s"]
        figures[key + "_rows_per_worker_cpu_s"] = rows / figures[key + "_worker_cpu_s"]
    return figures


def single_core_rate(dump: Path, model: str, rows: int = 20_000) -> dict:
    """Return rows/s (wall, CPU) of ``Model.predict_frame`` in this process (one core), chunks of 5,000, no I/O."""
    from taikai.model import load_model

    frame = pd.read_csv(dump, nrows=rows, dtype=str, keep_default_na=False)
    loaded = load_model(model)
    loaded.predict_frame(frame.head(100), "text")
    start, cpu = time.perf_counter(), time.process_time()
    for k in range(0, len(frame), 5000):
        loaded.predict_frame(frame.iloc[k : k + 5000], "text")
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"rows_per_s": len(frame) / wall, "rows_per_cpu_s": len(frame) / cpu}


def same_output(local: Path, dask_dir: Path) -> bool:
    """Say whether the Dask output equals the local output row for row after sorting by id."""
    a = pd.read_parquet(local).sort_values("id").reset_index(drop=True)
    b = pd.read_parquet(dask_dir).sort_values("id").reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=0, atol=1e-12)
    return True


@says_errors()
def main(argv: list[str] | None = None) -> int | None:
    """Make the dump, time both engines and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--model", default=None)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench_dask"))
    parser.add_argument("--repeat", type=int, default=2, help="Runs of each command, alternating; the fastest counts.")
    args = parser.parse_args(argv)
    check_model(args.model)
    args.workdir.mkdir(parents=True, exist_ok=True)
    model, rows = choose_model(args.model), args.rows
    dump = args.workdir / f"dump_{rows}.csv"
    if not dump.exists():
        make_dump(rows, dump)
    parquet_dir = to_parquet_dir(dump, args.workdir / f"dump_{rows}_parquet", files=8)
    common = ["--text-column", "text", "--id-column", "id", "--model", model, "--quiet"]
    commands = {
        "local_jobs2": [str(dump), "-o", str(args.workdir / "out_local.parquet"), "--jobs", "2"],
        "dask_csv": [str(dump), "-o", str(args.workdir / "out_dask_csv"), "--engine", "dask"],
        "dask_parquet": [str(parquet_dir), "-o", str(args.workdir / "out_dask_parquet"), "--engine", "dask"],
    }
    results = {"rows": rows, "cores": os.cpu_count(), "model": model}
    results["single_core_predict_frame"] = single_core_rate(dump, model)
    runs = {name: [] for name in commands}
    for _ in range(args.repeat):
        for name, command in commands.items():
            runs[name].append(run([str(TAIKAI), "batch", *command, *common], rows))
    for name, done in runs.items():
        results[name] = min(done, key=lambda r: r["seconds"]) | {"all_seconds": [r["seconds"] for r in done]}
    results["warm_cluster"] = in_process(parquet_dir, model, args.workdir, rows)
    results["same_output"] = same_output(args.workdir / "out_local.parquet", args.workdir / "out_dask_csv")
    for name in ("dask_csv", "dask_parquet"):
        results[name]["vs_local_jobs2"] = results[name]["rows_per_s"] / results["local_jobs2"]["rows_per_s"]
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    sys.exit(main())
