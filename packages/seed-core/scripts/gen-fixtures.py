#!/usr/bin/env python3
"""Generates fixtures/*.json (and the vector table in PROTOCOL.md) from real NumPy and python/seedkit_protocol.py.

Run from anywhere: python3 packages/seed-core/scripts/gen-fixtures.py   (needs numpy 2.4.x)

JSON encoding of Python values: an int is {"$int": "<decimal>"}, a str inside an entropy array is {"$str": ...},
a float is {"$float": "<repr>"}, None is null, a dict is {"$dict": {}}, lists stay lists. Words are 8/16-digit hex.
"""

import json
import math
import os
import random
import sys
import unicodedata

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
PKG = os.path.dirname(HERE)
sys.dont_write_bytecode = True  # keep python/ free of __pycache__ (it is published)
sys.path.insert(0, os.path.join(PKG, "python"))
import seedkit_protocol as sp  # noqa: E402

SS = np.random.SeedSequence


def enc(v):
    if isinstance(v, bool):
        raise AssertionError("bools are not encoded")
    if isinstance(v, int):
        return {"$int": str(v)}
    if isinstance(v, str):
        return {"$str": v}
    if isinstance(v, float):
        return {"$float": repr(v)}
    if v is None:
        return None
    if isinstance(v, dict):
        return {"$dict": {}}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    raise AssertionError(type(v))


def h32(a):
    return [format(int(x), "08x") for x in a]


def h64(a):
    return [format(int(x), "016x") for x in a]


def state(ss, n32=8, n64=4):
    return {
        "pool": h32(ss.pool),
        "u32": h32(ss.generate_state(n32, np.uint32)),
        "u64": h64(ss.generate_state(n64, np.uint64)),
    }


def key_words(spawn_key):
    """A spawn key as NumPy feeds it to the pool: each int split into 32-bit words, least significant first."""
    out = []
    for k in spawn_key:
        k = int(k)
        out.append(k & 0xFFFFFFFF)
        k >>= 32
        while k:
            out.append(k & 0xFFFFFFFF)
            k >>= 32
    return out


def error_name(fn):
    try:
        fn()
    except TypeError:
        return "TypeError"
    except ValueError:
        return "ValueError"
    except OverflowError:
        return "OverflowError"
    return None


def seed_sequence_fixtures():
    rng = random.Random(20261127)
    entropies = [
        0, 1, 42, 2**32 - 1, 2**32, 2**32 + 1, 2**53 - 1, 2**53, 2**63, 2**64 - 1, 2**64, 2**64 + 12345,
        2**128 + 7, 3**200, 2**521 - 1, rng.getrandbits(300), rng.getrandbits(1000),
        [], [0], [1, 2, 3], [2**32 - 1, 2**32, 2**64 + 1], [[1, 2], [3]], [[[5]], [], [6, [7, 8]]],
        ["0x1f"], ["12", "0x1_f", "0012", "1_2", "12 ", "12\n"], [1, "99999999999999999999999999", [3, "0xdeadbeefcafebabe1234"]],
        list(range(10)), [rng.getrandbits(32) for _ in range(20)], [2**40 + 5],
    ]
    cases = []
    for e in entropies:
        cases.append({"entropy": enc(e), **state(SS(e))})
    # pool sizes, spawn keys, spawning
    for e, kw in [
        (42, {"pool_size": 5}), (42, {"pool_size": 8}), (2**200 + 3, {"pool_size": 4}), ([1, 2, 3, 4, 5, 6], {"pool_size": 4}),
        (42, {"spawn_key": (0,)}), (42, {"spawn_key": (1, 2, 3)}), (0, {"spawn_key": (2**32 + 5,)}),
        ([], {"spawn_key": (7,)}), ([1, 2, 3, 4, 5], {"spawn_key": (9,)}), (42, {"spawn_key": (3,), "pool_size": 6}),
        (2**100, {"spawn_key": (2**31, 2**32 - 1)}), (5, {"spawn_key": ("0x10", "7")}),
    ]:
        c = {"entropy": enc(e), "poolSize": kw.get("pool_size", 4), "spawnKey": enc(list(kw.get("spawn_key", ())))}
        c.update(state(SS(e, **kw)))
        cases.append(c)
    spawns = []
    for e, kw, first, n in [(42, {}, 0, 3), (42, {}, 2, 2), (2**70, {"pool_size": 6}, 0, 2), ([3, 4], {"spawn_key": (5,)}, 0, 3)]:
        ss = SS(e, **kw)
        ss.spawn(first)
        kids = ss.spawn(n)
        spawns.append({
            "entropy": enc(e), "poolSize": kw.get("pool_size", 4), "spawnKey": enc(list(kw.get("spawn_key", ()))),
            "first": first, "n": n, "nChildrenSpawned": ss.n_children_spawned,
            "children": [{"spawnKey": enc(list(k.spawn_key)), **state(k, 4, 2)} for k in kids],
            "grandchildren": [state(g, 4, 2) for g in kids[-1].spawn(2)],
        })
    errors = []
    bad_entropy = [-1, [-1], [1, -5], -(2**70), 1.5, [1.5], float("nan"), [float("inf")], "5", [None], {},
                   ["abc"], [" 12"], ["-5"], ["1.5"], [""], ["0X1F"], ["0x"], ["0xg"], ["0x 1f"], ["1__2"], [[1, [None]]]]
    for e in bad_entropy:
        if e is None:
            continue
        name = error_name(lambda: SS(e))
        assert name is not None, e
        errors.append({"what": "entropy", "entropy": enc(e), "error": name})
    for ps in [3, 0, -4, 4.5]:
        errors.append({"what": "poolSize", "entropy": enc(1), "poolSize": enc(ps), "error": error_name(lambda: SS(1, pool_size=ps))})
    for sk in [[-1], [1.5], ["x"], [None]]:
        errors.append({"what": "spawnKey", "entropy": enc(1), "spawnKey": enc(sk), "error": error_name(lambda: SS(1, spawn_key=sk))})
    for args in [(-1, "uint32"), (1.5, "uint32"), (4, "uint16"), (4, "float64")]:
        errors.append({"what": "generateState", "entropy": enc(1), "nWords": enc(args[0]), "dtype": args[1],
                       "error": error_name(lambda: SS(1).generate_state(*args))})
    for e in errors:
        assert e["error"] in ("TypeError", "ValueError"), e
    return {"numpy": np.__version__, "cases": cases, "spawns": spawns, "errors": errors}


def protocol_fixtures():
    rng = random.Random(7)
    names = ["", "a", "b", "model", "train", "dropout", "layer", "Math.random", "numpy", "tfjs", "onnxruntime",
             "é", "日本語", "🎲", "a/b", "0", "42", "\x00", "x" * 300]
    segments = [{"segment": s, "words": h32(sp.segment_words(s))} for s in names]
    roots = [0, 1, 42, 2**32, 2**64 + 1, 2**256 - 1, [1, 2, 3], [2**40 + 5, 7], "42", "0x2A", " 12345678901234567890\n"]
    paths = [(), ("a",), (0,), (1,), (2**31 - 1,), ("a", "b"), ("a", 0), (0, "a"), ("model", "layer", 3),
             ("train", 0, "dropout"), (5, 6, 7), ("é", "🎲"), ("",), ("", "")]
    for _ in range(12):
        p = tuple(rng.choice([rng.randrange(2**31), rng.randrange(4), rng.choice(names[:11])]) for _ in range(rng.randrange(1, 5)))
        paths.append(p)
    vectors = []
    for r in roots:
        for p in paths:
            ss = sp.derive(r, *p)
            vectors.append({"root": r if isinstance(r, str) else enc(r), "path": list(p),
                            "spawnKey": key_words(ss.spawn_key), **state(ss, 8, 4)})
    # a SeedSequence root with its own pool size and spawn key
    for ps, sk in [(8, ()), (4, (3,)), (6, (2**33,))]:
        for p in [(), ("a",), (1, "b")]:
            ss = sp.derive(SS(99, pool_size=ps, spawn_key=sk), *p)
            vectors.append({"root": {"$seedSequence": {"entropy": enc(99), "poolSize": ps, "spawnKey": enc(list(sk))}},
                            "path": list(p), "spawnKey": key_words(ss.spawn_key), **state(ss, 8, 4)})
    errors = []
    for seg in [-1, 2**31, 2**40, 1.5, None, True, "\ud800", float("nan")]:
        name = error_name(lambda: sp.derive(0, seg))
        if name is None:
            try:
                sp.derive(0, seg)
            except UnicodeError:
                name = "ValueError"
        assert name in ("TypeError", "ValueError"), seg
        if isinstance(seg, bool):
            errors.append({"segment": {"$bool": seg}, "error": name})
        else:
            errors.append({"segment": seg if isinstance(seg, str) else enc(seg), "error": name})
    root_errors = []
    for r in ["", "abc", "-1", "1.5", "0x", "1_000", "12 34", "0b101", "٣", "+5"]:
        root_errors.append({"root": r, "error": error_name(lambda: sp.root(r))})
    for e in root_errors:
        assert e["error"] == "ValueError", e
    return {"protocolVersion": sp.PROTOCOL_VERSION, "numpy": np.__version__, "segments": segments,
            "vectors": vectors, "segmentErrors": errors, "rootErrors": root_errors}


def math_random_fixtures():
    """seededRandom(root) is Generator(MT19937(derive(root, 'Math.random'))).random(): 1500 doubles crosses
    two MT19937 regenerations. Doubles as IEEE-754 bit patterns (hex)."""
    out = []
    for r in [0, 42, 2**64 + 1, [1, 2, 3]]:
        g = np.random.Generator(np.random.MT19937(sp.derive(r, "Math.random")))
        bits = g.random(1500).view(np.uint64)
        out.append({"root": enc(r), "bits": [format(int(b), "016x") for b in bits]})
    return {"numpy": np.__version__, "streams": out}


def protocol_table(proto):
    rows = [["root", "path", "spawn key words (hex)", "`generate_state(8, uint32)` (hex)"]]
    wanted = [("42", []), ("42", ["a"]), ("42", [0]), ("42", ["a", "b"]), ("42", ["model", "layer", 3]),
              ("0", [""]), ("0x2A", ["train", 0, "dropout"]), ("[1, 2, 3]", ["é", "🎲"]), (str(2**64 + 1), [5, 6, 7])]
    def root_text(r):
        if isinstance(r, str):
            return json.dumps(r)
        if isinstance(r, dict) and "$int" in r:
            return r["$int"]
        if isinstance(r, list):
            return "[" + ", ".join(x["$int"] for x in r) + "]"
        return None
    for root, path in wanted:
        v = next(v for v in proto["vectors"] if (root_text(v["root"]) == root or root_text(v["root"]) == json.dumps(root)) and v["path"] == path)
        rows.append(["`{}`".format(root_text(v["root"])), "`{}`".format(json.dumps(path, ensure_ascii=False)),
                     " ".join(format(w, "08x") for w in v["spawnKey"]) or "(none)", " ".join(v["u32"])])
    # aligned as the repository's formatter (biome) aligns Markdown tables: by display width
    width = lambda t: sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in t)  # noqa: E731
    cols = [max(width(r[i]) for r in rows) for i in range(4)]
    line = lambda r: "| " + " | ".join(c + " " * (cols[i] - width(c)) for i, c in enumerate(r)) + " |"  # noqa: E731
    return "\n".join([line(rows[0]), "| " + " | ".join("-" * c for c in cols) + " |"] + [line(r) for r in rows[1:]])


def main():
    out = os.path.join(PKG, "fixtures")
    os.makedirs(out, exist_ok=True)
    ssf = seed_sequence_fixtures()
    proto = protocol_fixtures()
    with open(os.path.join(out, "seed-sequence.json"), "w") as f:
        json.dump(ssf, f, indent=1, ensure_ascii=True)
        f.write("\n")
    with open(os.path.join(out, "protocol.json"), "w") as f:
        json.dump(proto, f, indent=1, ensure_ascii=True)
        f.write("\n")
    with open(os.path.join(out, "math-random.json"), "w") as f:
        json.dump(math_random_fixtures(), f, indent=0)
        f.write("\n")
    doc = os.path.join(PKG, "PROTOCOL.md")
    if os.path.exists(doc):
        text = open(doc, encoding="utf-8").read()
        a, b = "<!-- vectors:start -->", "<!-- vectors:end -->"
        if a in text and b in text:
            head, rest = text.split(a, 1)
            _, tail = rest.split(b, 1)
            text = f"{head}{a}\n{protocol_table(proto)}\n{b}{tail}"
            open(doc, "w", encoding="utf-8").write(text)
    print(f"wrote {len(ssf['cases'])} SeedSequence cases, {len(ssf['errors'])} error cases, "
          f"{len(proto['vectors'])} protocol vectors (numpy {np.__version__})")


if __name__ == "__main__":
    main()
