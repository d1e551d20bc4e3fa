#!/usr/bin/env python3
"""Reference values for Johnson's (2000) relative weights, computed independently with numpy.

Run by hand from the project root (needs numpy):
    python3 tests/reference/relative_weights.py
It writes tests/reference/relative_weights.json: each case's data and its weights, R² and n,
which tests/relative_weights.rs checks journeygap against.

Method (PRODUCT §6.8): on the complete cases, R_xx = V Λ Vᵀ (numpy.linalg.eigh of the
predictors' weighted correlation matrix), Λ½ = V Λ^½ Vᵀ, β = Λ½⁺ r_xy (eigenvalues below
1e-10·k taken as zero), weight_j = Σ_k (Λ½)_jk² β_k², R² = Σ β². A predictor that does not vary
gets weight 0 and is left out of the matrices. R² is also checked against an OLS fit
(numpy.linalg.lstsq) where the predictors are not collinear.
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.path.join(HERE, "..", "..", "..", "shared", "realdata")
TOL = 1e-10

AIRLINE_SERVICES = [
    "Inflight wifi service", "Departure/Arrival time convenient", "Ease of Online booking",
    "Gate location", "Food and drink", "Online boarding", "Seat comfort",
    "Inflight entertainment", "On-board service", "Leg room service", "Baggage handling",
    "Checkin service", "Inflight service", "Cleanliness",
]


def wcorr(data, w):
    """Weighted correlation matrix of the columns of data."""
    m = (w[:, None] * data).sum(0) / w.sum()
    d = data - m
    s = (w[:, None] * d).T @ d
    sd = np.sqrt(np.diag(s))
    return s / np.outer(sd, sd), np.diag(s)


def johnson(x, y, w):
    n, k = x.shape
    out = {"n": n, "r_squared": None, "weights": None}
    if k == 0 or n <= k + 1:
        return out
    data = np.column_stack([x, y])
    m = (w[:, None] * data).sum(0) / w.sum()
    var = (w[:, None] * (data - m) ** 2).sum(0)
    if var[k] <= 0:
        return out
    varying = [j for j in range(k) if var[j] > 0]
    r, _ = wcorr(data[:, varying + [k]], w)
    rxx, rxy = r[:-1, :-1], r[:-1, -1]
    lam, v = np.linalg.eigh(rxx)
    keep = lam > TOL * len(varying)
    half = v @ np.diag(np.where(keep, np.sqrt(np.clip(lam, 0, None)), 0)) @ v.T
    inv_half = v @ np.diag(np.where(keep, 1 / np.sqrt(np.where(keep, lam, 1)), 0)) @ v.T
    beta = inv_half @ rxy
    eps = (half ** 2) @ (beta ** 2)
    weights = np.zeros(k)
    weights[varying] = eps
    r2 = float(np.sum(beta ** 2))
    out.update(r_squared=r2, weights=[float(e) for e in weights])
    if keep.all():
        # The same R² from a weighted least-squares fit.
        sw = np.sqrt(w)
        a = np.column_stack([np.ones(n), x[:, varying]]) * sw[:, None]
        coef, *_ = np.linalg.lstsq(a, y * sw, rcond=None)
        resid = y * sw - a @ coef
        ybar = np.sum(w * y) / w.sum()
        ols = 1 - np.sum(resid ** 2) / np.sum(w * (y - ybar) ** 2)
        assert abs(ols - r2) < 1e-9, (ols, r2)
    return out


def ratings(rng, n, k, scale=7):
    """Correlated integer ratings 1..scale and a 0-10 recommend score."""
    base = rng.normal(size=(n, 1))
    x = base * rng.uniform(0.4, 1.0, size=k) + rng.normal(size=(n, k))
    x = np.clip(np.round(x * 1.2 + (scale + 1) / 2), 1, scale)
    y = x @ rng.uniform(0.2, 1.0, size=k) / k + rng.normal(scale=0.8, size=n)
    y = np.clip(np.round((y - y.mean()) * 2 + 7), 0, 10)
    return x, y


def case(name, x, y, w=None):
    w = np.ones(len(y)) if w is None else w
    res = johnson(x, y, w)
    return {
        "name": name,
        "x": x.tolist(),
        "y": y.tolist(),
        "w": w.tolist(),
        "k": int(x.shape[1]),
        **res,
    }


def airline():
    """The airline sample (fixtures/configs/airline.toml): the 14 services rated 1-5 (0, not
    applicable, is missing), satisfaction as 10 / 0; complete cases; every passenger, loyal
    (client) and disloyal (former)."""
    import csv
    path = os.path.join(REAL, "airline-satisfaction-sample", "airline_passenger_satisfaction.csv")
    if not os.path.exists(path):
        return None
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    out = {}
    for stage, keep in [("all", None), ("client", "Loyal Customer"), ("former", "disloyal Customer")]:
        x, y = [], []
        for r in rows:
            if keep is not None and r["Customer Type"] != keep:
                continue
            v = [float(r[c]) for c in AIRLINE_SERVICES]
            if any(not 1 <= a <= 5 for a in v):
                continue
            x.append(v)
            y.append(10.0 if r["satisfaction"] == "satisfied" else 0.0)
        res = johnson(np.array(x), np.array(y), np.ones(len(y)))
        out[stage] = {
            "n": res["n"],
            "r_squared": res["r_squared"],
            "weights": dict(zip(AIRLINE_SERVICES, res["weights"])),
        }
    return out


def main():
    rng = np.random.default_rng(20261203)
    cases = []
    x, y = ratings(rng, 240, 5)
    cases.append(case("five attributes, 240 cases", x, y))
    x, y = ratings(rng, 150, 3, scale=5)
    w = rng.uniform(0.3, 3.0, size=150)
    cases.append(case("weighted, three attributes", x, y, w))
    x, y = ratings(rng, 120, 3)
    x = np.column_stack([x, x[:, 0]])  # an exact copy: R_xx is singular
    cases.append(case("collinear: attribute 4 copies attribute 1", x, y))
    x, y = ratings(rng, 100, 4)
    x = np.column_stack([x[:, :2], x[:, 0] + x[:, 1], x[:, 2:]])  # a sum of two others
    cases.append(case("collinear: attribute 3 is the sum of 1 and 2", x, y))
    x, y = ratings(rng, 80, 3)
    x[:, 1] = 4.0
    cases.append(case("one attribute does not vary", x, y))
    x, y = ratings(rng, 4, 3)
    cases.append(case("too few cases: n = k + 1", x, y))
    x, y = ratings(rng, 5, 3)
    cases.append(case("just enough cases: n = k + 2", x, y))
    x, _ = ratings(rng, 50, 3)
    cases.append(case("recommend does not vary", x, np.full(50, 9.0)))
    with open(os.path.join(HERE, "relative_weights.json"), "w") as f:
        json.dump({"tolerance": 1e-9, "cases": cases, "airline": airline()}, f)
        f.write("\n")


if __name__ == "__main__":
    main()
