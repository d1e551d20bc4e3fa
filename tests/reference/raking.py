#!/usr/bin/env python3
"""Reference weights for raking (iterative proportional fitting), computed with numpy, member by
member (journeygap rakes cells of members who share their values; this does not).

Run by hand from the project root (needs numpy):
    python3 tests/reference/raking.py
It writes tests/reference/raking.json, which tests/raking.rs checks journeygap against.

Method (PRODUCT §4, §6.13): weights start at 1; an iteration scales, field by field, each value's
members so that its weighted share is its target; converged when every margin is within 1e-10 of
its target after an iteration. With a cap, weights above cap × mean are then trimmed to it and
raking goes on until both hold. Weights are scaled to a mean of 1. Design effect n / n_eff with
n_eff = (Σw)² / Σw² (Kish).
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def rake(values, targets, cap=None, tol=1e-10, max_iter=1000):
    values = np.asarray(values)
    n = len(values)
    w = np.ones(n)
    for it in range(1, max_iter + 1):
        for f, t in enumerate(targets):
            for v, share in enumerate(t):
                members = values[:, f] == v
                total = w[members].sum()
                w[members] = w[members] * share * n / total if total > 0 else 0.0
        miss = max(
            abs(w[values[:, f] == v].sum() / n - share)
            for f, t in enumerate(targets)
            for v, share in enumerate(t)
        )
        limit = None if cap is None else cap * w.mean()
        over = limit is not None and bool(np.any(w > limit * (1 + 1e-12)))
        if miss <= tol and not over:
            return w / w.mean(), it
        if over:
            w = np.minimum(w, limit)
    raise RuntimeError("no convergence")


def case(name, values, targets, cap=None):
    w, it = rake(values, targets, cap)
    return {
        "name": name,
        "values": [list(map(int, v)) for v in values],
        "targets": targets,
        "cap": cap,
        "weights": w.tolist(),
        "iterations": it,
        "design_effect": float(len(w) * (w ** 2).sum() / w.sum() ** 2),
    }


def main():
    rng = np.random.default_rng(20261203)
    cases = []
    # Industry over-represents manufacturing; size is skewed small.
    ind = rng.choice(4, size=300, p=[0.55, 0.2, 0.15, 0.1])
    size = rng.choice(3, size=300, p=[0.5, 0.3, 0.2])
    t2 = [[0.3, 0.3, 0.2, 0.2], [0.3, 0.4, 0.3]]
    cases.append(case("two fields", np.column_stack([ind, size]), t2))
    region = rng.choice(2, size=300, p=[0.7, 0.3])
    t3 = t2 + [[0.5, 0.5]]
    cases.append(case("three fields", np.column_stack([ind, size, region]), t3))
    cases.append(case("three fields, cap 3", np.column_stack([ind, size, region]), t3, cap=3.0))
    one = rng.choice(3, size=60, p=[0.6, 0.3, 0.1])
    cases.append(case("one field: post-stratification", one[:, None], [[0.2, 0.3, 0.5]]))
    with open(os.path.join(HERE, "raking.json"), "w") as f:
        json.dump({"tolerance": 1e-9, "cases": cases}, f)
        f.write("\n")
    for c in cases:
        w = np.array(c["weights"])
        print(c["name"], c["iterations"], w.min(), w.max(), c["design_effect"])


if __name__ == "__main__":
    main()
