import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// src must run in browsers: it imports only itself and @noble/hashes, and reaches `process` only through a
// guarded globalThis lookup.
const dir = new URL('../src/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('browser safety of src/', () => {
  it.each(files)('%s imports only relative modules and @noble/hashes', (f) => {
    const text = readFileSync(new URL(f, dir), 'utf8');
    const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
    for (const s of specifiers) expect(s.startsWith('./') || s.startsWith('@noble/hashes/'), s).toBe(true);
    expect(text).not.toMatch(/\brequire\(/);
    expect(text).not.toMatch(/\bprocess\.env\b/);
    expect(text).not.toMatch(/\bBuffer\./);
  });
});
