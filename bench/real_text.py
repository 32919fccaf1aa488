"""Score a model directory on the real dev set, with bootstrap intervals, per-class scores and confusion matrices.

Usage: python bench/real_text.py [MODEL_DIR] [--out docs/real_text.md] [--data CSV] [--resamples 2000] [--seed 0]

Uses only the public API (``taikai.load_model(dir)``, ``model.predict(texts)``, ``model.metadata``, and
``taikai.model.default_model_dir()`` to name the model scored when none is given), so it keeps
working when the package is reorganised; ``scripts/select_model.py`` imports its metric helpers. The reason
macro-F1 is over the reasons with at least 10 gold primary items (as
``../shared/tools/realdev_score.py`` computes it; on the agreed subset the set is recomputed there); the macro over
all 8 reasons is shown for information. Intervals: percentile bootstrap over items (90 %), fixed seed, with the
label set held fixed. With ``--out`` the Markdown section is written between marker comments named after the
model, so hand-written text elsewhere in the file is kept. Exits 0 with a message when the dev set is absent
(``../shared`` next to the repository). No dev text is printed or written: items are cited by id only.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
from script_main import says_errors  # noqa: E402  (scripts/script_main.py: errors said in one line)

DEFAULT_DATA = REPO.parent / "shared" / "realdev" / "real_dev.csv"
MIN_SUPPORT = 10
REASONS = ("low_pay", "fees", "rejection", "time", "graduated", "platform_switch", "trouble", "other")
SENTIMENTS = ("positive", "neutral", "negative")


# --- metric helpers (imported by scripts/select_model.py; tested in tests/bench/test_real_text.py) --------------


def f1_per_class(gold, pred, labels) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return (precision, recall, F1, support) per label; 0 where undefined (as realdev_score.py)."""
    gold, pred = np.asarray(gold, dtype=object), np.asarray(pred, dtype=object)
    out = []
    for lab in labels:
        tp = np.sum((gold == lab) & (pred == lab))
        n_pred, n_gold = np.sum(pred == lab), np.sum(gold == lab)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        out.append((p, r, 2 * p * r / (p + r) if p + r else 0.0, n_gold))
    arr = np.array(out, dtype=float).reshape(len(labels), 4)
    return arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3].astype(int)


def macro_f1(gold, pred, labels) -> float:
    """Return the unweighted mean F1 over *labels*."""
    return float(f1_per_class(gold, pred, labels)[2].mean()) if len(labels) else 0.0


def scored_reasons(gold, min_support: int = MIN_SUPPORT) -> list[str]:
    """Return the reasons with at least *min_support* gold items, sorted (realdev_score.py's rule)."""
    return sorted(lab for lab, n in Counter(gold).items() if n >= min_support)


def resample_weights(n: int, resamples: int = 2000, seed: int = 0) -> np.ndarray:
    """Return a (resamples, n) matrix of bootstrap multiplicities (each row sums to n)."""
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, n, size=(resamples, n))
    flat = (np.arange(resamples)[:, None] * n + idx).ravel()
    return np.bincount(flat, minlength=resamples * n).reshape(resamples, n).astype(float)


def weighted_macro_f1(gold, pred, labels, weights: np.ndarray) -> np.ndarray:
    """Return the macro-F1 under each row of *weights* (item multiplicities): one value per resample."""
    gold, pred = np.asarray(gold, dtype=object), np.asarray(pred, dtype=object)
    weights = np.atleast_2d(weights)
    scores = np.zeros((weights.shape[0], len(labels)))
    for j, lab in enumerate(labels):
        g, p = gold == lab, pred == lab
        tp, n_pred, n_gold = weights @ (g & p), weights @ p, weights @ g
        denom = n_pred + n_gold
        scores[:, j] = np.divide(2 * tp, denom, out=np.zeros_like(tp), where=denom > 0)
    return scores.mean(axis=1) if len(labels) else np.zeros(weights.shape[0])


def weighted_accuracy(gold, pred, weights: np.ndarray) -> np.ndarray:
    """Return the accuracy under each row of *weights*."""
    hit = (np.asarray(gold, dtype=object) == np.asarray(pred, dtype=object)).astype(float)
    weights = np.atleast_2d(weights)
    return weights @ hit / weights.sum(axis=1)


def interval(values: np.ndarray, level: float = 0.90) -> tuple[float, float]:
    """Return the central percentile interval of *values*."""
    tail = (1 - level) / 2 * 100
    lo, hi = np.percentile(values, [tail, 100 - tail])
    return float(lo), float(hi)


def paired_difference(gold, pred_a, pred_b, labels, weights: np.ndarray) -> dict:
    """Compare B against A on the same resamples: mean and 90 % interval of F1(B) - F1(A), and B's win share.

    The win share counts a tie as half a win, so two identical prediction lists give 0.5.
    """
    diff = weighted_macro_f1(gold, pred_b, labels, weights) - weighted_macro_f1(gold, pred_a, labels, weights)
    lo, hi = interval(diff)
    return {
        "diff": macro_f1(gold, pred_b, labels) - macro_f1(gold, pred_a, labels),
        "lo": lo,
        "hi": hi,
        "win": float(np.mean(diff > 1e-12) + 0.5 * np.mean(np.abs(diff) <= 1e-12)),
    }


def subset_macro_f1(gold, pred, labels, subset: list[int]) -> float:
    """Return the macro-F1 on the items *subset*; for reasons, over the reasons with enough gold items there."""
    g, p = [gold[i] for i in subset], [pred[i] for i in subset]
    return macro_f1(g, p, scored_reasons(g) if set(labels) <= set(REASONS) else labels)


# --- report -----------------------------------------------------------------------------------------------------


def read_dev(path: Path) -> list[dict]:
    """Return the dev set's rows (``id, text, reasons, sentiment, annotators_agree, …``)."""
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def gold_labels(rows: list[dict]) -> tuple[list[str], list[str]]:
    """Return the gold primary reasons and sentiments of dev *rows*."""
    return [r["reasons"].split("|")[0] for r in rows], [r["sentiment"] for r in rows]


def shown_path(path: Path) -> Path:
    """Return *path* relative to the current directory when it is inside it (``models/default``), else as it is."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def describe_model(model, model_dir: Path) -> str:
    """Return one Markdown sentence saying which model was scored (from its metadata)."""
    meta = model.metadata
    rows = "?" if meta.training_data.rows is None else meta.training_data.rows
    refit = " (refit on all rows)" if meta.refit_on_all_rows else ""
    config = meta.config.to_dict()
    return f"Model `{model_dir}`; created {meta.created_at or '?'}; config `{config}`; trained on {rows} rows{refit}."


def task_scores(gold, pred, labels, weights, all_labels=None) -> dict:
    """Return point scores, bootstrap intervals and per-class rows for one task on one subset."""
    precision, recall, f1, support = f1_per_class(gold, pred, all_labels or labels)
    out = {
        "n": len(gold),
        "labels": list(labels),
        "accuracy": float(np.mean(np.asarray(gold, dtype=object) == np.asarray(pred, dtype=object))),
        "accuracy_ci": interval(weighted_accuracy(gold, pred, weights)),
        "macro_f1": macro_f1(gold, pred, labels),
        "macro_f1_ci": interval(weighted_macro_f1(gold, pred, labels, weights)),
        "per_class": list(zip(all_labels or labels, precision, recall, f1, support)),
    }
    if all_labels:
        out["macro_f1_all"] = macro_f1(gold, pred, all_labels)
    return out


def confusion(gold, pred, labels) -> list[list[int]]:
    pairs = Counter(zip(gold, pred))
    return [[pairs[(g, p)] for p in labels] for g in labels]


def evaluate_predictions(rows: list[dict], preds, resamples: int = 2000, seed: int = 0) -> dict:
    """Return the scores of *preds* (objects with ``.reason`` and ``.sentiment``) on *rows*, all and agreed."""
    result = {}
    subsets = {
        "all": list(range(len(rows))),
        "agreed": [i for i, r in enumerate(rows) if r.get("annotators_agree") == "yes"],
    }
    for name, idx in subsets.items():
        if not idx:
            continue
        gold_r, gold_s = gold_labels([rows[i] for i in idx])
        pred_r = [preds[i].reason for i in idx]
        pred_s = [preds[i].sentiment for i in idx]
        weights = resample_weights(len(idx), resamples, seed)
        result[name] = {
            "reason": task_scores(gold_r, pred_r, scored_reasons(gold_r), weights, list(REASONS)),
            "sentiment": task_scores(gold_s, pred_s, list(SENTIMENTS), weights),
            "reason_confusion": confusion(gold_r, pred_r, list(REASONS)),
            "sentiment_confusion": confusion(gold_s, pred_s, list(SENTIMENTS)),
        }
    return result


def _table(header: list[str], rows: list[list]) -> list[str]:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|",
    ]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def to_markdown(name: str, model_desc: str, data_desc: str, result: dict, resamples: int, seed: int) -> str:
    lines = [f"### `{name}`", "", model_desc, "", data_desc, ""]
    lines.append(
        f"Bootstrap: {resamples} resamples of items, seed {seed}, 90 % percentile intervals; "
        f"reason macro-F1 over reasons with ≥ {MIN_SUPPORT} gold items of the subset."
    )
    lines.append("")
    rows = []
    for subset, res in result.items():
        r, s = res["reason"], res["sentiment"]
        rows.append(
            [
                subset,
                r["n"],
                f"{r['macro_f1']:.3f} [{r['macro_f1_ci'][0]:.3f}, {r['macro_f1_ci'][1]:.3f}]",
                f"{r['macro_f1_all']:.3f}",
                f"{r['accuracy']:.3f} [{r['accuracy_ci'][0]:.3f}, {r['accuracy_ci'][1]:.3f}]",
                f"{s['macro_f1']:.3f} [{s['macro_f1_ci'][0]:.3f}, {s['macro_f1_ci'][1]:.3f}]",
                f"{s['accuracy']:.3f} [{s['accuracy_ci'][0]:.3f}, {s['accuracy_ci'][1]:.3f}]",
            ]
        )
    lines += _table(
        [
            "subset",
            "n",
            "reason macro-F1 [90 %]",
            "reason macro-F1, all 8",
            "reason acc [90 %]",
            "sentiment macro-F1 [90 %]",
            "sentiment acc [90 %]",
        ],
        rows,
    )
    for subset, res in result.items():
        lines += ["", f"**{subset}: per class**", ""]
        per = [[lab, f"{p:.2f}", f"{rc:.2f}", f"{f:.2f}", n] for lab, p, rc, f, n in res["reason"]["per_class"]]
        per += [[lab, f"{p:.2f}", f"{rc:.2f}", f"{f:.2f}", n] for lab, p, rc, f, n in res["sentiment"]["per_class"]]
        lines += _table(["label", "P", "R", "F1", "gold n"], per)
        lines += ["", f"**{subset}: reason confusion** (rows gold, columns predicted)", ""]
        lines += _table(
            ["gold \\ pred", *[lab[:8] for lab in REASONS]],
            [[lab, *row] for lab, row in zip(REASONS, res["reason_confusion"])],
        )
        lines += ["", f"**{subset}: sentiment confusion**", ""]
        lines += _table(
            ["gold \\ pred", *SENTIMENTS], [[lab, *row] for lab, row in zip(SENTIMENTS, res["sentiment_confusion"])]
        )
    return "\n".join(lines) + "\n"


def write_section(path: Path, name: str, body: str) -> None:
    """Put *body* between ``<!-- real_text:NAME begin -->`` and its end marker in *path*, keeping the rest."""
    begin, end = f"<!-- real_text:{name} begin (generated by bench/real_text.py) -->", f"<!-- real_text:{name} end -->"
    block = f"{begin}\n{body}{end}\n"
    text = (
        path.read_text(encoding="utf-8")
        if path.exists()
        else (
            "# Real text: scores on the real dev set\n\n"
            "Generated sections (one per model) are rewritten by\n"
            "`python bench/real_text.py MODEL_DIR --out THIS_FILE`; write anything else outside the markers.\n"
            "Items are cited by id only.\n\n"
            "## Error analysis\n\n(hand-written)\n\n## Scores\n\n"
        )
    )
    start = text.find(begin)
    if start >= 0:
        stop = text.find(end, start)
        stop = len(text) if stop < 0 else stop + len(end)
        if stop < len(text) and text[stop] == "\n":
            stop += 1
        text = text[:start] + block + text[stop:]
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def print_result(result: dict) -> None:
    for subset, res in result.items():
        r, s = res["reason"], res["sentiment"]
        print(
            f"{subset:7s} n={r['n']:3d}  reason macro-F1 {r['macro_f1']:.3f} "
            f"[{r['macro_f1_ci'][0]:.3f}, {r['macro_f1_ci'][1]:.3f}] (all 8: {r['macro_f1_all']:.3f}, "
            f"acc {r['accuracy']:.3f})  sentiment macro-F1 {s['macro_f1']:.3f} "
            f"[{s['macro_f1_ci'][0]:.3f}, {s['macro_f1_ci'][1]:.3f}] (acc {s['accuracy']:.3f})"
        )
    for subset, res in result.items():
        print(f"\n{subset}: per class   P     R     F1    n")
        for lab, p, rc, f, n in res["reason"]["per_class"] + res["sentiment"]["per_class"]:
            print(f"  {lab:16s} {p:.2f}  {rc:.2f}  {f:.2f}  {n}")
        print(f"{subset}: reason confusion (rows gold, columns predicted: {' '.join(x[:5] for x in REASONS)})")
        for lab, row in zip(REASONS, res["reason_confusion"]):
            print(f"  {lab:16s}" + "".join(f"{c:6d}" for c in row))
        print(f"{subset}: sentiment confusion ({' '.join(SENTIMENTS)})")
        for lab, row in zip(SENTIMENTS, res["sentiment_confusion"]):
            print(f"  {lab:16s}" + "".join(f"{c:6d}" for c in row))


@says_errors(model_option="MODEL_DIR")  # this script takes the model as MODEL_DIR
def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", nargs="?", default=None, help="model directory (default: the default model)")
    parser.add_argument("--out", type=Path, default=None, help="Markdown file to write the section into")
    parser.add_argument("--name", default=None, help="section name (default: the model directory's name)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--resamples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"real dev set not found at {args.data}: skipped")
        return 0
    import taikai
    from taikai.model import default_model_dir

    rows = read_dev(args.data)
    model = taikai.load_model(args.model)
    preds = model.predict([r["text"] for r in rows])
    result = evaluate_predictions(rows, preds, args.resamples, args.seed)
    print_result(result)
    if args.out:
        model_dir = Path(args.model) if args.model else shown_path(default_model_dir())  # $TAIKAI_MODEL's too
        name = args.name or model_dir.name
        desc = describe_model(model, model_dir)
        data_desc = f"Dev set `{args.data.name}`: {len(rows)} items."
        write_section(args.out, name, to_markdown(name, desc, data_desc, result, args.resamples, args.seed))
        print(f"\nwritten to {args.out} (section {name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
