#!/usr/bin/env python3
"""Reference values for journeygap's statistics, computed independently with scipy/statsmodels.

Run by hand (needs numpy, scipy, statsmodels, pandas) from the project root:
    python3 tests/reference/make_reference.py
It writes tests/reference/reference.json, which the Rust tests read. Real-data cases read
../shared/realdata/ (kiosk SERVQUAL survey, Make School NPS survey).
"""
import json
import os

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.path.join(HERE, "..", "..", "..", "shared", "realdata")


def clean(x):
    """NaN/inf → None so that JSON carries 'not defined'."""
    if x is None:
        return None
    x = float(x)
    return x if np.isfinite(x) else None


def wilson(p, n, conf):
    lo, hi = proportion_confint(p * n, n, alpha=1 - conf, method="wilson")
    # At p = 0 (p = 1) the Wilson lower (upper) bound is exactly 0 (1); statsmodels leaves a
    # rounding residue there.
    lo, hi = (0.0 if p == 0 else lo), (1.0 if p == 1 else hi)
    return {"p": p, "n": n, "conf": conf, "low": clean(lo), "high": clean(hi)}


def weighted_mean(x, w, conf):
    """Weighted mean; s² = Σw(x−m)²/Σw · n_eff/(n_eff−1); se = s/√n_eff; t with n_eff−1 df."""
    x, w = np.asarray(x, float), np.asarray(w, float)
    out = {"n": len(x), "mean": None, "sd": None, "ci_low": None, "ci_high": None}
    if len(x) == 0:
        return out
    n_eff = w.sum() ** 2 / (w ** 2).sum()
    m = np.sum(w * x) / w.sum()
    out["mean"] = clean(m)
    out["n_eff"] = n_eff
    if len(x) > 1 and n_eff > 1:
        if np.all(w == 1):
            sd = np.std(x, ddof=1)
            lo, hi = stats.t.interval(conf, len(x) - 1, loc=m, scale=stats.sem(x)) if sd > 0 else (m, m)
        else:
            sd = np.sqrt(np.sum(w * (x - m) ** 2) / w.sum() * n_eff / (n_eff - 1))
            q = stats.t.ppf(1 - (1 - conf) / 2, n_eff - 1)
            lo, hi = m - q * sd / np.sqrt(n_eff), m + q * sd / np.sqrt(n_eff)
        out.update(sd=clean(sd), ci_low=clean(lo), ci_high=clean(hi))
    return out


def gap(expectation, experience, w, conf):
    e, x, w = np.asarray(expectation, float), np.asarray(experience, float), np.asarray(w, float)
    d = x - e
    out = {"expectation": list(e), "experience": list(x), "w": list(w), "conf": conf}
    out["expectation_mean"] = weighted_mean(e, w, conf)
    out["experience_mean"] = weighted_mean(x, w, conf)
    g = weighted_mean(d, w, conf)
    out["gap"] = g
    out["t"] = out["p"] = out["dz"] = out["wilcoxon_p"] = None
    if g["sd"] is not None and g["sd"] > 0:
        if np.all(w == 1):
            res = stats.ttest_rel(x, e)
            out["t"], out["p"] = clean(res.statistic), clean(res.pvalue)
        else:
            n_eff = g["n_eff"]
            t = g["mean"] / (g["sd"] / np.sqrt(n_eff))
            out["t"], out["p"] = clean(t), clean(2 * stats.t.sf(abs(t), n_eff - 1))
        out["dz"] = clean(g["mean"] / g["sd"])
    if np.any(d != 0):
        out["wilcoxon_p"] = clean(stats.wilcoxon(d, zero_method="wilcox", correction=False, method="approx").pvalue)
    return out


def nps(scores, w, conf):
    s, w = np.asarray(scores, float), np.asarray(w, float)
    p = w[s >= 9].sum() / w.sum()
    d = w[s <= 6].sum() / w.sum()
    n_eff = w.sum() ** 2 / (w ** 2).sum()
    value = 100 * (p - d)
    var = 100 ** 2 * (p + d - (p - d) ** 2) / n_eff
    z = stats.norm.ppf(1 - (1 - conf) / 2)
    # Adjusted Wald (Rocks 2016): three pseudo-answers, ¾ each to promoters and detractors.
    n1 = n_eff + 3
    p1, d1 = (p * n_eff + 0.75) / n1, (d * n_eff + 0.75) / n1
    centre = 100 * (p1 - d1)
    half = z * 100 * np.sqrt((p1 + d1 - (p1 - d1) ** 2) / n1)
    return {"scores": list(s), "w": list(w), "conf": conf, "nps": value, "variance": var,
            "low": max(centre - half, -100.0), "high": min(centre + half, 100.0)}


def kiosk():
    """Every respondent is a client; items 'N-1 … (기대 설문)' vs 'N-2 … (인지 설문)'; gender segment."""
    k = pd.read_csv(os.path.join(REAL, "servqual-kiosk-googleforms", "kiosk.csv"), encoding="cp949")
    cols = [c.replace("\t", " ") for c in k.columns]
    exp, per = {}, {}
    for c, orig in zip(cols, k.columns):
        import re
        m = re.match(r"^(\d+)-1\.\s*.*\(기대 설문", c)
        if m:
            exp.setdefault(m.group(1), orig)
        m = re.match(r"^(\d+)-2\.\s*.*\(인지 설문", c)
        if m:
            per.setdefault(m.group(1), orig)
    names = sorted(set(exp) | set(per), key=int)
    gender = k.columns[0]
    groups = [("all", k)] + [(f"gender={g}", k[k[gender] == g]) for g in sorted(k[gender].dropna().unique())]
    rows = []
    for seg, df in groups:
        for a in names:
            both = df[[exp[a], per[a]]].dropna()
            r = gap(both[exp[a]], both[per[a]], np.ones(len(both)), 0.95)
            rows.append({"segment": seg, "attribute": a, "n": len(both),
                         "expectation_mean": r["expectation_mean"]["mean"], "experience_mean": r["experience_mean"]["mean"],
                         "gap_mean": r["gap"]["mean"], "gap_ci_low": r["gap"]["ci_low"], "gap_ci_high": r["gap"]["ci_high"],
                         "t_stat": r["t"], "p_value": r["p"], "effect_size_dz": r["dz"], "wilcoxon_p": r["wilcoxon_p"]})
    ps = [r["p_value"] for r in rows]
    idx = [i for i, p in enumerate(ps) if p is not None]
    q = multipletests([ps[i] for i in idx], method="fdr_bh")[1]
    for i, qv in zip(idx, q):
        rows[i]["q_value"] = float(qv)
    return rows


def makeschool():
    """Every respondent a client; 'Rating (Num)' 0–10 (#ERROR! missing); Location segment."""
    d = pd.read_csv(os.path.join(REAL, "nps-makeschool", "2017", "2017_surveys.csv"), encoding="utf-8-sig")
    d["score"] = pd.to_numeric(d["Rating (Num)"], errors="coerce")
    groups = [("all", d)] + [(f"location={g}", d[d["Location"] == g]) for g in sorted(d["Location"].dropna().unique())]
    rows = []
    for seg, df in groups:
        s = df["score"].dropna().values
        r = nps(s, np.ones(len(s)), 0.95)
        rows.append({"segment": seg, "n": len(s), "promoters": int((s >= 9).sum()), "passives": int(((s > 6) & (s < 9)).sum()),
                     "detractors": int((s <= 6).sum()), "nps": r["nps"], "nps_ci_low": r["low"], "nps_ci_high": r["high"]})
    return rows


def welch_case(a, b, wa=None, wb=None):
    a, b = np.asarray(a, float), np.asarray(b, float)
    out = {"a": list(a), "b": list(b), "wa": None, "wb": None, "difference": None, "t": None, "df": None, "p": None}
    if wa is None:
        out["difference"] = float(a.mean() - b.mean()) if len(a) and len(b) else None
        if len(a) > 1 and len(b) > 1 and (a.var() + b.var()) > 0:
            r = stats.ttest_ind(a, b, equal_var=False)
            va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
            out.update(t=clean(r.statistic), p=clean(r.pvalue), df=clean((va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))))
        return out
    wa, wb = np.asarray(wa, float), np.asarray(wb, float)
    out["wa"], out["wb"] = list(wa), list(wb)
    ma, mb = weighted_mean(a, wa, 0.95), weighted_mean(b, wb, 0.95)
    out["difference"] = ma["mean"] - mb["mean"]
    va, vb = ma["sd"] ** 2 / ma["n_eff"], mb["sd"] ** 2 / mb["n_eff"]
    t = out["difference"] / np.sqrt(va + vb)
    df = (va + vb) ** 2 / (va ** 2 / (ma["n_eff"] - 1) + vb ** 2 / (mb["n_eff"] - 1))
    out.update(t=t, df=df, p=2 * stats.t.sf(abs(t), df))
    return out


def ztest_case(xa, na, xb, nb):
    from statsmodels.stats.proportion import proportions_ztest
    out = {"pa": xa / na, "na": na, "pb": xb / nb, "nb": nb, "difference": xa / na - xb / nb, "z": None, "p": None}
    pooled = (xa + xb) / (na + nb)
    if 0 < pooled < 1:
        z, p = proportions_ztest([xa, xb], [na, nb])
        out.update(z=float(z), p=float(p))
    return out


def chi_case(table):
    t = np.asarray(table, float)
    kept = t[t.sum(axis=1) > 0][:, t.sum(axis=0) > 0]
    out = {"table": t.tolist(), "stat": None, "df": None, "p": None}
    if kept.shape[0] >= 2 and kept.shape[1] >= 2:
        r = stats.chi2_contingency(kept, correction=False)
        out.update(stat=float(r.statistic), df=float(r.dof), p=float(r.pvalue))
    return out


def pearson_case(x, y, w=None, conf=0.95):
    x, y = np.asarray(x, float), np.asarray(y, float)
    out = {"x": list(x), "y": list(y), "w": None, "conf": conf, "r": None, "low": None, "high": None, "p": None}
    if w is None:
        if len(x) >= 2 and x.std() > 0 and y.std() > 0:
            r = stats.pearsonr(x, y)
            out.update(r=float(r.statistic), p=float(r.pvalue))
            if len(x) > 3:
                ci = r.confidence_interval(confidence_level=conf)
                out.update(low=float(ci.low), high=float(ci.high))
        return out
    w = np.asarray(w, float)
    out["w"] = list(w)
    mx, my = np.sum(w * x) / w.sum(), np.sum(w * y) / w.sum()
    r = np.sum(w * (x - mx) * (y - my)) / np.sqrt(np.sum(w * (x - mx) ** 2) * np.sum(w * (y - my) ** 2))
    ne = w.sum() ** 2 / (w ** 2).sum()
    z, h = np.arctanh(r), stats.norm.ppf(1 - (1 - conf) / 2) / np.sqrt(ne - 3)
    t = r * np.sqrt((ne - 2) / (1 - r * r))
    out.update(r=r, low=np.tanh(z - h), high=np.tanh(z + h), p=2 * stats.t.sf(abs(t), ne - 2))
    return out


def telco():
    """Churn Yes → former, No → client; former against client on four fields."""
    from statsmodels.stats.proportion import proportions_ztest
    d = pd.read_csv(os.path.join(REAL, "telco-churn-ibm", "Telco-Customer-Churn.csv"))
    f, c = d[d["Churn"] == "Yes"], d[d["Churn"] == "No"]
    rows = []
    for col, name in [("MonthlyCharges", "monthly_charges"), ("tenure", "tenure")]:
        r = stats.ttest_ind(f[col], c[col], equal_var=False)
        rows.append({"metric": name, "test": "welch t", "difference": float(f[col].mean() - c[col].mean()), "statistic": float(r.statistic), "p_value": float(r.pvalue)})
    for col, name in [("PaperlessBilling", "paperless"), ("Contract", "contract")]:
        tab = pd.crosstab(d["Churn"].map({"Yes": 0, "No": 1}), d[col]).sort_index()
        r = stats.chi2_contingency(tab.values, correction=False)
        rows.append({"metric": name, "test": "chi-square", "difference": None, "statistic": float(r.statistic), "p_value": float(r.pvalue)})
    xa, xb = int((f["PaperlessBilling"] == "Yes").sum()), int((c["PaperlessBilling"] == "Yes").sum())
    z, p = proportions_ztest([xa, xb], [len(f), len(c)])
    rows.append({"metric": "paperless = yes", "test": "two-proportion z", "difference": xa / len(f) - xb / len(c), "statistic": float(z), "p_value": float(p)})
    ps = [r["p_value"] for r in rows]
    for r, q in zip(rows, multipletests(ps, method="fdr_bh")[1]):
        r["q_value"] = float(q)
    return {"n_former": len(f), "n_client": len(c), "rows": rows}


def main():
    rng = np.random.default_rng(20261123)
    out = {"tolerance": 1e-9}
    out["wilson"] = [wilson(p, n, c) for p, n, c in
                     [(0.5, 10, 0.95), (0.0, 20, 0.95), (1.0, 7, 0.9), (0.1304347826, 460, 0.95), (0.37, 123.4, 0.99), (0.02, 3, 0.8)]]
    ties_e = rng.integers(1, 6, 40).astype(float)
    ties_x = np.clip(ties_e + rng.integers(-2, 2, 40), 1, 5)
    w = rng.uniform(0.3, 3.0, 40).round(3)
    out["gaps"] = [
        gap(ties_e, ties_x, np.ones(40), 0.95),
        gap(ties_e, ties_x, w, 0.95),
        gap(ties_e[:12], ties_x[:12], np.ones(12), 0.9),
        gap([4.0], [2.0], [1.0], 0.95),
        gap([], [], [], 0.95),
        gap([3.0, 4.0, 5.0], [3.0, 4.0, 5.0], [1.0, 1.0, 1.0], 0.95),
        gap([3.0, 4.0], [1.0, 3.0], [1.0, 1.0], 0.95),
        gap(list(rng.normal(4, 1, 300)), list(rng.normal(3.6, 1.2, 300)), np.ones(300), 0.95),
    ]
    out["means"] = [weighted_mean(x, ww, c) | {"x": list(map(float, x)), "w": list(map(float, ww)), "conf": c} for x, ww, c in [
        (ties_x, np.ones(40), 0.95), (ties_x, w, 0.95), (np.array([2.0, 9.0]), np.array([1.0, 3.0]), 0.99)]]
    scores = rng.integers(0, 11, 150).astype(float)
    out["nps"] = [nps(scores, np.ones(150), 0.95), nps(scores, rng.uniform(0.5, 2.0, 150).round(3), 0.95),
                  nps([10.0, 10.0, 0.0], [1.0, 1.0, 1.0], 0.9), nps([10.0], [1.0], 0.95),
                  nps([10.0, 10.0, 10.0, 9.0], [1.0, 1.0, 1.0, 1.0], 0.95)]
    a, b = out["nps"][0], out["nps"][2]
    z = (a["nps"] - b["nps"]) / np.sqrt(a["variance"] + b["variance"])
    out["nps_diff_z"] = {"a": 0, "b": 2, "z": z, "difference": a["nps"] - b["nps"], "p": float(2 * stats.norm.sf(abs(z)))}
    pv = [0.01, 0.04, 0.03, 0.2, 0.5, 0.0001, 0.04, 0.9]
    out["bh"] = {"p": pv, "q": list(multipletests(pv, method="fdr_bh")[1])}
    out["kish"] = {"w": list(map(float, w)), "n_eff": float(w.sum() ** 2 / (w ** 2).sum())}
    a = rng.normal(5, 2, 35).round(1)
    b = rng.normal(6, 1, 50).round(1)
    out["welch"] = [welch_case(a, b), welch_case(a[:8], b[:5]), welch_case(a, b, rng.uniform(0.5, 2, 35).round(3), rng.uniform(0.5, 2, 50).round(3)),
                    welch_case([3.0], [1.0, 2.0, 3.0]), welch_case([2.0, 2.0], [2.0, 2.0])]
    out["ztest"] = [ztest_case(30, 60, 45, 70), ztest_case(3, 10, 0, 12), ztest_case(0, 10, 0, 12), ztest_case(12.5, 31.2, 40.0, 55.7)]
    out["chi"] = [chi_case([[10, 20, 30], [25, 15, 5]]), chi_case([[5, 0, 7], [3, 0, 9]]), chi_case([[12, 30], [40, 18]]), chi_case([[4, 4], [0, 0]])]
    px = rng.normal(3.5, 1, 60).round(0)
    py = np.clip(px * 1.5 + rng.normal(0, 2, 60), 0, 10).round(0)
    out["pearson"] = [pearson_case(px, py), pearson_case(px, py, rng.uniform(0.5, 2, 60).round(3)), pearson_case(px[:10], py[:10], conf=0.9),
                      pearson_case([1.0, 2.0], [3.0, 1.0]), pearson_case([2.0, 2.0, 2.0, 2.0], [1.0, 2.0, 3.0, 4.0])]
    def coverage(a, b):
        a, b = np.asarray(a, float), np.asarray(b, float)
        return {"use": list(a), "firm": list(b), "d": float(0.5 * np.abs(a / a.sum() - b / b.sum()).sum())}
    out["coverage"] = [coverage([0.6, 0.4, 0.55, 0.35, 0.08, 0.15], [1, 20000, 0, 15000, 25000, 0]),
                       coverage([0.1, 0.3, 0.2], [1, 1, 0]), coverage(rng.uniform(0, 1, 9), rng.uniform(0, 5, 9))]
    if os.path.isdir(REAL):
        out["telco"] = telco()
        out["kiosk_gaps"] = kiosk()
        out["makeschool_nps"] = makeschool()
    with open(os.path.join(HERE, "reference.json"), "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
