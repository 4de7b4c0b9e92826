// Child process used by test/session*.test.ts and test/seed-model*.test.ts: runs an ONNX model with
// onnxruntime-node and prints the IEEE bits of every output (hex) as JSON on stdout.
// argv[2]: JSON { model: path, feeds: { name: { type, dims, data } }, options: SessionOptions, runs, sessions }
import ort from 'onnxruntime-node';

const job = JSON.parse(process.argv[2]);
const feeds = {};
for (const [name, f] of Object.entries(job.feeds ?? {})) {
  const data = f.type === 'bool' ? Uint8Array.from(f.data, Number) : Float32Array.from(f.data);
  feeds[name] = new ort.Tensor(f.type, data, f.dims);
}
const hex = (t) => Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength).toString('hex');
const result = [];
for (let s = 0; s < (job.sessions ?? 1); s++) {
  const session = await ort.InferenceSession.create(job.model, job.options ?? {});
  const runs = [];
  for (let r = 0; r < (job.runs ?? 1); r++) {
    const out = await session.run(feeds);
    runs.push(Object.fromEntries(session.outputNames.map((n) => [n, hex(out[n])])));
  }
  await session.release();
  result.push(runs);
}
process.stdout.write(JSON.stringify({ pid: process.pid, result }));
