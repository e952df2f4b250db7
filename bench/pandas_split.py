"""Reference: the largest-remainder split an analyst would write with pandas, in floating point.

Usage: python3 bench/pandas_split.py IN.csv TOTAL OUT.csv
Needs pandas (Debian: apt-get install python3-pandas). Not exact: quotas are float64.
"""
import sys

import numpy as np
import pandas as pd

src, total, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
df = pd.read_csv(src)
weights = df["weight"].astype("float64")
quota = weights / weights.sum() * total
base = np.floor(quota)
left = int(total - base.sum())
order = np.argsort(-(quota - base).to_numpy(), kind="stable")
amount = base.to_numpy().astype("int64")
amount[order[:left]] += 1
df["amount"] = amount
df.to_csv(out, index=False)
