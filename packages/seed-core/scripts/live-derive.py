#!/usr/bin/env python3
"""Reads [{"root": <encoded>, "path": [...]}, ...] as JSON on stdin and writes, for each, the Python reference's
spawn-key words and generate_state(8, uint32) / generate_state(4, uint64) as hex (used by test-live/)."""

import json
import os
import sys

import numpy as np

sys.dont_write_bytecode = True  # keep python/ free of __pycache__ (it is published)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "python"))
import seedkit_protocol as sp  # noqa: E402


def dec(v):
    if isinstance(v, list):
        return [dec(x) for x in v]
    if isinstance(v, dict):
        if "$int" in v:
            return int(v["$int"])
        if "$str" in v:
            return v["$str"]
        if "$seedSequence" in v:
            s = v["$seedSequence"]
            return np.random.SeedSequence(dec(s["entropy"]), spawn_key=dec(s["spawnKey"]), pool_size=s["poolSize"])
    return v


out = []
for case in json.load(sys.stdin):
    try:
        ss = sp.derive(dec(case["root"]), *case["path"])
        out.append({
            "u32": [format(int(x), "08x") for x in ss.generate_state(8, np.uint32)],
            "u64": [format(int(x), "016x") for x in ss.generate_state(4, np.uint64)],
        })
    except (TypeError, ValueError) as e:
        out.append({"error": type(e).__name__ if not isinstance(e, UnicodeError) else "ValueError"})
json.dump({"numpy": np.__version__, "results": out}, sys.stdout)
