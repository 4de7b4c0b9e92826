#!/usr/bin/env python3
"""Gradient and optimiser fixtures for the ONNX training-graph builder, computed by PyTorch autograd.

Usage (from packages/onnxruntime):  /work/.venv/bin/python scripts/gen-fixtures-torch.py
Writes fixtures/torch-gradients.json. Every float is float64, stored as little-endian IEEE hex so the tests
read the exact values. Inputs are drawn with numpy's PCG64 (seeded); only torch computes losses/gradients.

Per-op cases: y = op(inputs); loss = mean((y - target)^2) (the builder's 'mse' loss); gradients w.r.t. every
float input. MLP cases: softmax cross-entropy, gradients w.r.t. all parameters (one case with a dropout mask
fed as data). Optimiser cases: 3 steps of SGD+momentum, Adam and AdamW on the MLP, params after each step.

Exported models: a torch.nn.Sequential (Flatten, Linear, ReLU, Dropout, Linear) exported by torch.onnx.export
(TorchScript exporter, opset 17, training mode so Dropout stays) in float64 and float32, with torch's gradients
for one batch with a given dropout mask (fixtures/torch-exported-*.onnx, fixtures/torch-exported.json).
"""
import io
import json
import sys

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
rng = np.random.default_rng(20260127)


def hx(a):
    return np.ascontiguousarray(np.asarray(a, dtype='<f8')).tobytes().hex()


def f32(v):
    return float(np.float32(v))


def rand(shape, lo=-1.0, hi=1.0):
    return rng.uniform(lo, hi, size=shape)


cases = []


def case(name, op, shapes, fn, attrs=None, consts=None, ranges=None, mask=None):
    consts = consts or {}
    ranges = ranges or {}
    arrays = []
    float_idx = []
    n_inputs = len(shapes) + len(consts)
    si = 0
    for i in range(n_inputs):
        if i in consts:
            continue
        lo, hi = ranges.get(i, (-1.0, 1.0))
        arrays.append(rand(shapes[si], lo, hi))
        float_idx.append(i)
        si += 1
    tensors = [torch.tensor(a, requires_grad=True) for a in arrays]
    mask_arr = None
    if mask is not None:
        mask_arr = mask(arrays[0].shape)
        y = fn(*tensors, torch.tensor(mask_arr))
    else:
        y = fn(*tensors)
    target = rand(tuple(y.shape))
    loss = ((y - torch.tensor(target)) ** 2).mean()
    loss.backward()
    c = {
        'name': name,
        'op': op,
        'attrs': attrs or {},
        'inputs': [{'index': i, 'shape': list(a.shape), 'hex': hx(a)} for i, a in zip(float_idx, arrays)],
        'consts': [{'index': k, 'ints': v} for k, v in consts.items()],
        'target': {'shape': list(y.shape), 'hex': hx(target)},
        'loss': hx([loss.item()]),
        'grads': [hx(t.grad.numpy()) for t in tensors],
    }
    if mask_arr is not None:
        c['mask'] = hx(mask_arr)
    cases.append(c)


I = lambda v: {'kind': 'int', 'value': v}  # noqa: E731
F = lambda v: {'kind': 'float', 'value': v}  # noqa: E731
INTS = lambda v: {'kind': 'ints', 'value': v}  # noqa: E731

case('MatMul 2d', 'MatMul', [(3, 4), (4, 5)], lambda a, b: a @ b)
case('MatMul batched, B broadcast', 'MatMul', [(2, 3, 4), (4, 5)], lambda a, b: a @ b)
case(
    'Gemm transB alpha beta',
    'Gemm',
    [(3, 4), (5, 4), (5,)],
    lambda a, b, c: f32(0.7) * (a @ b.T) + f32(1.3) * c,
    attrs={'alpha': F(0.7), 'beta': F(1.3), 'transB': I(1)},
)
case('Gemm transA, C column', 'Gemm', [(4, 3), (4, 5), (3, 1)], lambda a, b, c: a.T @ b + c, attrs={'transA': I(1)})
case('Gemm transA transB', 'Gemm', [(4, 3), (5, 4)], lambda a, b: f32(0.5) * (a.T @ b.T), attrs={'transA': I(1), 'transB': I(1), 'alpha': F(0.5)})
case('Add broadcast', 'Add', [(3, 4), (4,)], lambda a, b: a + b)
case('Sub broadcast both', 'Sub', [(3, 1), (1, 4)], lambda a, b: a - b)
case('Mul broadcast rank', 'Mul', [(2, 3, 4), (3, 1)], lambda a, b: a * b)
case('Div broadcast', 'Div', [(3, 4), (4,)], lambda a, b: a / b, ranges={1: (0.5, 1.5)})
case('Relu', 'Relu', [(3, 4)], torch.relu)
case('LeakyRelu', 'LeakyRelu', [(3, 4)], lambda a: torch.nn.functional.leaky_relu(a, f32(0.2)), attrs={'alpha': F(0.2)})
case('Sigmoid', 'Sigmoid', [(3, 4)], torch.sigmoid)
case('Tanh', 'Tanh', [(3, 4)], torch.tanh)
case('Softmax last axis', 'Softmax', [(3, 4)], lambda a: torch.softmax(a, -1), attrs={'axis': I(-1)})
case('Softmax axis 0', 'Softmax', [(3, 4)], lambda a: torch.softmax(a, 0), attrs={'axis': I(0)})
case('LogSoftmax', 'LogSoftmax', [(3, 4)], lambda a: torch.log_softmax(a, 1), attrs={'axis': I(1)})
case('Reshape', 'Reshape', [(2, 3, 4)], lambda a: a.reshape(6, 4), consts={1: [-1, 4]})
case('Flatten axis 2', 'Flatten', [(2, 3, 4)], lambda a: a.reshape(6, 4), attrs={'axis': I(2)})
case('Transpose', 'Transpose', [(2, 3, 4)], lambda a: a.permute(1, 2, 0), attrs={'perm': INTS([1, 2, 0])})
case('Concat', 'Concat', [(2, 3), (2, 4)], lambda a, b: torch.cat([a, b], 1), attrs={'axis': I(1)})
case('ReduceSum keepdims=0', 'ReduceSum', [(2, 3, 4)], lambda a: a.sum(1), attrs={'keepdims': I(0)}, consts={1: [1]})
case('ReduceSum all', 'ReduceSum', [(2, 3)], lambda a: a.sum().reshape(1, 1), attrs={'keepdims': I(1)})
case('ReduceMean keepdims=1', 'ReduceMean', [(2, 3, 4)], lambda a: a.mean((0, 2), keepdim=True), attrs={'axes': INTS([0, 2])})
case('ReduceMean keepdims=0', 'ReduceMean', [(2, 3, 4)], lambda a: a.mean(2), attrs={'axes': INTS([-1]), 'keepdims': I(0)})
case('Identity', 'Identity', [(3, 4)], lambda a: a.clone())
case(
    'Dropout (mask fed)',
    'Dropout',
    [(3, 4)],
    lambda a, m: a * m,
    consts={},
    mask=lambda shape: (rng.uniform(size=shape) >= 0.25) / (1 - 0.25),
    attrs={},
)

case('Neg', 'Neg', [(3, 4)], lambda a: -a)
case('Exp', 'Exp', [(3, 4)], torch.exp)
case('Log', 'Log', [(3, 4)], torch.log, ranges={0: (0.5, 2.0)})

# --- Conv (ONNX Runtime's CPU Conv is float32-only): float32-representable inputs, torch in float64 ----------
conv_cases = []
for strides, pads, dilations, bias in [([1, 1], [0, 0, 0, 0], [1, 1], True), ([2, 1], [1, 0, 1, 1], [1, 2], True), ([2, 2], [1, 1, 0, 0], [1, 1], False)]:
    xs = rand((2, 3, 7, 6)).astype(np.float32).astype(np.float64)
    ws = rand((4, 3, 3, 2)).astype(np.float32).astype(np.float64)
    bs = rand((4,)).astype(np.float32).astype(np.float64)
    tx, tw, tb = (torch.tensor(a, requires_grad=True) for a in (xs, ws, bs))
    # ONNX pads [top, left, bottom, right]; F.pad takes (left, right, top, bottom)
    xp = torch.nn.functional.pad(tx, (pads[1], pads[3], pads[0], pads[2]))
    yv = torch.nn.functional.conv2d(xp, tw, tb if bias else None, stride=strides, dilation=dilations)
    target = rand(tuple(yv.shape)).astype(np.float32).astype(np.float64)
    loss = ((yv - torch.tensor(target)) ** 2).mean()
    loss.backward()
    conv_cases.append({
        'attrs': {'strides': strides, 'pads': pads, 'dilations': dilations},
        'bias': bias,
        'x': hx(xs), 'w': hx(ws), 'b': hx(bs),
        'target': {'shape': list(yv.shape), 'hex': hx(target)},
        'loss': hx([loss.item()]),
        'grads': [hx(tx.grad.numpy()), hx(tw.grad.numpy())] + ([hx(tb.grad.numpy())] if bias else []),
    })

# --- MLP: inputSize 6 → 5 relu (dropout 0.25 in one case) → 4 tanh → 3, softmax cross-entropy -------------
sizes = [6, 5, 4, 3]


def init_params():
    ps = {}
    for i in range(3):
        name = 'dense' if i == 0 else f'dense_{i}'
        ps[f'{name}/kernel'] = rand((sizes[i], sizes[i + 1]))
        ps[f'{name}/bias'] = rand((sizes[i + 1],), -0.1, 0.1)
    return ps


def mlp_forward(t, x, mask=None):
    h = torch.relu(x @ t['dense/kernel'] + t['dense/bias'])
    if mask is not None:
        h = h * mask
    h = torch.tanh(h @ t['dense_1/kernel'] + t['dense_1/bias'])
    return h @ t['dense_2/kernel'] + t['dense_2/bias']


mlp_cases = []
for with_dropout in (False, True):
    ps = init_params()
    x = rand((8, 6))
    y = rng.integers(0, 3, size=8)
    t = {k: torch.tensor(v, requires_grad=True) for k, v in ps.items()}
    mask = (rng.uniform(size=(8, 5)) >= 0.25) / 0.75 if with_dropout else None
    logits = mlp_forward(t, torch.tensor(x), None if mask is None else torch.tensor(mask))
    loss = torch.nn.functional.cross_entropy(logits, torch.tensor(y))
    loss.backward()
    mlp_cases.append({
        'name': 'mlp with dropout' if with_dropout else 'mlp',
        'dropout': 0.25 if with_dropout else 0,
        'params': {k: {'shape': list(v.shape), 'hex': hx(v)} for k, v in ps.items()},
        'x': hx(x),
        'y': [int(v) for v in y],
        **({'mask': hx(mask)} if mask is not None else {}),
        'loss': hx([loss.item()]),
        'grads': {k: hx(v.grad.numpy()) for k, v in t.items()},
    })

# --- optimisers: 3 steps on the MLP (no dropout), batches of 8 -----------------------------------------
opt_cases = []
opt_specs = [
    ('sgd', {'lr': 0.1, 'momentum': 0.9, 'weightDecay': 0.01}, lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, weight_decay=0.01)),
    ('sgd', {'lr': 0.1, 'momentum': 0.9, 'nesterov': True}, lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True)),
    ('adam', {'lr': 0.01, 'weightDecay': 0.01}, lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=0.01)),
    ('adamw', {'lr': 0.01, 'weightDecay': 0.1}, lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.1)),
]
for kind, options, make in opt_specs:
    ps = init_params()
    batches = [(rand((8, 6)), rng.integers(0, 3, size=8)) for _ in range(3)]
    t = {k: torch.tensor(v, requires_grad=True) for k, v in ps.items()}
    opt = make(list(t.values()))
    steps = []
    for x, y in batches:
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(mlp_forward(t, torch.tensor(x)), torch.tensor(y))
        loss.backward()
        opt.step()
        steps.append({'loss': hx([loss.item()]), 'params': {k: hx(v.detach().numpy()) for k, v in t.items()}})
    opt_cases.append({
        'optimizer': kind,
        'options': options,
        'params': {k: {'shape': list(v.shape), 'hex': hx(v)} for k, v in ps.items()},
        'batches': [{'x': hx(x), 'y': [int(v) for v in y]} for x, y in batches],
        'steps': steps,
    })

out = {
    'generator': 'scripts/gen-fixtures-torch.py',
    'torch': torch.__version__,
    'numpy': np.__version__,
    'python': sys.version.split()[0],
    'ops': cases,
    'mlp': mlp_cases,
    'optimizers': opt_cases,
    'conv': conv_cases,
}
with open('fixtures/torch-gradients.json', 'w') as f:
    json.dump(out, f, indent=1)
print(f'wrote fixtures/torch-gradients.json: {len(cases)} op cases, {len(mlp_cases)} mlp, {len(opt_cases)} optimiser runs')

# --- the Trainer's seeded streams, drawn by NumPy from the seedkit protocol's reference SeedSequences ---------
# batch order of epoch e: default_rng(derive(root, 'batches', e)).permutation(n);
# keep mask of dropout node d at step t: default_rng(derive(root, 'dropout', d, t)).random(size) >= rate.
sys.path.insert(0, '../seed-core/python')
import seedkit_protocol as proto  # noqa: E402

seeding = {'numpy': np.__version__, 'root': 2024, 'orders': [], 'masks': []}
for epoch, n in [(0, 100), (1, 100), (7, 37)]:
    perm = np.random.default_rng(proto.derive(2024, 'batches', epoch)).permutation(n)
    seeding['orders'].append({'epoch': epoch, 'n': n, 'order': [int(v) for v in perm]})
for node, step, size, rate in [('dropout', 0, 160, 0.25), ('dropout', 3, 160, 0.25), ('dropout_1', 3, 128, 0.5)]:
    u = np.random.default_rng(proto.derive(2024, 'dropout', node, step)).random(size)
    seeding['masks'].append({'node': node, 'step': step, 'size': size, 'rate': rate, 'keep': ''.join('1' if v >= rate else '0' for v in u)})
with open('fixtures/training-seeding.json', 'w') as f:
    json.dump(seeding, f, indent=1)
print('wrote fixtures/training-seeding.json')

# --- a model exported by torch.onnx.export -------------------------------------------------------------------
torch.manual_seed(7)
exported = {}
for dtype, tag in [(torch.float64, 'f64'), (torch.float32, 'f32')]:
    torch.manual_seed(7)
    net = torch.nn.Sequential(
        torch.nn.Flatten(), torch.nn.Linear(12, 8), torch.nn.ReLU(), torch.nn.Dropout(0.25), torch.nn.Linear(8, 3)
    ).to(dtype)
    buf = io.BytesIO()
    torch.onnx.export(
        net, (torch.zeros(2, 3, 4, dtype=dtype),), buf, input_names=['x'], output_names=['logits'],
        dynamic_axes={'x': {0: 'batch'}, 'logits': {0: 'batch'}}, opset_version=17,
        training=torch.onnx.TrainingMode.TRAINING, do_constant_folding=False, dynamo=False,
    )
    with open(f'fixtures/torch-exported-{tag}.onnx', 'wb') as f:
        f.write(buf.getvalue())
    if tag == 'f64':
        x = rand((5, 3, 4))
        y = rng.integers(0, 3, size=5)
        mask = (rng.uniform(size=(5, 8)) >= 0.25) / 0.75
        h = torch.relu(net[1](net[0](torch.tensor(x))))
        logits = net[4](h * torch.tensor(mask))
        loss = torch.nn.functional.cross_entropy(logits, torch.tensor(y))
        loss.backward()
        exported = {
            'x': hx(x), 'xShape': [5, 3, 4], 'y': [int(v) for v in y], 'mask': hx(mask), 'maskShape': [5, 8],
            'loss': hx([loss.item()]),
            'grads': {k: hx(v.grad.numpy()) for k, v in net.named_parameters()},
        }
with open('fixtures/torch-exported.json', 'w') as f:
    json.dump({'torch': torch.__version__, **exported}, f, indent=1)
print('wrote fixtures/torch-exported-f64.onnx, torch-exported-f32.onnx, torch-exported.json')
