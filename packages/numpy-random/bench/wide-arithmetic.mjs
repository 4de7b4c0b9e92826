// Diagnostic for issue #4's PCG64 gap: how fast would the PCG64 kernel be with a native 64×64→128 multiply?
// The WebAssembly wide-arithmetic proposal adds one (`i64.mul_wide_u`); Node 20's V8 does not have it. This
// builds bench/pcg64-wide.wat (the same two-lane fill_double as wasm/pcg64.wat, with the high half of x·M²l from
// `i64.mul_wide_u` instead of four 32-bit partial products), checks it gives the shipped kernel's doubles bit for
// bit, and times both `fill_double`s (1e7 doubles in calls of 8192, no copy) in the same engine:
//   - here, in Node (which prints whether it validates the probe at all), and
//   - in headless Chromium with V8's `--wasm-wide-arithmetic` flag, when a Chromium is found
//     (`--chromium PATH`, else `chromium` on the PATH; Debian's package `chromium`).
//
//   node bench/wide-arithmetic.mjs [--chromium PATH] [--repeats 15]
//
// Nothing here ships: the package uses wasm/pcg64.wat. This only measures what the proposal would give.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileWat } from '../scripts/build-wasm.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const argOf = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const REPEATS = Number(argOf('repeats', 15));

/** bench/pcg64-wide.wat → bytes, each `call $MW` rewritten to i64.mul_wide_u (see the .wat's header). */
async function wideBytes() {
  const text = readFileSync(join(here, 'pcg64-wide.wat'), 'utf8');
  const compile = (callee) =>
    compileWat('pcg64-wide.wat', text.replaceAll('$MW', callee), false, { multi_value: true });
  const a = await compile('$mw0');
  const b = await compile('$mw1');
  if (a.length !== b.length) throw new Error('wide-arithmetic: the two placeholder builds differ in length');
  const sites = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) sites.push(i);
  const calls = (text.match(/\(call \$MW /g) ?? []).length;
  if (sites.length !== calls || sites.some((i) => a[i - 1] !== 0x10 || a[i] !== 0 || b[i] !== 1))
    throw new Error(`wide-arithmetic: expected ${calls} 'call 0' sites, found bytes at ${sites}`);
  for (const i of sites) {
    a[i - 1] = 0xfc; // prefix
    a[i] = 0x16; // i64.mul_wide_u (LEB128 22)
  }
  return a;
}

/**
 * Runs in Node and, as source text, in the browser page: checks and times the two kernels. `log` prints a line.
 * Self-contained (no imports, no closures) because it is stringified into the page.
 */
function probe(shipped, wide, repeats, log) {
  const M = 0x2360ed051fc65da44385df649fccf645n;
  const MASK = (1n << 128n) - 1n;
  const s0 = 0x0123456789abcdef0fedcba987654321n;
  const inc = 0x5555aaaa3333cccc7777888899990001n;
  const setU128 = (mem, off, v) => {
    const d = new DataView(mem.buffer);
    d.setBigUint64(off, v & 0xffffffffffffffffn, true);
    d.setBigUint64(off + 8, (v >> 64n) & 0xffffffffffffffffn, true);
  };
  const cur = new WebAssembly.Instance(new WebAssembly.Module(shipped), {}).exports;
  setU128(cur.memory, 0, s0);
  setU128(cur.memory, 16, inc);
  let wid = null;
  if (WebAssembly.validate(wide)) {
    const trap = () => {
      throw new Error('placeholder import called');
    };
    wid = new WebAssembly.Instance(new WebAssembly.Module(wide), { x: { mw0: trap, mw1: trap } }).exports;
    const A = (s0 * M + inc) & MASK;
    setU128(wid.memory, 0, A);
    setU128(wid.memory, 16, (A * M + inc) & MASK);
    setU128(wid.memory, 32, ((M + 1n) * inc) & MASK);
  } else log('  i64.mul_wide_u: not supported by this engine (WebAssembly.validate is false)');
  const C = 8192;
  const N = 1e7;
  if (wid) {
    const a = new Float64Array(cur.memory.buffer, 64, C);
    const b = new Float64Array(wid.memory.buffer, 64, C);
    let differ = 0;
    for (let k = 0; k < 50; k++) {
      cur.fill_double(C);
      wid.fill_double(C);
      for (let i = 0; i < C; i++) if (!Object.is(a[i], b[i])) differ++;
    }
    log(
      `  same doubles as the shipped kernel: ${differ === 0 ? 'yes' : 'NO'} (${differ} of ${50 * C} differ)`,
    );
  }
  const time = (ex) => {
    const t = performance.now();
    for (let i = 0; i < N; i += C) ex.fill_double(C);
    return performance.now() - t;
  };
  const tc = [];
  const tw = [];
  for (let r = 0; r < repeats; r++) {
    tc.push(time(cur));
    if (wid) tw.push(time(wid));
  }
  const rate = (ts) => {
    const s = ts.slice(3).sort((x, y) => x - y); // the first three warm up the tiers
    return { median: N / s[s.length >> 1] / 1e3, best: N / s[0] / 1e3 };
  };
  const rc = rate(tc);
  const fmt = (r) => `median ${r.median.toFixed(0)} M/s, best ${r.best.toFixed(0)} M/s`;
  log(`  shipped kernel (32-bit partial products) fill_double: ${fmt(rc)}`);
  if (wid) {
    const rw = rate(tw);
    log(`  probe kernel (i64.mul_wide_u)            fill_double: ${fmt(rw)}`);
    log(`  probe ÷ shipped (medians): ${(rw.median / rc.median).toFixed(2)}×`);
  }
}

const shipped = await compileWat('pcg64.wat', readFileSync(join(here, '..', 'wasm', 'pcg64.wat'), 'utf8'));
const wide = await wideBytes();

console.log(`Node ${process.version} (V8 ${process.versions.v8}):`);
probe(shipped, wide, REPEATS, console.log);

const chromium = argOf('chromium', 'chromium');
const version = spawnSync(chromium, ['--version'], { encoding: 'utf8' });
if (version.status !== 0) {
  console.log(
    `No Chromium (${chromium}); pass --chromium PATH to time the probe with V8's --wasm-wide-arithmetic.`,
  );
} else {
  const dir = mkdtempSync(join(tmpdir(), 'seedkit-wide-'));
  const b64 = (u8) => Buffer.from(u8).toString('base64');
  const page = `<!doctype html><pre id="o"></pre><script>
const dec = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const o = document.getElementById('o');
const log = (m) => { o.textContent += m + '\\n'; };
${probe.toString()}
try { probe(dec('${b64(shipped)}'), dec('${b64(wide)}'), ${REPEATS}, log); } catch (e) { log('  error: ' + e.message); }
</script>`;
  writeFileSync(join(dir, 'probe.html'), page);
  for (const flags of [['--js-flags=--wasm-wide-arithmetic'], []]) {
    const r = spawnSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${mkdtempSync(join(dir, 'profile-'))}`,
        ...flags,
        '--dump-dom',
        `file://${join(dir, 'probe.html')}`,
      ],
      { encoding: 'utf8', timeout: 300_000 },
    );
    const out = /<pre id="o">([\s\S]*?)<\/pre>/.exec(r.stdout ?? '')?.[1];
    console.log(`${version.stdout.trim()} ${flags.length ? flags.join(' ') : '(no flag)'}:`);
    console.log(
      out ? out.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&').trimEnd() : '  no output',
    );
  }
}
