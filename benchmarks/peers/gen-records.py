#!/usr/bin/env python3
"""Writes N varied evaluation records (schema v1) from one imported record and a leaderboard table.

usage: gen-records.py TEMPLATE.json LEADERBOARD_V1.csv OUT_DIR N

TEMPLATE is the record `evalledger import` made from the lm-eval sample. Record i keeps its
harness, environment, prompts and extensions, and gets: its own recordId, timestamps, seeds and
model (named after leaderboard row i, with that row's parameter count), new scores on the two
lm-eval math tasks, and the six Open LLM Leaderboard v1 benchmarks with the row's scores moved by a
point or so and rounded to an attainable k/n, with lm-eval's analytic stderr. One record in 100
gets +12 MMLU points, as an inflated upload would. Deterministic (fixed seed): same input, same files.
"""
import copy
import csv
import datetime
import hashlib
import json
import math
import os
import random
import sys

# benchmark id, v1 column, metric, n-shot, item count (ANOMALY.md's table)
V1 = [("arc_challenge", "arc", "acc_norm", 25, 1172),
      ("hellaswag", "hellaswag", "acc_norm", 10, 10042),
      ("mmlu", "mmlu", "acc", 5, 14042),
      ("truthfulqa_mc2", "truthfulqa", "mc2", 0, 817),
      ("winogrande", "winogrande", "acc", 5, 1267),
      ("gsm8k", "gsm8k", "exact_match", 5, 1319)]
PRODUCERS = ["unknown", "EleutherAI", "example-lab", "community-evals"]


def metric(mid, k, n):
    p = k / n
    return {"id": mid, "value": round(p, 6), "unit": "proportion", "higherIsBetter": True,
            "stderr": {"value": round(math.sqrt(p * (1 - p) / (n - 1)), 8), "method": "analytic"}, "n": n}


def leaderboard_result(bench, mid, shots, n, percent, rng, boost=0.0):
    score = min(max(percent + rng.uniform(-1, 1) + boost, 0.0), 100.0)
    k = round(score / 100 * n)
    return {"task": {"benchmark": bench, "fewShot": shots, "samples": {"total": n, "evaluated": n}},
            "metrics": [metric(mid, k, n)]}


def main(template_path, table_path, out_dir, count):
    with open(template_path, encoding="utf-8") as f:
        template = json.load(f)
    with open(table_path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if all(r[c] for _, c, *_ in V1)]
    rng = random.Random(20260121)
    start = datetime.datetime(2026, 1, 21, 3, 0, tzinfo=datetime.timezone.utc)
    os.makedirs(out_dir, exist_ok=True)
    for i in range(count):
        row = rows[i % len(rows)]
        rec = copy.deepcopy(template)
        when = (start + datetime.timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        rec["recordId"] = "peers-%05d-%s" % (i, hashlib.sha256(b"%d" % i).hexdigest()[:12])
        rec["createdAt"] = rec["evaluatedAt"] = when
        model = rec["model"]
        model["id"] = "%s-peers-%d" % (row["fullname"], i)
        model["revision"] = hashlib.sha1(model["id"].encode()).hexdigest()
        params_b = float(row["params_b"] or 0)
        model["parameters"] = int(params_b * 1e9) if params_b > 0 else model["parameters"] + i
        model["dtype"] = row["precision"] if row["precision"] in ("bfloat16", "float16", "float32") else "bfloat16"
        rec["producer"]["name"] = PRODUCERS[i % len(PRODUCERS)]
        rec["seeds"] = {"random": i, "numpy": 1234 + i, "torch": 1234 + i, "fewshot": 1234}
        for r in rec["results"]:  # the lm-eval math tasks: new exact_match counts over 5000 items
            n = r["task"]["samples"]["evaluated"]
            r["metrics"] = [metric("exact_match", rng.randint(0, 40), n)]
        boost = 12.0 if i % 100 == 99 else 0.0
        for bench, col, mid, shots, n in V1:
            rec["results"].append(leaderboard_result(bench, mid, shots, n, float(row[col]), rng,
                                                     boost if bench == "mmlu" else 0.0))
        with open(os.path.join(out_dir, "rec-%05d.json" % i), "w", encoding="utf-8") as f:
            json.dump(rec, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
