"""Choose the model on real text: every candidate's real-dev score beside its in-domain scores.

Usage: python scripts/select_model.py [data/reviews.csv] [--dev ../shared/realdev/real_dev.csv]
       [--out docs/model_selection.md] [--json bench/out/select_model.json] [--jobs 2]

The two heads (reason, sentiment) are separate logistic regressions on shared features, so features and each
head's settings are measured apart: for each feature set, every split is featurised once and every head variant
fitted on it. Splits: the fixed train/test split (in-domain test), stratified 5-fold CV on the train split (as
``taikai train`` runs it), and all rows → the real dev set (as the shipped model is trained). The dev set is only
scored: bootstrap 90 % intervals over its items, and a paired bootstrap (the same 2,000 resamples) of each
candidate against the current default, on all items and on the subset both annotators agreed on.

The rule, fixed before any candidate was scored on dev (docs/model_selection.md):
1. Features first, with each head at the current default's settings. A richer feature set replaces a simpler one
   only when, for the reason or the sentiment head, its paired difference against the simpler one has a 90 %
   interval above zero on all dev items and a positive point difference on the agreed subset, and the other head
   does not clearly lose (its paired interval is not entirely below zero). Otherwise the simpler one stays.
2. Then each head on the chosen features: a setting other than the current default's (C on a coarse grid; for
   sentiment, balanced or natural class weights) replaces it only by the same paired rule, for that head alone.
3. The in-domain test split must keep reason macro-F1 >= 0.85.
Everything else is reported for information; nothing is tuned on dev beyond these few discrete choices.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from joblib import Parallel, delayed
from script_main import ROOT, says_errors
from shipped_config import token_block
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from threadpoolctl import threadpool_limits

from taikai.io import read_labelled
from taikai.model import DEFAULT_VECTORS, SEED, FeatureConfig
from taikai.text import JapaneseTokenizer, check_text

sys.path.insert(0, str(ROOT / "bench"))
from real_text import (  # bench/real_text.py: the dev-set metrics
    DEFAULT_DATA,
    REASONS,
    SENTIMENTS,
    gold_labels,
    interval,
    macro_f1,
    paired_difference,
    read_dev,
    resample_weights,
    scored_reasons,
    subset_macro_f1,
    weighted_macro_f1,
)

BASELINE = FeatureConfig(vectors=None, reason_c=30.0, sentiment_c=10.0, sentiment_class_weight="balanced")
"""The model shipped before this selection: word 1-2-grams of dictionary forms, reason C=30, sentiment C=10."""
FEATURES = {
    "words": BASELINE,
    "words + vectors": replace(BASELINE, vectors=DEFAULT_VECTORS),
}
REASON_HEADS = {f"C={c:g}": {"C": c, "class_weight": "balanced"} for c in (3.0, 10.0, 30.0, 100.0)}
SENTIMENT_HEADS = {
    f"C={c:g}, {weight or 'natural'}": {"C": c, "class_weight": weight}
    for weight in ("balanced", None)
    for c in (3.0, 10.0, 30.0)
}
DEFAULTS = {
    "reason": f"C={BASELINE.reason_c:g}",
    "sentiment": f"C={BASELINE.sentiment_c:g}, {BASELINE.sentiment_class_weight}",
}
TEST_FLOOR = 0.85


def fit_heads(block, tokens, y_reason, y_sentiment, train, test) -> dict:
    """Featurise one split once and fit every head variant on it; return each variant's predictions on *test*."""
    features = clone(block)
    x_train = features.fit_transform([tokens[i] for i in train])
    x_test = features.transform([tokens[i] for i in test])
    out = {"test": test, "reason": {}, "sentiment": {}}
    # In the calling thread, as ReasonSentimentClassifier.fit does: with the dense vector block, BLAS's threads
    # only spin (the same wall time, twice the CPU).
    with threadpool_limits(limits=1, user_api="blas"):
        for name, params in REASON_HEADS.items():
            head = LogisticRegression(max_iter=3000, random_state=SEED, **params).fit(x_train, y_reason[train])
            out["reason"][name] = head.predict(x_test)
        for name, params in SENTIMENT_HEADS.items():
            head = LogisticRegression(max_iter=3000, random_state=SEED, **params).fit(x_train, y_sentiment[train])
            out["sentiment"][name] = head.predict(x_test)
    return out


def dev_scores(gold, pred, labels, weights, agreed, reference=None) -> dict:
    """Return dev macro-F1 with its interval, on the agreed subset, and paired against *reference* predictions."""
    scores = weighted_macro_f1(gold, pred, labels, weights)
    out = {"f1": macro_f1(gold, pred, labels), "ci": interval(scores)}
    out["agreed"] = subset_macro_f1(gold, pred, labels, agreed)
    if reference is not None:
        out["paired"] = paired_difference(gold, reference, pred, labels, weights)
        out["paired_agreed"] = out["agreed"] - subset_macro_f1(gold, reference, labels, agreed)
    return out


def beats(score: dict) -> bool:
    """The rule's test: paired 90 % interval above zero on all items, and a gain on the agreed subset."""
    return score["paired"]["lo"] > 0 and score["paired_agreed"] > 0


def run_features(name, config, tokens, df, dev_tokens, jobs) -> dict:
    """Return in-domain and dev predictions of every head variant on the feature set *config*."""
    y_reason = df["primary"].to_numpy(dtype=object)
    y_sentiment = df["sentiment"].to_numpy(dtype=object)
    is_train = (df["split"] == "train").to_numpy()
    train_idx, test_idx = np.flatnonzero(is_train), np.flatnonzero(~is_train)
    folds = StratifiedKFold(5, shuffle=True, random_state=SEED).split(train_idx, y_reason[train_idx])
    splits = {"test": (train_idx, test_idx)}
    splits |= {f"cv{k}": (train_idx[a], train_idx[b]) for k, (a, b) in enumerate(folds)}
    all_tokens = tokens + dev_tokens
    n = len(tokens)
    splits["dev"] = (np.arange(n), np.arange(n, n + len(dev_tokens)))
    y_r = np.concatenate([y_reason, np.full(len(dev_tokens), None, dtype=object)])
    y_s = np.concatenate([y_sentiment, np.full(len(dev_tokens), None, dtype=object)])
    block = token_block(config)
    start = time.perf_counter()
    done = Parallel(n_jobs=jobs)(delayed(fit_heads)(block, all_tokens, y_r, y_s, tr, te) for tr, te in splits.values())
    print(f"{name}: {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    return dict(zip(splits, done))


def in_domain(results: dict, head: str, variant: str, gold: np.ndarray, labels: list[str]) -> tuple[float, float]:
    """Return (test-split macro-F1, 5-fold CV macro-F1 over the pooled out-of-fold predictions)."""
    test = results["test"]
    f_test = macro_f1(gold[test["test"]], results["test"][head][variant], labels)
    idx = np.concatenate([results[k]["test"] for k in results if k.startswith("cv")])
    pred = np.concatenate([results[k][head][variant] for k in results if k.startswith("cv")])
    return f_test, macro_f1(gold[idx], pred, labels)


@says_errors()
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(ROOT / "data" / "reviews.csv"))
    parser.add_argument("--dev", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=None, help="write the generated tables into this Markdown file")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "out" / "select_model.json")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    if not args.dev.exists():
        print(f"real dev set not found at {args.dev}: nothing to choose on", file=sys.stderr)
        return 0
    df = read_labelled(args.data).reset_index(drop=True)
    rows = read_dev(args.dev)
    gold_r, gold_s = gold_labels(rows)
    agreed = [i for i, r in enumerate(rows) if r.get("annotators_agree") == "yes"]
    weights = resample_weights(len(rows))
    tokenizer = JapaneseTokenizer(form="base")
    tokens = tokenizer.transform([check_text(t).text for t in df["text"]])
    dev_tokens = tokenizer.transform([check_text(r["text"]).text for r in rows])
    results = {name: run_features(name, cfg, tokens, df, dev_tokens, args.jobs) for name, cfg in FEATURES.items()}

    table = []
    reference = {head: list(results["words"]["dev"][head][variant]) for head, variant in DEFAULTS.items()}
    heads = {
        "reason": (REASON_HEADS, gold_r, scored_reasons(gold_r), df["primary"].to_numpy(dtype=object), REASONS),
        "sentiment": (SENTIMENT_HEADS, gold_s, list(SENTIMENTS), df["sentiment"].to_numpy(dtype=object), SENTIMENTS),
    }
    for features, result in results.items():
        for head, (variants, gold, labels, train_gold, all_labels) in heads.items():
            for variant in variants:
                pred = list(result["dev"][head][variant])
                score = dev_scores(gold, pred, labels, weights, agreed, reference[head])
                f_test, f_cv = in_domain(result, head, variant, train_gold, list(all_labels))
                table.append(
                    {
                        "features": features,
                        "head": head,
                        "variant": variant,
                        "dev": score,
                        "test": f_test,
                        "cv": f_cv,
                        "dev_pred": pred,
                    }
                )
    golds = {head: (gold, labels) for head, (_, gold, labels, _, _) in heads.items()}
    choice = choose(table, golds, weights, agreed)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    slim = [{k: v for k, v in row.items() if k != "dev_pred"} for row in table]
    args.json.write_text(json.dumps({"rows": slim, "choice": choice}, indent=1, default=float) + "\n", encoding="utf-8")
    markdown = to_markdown(table, choice, len(df), len(rows), len(agreed))
    print(markdown)
    if args.out:
        write_generated(args.out, markdown)
        print(f"written to {args.out}", file=sys.stderr)
    return 0


def _row(table, features, head, variant):
    return next(r for r in table if (r["features"], r["head"], r["variant"]) == (features, head, variant))


def _paired(p: dict, agreed: float) -> str:
    return f"{p['diff']:+.3f} [{p['lo']:+.3f}, {p['hi']:+.3f}], agreed {agreed:+.3f}"


def choose(table: list[dict], golds: dict, weights: np.ndarray, agreed: list[int]) -> dict:
    """Apply the rule of the module docstring; return the choice and the reasons for it.

    *golds* maps a head to (gold labels, scored labels) on dev.
    """
    notes = []
    gain = {h: _row(table, "words + vectors", h, d)["dev"] for h, d in DEFAULTS.items()}
    wins = [h for h, s in gain.items() if beats(s)]
    keeps = all(s["paired"]["hi"] > 0 for s in gain.values())
    features = "words + vectors" if wins and keeps else "words"
    notes.append(
        f"features: **{features}**. Vectors against words, both heads at the default settings: reason "
        f"{_paired(gain['reason']['paired'], gain['reason']['paired_agreed'])}; sentiment "
        f"{_paired(gain['sentiment']['paired'], gain['sentiment']['paired_agreed'])}."
    )
    chosen = {"features": features}
    for head, default in DEFAULTS.items():
        gold, labels = golds[head]
        current = _row(table, features, head, default)
        best, best_score = default, None
        for row in table:
            if row["features"] != features or row["head"] != head or row["variant"] == default:
                continue
            score = dev_scores(gold, row["dev_pred"], labels, weights, agreed, current["dev_pred"])
            if beats(score) and (best_score is None or score["paired"]["diff"] > best_score["paired"]["diff"]):
                best, best_score = row["variant"], score
        chosen[head] = best
        if best_score is None:
            notes.append(f"{head} head: **{best}** (the default: no other setting passes the rule)")
        else:
            paired = _paired(best_score["paired"], best_score["paired_agreed"])
            notes.append(f"{head} head: **{best}**, against {default}: {paired}")
    test_r = _row(table, features, "reason", chosen["reason"])["test"]
    notes += floor_notes(test_r, chosen["reason"])
    if test_r < TEST_FLOOR:
        chosen["reason"] = DEFAULTS["reason"]
    return {"chosen": chosen, "notes": notes}


def floor_notes(test_r: float, reason_head: str) -> list[str]:
    """Return the notes on the in-domain floor (rule 3) for the chosen reason head scoring *test_r* on the test split:
    below it, another head than the default gives way to the default; the default itself has none to give way to."""
    notes = [f"in-domain test reason macro-F1 {test_r:.3f} (floor {TEST_FLOOR})"]
    if test_r < TEST_FLOOR and reason_head != DEFAULTS["reason"]:
        notes.append(f"below the floor: {reason_head} gives way to the default reason head, {DEFAULTS['reason']}")
    elif test_r < TEST_FLOOR:
        notes.append("below the floor, with the default reason head already chosen: no other head to fall back to")
    return notes


def to_markdown(table, choice, n_rows, n_dev, n_agreed) -> str:
    lines = [
        f"Corpus {n_rows:,} rows; dev {n_dev} items ({n_agreed} agreed). Dev: macro-F1 of the model trained on all "
        "rows [bootstrap 90 %]; Δ: paired bootstrap against the default of before (words, reason C=30, "
        "sentiment C=10 balanced) [90 %] and the share of resamples it wins; agreed: macro-F1 on the agreed "
        "subset. Test: the train-split model on the test split; CV: 5-fold on the train split.",
        "",
        "| features | head | variant | dev macro-F1 [90 %] | Δ vs default [90 %] (wins) | agreed | test | CV |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in table:
        d = r["dev"]
        p = d["paired"]
        lines.append(
            f"| {r['features']} | {r['head']} | {r['variant']} | {d['f1']:.3f} [{d['ci'][0]:.3f}, {d['ci'][1]:.3f}] "
            f"| {p['diff']:+.3f} [{p['lo']:+.3f}, {p['hi']:+.3f}] ({p['win']:.0%}) | {d['agreed']:.3f} "
            f"| {r['test']:.3f} | {r['cv']:.3f} |"
        )
    lines += ["", "Choice by the rule:", ""] + [f"- {n}" for n in choice["notes"]]
    return "\n".join(lines) + "\n"


BEGIN = "<!-- select_model begin (generated by scripts/select_model.py) -->"
END = "<!-- select_model end -->"


def write_generated(path: Path, body: str) -> None:
    """Put *body* between the markers in *path*, keeping the hand-written text around them."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Model selection\n\n"
    block = f"{BEGIN}\n{body}{END}"
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + block + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
