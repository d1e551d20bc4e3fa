#!/usr/bin/env python3
"""Read the benchmark corpus with pandas + openpyxl (xlsx) and pandas' C parser (CSV): every
sheet and every file, all cells as text, on all cores. This is the reading `journeygap run`
does before it classifies; BENCHMARKS.md sets its time beside journeygap's floor and run.

Run by hand (not by CI), after `cargo bench --bench corpus` has generated the corpus:
    python3 benches/compare/pandas_openpyxl.py target/corpus/200x5000 [--runs 3]
"""
import argparse
import glob
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor

import pandas as pd


def read_xlsx(path):
    sheets = pd.read_excel(path, sheet_name=None, header=None, dtype=str, engine="openpyxl")
    return sum(df.size for df in sheets.values())


def read_csv(path):
    df = pd.read_csv(path, header=None, dtype=str, keep_default_na=False)
    return df.size


def timed(fn, files, workers):
    t = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        cells = sum(pool.map(fn, files, chunksize=4))
    return time.perf_counter() - t, cells


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=os.cpu_count())
    a = ap.parse_args()
    print(f"pandas {pd.__version__}, {a.workers} workers, median of {a.runs} runs")
    for kind, fn in (("xlsx", read_xlsx), ("csv", read_csv)):
        files = sorted(glob.glob(os.path.join(a.corpus, kind, f"*.{kind}")))
        times = []
        for _ in range(a.runs):
            secs, cells = timed(fn, files, a.workers)
            times.append(secs)
        print(f"{kind}: {len(files)} files, {cells} cells, median {statistics.median(times):.2f} s")


if __name__ == "__main__":
    main()
