// Live cross-check against the onnx / onnxruntime Python packages (run by `pnpm test:live`, SEEDKIT_LIVE=1).
// Python: $SEEDKIT_PYTHON, else /work/.venv/bin/python if present, else python3; skipped (with a note) when
// that interpreter lacks onnx or onnxruntime.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { seedModel } from '../src/seed-model.js';
import { deterministicSessionOptions } from '../src/session.js';

const PY =
  process.env.SEEDKIT_PYTHON ?? (existsSync('/work/.venv/bin/python') ? '/work/.venv/bin/python' : 'python3');

function pythonHasOnnx(): boolean {
  if (process.env.SEEDKIT_LIVE !== '1') return false;
  try {
    execFileSync(PY, ['-c', 'import onnx, onnxruntime, numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn(`[seed-model.live] ${PY} lacks onnx/onnxruntime: live checks skipped`);
    return false;
  }
}

const CHECK = `
import json, sys
import numpy as np, onnx, onnxruntime as ort
b = open(sys.argv[1], 'rb').read()
m = onnx.load_from_string(b)
onnx.checker.check_model(m, full_check=True)
so = ort.SessionOptions()
so.intra_op_num_threads = 1
so.inter_op_num_threads = 1
so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
s = ort.InferenceSession(b, so, providers=['CPUExecutionProvider'])
names = [o.name for o in s.get_outputs()]
hexed = lambda v: np.ascontiguousarray(v.astype(np.uint8) if v.dtype == np.bool_ else v).tobytes().hex()
runs = [dict(zip(names, map(hexed, s.run(names, {'cond': np.array(True)})))) for _ in range(2)]
print(json.dumps({'canonical': m.SerializeToString() == b, 'runs': runs}))
`;

const live = pythonHasOnnx();
const tmp = mkdtempSync(join(tmpdir(), 'seedkit-ort-live-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.runIf(live)('seedModel output checked by the onnx and onnxruntime Python packages', () => {
  const fixture = new Uint8Array(readFileSync(new URL('../fixtures/seed-random-ops.onnx', import.meta.url)));
  for (const [label, seed, overwrite] of [
    ['root 42', 42, false],
    ['root 7, overwrite', 7, true],
  ] as const) {
    it(`${label}: passes onnx.checker, is canonical protobuf, and runs bit-identically in Python ORT`, async () => {
      const seeded = seedModel(fixture, seed, { overwrite });
      const path = join(tmp, `seeded-${seed}.onnx`);
      writeFileSync(path, seeded);
      const py = JSON.parse(execFileSync(PY, ['-c', CHECK, path], { encoding: 'utf8' }));
      expect(py.canonical).toBe(true);
      const session = await ort.InferenceSession.create(seeded, deterministicSessionOptions());
      for (const ref of py.runs as Record<string, string>[]) {
        const out = await session.run({ cond: new ort.Tensor('bool', Uint8Array.from([1]), []) });
        for (const name of session.outputNames) {
          const d = out[name]!.data as Float32Array;
          expect(Buffer.from(d.buffer, d.byteOffset, d.byteLength).toString('hex'), name).toBe(ref[name]);
        }
      }
      await session.release();
    });
  }
});
