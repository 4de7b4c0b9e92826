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
  /** limbs of a = s0, b = s1, c = s2, w = s3 (counter), low word first: [al, ah, bl, bh, cl, ch, wl, wh]. */
  private readonly s: Uint32Array = new Uint32Array(8);

  constructor(seed?: SeedLike) {
    super();
    const ss = toSeedSequence(seed);
    this._seedSeq = ss;
    const v = stateWords64(ss, 3);
    this.s.set(v.subarray(0, 6));
    this.s[6] = 1;
    this.s[7] = 0;
    for (let i = 0; i < 12; i++) this.nextUint64();
  }

  protected make(ss: ISeedSequence | null): SFC64 {
    return new SFC64(ss);
  }

  nextUint64(): number {
    const S = this.s;
    const al = S[0]!;
    const ah = S[1]!;
    const bl = S[2]!;
    const bh = S[3]!;
    const cl = S[4]!;
    const ch = S[5]!;
    const wl = S[6]!;
    const wh = S[7]!;
    // tmp = a + b + w
    let sl = al + bl + wl;
    const tl = sl >>> 0;
    const th = (ah + bh + wh + (sl >= 8589934592 ? 2 : sl >= 4294967296 ? 1 : 0)) >>> 0;
    // w += 1
    const nwl = (wl + 1) >>> 0;
    S[6] = nwl;
    if (nwl === 0) S[7] = wh + 1;
    // a = b ^ (b >> 11)
    S[0] = bl ^ ((bl >>> 11) | (bh << 21));
    S[1] = bh ^ (bh >>> 11);
    // b = c + (c << 3)
    sl = cl + ((cl << 3) >>> 0);
    S[2] = sl;
    S[3] = ch + (((ch << 3) | (cl >>> 29)) >>> 0) + (sl >= 4294967296 ? 1 : 0);
    // c = rotl(c, 24) + tmp
    const rh = ((ch << 24) | (cl >>> 8)) >>> 0;
    const rl = ((cl << 24) | (ch >>> 8)) >>> 0;
    sl = rl + tl;
    S[4] = sl;
    S[5] = rh + th + (sl >= 4294967296 ? 1 : 0);
    this.w[0] = tl;
    return th;
  }

  get state(): SFC64State {
    const w = this.s;
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
    for (let i = 0; i < 4; i++) bigToLimbs(s[i]!, 2, this.s, 2 * i);
    this.hasUint32 = buf.hasUint32;
    this.uinteger = buf.uinteger;
  }
}
