// The committed WebAssembly bytes are exactly what wabt (npm) compiles from the committed wasm/*.wat sources,
// so sources and bytes cannot drift. (The wasm vs TypeScript bit-identity is tested in mt19937.test.ts,
// bitgen-fixtures.test.ts and generator-ops.test.ts.)
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWat, KERNELS, renderModule } from '../scripts/build-wasm.mjs';
import { GAUSS_WASM_BASE64 } from '../src/bitgen/gauss-wasm-bytes.js';
import { MT19937_WASM_BASE64 } from '../src/bitgen/mt19937-wasm-bytes.js';
import { pcgKernel } from '../src/bitgen/pcg64-wasm.js';
import { PCG64_WASM_BASE64 } from '../src/bitgen/pcg64-wasm-bytes.js';

const pkg = join(__dirname, '..');
const committed: Record<string, string> = {
  gauss: GAUSS_WASM_BASE64,
  mt19937: MT19937_WASM_BASE64,
  pcg64: PCG64_WASM_BASE64,
};

describe('WebAssembly kernels: sources ↔ committed bytes', () => {
  it('covers every kernel', () => {
    expect(KERNELS.map((k) => k.name).sort()).toEqual(['gauss', 'mt19937', 'pcg64']);
  });

  for (const { name, constant } of KERNELS) {
    it(`${name}: wabt re-compiles wasm/${name}.wat to the committed bytes`, async () => {
      const bytes = await compileWat(`${name}.wat`, readFileSync(join(pkg, 'wasm', `${name}.wat`), 'utf8'));
      const shipped = new Uint8Array(Buffer.from(committed[name] as string, 'base64'));
      expect(shipped.length).toBeGreaterThan(8);
      expect(Buffer.from(bytes).equals(Buffer.from(shipped))).toBe(true);
      // the generated module file is byte-for-byte what the build script writes
      const file = readFileSync(join(pkg, 'src', 'bitgen', `${name}-wasm-bytes.ts`), 'utf8');
      expect(file).toBe(renderModule(name, constant, bytes));
      // and its header names the sha256 of the shipped bytes
      const sha = createHash('sha256').update(shipped).digest('hex');
      expect(file).toContain(`sha256 ${sha}`);
      expect(file).toContain(`from wasm/${name}.wat`);
    });
  }

  it('rejects post-MVP instructions by default (pcg64 is WebAssembly 1.0; only mt19937 opts into SIMD)', async () => {
    const signExt = '(module (func (result i32) (i32.extend8_s (i32.const 1))))';
    await expect(compileWat('bad.wat', signExt)).rejects.toThrow();
  });
});

describe('PCG64 kernel (two interleaved lanes) against a BigInt step, every count parity', () => {
  const MASK64 = (1n << 64n) - 1n;
  const MASK128 = (1n << 128n) - 1n;
  const M = 0x2360ed051fc65da44385df649fccf645n;
  const rotr = (x: bigint, r: bigint) => ((x >> r) | (x << ((64n - r) & 63n))) & MASK64;

  it('fill_raw / fill_double give the reference outputs and final state for n = 0…5, 63…65, 8191, 8192', () => {
    const k = pcgKernel();
    expect(k).not.toBeNull();
    if (k === null) return;
    const st64 = new BigUint64Array(k.state.buffer, k.state.byteOffset, 4);
    const raw64 = new BigUint64Array(k.raw.buffer, k.raw.byteOffset, 8192);
    let seed = 0x0123456789abcdef_fedcba9876543210n;
    for (const n of [0, 1, 2, 3, 4, 5, 63, 64, 65, 8191, 8192]) {
      for (const asDouble of [false, true]) {
        seed = (seed * 6364136223846793005n + 1442695040888963407n) & MASK128;
        const s0 = seed;
        const inc = ((seed >> 3n) | 1n) & MASK128;
        st64[0] = s0 & MASK64;
        st64[1] = s0 >> 64n;
        st64[2] = inc & MASK64;
        st64[3] = inc >> 64n;
        if (asDouble) k.fillDouble(n);
        else k.fillRaw(n);
        let s = s0;
        for (let i = 0; i < n; i++) {
          s = (s * M + inc) & MASK128;
          const x = rotr((s >> 64n) ^ (s & MASK64), s >> 122n);
          if (asDouble) {
            expect(k.out[i]).toBe(Number(x >> 11n) * 2 ** -53);
          } else if (raw64[i] !== x) {
            expect(`n=${n} i=${i} ${raw64[i]}`).toBe(`n=${n} i=${i} ${x}`);
          }
        }
        expect([st64[0], st64[1]]).toEqual([s & MASK64, s >> 64n]);
        expect([st64[2], st64[3]]).toEqual([inc & MASK64, inc >> 64n]);
      }
    }
  });
});
