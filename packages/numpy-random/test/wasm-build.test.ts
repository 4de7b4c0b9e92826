// The committed WebAssembly bytes are exactly what wabt (npm) compiles from the committed wasm/*.wat sources,
// so sources and bytes cannot drift. (The wasm vs TypeScript bit-identity is tested in mt19937.test.ts,
// bitgen-fixtures.test.ts and generator-ops.test.ts.)
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWat, KERNELS, renderModule } from '../scripts/build-wasm.mjs';
import { MT19937_WASM_BASE64 } from '../src/bitgen/mt19937-wasm-bytes.js';
import { PCG64_WASM_BASE64 } from '../src/bitgen/pcg64-wasm-bytes.js';

const pkg = join(__dirname, '..');
const committed: Record<string, string> = { mt19937: MT19937_WASM_BASE64, pcg64: PCG64_WASM_BASE64 };

describe('WebAssembly kernels: sources ↔ committed bytes', () => {
  it('covers both kernels', () => {
    expect(KERNELS.map((k) => k.name).sort()).toEqual(['mt19937', 'pcg64']);
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

  it('rejects post-MVP instructions (the kernels stay WebAssembly 1.0)', async () => {
    const signExt = '(module (func (result i32) (i32.extend8_s (i32.const 1))))';
    await expect(compileWat('bad.wat', signExt)).rejects.toThrow();
  });
});
