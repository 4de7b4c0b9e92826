#!/usr/bin/env python3
"""Golden fixtures for @seedkit/tfjs/tf-python, produced by the real TensorFlow 2.21 / Keras 3.15 (CPU).

Run: /work/.venv/bin/python packages/tfjs/scripts/gen-fixtures-tf-python.py
Writes packages/tfjs/fixtures/tf-python-*.json. Arrays are stored as the hex of their IEEE / two's-complement
bits (big-endian per element, concatenated); arrays above BIG elements as sha256 of the little-endian bytes
plus the hex of the first and last 64 elements. Integers that may exceed 2^53 are strings.
"""
import hashlib
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "-1")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402

assert tf.__version__.startswith("2.21"), tf.__version__
assert keras.__version__.startswith("3.15"), keras.__version__

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")
BIG = 4096
HEX_DTYPES = {"float32": ">u4", "float64": ">u8", "int32": ">u4", "int64": ">u8", "uint32": ">u4", "uint64": ">u8"}
VIEW = {"float32": np.uint32, "float64": np.uint64, "int32": np.uint32, "int64": np.uint64,
        "uint32": np.uint32, "uint64": np.uint64}


def enc(t):
    a = np.asarray(t.numpy() if hasattr(t, "numpy") else t)
    dt = a.dtype.name
    flat = np.ascontiguousarray(a.reshape(-1))
    bits = flat.view(VIEW[dt])

    def hx(b):
        return b.astype(HEX_DTYPES[dt]).tobytes().hex()

    out = {"dtype": dt, "shape": list(a.shape)}
    if flat.size > BIG:
        out["sha256"] = hashlib.sha256(flat.astype("<" + flat.dtype.str[1:]).tobytes()).hexdigest()
        out["head"] = hx(bits[:64])
        out["tail"] = hx(bits[-64:])
    else:
        out["hex"] = hx(bits)
    return out


def s(v):
    return None if v is None else str(v)


def err(f):
    try:
        f()
    except tf.errors.InvalidArgumentError as e:
        return {"error": "InvalidArgumentError", "message": e.message[:200]}
    except ValueError as e:
        return {"error": "ValueError", "message": str(e)[:200]}
    except TypeError as e:
        return {"error": "TypeError", "message": str(e)[:200]}
    return None


def dump(name, obj):
    path = os.path.join(OUT, f"tf-python-{name}.json")
    with open(path, "w") as f:
        json.dump(obj, f, separators=(",", ":"))
        f.write("\n")
    print(f"{path}: {os.path.getsize(path)} bytes", file=sys.stderr)


# ----------------------------------------------------------------------------------------------------------
# Stateless ops

SEEDS = [(0, 0), (1, 2), (42, 0), (-1, 7), (7, 11), (2**31 - 1, -(2**31)), (2**40 + 5, -(2**50)),
         (2**63 - 1, -(2**63)), (123456789, 987654321), (-42, -42)]
SHAPES = [[], [0], [1], [5], [2, 3], [37]]
STATELESS_CALLS = [
    ("uniform", {}),
    ("uniform", {"minval": -2.0, "maxval": 5.3}),
    ("uniform", {"minval": 0, "maxval": 100}),
    ("uniform", {"dtype": "float64"}),
    ("uniform", {"dtype": "float64", "minval": -3.0, "maxval": 0.25}),
    ("uniform", {"dtype": "int32", "minval": 0, "maxval": 10}),
    ("uniform", {"dtype": "int32", "minval": -5, "maxval": 2**31 - 1}),
    ("uniform", {"dtype": "int32", "minval": -(2**31), "maxval": 2**31 - 1}),
    ("uniform", {"dtype": "int64", "minval": -5, "maxval": 2**40}),
    ("uniform", {"dtype": "int64", "minval": -(2**63), "maxval": 2**63 - 1}),
    ("uniform", {"dtype": "int32", "minval": None, "maxval": None}),
    ("uniform", {"dtype": "int64", "minval": None, "maxval": None}),
    ("uniform", {"dtype": "uint32", "minval": None, "maxval": None}),
    ("uniform", {"dtype": "uint64", "minval": None, "maxval": None}),
    ("normal", {}),
    ("normal", {"mean": 3.0, "stddev": 0.5}),
    ("truncated_normal", {}),
    ("truncated_normal", {"mean": -1.0, "stddev": 2.0}),
    ("normal", {"dtype": "float64"}),
    ("normal", {"dtype": "float64", "mean": 3.0, "stddev": 0.5}),
    ("truncated_normal", {"dtype": "float64"}),
    ("truncated_normal", {"dtype": "float64", "mean": -1.0, "stddev": 2.0}),
]
STATELESS_FN = {"uniform": tf.random.stateless_uniform, "normal": tf.random.stateless_normal,
                "truncated_normal": tf.random.stateless_truncated_normal}


def tf_kwargs(kw):
    out = dict(kw)
    if "dtype" in out:
        out["dtype"] = getattr(tf, out["dtype"])
    return out


def json_kwargs(kw):
    return {k: (s(v) if isinstance(v, int) and not isinstance(v, bool) else v) for k, v in kw.items()}


def stateless_cases():
    cases = []
    for seed in SEEDS:
        kc = tf.raw_ops.StatelessRandomGetKeyCounter(seed=tf.constant(list(seed), dtype=tf.int64))
        key = int(np.asarray(kc[0]).reshape(-1)[0])
        counter = [int(x) for x in np.asarray(kc[1]).reshape(-1)]
        cases.append({"fn": "get_key_counter", "seed": [s(seed[0]), s(seed[1])], "key": s(key),
                      "counter": [s(c) for c in counter]})
        for fn, kw in STATELESS_CALLS:
            for shape in SHAPES:
                r = STATELESS_FN[fn](shape, seed=list(seed), **tf_kwargs(kw))
                cases.append({"fn": fn, "shape": shape, "seed": [s(seed[0]), s(seed[1])],
                              "kwargs": json_kwargs(kw), "out": enc(r)})
    for seed, shape in [((42, 0), [1000]), ((-1, 7), [3, 333])]:
        for fn, kw in STATELESS_CALLS:
            if kw.get("minval", 0) is None or (kw.get("dtype", "float32") not in ("float32", "int32")):
                continue
            if True:
                r = STATELESS_FN[fn](shape, seed=list(seed), **tf_kwargs(kw))
                cases.append({"fn": fn, "shape": shape, "seed": [s(seed[0]), s(seed[1])],
                              "kwargs": json_kwargs(kw), "out": enc(r)})
    for seed in [(42, 0), (7, 11)]:
        for fn in ["uniform", "normal", "truncated_normal"]:
            for dt in ["float32", "float64"]:
                r = STATELESS_FN[fn]([100003], seed=list(seed), dtype=getattr(tf, dt))
                cases.append({"fn": fn, "shape": [100003], "seed": [s(seed[0]), s(seed[1])],
                              "kwargs": {"dtype": dt}, "out": enc(r)})
        r = tf.random.stateless_uniform([100003], seed=list(seed), minval=-7, maxval=1000, dtype=tf.int32)
        cases.append({"fn": "uniform", "shape": [100003], "seed": [s(seed[0]), s(seed[1])],
                      "kwargs": {"dtype": "int32", "minval": "-7", "maxval": "1000"}, "out": enc(r)})
    return cases


# ----------------------------------------------------------------------------------------------------------
# Stateful ops under tf.random.set_seed (eager)

def run_steps(steps):
    out = []
    for st in steps:
        op = st["op"]
        if op == "set_seed":
            v = st["seed"]
            tf.random.set_seed(None if v is None else int(v))
            out.append(None)
            continue
        kw = {k: v for k, v in st.items() if k not in ("op", "shape")}
        for k in ("seed", "minval", "maxval"):
            if k in kw and isinstance(kw[k], str):
                kw[k] = int(kw[k])
        if "dtype" in kw:
            kw["dtype"] = getattr(tf, kw["dtype"])
        fn = {"uniform": tf.random.uniform, "normal": tf.random.normal,
              "truncated_normal": tf.random.truncated_normal}[op]
        try:
            out.append(enc(fn(st["shape"], **kw)))
        except (tf.errors.InvalidArgumentError, ValueError, TypeError) as e:
            out.append({"error": type(e).__name__})
    return out


def stateful_scenarios():
    sc = []
    base = [
        {"op": "uniform", "shape": [3]},
        {"op": "uniform", "shape": [3]},
        {"op": "normal", "shape": [5]},
        {"op": "truncated_normal", "shape": [6]},
        {"op": "uniform", "shape": [2, 3], "minval": -2.0, "maxval": 2.0},
        {"op": "uniform", "shape": [7], "minval": 0, "maxval": 10, "dtype": "int32"},
        {"op": "uniform", "shape": [3], "dtype": "float64"},
        {"op": "uniform", "shape": [4], "seed": "7"},
        {"op": "uniform", "shape": [4], "seed": "7"},
        {"op": "uniform", "shape": [5], "maxval": 3.5},
        {"op": "uniform", "shape": [5], "minval": 0, "maxval": -3.5},
        {"op": "uniform", "shape": [3], "dtype": "int64", "minval": str(-(2**40)), "maxval": str(2**40)},
        {"op": "uniform", "shape": [3], "dtype": "float64", "minval": -1.5, "maxval": 1e10},
        {"op": "normal", "shape": [2, 2], "mean": 2.0, "stddev": 0.25, "seed": "3"},
        {"op": "truncated_normal", "shape": [9], "mean": -1.0, "stddev": 3.0},
        {"op": "normal", "shape": [], "seed": "7"},
        {"op": "uniform", "shape": [0]},
        {"op": "normal", "shape": [5], "dtype": "float64"},
        {"op": "truncated_normal", "shape": [5], "dtype": "float64", "mean": 1.0, "stddev": 0.5},
        {"op": "normal", "shape": [3], "dtype": "float64", "seed": "7"},
        {"op": "uniform", "shape": [3]},
    ]
    for g in [0, 1, 42, 1234567, -5, 2**31 - 1, 2**31 - 2, 2**31 + 5, 2**40 + 3, 2**70 + 1]:
        steps = [{"op": "set_seed", "seed": str(g)}] + base
        sc.append({"name": f"base sequence, set_seed({g})", "steps": steps})
    sc.append({"name": "reference mixed sequence after set_seed(1)", "steps": [
        {"op": "set_seed", "seed": "1"},
        {"op": "uniform", "shape": [5]},
        {"op": "normal", "shape": [4]},
        {"op": "uniform", "shape": [2, 3], "seed": "3"},
        {"op": "truncated_normal", "shape": [7]},
        {"op": "uniform", "shape": [3], "seed": "3"},
        {"op": "uniform", "shape": [6], "minval": 0, "maxval": 10, "dtype": "int32"},
        {"op": "uniform", "shape": [5], "dtype": "float64"},
        {"op": "uniform", "shape": [5], "minval": -2, "maxval": 2},
    ]})
    sc.append({"name": "explicit op seeds continue one stream; set_seed resets", "steps": [
        {"op": "set_seed", "seed": "42"},
        {"op": "uniform", "shape": [3], "seed": "7"},
        {"op": "uniform", "shape": [3], "seed": "7"},
        {"op": "uniform", "shape": [3], "seed": "7"},
        {"op": "uniform", "shape": [5], "seed": "7"},
        {"op": "normal", "shape": [5], "seed": "7"},
        {"op": "normal", "shape": [5], "seed": "7"},
        {"op": "set_seed", "seed": "42"},
        {"op": "uniform", "shape": [3], "seed": "7"},
        {"op": "uniform", "shape": [3], "seed": str(7 + 2**31 - 1)},
    ]})
    sc.append({"name": "no global seed, op seeds pair with 87654321", "steps": [
        {"op": "set_seed", "seed": None},
        {"op": "uniform", "shape": [4], "seed": "5"},
        {"op": "uniform", "shape": [4], "seed": "5"},
        {"op": "normal", "shape": [3], "seed": "5"},
        {"op": "uniform", "shape": [2], "seed": "-3"},
        {"op": "uniform", "shape": [2], "seed": str(2**70)},
        {"op": "uniform", "shape": [2], "seed": "0"},
        {"op": "truncated_normal", "shape": [5], "seed": "0"},
        {"op": "uniform", "shape": [3], "minval": 1, "maxval": 6, "dtype": "int32", "seed": "11"},
    ]})
    sc.append({"name": "global seed 0 and op seed 0 map to (0, 2^31-1)", "steps": [
        {"op": "set_seed", "seed": "0"},
        {"op": "uniform", "shape": [4], "seed": "0"},
        {"op": "uniform", "shape": [4], "seed": str(2**31 - 1)},
    ]})
    sc.append({"name": "failing ops still draw their op seed", "steps": [
        {"op": "set_seed", "seed": "9"},
        {"op": "uniform", "shape": [2]},
        {"op": "uniform", "shape": [-1]},
        {"op": "uniform", "shape": [2]},
        {"op": "uniform", "shape": [3], "minval": 5, "maxval": 5, "dtype": "int32"},
        {"op": "uniform", "shape": [2]},
        {"op": "uniform", "shape": [0], "minval": 5, "maxval": 5, "dtype": "int32"},
        {"op": "uniform", "shape": [2]},
    ]})
    sc.append({"name": "large outputs", "steps": [
        {"op": "set_seed", "seed": "3"},
        {"op": "uniform", "shape": [100003]},
        {"op": "normal", "shape": [100003]},
        {"op": "truncated_normal", "shape": [10001]},
        {"op": "normal", "shape": [20001], "dtype": "float64"},
        {"op": "truncated_normal", "shape": [10001], "dtype": "float64"},
        {"op": "uniform", "shape": [317, 5], "seed": "17"},
        {"op": "uniform", "shape": [11], "seed": "17"},
    ]})
    rng = np.random.default_rng(2024)
    steps = [{"op": "set_seed", "seed": "2024"}]
    kinds = ["uniform", "normal", "truncated_normal", "uniform_int", "uniform_range", "uniform_f64", "normal_f64"]
    for _ in range(40):
        k = kinds[int(rng.integers(len(kinds)))]
        shape = [int(x) for x in rng.integers(0, 6, size=int(rng.integers(0, 3)))]
        st = {"op": "uniform", "shape": shape}
        if k in ("normal", "truncated_normal"):
            st["op"] = k
        elif k == "normal_f64":
            st.update({"op": "normal", "dtype": "float64"})
        elif k == "uniform_int":
            st.update({"minval": int(rng.integers(-50, 0)), "maxval": int(rng.integers(1, 50)), "dtype": "int32"})
        elif k == "uniform_range":
            st.update({"minval": float(rng.uniform(-5, 0)), "maxval": float(rng.uniform(0.1, 5))})
        elif k == "uniform_f64":
            st["dtype"] = "float64"
        if rng.random() < 0.3:
            st["seed"] = str(int(rng.integers(0, 4)))
        steps.append(st)
    sc.append({"name": "interleaved random sequence after set_seed(2024)", "steps": steps})
    for s_ in sc:
        s_["results"] = run_steps(s_["steps"])
    return sc


# ----------------------------------------------------------------------------------------------------------
# Keras 3 initializers and keras.random (TensorFlow backend)

INITS = ["GlorotUniform", "GlorotNormal", "HeNormal", "HeUniform", "LecunNormal", "LecunUniform",
         "RandomNormal", "RandomUniform", "TruncatedNormal", "VarianceScaling"]
KSEEDS = [0, 1, 42, 7, 2147483653, -5, 2**40, 10**9, 2147483646, -(2**63)]
KSHAPES = [[3, 4], [5], [], [2, 3, 4, 6], [1, 1], [0, 3], [3, 3, 1, 8]]
EXTRA_INITS = [
    ("RandomNormal", {"mean": 1.0, "stddev": 2.0}),
    ("RandomUniform", {"minval": -3.0, "maxval": 0.5}),
    ("RandomUniform", {"minval": 0.0, "maxval": 1e-3}),
    ("TruncatedNormal", {"mean": 0.5, "stddev": 0.1}),
    ("VarianceScaling", {"scale": 0.3, "mode": "fan_out", "distribution": "untruncated_normal"}),
    ("VarianceScaling", {"scale": 2.5, "mode": "fan_avg", "distribution": "uniform"}),
    ("VarianceScaling", {"scale": 1.5, "mode": "fan_in", "distribution": "normal"}),
    ("VarianceScaling", {"input_axes": [0, 1], "output_axes": [-1]}),
]


def keras_explicit():
    cases = []
    for name in INITS:
        for seed in KSEEDS:
            for shape in KSHAPES:
                init = getattr(keras.initializers, name)(seed=seed)
                cases.append({"init": name, "kwargs": {}, "seed": s(seed), "shape": shape,
                              "out": enc(init(tuple(shape)))})
        for seed in [42]:
            init = getattr(keras.initializers, name)(seed=seed)
            cases.append({"init": name, "kwargs": {}, "seed": s(seed), "shape": [64, 32],
                          "out": enc(init((64, 32)))})
        if True:
            init = getattr(keras.initializers, name)(seed=11)
            cases.append({"init": name, "kwargs": {}, "seed": "11", "shape": [4, 5], "dtype": "float64",
                          "out": enc(init((4, 5), dtype="float64"))})
    for name, kw in EXTRA_INITS:
        for seed in [0, 42, 99]:
            init = getattr(keras.initializers, name)(seed=seed, **kw)
            for shape in ([[3, 4], [2, 3, 5], [7]] if "input_axes" not in kw else [[3, 4, 5], [2, 2, 6]]):
                cases.append({"init": name, "kwargs": kw, "seed": s(seed), "shape": shape,
                              "out": enc(init(tuple(shape)))})
    return cases


def keras_global():
    sc = []
    for seed in [0, 42, 123, 2**32 - 1]:
        keras.utils.set_random_seed(seed)
        res = {"seed": s(seed), "steps": [{"op": "np.random.rand", "shape": [3], "out": enc(np.random.rand(3))}]}
        g = keras.initializers.GlorotUniform()
        res["steps"].append({"op": "init", "init": "GlorotUniform", "picked": g.seed, "shape": [3, 4],
                             "out": [enc(g((3, 4))), enc(g((3, 4)))]})
        for name, shape in [("RandomNormal", [5]), ("HeUniform", [2, 2]), ("TruncatedNormal", [6]),
                            ("GlorotNormal", [4, 3])]:
            i = getattr(keras.initializers, name)()
            res["steps"].append({"op": "init", "init": name, "picked": i.seed, "shape": shape,
                                 "out": [enc(i(tuple(shape)))]})
        res["steps"].append({"op": "random.uniform", "shape": [4], "out": enc(keras.random.uniform((4,)))})
        res["steps"].append({"op": "random.uniform", "shape": [4], "out": enc(keras.random.uniform((4,)))})
        res["steps"].append({"op": "random.normal", "shape": [5], "out": enc(keras.random.normal((5,)))})
        res["steps"].append({"op": "random.truncated_normal", "shape": [5],
                             "out": enc(keras.random.truncated_normal((5,)))})
        d = keras.layers.Dense(4)
        d.build((None, 3))
        res["steps"].append({"op": "dense", "units": 4, "input": 3, "out": enc(d.kernel)})
        res["steps"].append({"op": "tf.uniform", "shape": [3], "out": enc(tf.random.uniform([3]))})
        sc.append(res)
    g = keras.random.SeedGenerator(1337)
    gen = {"seed": "1337", "normal": [enc(keras.random.normal((3,), seed=g)) for _ in range(3)]}
    g2 = keras.random.SeedGenerator(-9)
    gen2 = {"seed": "-9", "uniform": [enc(keras.random.uniform((5,), minval=-1.0, maxval=3.0, seed=g2))
                                      for _ in range(3)]}
    g3 = keras.random.SeedGenerator(5)
    i = keras.initializers.GlorotUniform(seed=g3)
    gen3 = {"seed": "5", "glorot": [enc(i((2, 3))) for _ in range(3)]}
    return {"global": sc, "generators": [gen, gen2, gen3]}


# ----------------------------------------------------------------------------------------------------------
# tf.data shuffle

def epochs(ds, n):
    return [[int(x) for x in ds.as_numpy_iterator()] for _ in range(n)]


def data_scenarios():
    sc = []
    tf.random.set_seed(None)
    for n, bs in [(10, 10), (10, 3), (10, 1), (0, 5), (1, 4), (100, 7), (100, 100), (100, 1000), (1000, 64),
                  (1000, 1000), (257, 16)]:
        for seed in [42, 0, -7, 2**40]:
            for reshuffle in [True, False]:
                if n == 1000 and seed not in (42,):
                    continue
                ds = tf.data.Dataset.range(n).shuffle(bs, seed=seed, reshuffle_each_iteration=reshuffle)
                sc.append({"global": None, "n": n, "buffer": bs, "seed": s(seed), "reshuffle": reshuffle,
                           "epochs": epochs(ds, 3)})
    for g in [1, 42, 2**33]:
        tf.random.set_seed(g)
        for seed in [42, None, None, 3]:
            for reshuffle in [True, False]:
                ds = tf.data.Dataset.range(10).shuffle(10, seed=seed, reshuffle_each_iteration=reshuffle)
                sc.append({"global": s(g), "continue": True, "n": 10, "buffer": 10, "seed": s(seed),
                           "reshuffle": reshuffle, "epochs": epochs(ds, 3)})
    tf.random.set_seed(None)
    return sc


# ----------------------------------------------------------------------------------------------------------
# Errors: what TF / Keras raise for bad input

def error_cases():
    I, U = tf.int32, tf.random.uniform
    cases = [
        ("uniform", {"shape": [3], "minval": 5, "maxval": 5, "dtype": "int32", "seed": 1},
         lambda: U([3], 5, 5, dtype=I, seed=1)),
        ("uniform", {"shape": [3], "minval": 6, "maxval": 5, "dtype": "int64", "seed": 1},
         lambda: U([3], 6, 5, dtype=tf.int64, seed=1)),
        ("uniform", {"shape": [3], "dtype": "int32", "seed": 1}, lambda: U([3], dtype=I, seed=1)),
        ("uniform", {"shape": [3], "dtype": "bool", "seed": 1}, lambda: U([3], dtype=tf.bool, seed=1)),
        ("uniform", {"shape": [3], "dtype": "uint8", "seed": 1}, lambda: U([3], dtype=tf.uint8, seed=1)),
        ("uniform", {"shape": [-1], "seed": 1}, lambda: U([-1], seed=1)),
        ("uniform", {"shape": [3], "minval": 1.5, "maxval": 4, "dtype": "int32", "seed": 1},
         lambda: U([3], 1.5, 4, dtype=I, seed=1)),
        ("normal", {"shape": [3], "dtype": "int32", "seed": 1},
         lambda: tf.random.normal([3], dtype=I, seed=1)),
        ("truncated_normal", {"shape": [3], "dtype": "int32", "seed": 1},
         lambda: tf.random.truncated_normal([3], dtype=I, seed=1)),
        ("stateless_uniform", {"shape": [3], "seed": [1, 2, 3]},
         lambda: tf.random.stateless_uniform([3], seed=[1, 2, 3])),
        ("stateless_uniform", {"shape": [3], "seed": 1}, lambda: tf.random.stateless_uniform([3], seed=1)),
        ("stateless_uniform", {"shape": [3], "seed": [1.5, 2]},
         lambda: tf.random.stateless_uniform([3], seed=[1.5, 2])),
        ("stateless_uniform", {"shape": [3], "seed": [str(2**63), "2"]},
         lambda: tf.random.stateless_uniform([3], seed=[2**63, 2])),
        ("stateless_uniform", {"shape": [3], "seed": [1, 2], "dtype": "int32"},
         lambda: tf.random.stateless_uniform([3], seed=[1, 2], dtype=I)),
        ("stateless_uniform", {"shape": [3], "seed": [1, 2], "dtype": "int32", "minval": 4, "maxval": 4},
         lambda: tf.random.stateless_uniform([3], seed=[1, 2], dtype=I, minval=4, maxval=4)),
        ("stateless_uniform", {"shape": [3], "seed": [1, 2], "dtype": "int16", "minval": 0, "maxval": 4},
         lambda: tf.random.stateless_uniform([3], seed=[1, 2], dtype=tf.int16, minval=0, maxval=4)),
        ("stateless_uniform", {"shape": [3], "seed": [1, 2], "dtype": "uint32", "minval": 0, "maxval": 4},
         lambda: tf.random.stateless_uniform([3], seed=[1, 2], dtype=tf.uint32, minval=0, maxval=4)),
        ("stateless_normal", {"shape": [3], "seed": [1, 2], "dtype": "int32"},
         lambda: tf.random.stateless_normal([3], seed=[1, 2], dtype=I)),
        ("stateless_truncated_normal", {"shape": [3], "seed": [1, 2, 3]},
         lambda: tf.random.stateless_truncated_normal([3], seed=[1, 2, 3])),
        ("stateless_normal", {"shape": [-2], "seed": [1, 2]},
         lambda: tf.random.stateless_normal([-2], seed=[1, 2])),
        ("shuffle", {"n": 3, "buffer": 0, "seed": 1}, lambda: list(tf.data.Dataset.range(3).shuffle(0, seed=1))),
        ("set_random_seed", {"seed": -1}, lambda: keras.utils.set_random_seed(-1)),
        ("set_random_seed", {"seed": str(2**32)}, lambda: keras.utils.set_random_seed(2**32)),
        ("set_random_seed", {"seed": 1.5}, lambda: keras.utils.set_random_seed(1.5)),
        ("initializer", {"init": "GlorotUniform", "seed": 1.5},
         lambda: keras.initializers.GlorotUniform(seed=1.5)),
        ("initializer_call", {"init": "GlorotUniform", "seed": str(2**63), "shape": [2, 2]},
         lambda: keras.initializers.GlorotUniform(seed=2**63)((2, 2))),
        ("initializer", {"init": "VarianceScaling", "mode": "x"},
         lambda: keras.initializers.VarianceScaling(mode="x")),
        ("initializer", {"init": "VarianceScaling", "distribution": "x"},
         lambda: keras.initializers.VarianceScaling(distribution="x")),
        ("initializer", {"init": "VarianceScaling", "scale": 0},
         lambda: keras.initializers.VarianceScaling(scale=0)),
        ("seed_generator", {"seed": 1.5}, lambda: keras.random.SeedGenerator(1.5)),
    ]
    out = []
    for fn, args, f in cases:
        e = err(f)
        assert e is not None, (fn, args)
        out.append({"fn": fn, "args": args, **e})
    return out


def live():
    """`--live`: read a JSON list of calls on stdin (made by test/tf-python-live.test.ts), answer on stdout."""
    spec = json.load(sys.stdin)
    out = []
    for c in spec:
        if c["kind"] == "stateless":
            kw = {k: (int(v) if k in ("minval", "maxval") and isinstance(v, str) else v)
                  for k, v in c["kwargs"].items()}
            r = STATELESS_FN[c["fn"]](c["shape"], seed=[int(c["seed"][0]), int(c["seed"][1])], **tf_kwargs(kw))
            out.append(enc(r))
        elif c["kind"] == "keras":
            init = getattr(keras.initializers, c["init"])(seed=int(c["seed"]))
            out.append(enc(init(tuple(c["shape"]))))
        elif c["kind"] == "stateful":
            out.append(run_steps(c["steps"]))
        elif c["kind"] == "shuffle":
            tf.random.set_seed(None)
            ds = tf.data.Dataset.range(c["n"]).shuffle(c["buffer"], seed=int(c["seed"]),
                                                        reshuffle_each_iteration=c["reshuffle"])
            out.append(epochs(ds, c["epochs"]))
    json.dump(out, sys.stdout)


if __name__ == "__main__" and "--live" in sys.argv:
    live()
elif __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    meta = {"tensorflow": tf.__version__, "keras": keras.__version__, "numpy": np.__version__,
            "generator": "scripts/gen-fixtures-tf-python.py"}
    dump("stateless", {"meta": meta, "cases": stateless_cases()})
    dump("stateful", {"meta": meta, "scenarios": stateful_scenarios()})
    dump("keras", {"meta": meta, "explicit": keras_explicit(), **keras_global()})
    dump("data", {"meta": meta, "scenarios": data_scenarios()})
    dump("errors", {"meta": meta, "cases": error_cases()})
