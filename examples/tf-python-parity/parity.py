"""The Python half of the tf-python parity demo: seed once, draw with TensorFlow 2.21 / Keras 3.15 (CPU).

    python parity.py > expected-output.txt     # needs tensorflow-cpu 2.21 and keras 3.15

src/main.mjs prints the same lines from @seedkit/tfjs/tf-python; `npm test` compares them with this output.
Every float is printed as %.6e and as the hex of its float32 (or float64) bits.
"""
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402


def show(label, t):
    a = np.asarray(t).reshape(-1)
    if a.dtype.kind == "f":
        bits = a.view(np.uint32 if a.dtype == np.float32 else np.uint64)
        width = 8 if a.dtype == np.float32 else 16
        vals = " ".join(f"{float(x):.6e}" for x in a)
        hexs = " ".join(f"{int(b):0{width}x}" for b in bits)
        print(f"{label}: {vals} | {hexs}")
    else:
        print(f"{label}: {' '.join(str(int(x)) for x in a)}")


keras.utils.set_random_seed(42)
init = keras.initializers.GlorotUniform()
print(f"GlorotUniform() picked seed: {init.seed}")
show("GlorotUniform()((3, 4))", init((3, 4)))
dense = keras.layers.Dense(4)
dense.build((None, 3))
show("Dense(4) kernel", dense.kernel)
show("HeNormal(seed=7)((2, 3))", keras.initializers.HeNormal(seed=7)((2, 3)))
show("keras.random.uniform((4,))", keras.random.uniform((4,)))
show("keras.random.normal((4,))", keras.random.normal((4,)))
show("tf.random.uniform([3])", tf.random.uniform([3]))
show("tf.random.normal([4])", tf.random.normal([4]))
show("tf.random.uniform([5], 0, 10, tf.int32)", tf.random.uniform([5], 0, 10, dtype=tf.int32))
show("tf.random.uniform([2], seed=7)", tf.random.uniform([2], seed=7))
show("tf.random.uniform([2], seed=7) again", tf.random.uniform([2], seed=7))
show("tf.random.truncated_normal([3], dtype=tf.float64)", tf.random.truncated_normal([3], dtype=tf.float64))
show("tf.random.stateless_normal([2, 3], seed=[1, 2])", tf.random.stateless_normal([2, 3], seed=[1, 2]))
show("tf.random.stateless_uniform([3], seed=[-1, 7], dtype=tf.float64)",
     tf.random.stateless_uniform([3], seed=[-1, 7], dtype=tf.float64))
ds = tf.data.Dataset.range(10).shuffle(4, seed=7)
for epoch in range(2):
    show(f"Dataset.range(10).shuffle(4, seed=7) epoch {epoch}", list(ds.as_numpy_iterator()))
