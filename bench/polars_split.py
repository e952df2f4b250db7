"""Reference: the same float64 largest-remainder split as pandas_split.py, in polars.

Usage: python3 bench/polars_split.py IN.csv TOTAL OUT.csv
Needs polars (pip install polars); the bench skips it when python3 cannot import it.
"""
import sys

import numpy as np
import polars as pl

src, total, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
df = pl.read_csv(src)
quota = (df["weight"].cast(pl.Float64) / df["weight"].cast(pl.Float64).sum() * total).to_numpy()
base = np.floor(quota)
left = int(total - base.sum())
order = np.argsort(-(quota - base), kind="stable")
amount = base.astype("int64")
amount[order[:left]] += 1
df.with_columns(pl.Series("amount", amount)).write_csv(out)
