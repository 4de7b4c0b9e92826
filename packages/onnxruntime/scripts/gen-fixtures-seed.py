"""Generates the seedModel / deterministic-session fixtures of @seedkit/onnxruntime.

Run with the project virtualenv (onnx 1.23.1, onnxruntime 1.30.0, numpy):
    /work/.venv/bin/python scripts/gen-fixtures-seed.py        (from packages/onnxruntime)

Writes
  fixtures/seed-random-ops.onnx         every ONNX random op, unseeded (except one explicit seed), also inside
                                        If / Loop / Scan bodies and a model-local function
  fixtures/seed-random-ops-pyseeded.onnx  the same model, every unseeded random node seeded by Python `onnx`
                                        (seed attribute appended last, as onnx.helper would)
  fixtures/seed-mlp.onnx                an MLP 784-256-10 (MatMul+Add+Relu, Softmax) for determinism checks
  fixtures/seed-ort-python.json         Python onnxruntime 1.30 outputs (IEEE bits as hex) of the
                                        pyseeded model (runs 1 and 2 of one session), of the MLP, and
                                        of one-node RandomUniform / Dropout models for many seed values
                                        (how ORT folds seeds onto engine states)
"""

import json
import pathlib

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

OUT = pathlib.Path(__file__).resolve().parent.parent / "fixtures"
OPSET = 18
IR_VERSION = 8
FN_DOMAIN = "seedkit.test"


def f32(name, arr):
    return numpy_helper.from_array(np.asarray(arr, dtype=np.float32), name)


def vi(name, elem, shape):
    return helper.make_tensor_value_info(name, elem, shape)


def random_ops_model():
    inits = [
        f32("x23", np.ones((2, 3))),
        f32("probs", np.full((6,), 0.5)),
        f32("logits", np.zeros((1, 4))),
        f32("drop_in", np.ones((16,))),
        numpy_helper.from_array(np.array(0.5, dtype=np.float32), "ratio"),
        numpy_helper.from_array(np.array(True), "train"),
        numpy_helper.from_array(np.array(3, dtype=np.int64), "trip"),
        numpy_helper.from_array(np.array(True), "loop_cond"),
        f32("scan_in", np.zeros((3, 2))),
        f32("fn_in", np.zeros((4,))),
    ]
    # If bodies
    then_g = helper.make_graph(
        [helper.make_node("RandomUniform", [], ["then_r"], name="then_rand", shape=[4])],
        "then_body", [], [vi("then_r", TensorProto.FLOAT, [4])])
    else_g = helper.make_graph(
        [helper.make_node("RandomNormal", [], ["else_r"], shape=[4])],
        "else_body", [], [vi("else_r", TensorProto.FLOAT, [4])])
    # Loop body: (iter, cond) -> (cond, scan output)
    loop_g = helper.make_graph(
        [helper.make_node("Identity", ["cond_in"], ["cond_out"]),
         helper.make_node("RandomUniform", [], ["loop_r"], name="loop_rand", shape=[3])],
        "loop_body",
        [vi("iter", TensorProto.INT64, []), vi("cond_in", TensorProto.BOOL, [])],
        [vi("cond_out", TensorProto.BOOL, []), vi("loop_r", TensorProto.FLOAT, [3])])
    # Scan body: x_i -> x_i + noise
    scan_g = helper.make_graph(
        [helper.make_node("RandomNormalLike", ["xi"], ["noise"], name="scan_noise"),
         helper.make_node("Add", ["xi", "noise"], ["yi"])],
        "scan_body", [vi("xi", TensorProto.FLOAT, [2])], [vi("yi", TensorProto.FLOAT, [2])])
    # model-local function: Y = X + RandomNormalLike(X)
    fn = helper.make_function(
        FN_DOMAIN, "NoisyAdd", ["X"], ["Y"],
        [helper.make_node("RandomNormalLike", ["X"], ["N"], name="fn_noise"),
         helper.make_node("Add", ["X", "N"], ["Y"])],
        [helper.make_opsetid("", OPSET)])

    dropout = helper.make_node("Dropout", ["drop_in", "ratio", "train"], ["drop_out", "drop_mask"],
                               name="drop", doc_string="dropout with doc_string and metadata")
    dropout.metadata_props.add(key="origin", value="fixture")
    nodes = [
        helper.make_node("RandomUniform", [], ["ru"], name="ru", shape=[5], low=-1.0, high=1.0),
        helper.make_node("RandomNormal", [], ["rn"], shape=[5]),
        helper.make_node("RandomUniformLike", ["x23"], ["rul"], name="rul"),
        helper.make_node("RandomNormalLike", ["x23"], ["rnl"]),
        helper.make_node("Bernoulli", ["probs"], ["bern"], name="bern"),
        helper.make_node("Multinomial", ["logits"], ["multi"], name="multi", sample_size=8),
        dropout,
        helper.make_node("RandomUniform", [], ["ru_fixed"], name="ru_fixed", shape=[3], seed=77.0),
        helper.make_node("If", ["cond"], ["if_out"], name="branch", then_branch=then_g, else_branch=else_g),
        helper.make_node("Loop", ["trip", "loop_cond"], ["loop_out"], name="loop", body=loop_g),
        helper.make_node("Scan", ["scan_in"], ["scan_out"], name="scan", body=scan_g, num_scan_inputs=1),
        helper.make_node("NoisyAdd", ["fn_in"], ["fn_out"], name="noisy", domain=FN_DOMAIN),
    ]
    outputs = [
        vi("ru", TensorProto.FLOAT, [5]), vi("rn", TensorProto.FLOAT, [5]),
        vi("rul", TensorProto.FLOAT, [2, 3]), vi("rnl", TensorProto.FLOAT, [2, 3]),
        vi("bern", TensorProto.FLOAT, [6]), vi("multi", TensorProto.INT32, [1, 8]),
        vi("drop_out", TensorProto.FLOAT, [16]), vi("drop_mask", TensorProto.BOOL, [16]),
        vi("ru_fixed", TensorProto.FLOAT, [3]), vi("if_out", TensorProto.FLOAT, [4]),
        vi("loop_out", TensorProto.FLOAT, [3, 3]), vi("scan_out", TensorProto.FLOAT, [3, 2]),
        vi("fn_out", TensorProto.FLOAT, [4]),
    ]
    graph = helper.make_graph(nodes, "random_ops", [vi("cond", TensorProto.BOOL, [])], outputs, inits)
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", OPSET), helper.make_opsetid(FN_DOMAIN, 1)],
        functions=[fn], producer_name="seedkit-fixtures", ir_version=IR_VERSION)
    onnx.checker.check_model(model, full_check=True)
    return model


RANDOM_OPS = {"RandomUniform", "RandomNormal", "RandomUniformLike", "RandomNormalLike", "Bernoulli",
              "Multinomial", "Dropout"}


def py_seed_all(model):
    """Seeds every unseeded random node (graphs, attribute subgraphs, functions) with 1000 + 7 k."""
    counter = [0]

    def seed_nodes(nodes):
        for node in nodes:
            if node.domain in ("", "ai.onnx") and node.op_type in RANDOM_OPS:
                if not any(a.name == "seed" for a in node.attribute):
                    value = 1000 + 7 * counter[0]
                    counter[0] += 1
                    node.attribute.append(
                        helper.make_attribute("seed", int(value) if node.op_type == "Dropout" else float(value)))
            for attr in node.attribute:
                if attr.type == onnx.AttributeProto.GRAPH:
                    seed_nodes(attr.g.node)
                for g in attr.graphs:
                    seed_nodes(g.node)

    seed_nodes(model.graph.node)
    for fn in model.functions:
        seed_nodes(fn.node)
    return counter[0]


def mlp_model():
    rng = np.random.default_rng(20240607)
    inits = [
        f32("x", rng.standard_normal((64, 784))),
        f32("W1", rng.standard_normal((784, 256)) * 0.05),
        f32("b1", rng.standard_normal((256,)) * 0.1),
        f32("W2", rng.standard_normal((256, 10)) * 0.1),
        f32("b2", rng.standard_normal((10,)) * 0.1),
    ]
    nodes = [
        helper.make_node("Mul", ["x", "scale"], ["xs"]),
        helper.make_node("MatMul", ["xs", "W1"], ["z1m"]),
        helper.make_node("Add", ["z1m", "b1"], ["z1"]),
        helper.make_node("Relu", ["z1"], ["h1"]),
        helper.make_node("MatMul", ["h1", "W2"], ["z2m"]),
        helper.make_node("Add", ["z2m", "b2"], ["logits"]),
        helper.make_node("Softmax", ["logits"], ["probs"], axis=-1),
    ]
    graph = helper.make_graph(nodes, "mlp", [vi("scale", TensorProto.FLOAT, [1])],
                              [vi("probs", TensorProto.FLOAT, [64, 10]), vi("logits", TensorProto.FLOAT, [64, 10])],
                              inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="seedkit-fixtures", ir_version=IR_VERSION)
    onnx.checker.check_model(model, full_check=True)
    return model


def hex_bits(arr):
    a = np.ascontiguousarray(arr)
    if a.dtype == np.bool_:
        a = a.astype(np.uint8)
    return a.tobytes().hex()


def det_session(path, threads=1, level=ort.GraphOptimizationLevel.ORT_ENABLE_BASIC):
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    so.graph_optimization_level = level
    return ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])


def outputs_hex(sess, feeds):
    names = [o.name for o in sess.get_outputs()]
    vals = sess.run(names, feeds)
    return {n: {"dtype": str(v.dtype), "shape": list(v.shape), "hex": hex_bits(v)} for n, v in zip(names, vals)}


FOLD_FLOAT_SEEDS = [0, 1, -1, -2, 2, 3, 6, 512, 514, 42, 42.7, -42.7, 2**24, 2**24 + 2, 2**31 - 1, 2**31, 2**32,
                    2**32 + 512, 2**33 + 1024, 1e10, -1e10, 12345678]
FOLD_INT_SEEDS = [0, 1, -1, -2, 2, 3, 4, 6, 8, 10, 518, 2**31 - 1, 2**31, 2**31 + 5, 2**32, 2**32 + 6, 2**33 + 6,
                  2**40 + 6, 2**63 - 1, -2**63, 12345678]


def seed_folding():
    """How ORT folds seed attribute values onto engine states: outputs of one-node models per seed."""
    def run(model):
        return ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"]).run(None, {})[0]

    floats = []
    for s in FOLD_FLOAT_SEEDS:
        g = helper.make_graph([helper.make_node("RandomUniform", [], ["y"], shape=[8], seed=float(s))], "g", [],
                              [vi("y", TensorProto.FLOAT, [8])])
        m = helper.make_model(g, opset_imports=[helper.make_opsetid("", OPSET)], ir_version=IR_VERSION)
        stored = float(np.float32(s))  # the attribute is float32
        floats.append({"seed": stored, "hex": hex_bits(run(m))})
    ints = []
    for s in FOLD_INT_SEEDS:
        g = helper.make_graph([helper.make_node("Dropout", ["x", "r", "t"], ["y", "mask"], seed=int(s))], "g", [],
                              [vi("y", TensorProto.FLOAT, [64]), vi("mask", TensorProto.BOOL, [64])],
                              [f32("x", np.ones(64)), numpy_helper.from_array(np.array(0.5, dtype=np.float32), "r"),
                               numpy_helper.from_array(np.array(True), "t")])
        m = helper.make_model(g, opset_imports=[helper.make_opsetid("", OPSET)], ir_version=IR_VERSION)
        ints.append({"seed": str(s), "hex": hex_bits(run(m))})
    return {"RandomUniform": floats, "Dropout": ints}


def main():
    OUT.mkdir(exist_ok=True)
    model = random_ops_model()
    onnx.save(model, OUT / "seed-random-ops.onnx")
    seeded = onnx.ModelProto()
    seeded.CopyFrom(model)
    n_seeded = py_seed_all(seeded)
    onnx.checker.check_model(seeded, full_check=True)
    onnx.save(seeded, OUT / "seed-random-ops-pyseeded.onnx")
    mlp = mlp_model()
    onnx.save(mlp, OUT / "seed-mlp.onnx")

    cond = np.array(True)
    sess = det_session(OUT / "seed-random-ops-pyseeded.onnx")
    run1 = outputs_hex(sess, {"cond": cond})
    run2 = outputs_hex(sess, {"cond": cond})
    mlp_out = {}
    for level_name, level in [("basic", ort.GraphOptimizationLevel.ORT_ENABLE_BASIC),
                              ("disabled", ort.GraphOptimizationLevel.ORT_DISABLE_ALL)]:
        s = det_session(OUT / "seed-mlp.onnx", 1, level)
        mlp_out[level_name] = outputs_hex(s, {"scale": np.array([1.0], dtype=np.float32)})
    fixture = {
        "generator": "scripts/gen-fixtures-seed.py",
        "onnx": onnx.__version__,
        "onnxruntime": ort.__version__,
        "numpy": np.__version__,
        "sessionOptions": "intra_op_num_threads=1, inter_op_num_threads=1, ORT_SEQUENTIAL, CPU EP",
        "pyseeded": {"seededNodes": n_seeded, "feeds": {"cond": True}, "run1": run1, "run2": run2},
        "mlp": {"feeds": {"scale": [1.0]}, "byOptimizationLevel": mlp_out},
        "seedFolding": seed_folding(),
    }
    (OUT / "seed-ort-python.json").write_text(json.dumps(fixture, indent=1) + "\n")
    print(f"wrote fixtures ({n_seeded} nodes seeded by Python)")


if __name__ == "__main__":
    main()
