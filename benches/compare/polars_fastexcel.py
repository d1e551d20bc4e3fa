#!/usr/bin/env python3
"""Read the benchmark corpus with polars + fastexcel (xlsx, itself built on calamine) and polars'
CSV reader: every sheet and every file, all cells as text. Polars reads in parallel itself; the
xlsx files are spread over all cores. BENCHMARKS.md sets its time beside journeygap's.

Run by hand (not by CI), after `cargo bench --bench corpus` has generated the corpus:
    python3 benches/compare/polars_fastexcel.py target/corpus/200x5000 [--runs 3]
"""
import argparse
import glob
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor

import fastexcel
import polars as pl


def read_xlsx(path):
    reader = fastexcel.read_excel(path)
    cells = 0
    for name in reader.sheet_names:
        df = reader.load_sheet_by_name(name, header_row=None).to_polars()
        cells += df.height * df.width
    return cells


def read_csv_all(files):
    cells = 0
    for f in files:
        df = pl.read_csv(f, has_header=False, infer_schema=False, truncate_ragged_lines=True)
        cells += df.height * df.width
    return cells


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=os.cpu_count())
    a = ap.parse_args()
    print(f"polars {pl.__version__}, fastexcel {fastexcel.__version__}, median of {a.runs} runs")
    xlsx = sorted(glob.glob(os.path.join(a.corpus, "xlsx", "*.xlsx")))
    csv = sorted(glob.glob(os.path.join(a.corpus, "csv", "*.csv")))
    times, cells = [], 0
    for _ in range(a.runs):
        t = time.perf_counter()
        with ProcessPoolExecutor(max_workers=a.workers) as pool:
            cells = sum(pool.map(read_xlsx, xlsx, chunksize=4))
        times.append(time.perf_counter() - t)
    print(f"xlsx: {len(xlsx)} files, {cells} cells, median {statistics.median(times):.2f} s")
    times = []
    for _ in range(a.runs):
        t = time.perf_counter()
        cells = read_csv_all(csv)
        times.append(time.perf_counter() - t)
    print(f"csv: {len(csv)} files, {cells} cells, median {statistics.median(times):.2f} s")


if __name__ == "__main__":
    main()
