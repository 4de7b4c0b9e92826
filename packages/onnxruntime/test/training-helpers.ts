import { rootSeed } from '@seedkit/core';

/** Uniform doubles in [0, 1) from a seed's SeedSequence words (test data only). */
export function uniforms(label: string, n: number): Float64Array {
  const words = rootSeed(20260127)
    .derive('test-data', label)
    .generateState(2 * n, 'uint32');
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++)
    out[i] = ((words[2 * i] as number) * 2 ** 21 + ((words[2 * i + 1] as number) >>> 11)) / 2 ** 53;
  return out;
}

/** Synthetic classification data: x ~ U(-1, 1)^[n, d], labels = argmax of a random linear map to `classes`. */
export function syntheticClassification(n: number, d: number, classes: number, label = 'cls') {
  const x = Float32Array.from(uniforms(`${label}/x`, n * d), (u) => 2 * u - 1);
  const wmap = Float64Array.from(uniforms(`${label}/w`, d * classes), (u) => 2 * u - 1);
  const y = new BigInt64Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestV = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < classes; c++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += (x[i * d + k] as number) * (wmap[k * classes + c] as number);
      if (s > bestV) {
        bestV = s;
        best = c;
      }
    }
    y[i] = BigInt(best);
  }
  return { x, xShape: [n, d], y, yShape: [n] };
}

export function hex(a: Float32Array | Float64Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
}
