/**
 * SFC64 (Chris Doty-Humphrey's Small Fast Chaotic PRNG), bit-exact with NumPy's `SFC64`.
 * State: four 64-bit words held as eight 32-bit limbs. No `advance` or `jumped` (as NumPy).
 */
import { BitGenerator64 } from './bitgen64.js';
import {
  bigToLimbs,
  checkDict,
  checkStateName,
  type ISeedSequence,
  limbsToBig,
  parseUint32Buffer,
  parseUintArray,
  type SeedLike,
  stateWords64,
  toSeedSequence,
} from './seeding.js';

/** `SFC64(…).state`: the four 64-bit words as decimal strings. */
export interface SFC64State {
  bit_generator: string;
  state: { state: (string | bigint)[] };
  has_uint32: number;
  uinteger: number;
}

export class SFC64 extends BitGenerator64 {
  readonly name: string = 'SFC64';
  // limbs: a = s0, b = s1, c = s2, w = s3 (counter); h = high 32 bits, l = low 32 bits
  private ah = 0;
  private al = 0;
  private bh = 0;
  private bl = 0;
  private ch = 0;
  private cl = 0;
  private wh = 0;
  private wl = 0;

  constructor(seed?: SeedLike) {
    super();
    const ss = toSeedSequence(seed);
    this._seedSeq = ss;
    const v = stateWords64(ss, 3);
    this.al = v[0]!;
    this.ah = v[1]!;
    this.bl = v[2]!;
    this.bh = v[3]!;
    this.cl = v[4]!;
    this.ch = v[5]!;
    this.wl = 1;
    this.wh = 0;
    for (let i = 0; i < 12; i++) this.nextUint64();
  }

  protected make(ss: ISeedSequence | null): SFC64 {
    return new SFC64(ss);
  }

  nextUint64(): number {
    const ah = this.ah;
    const al = this.al;
    const bh = this.bh;
    const bl = this.bl;
    const ch = this.ch;
    const cl = this.cl;
    const wh = this.wh;
    const wl = this.wl;
    // tmp = a + b + w
    let sl = al + bl + wl;
    const tl = sl >>> 0;
    const th = (ah + bh + wh + (sl - tl) * 2.3283064365386963e-10) >>> 0;
    // w += 1
    const nwl = (wl + 1) >>> 0;
    this.wl = nwl;
    if (nwl === 0) this.wh = (wh + 1) >>> 0;
    // a = b ^ (b >> 11)
    this.al = (bl ^ ((bl >>> 11) | (bh << 21))) >>> 0;
    this.ah = (bh ^ (bh >>> 11)) >>> 0;
    // b = c + (c << 3)
    sl = cl + ((cl << 3) >>> 0);
    const nbl = sl >>> 0;
    this.bl = nbl;
    this.bh = (ch + (((ch << 3) | (cl >>> 29)) >>> 0) + (sl - nbl) * 2.3283064365386963e-10) >>> 0;
    // c = rotl(c, 24) + tmp
    const rh = ((ch << 24) | (cl >>> 8)) >>> 0;
    const rl = ((cl << 24) | (ch >>> 8)) >>> 0;
    sl = rl + tl;
    const ncl = sl >>> 0;
    this.cl = ncl;
    this.ch = (rh + th + (sl - ncl) * 2.3283064365386963e-10) >>> 0;
    this.lo = tl;
    return th;
  }

  get state(): SFC64State {
    const w = [this.al, this.ah, this.bl, this.bh, this.cl, this.ch, this.wl, this.wh];
    return {
      bit_generator: 'SFC64',
      state: { state: [0, 1, 2, 3].map((i) => limbsToBig(w, 2, 2 * i).toString()) },
      has_uint32: this.hasUint32,
      uinteger: this.uinteger,
    };
  }

  set state(value: SFC64State | Record<string, unknown>) {
    const st = checkDict(value, 'state');
    checkStateName(st, 'SFC64');
    const inner = checkDict(st.state, 'state.state');
    const s = parseUintArray(inner.state, 4, 64, 'state.state.state');
    const buf = parseUint32Buffer(st);
    const w = new Uint32Array(8);
    for (let i = 0; i < 4; i++) bigToLimbs(s[i]!, 2, w, 2 * i);
    this.al = w[0]!;
    this.ah = w[1]!;
    this.bl = w[2]!;
    this.bh = w[3]!;
    this.cl = w[4]!;
    this.ch = w[5]!;
    this.wl = w[6]!;
    this.wh = w[7]!;
    this.hasUint32 = buf.hasUint32;
    this.uinteger = buf.uinteger;
  }
}
