/**
 * Double `log`: port of glibc 2.36 `sysdeps/ieee754/dbl-64/e_log.c` (from ARM optimized-routines) as built
 * for x86-64 FMA CPUs (`__ieee754_log_fma`, `-mfma -mavx2`, GCC's default `-ffp-contract=fast`).
 *
 * Method. Near 1 (0x1.ep-1 <= x < 0x1.109p0) log1p(r), r = x − 1, is a degree-11 polynomial, with the
 * leading −r²/2 term evaluated in extra precision from a hi/lo split of r. Elsewhere x = 2^k·z with
 * z in [0x1.6p-1, 0x1.6p0), z's top 7 mantissa bits pick a table entry c ≈ z with invc = 1/c and
 * logc = log c, and
 *   log x = k·ln2 + logc + log1p(r),  r = z·invc − 1 (one fused multiply-add, |r| < 2^-8),
 * with k·ln2 split as k·ln2hi (exact) + k·ln2lo, and log1p(r) − r a degree-5 polynomial.
 * The FMA build contracts specific products into FMAs (read from GCC's optimized GIMPLE of that build);
 * each contraction is an explicit `fma()` call below, including the ones that change the hi/lo split of r.
 * Tables and coefficients: glibc `e_log_data.c` (LOG_TABLE_BITS = 7, LOG_POLY_ORDER = 6, LOG_POLY1_ORDER = 12).
 */
import { F64, HI, LO, U32 } from './bits.js';
import { fma } from './fma.js';

const LN2HI = 0.6931471805598903; // 0x1.62e42fefa3800p-1
const LN2LO = 5.497923018708371e-14; // 0x1.ef35793c76730p-45
// log1p(r) − r ≈ A0 r² + A1 r³ + A2 r⁴ + A3 r⁵ + A4 r⁶ for |r| < 0x1.fp-9
const A0 = -0.5000000000000001;
const A1 = 0.33333333331825593;
const A2 = -0.2499999999622955;
const A3 = 0.20000304511814496;
const A4 = -0.16667054827627667;
// log1p(r) ≈ r + B0 r² + … + B10 r¹² near 1 (B0 = −1/2)
const B0 = -0.5;
const B1 = 0.3333333333333352;
const B2 = -0.24999999999998432;
const B3 = 0.19999999999320328;
const B4 = -0.16666666669929706;
const B5 = 0.14285715076560868;
const B6 = -0.12499997863982555;
const B7 = 0.11110712032936046;
const B8 = -0.10000486757818193;
const B9 = 0.09181994006195467;
const B10 = -0.08328363062289341;

/** 1/c for the 128 subintervals of [0x1.6p-1, 0x1.6p0). */
const INVC = new Float64Array([
  1.4504249240398293, 1.442253508327276, 1.4341736174350004, 1.426183816329995, 1.4182825527052965,
  1.4104682921759335, 1.4027396147468003, 1.3950954438932313, 1.3875338232485754, 1.3800539211058593,
  1.3726542695419708, 1.3653332798446802, 1.358090204587874, 1.3509234892132138, 1.3438320840699889,
  1.3368146974742003, 1.329870114677736, 1.322997339161106, 1.316195352741367, 1.3094628125672239,
  1.3027990455471041, 1.2962024229438942, 1.2896726275815547, 1.2832080305745537, 1.276807885983376,
  1.2704714060687552, 1.2641976054949482, 1.257985357514882, 1.2518337750655457, 1.2457421919097305,
  1.2397094966625508, 1.2337348463589233, 1.2278176973028803, 1.2219570190618474, 1.2161519732977757,
  1.2104018095009725, 1.204705805718973, 1.1990631185441964, 1.1934733004462308, 1.1879350812847385,
  1.1824481322833125, 1.1770114976921955, 1.1716248121809465, 1.1662869231674715, 1.1609977486762766,
  1.1557563220795803, 1.1505619105480347, 1.1454138888505974, 1.140311877374656, 1.1352550225747513,
  1.1302429094831266, 1.1252747693068048, 1.1203501571039876, 1.1154683327680124, 1.1106291463292157,
  1.1058315813301596, 1.1010752177696026, 1.0963597137952512, 1.0916844827550398, 1.0870487291277784,
  1.082452357388312, 1.0778948225025884, 1.0733751731601076, 1.068893585073351, 1.0644491706655506,
  1.0600414846328305, 1.0556701316181605, 1.051334750556926, 1.0470347288442157, 1.0427699229652954,
  1.0385395013738175, 1.034343418940345, 1.0301811073173315, 1.026052043621297, 1.0219561082336197,
  1.0178926505784922, 1.0138614436244586, 1.0098620186501341, 1.0058938559734134, 1.00195696235014,
  0.9961089923088509, 0.9884170338185201, 0.9808429191005297, 0.9733840169987446, 0.9660377568876556,
  0.9588014945307369, 0.9516728569073111, 0.9446494635965822, 0.9377288993026223, 0.9309091073790681,
  0.924187681612722, 0.9175626765599192, 0.9110320403624034, 0.9045935839762024, 0.8982456375922825,
  0.8919860966782501, 0.8858131121185129, 0.879725075760676, 0.8737201372634685, 0.8677966405782273,
  0.8619528050060739, 0.8561872354420692, 0.8504983927816893, 0.8448844572790304, 0.8393442741575965,
  0.8338762249349438, 0.8284789320557778, 0.8231510800065832, 0.8178913903778707, 0.8126984007245374,
  0.8075710029460227, 0.8025078881160415, 0.7975077379364331, 0.792569604966373, 0.7876923641254114,
  0.7828746724940998, 0.7781155388790811, 0.7734139557869777, 0.7687687179914933, 0.7641790698041854,
  0.7596438763692399, 0.7551621951078668, 0.7507331780216866, 0.7463557196361751, 0.7420289364869653,
  0.7377521537065876, 0.7335242966002608, 0.729344777457841,
]);
/** log(c), rounded so that k·ln2hi + logc is exact. */
const LOGC = new Float64Array([
  -0.3718565645633589, -0.36620682668944937, -0.3605888069791945, -0.3550022171419869, -0.34944666968829097,
  -0.3439217713603284, -0.3384271921261188, -0.332962831494342, -0.32752794345742586, -0.32212257167088865,
  -0.3167462884799761, -0.3113985598928366, -0.3060794515165526, -0.300788424667644, -0.2955252968476998,
  -0.29028969275850613, -0.2850812793277555, -0.27989987391470095, -0.27474526621870154, -0.2696169863701243,
  -0.26451506180308115, -0.2594387762767383, -0.2543884090981692, -0.24936321635129843, -0.24436312405975968,
  -0.23938801747897287, -0.23443761696705678, -0.22951151871518505, -0.2246094963439873, -0.21973149037705753,
  -0.2148770752847895, -0.210046029103637, -0.20523836373934046, -0.20045368751368642, -0.1956917537758045,
  -0.19095237845203883, -0.18623539250290833, -0.18154051731551135, -0.1768677957431919, -0.17221657406412305,
  -0.16758697765942543, -0.16297859687290384, -0.15839151377804228, -0.15382513241456763,
  -0.14927976358922024, -0.14475495398119165, -0.14025044090817573, -0.1357660466685502, -0.1313018016355727,
  -0.12685731518763532, -0.1224325737671279, -0.11802724521862729, -0.11364127671663482, -0.10927434611278386,
  -0.10492665324943573, -0.10059761422644442, -0.09628717309055901, -0.09199534069557558,
  -0.08772190036688698, -0.08346643613867855, -0.07922916827544668, -0.0750099004750382, -0.07080805133352897,
  -0.06662408085151128, -0.06245745471915143, -0.0583080438042316, -0.05417576112313327,
  -0.050060547896805474, -0.045962101199052086, -0.04188056008865715, -0.03781540056183985,
  -0.03376684757915882, -0.029734619131772888, -0.025718470239212365, -0.021718543925430822,
  -0.01773446126981071, -0.013766252464051831, -0.009813706322574944, -0.005876555150052809,
  -0.0019550499938532084, 0.0038985973556009412, 0.011650571286395461, 0.019342955478919066,
  0.0269766014846482, 0.034552359728422744, 0.04207121767183253, 0.049533940950141186, 0.056941358295944156,
  0.06429439168346107, 0.0715936354946507, 0.07884010933776153, 0.08603438905970506, 0.09317721180013905,
  0.10026951462748457, 0.10731170956330516, 0.11430473320717738, 0.12124928503033061, 0.12814583422959913,
  0.1349951636851756, 0.1417978768189414, 0.14855476039031146, 0.1552661937658968, 0.16193275688146969,
  0.16855539792220497, 0.1751343179947753, 0.1816702989864325, 0.18816387146023317, 0.1946155228479256,
  0.20102572579389744, 0.2073952090795501, 0.21372429840596396, 0.2200135945981856, 0.22626374162859975,
  0.23247494747693054, 0.23864766620658884, 0.24478265647405806, 0.25088025827324145, 0.2569408552510595,
  0.26296511155101143, 0.2689531327189343, 0.27490553924610595, 0.2808227248478943, 0.286704979267256,
  0.29255295645509705, 0.2983670386142876, 0.30414734587282055, 0.30989455774829366, 0.31560871301871884,
]);

const TWO27 = 134217728;
const TWO52 = 4503599627370496;
const NEAR1_LO = 0.9375; // 1 − 2^-4
const NEAR1_HI = 1.064697265625; // 1 + 0x1.09p-4

/**
 * Natural logarithm (no argument checks): the reference evaluation, every contraction an exact `fma()` call.
 * {@link logRaw} returns the same bits faster and falls back to this near rounding boundaries.
 */
export function logFma(x: number): number {
  if (x >= NEAR1_LO && x < NEAR1_HI) {
    if (x === 1) return 0;
    const r = x - 1;
    const r2 = r * r;
    const r3 = r * r2;
    // r³·(B1 + B2 r + B3 r² + r³(B4 + B5 r + B6 r² + r³(B7 + B8 r + B9 r² + B10 r³)))
    const p1 = fma(B3, r2, fma(B2, r, B1));
    const p4 = fma(B6, r2, fma(B5, r, B4));
    const p7 = fma(B10, r3, fma(B9, r2, fma(B8, r, B7)));
    const q = fma(fma(p7, r3, p4), r3, p1);
    // −r²/2 in extra precision: r = rhi + rlo with rhi = r + r·2^27 − r·2^27 (both steps fused in this build)
    const rhi = fma(-r, TWO27, fma(r, TWO27, r));
    const rlo = r - rhi;
    const rr = rhi * rhi;
    const hi = fma(rr, B0, r);
    let lo = fma(rr, B0, r - hi);
    lo = fma(B0 * rlo, r + rhi, lo);
    return hi + fma(q, r3, lo);
  }
  F64[0] = x;
  let hw = U32[HI] as number;
  let lw = U32[LO] as number;
  const top = hw >>> 16;
  if (top < 0x0010 || top >= 0x7ff0) {
    // x < 2^-1022 (zero, subnormal, negative), inf or nan
    if ((hw & 0x7fffffff) === 0 && lw === 0) return -Infinity;
    if (x === Infinity) return x;
    if (top & 0x8000 || (top & 0x7ff0) === 0x7ff0) return Number.NaN;
    // positive subnormal: scale by 2^52 (exact), remove 52 from the exponent
    F64[0] = x * TWO52;
    hw = ((U32[HI] as number) - (52 << 20)) >>> 0;
    lw = U32[LO] as number;
  }
  // x = 2^k·z: subtract OFF = 0x3fe6000000000000 (only the high word is affected)
  const tmp = (hw - 0x3fe60000) | 0;
  const i = (tmp >>> 13) & 127;
  const k = tmp >> 20;
  U32[HI] = (hw - (tmp & 0xfff00000)) >>> 0;
  U32[LO] = lw;
  const z = F64[0] as number;
  const invc = INVC[i] as number;
  const logc = LOGC[i] as number;
  const r = fma(invc, z, -1);
  // hi + lo = r + log c + k·ln2
  const w = fma(LN2HI, k, logc);
  const hi = r + w;
  const lo = fma(LN2LO, k, w - hi + r);
  const r2 = r * r;
  const p = fma(fma(A4, r, A3), r2, fma(A2, r, A1));
  return fma(r * r2, p, fma(A0, r2, lo)) + hi;
}

// ---------------------------------------------------------------------------------------------------------
// Fast path: the same evaluation in plain double arithmetic, filtered.
//
// In both branches glibc's result is RN(hi + T) where hi is computed exactly as glibc does (every fma that
// feeds it has an exact product, so one plain operation rounds the same) and T, a small correction, is a
// chain of true fmas. We compute T' (plain arithmetic, each fma split into product and sum) and a bound δ
// with |T − T'| <= δ. RN is monotonic, so if RN(hi + t) is the same double r0 for t = T' − δ and T' + δ, it
// is glibc's result. With r0 = RN(hi + T') and its exact error e0 (fast two-sum: |hi| > |T'|), that holds if
// RN(r0 + y) = r0 for y = e0 ± D, D >= δ: the set of such y is an interval (monotonicity again), and
// evaluating e0 ± D in floating point moves it by at most 2^-53|e0 ± D| <= 2^-105|r0| + 2^-52 D, which the
// margins in D absorb. Otherwise (a fraction ~δ/ulp of inputs, < 10^-4) logFma decides.
//
// Main branch (x outside [0.9375, 1.0647), normal): x = 2^k·z, r = z·invc − 1, |r| <= 0x1.02p-8 (over
// all 128 subintervals), with u = 2^-53:
//  * r = fma(invc, z, −1) exactly: p = invc·z rounded, p − 1 is exact (Sterbenz, p in [0.99, 1.01]), and
//    adding the exact product error (Dekker two-product with invc pre-split into 26-bit halves) rounds once.
//  * w = fma(LN2HI, k, logc) = LN2HI·k + logc (LN2HI has 42 significant bits, |k| <= 1075 has 11: the
//    product is exact); hi = r + w; d = w − hi + r: all identical to glibc.
//  * lo = fma(LN2LO, k, d) vs lo' = LN2LO·k + d: |lo' − lo| <= u(|L| + |lo| + |lo'|), L = LN2LO·k,
//    |L| <= 5.92e-11, |d| <= u·|hi| <= 8.3e-14, so |lo| <= 5.93e-11.
//  * p = fma(fma(A4, r, A3), r2, fma(A2, r, A1)) ≈ 1/3 (|p| < 0.34): six roundings on the two sides,
//    |p' − p| <= 2.1u; times |r3| <= |r|·r2 <= 0.0040 r2 this is <= 0.0085u·r2.
//  * q = fma(A0, r2, lo) vs q' = A0·r2 + lo': <= u|A0 r2| + |lo' − lo| + u(|q| + |q'|) <= u(1.5r2 + 2|lo|) + …
//  * T = fma(r3, p, q) vs T' = r3·p' + q': <= |r3||p' − p| + u|r3 p'| + |q' − q| + u(|T| + |T'|), with
//    |T| <= 0.5·r2 + 0.34|r3| + |lo| <= 0.502 r2 + |lo|.
//  Summing: |T − T'| <= u(2.52 r2 + 6|lo| + |L|) <= 2.52u·r2 + 2^-84.1. D = 2^-50·r2 + 2^-82 (>= 3.1×
//  and 4× these, incl. the 2^-105|r0| <= 2^-95 evaluation term). Observed: max |T − T'| ≈ 1.9u·r2.
//
// Near 1 (0.9375 <= x < 1.0647, r = x − 1 exact): rhi, rr = rhi², hi = fma(rr, B0, r) and
// lo1 = fma(rr, B0, r − hi) have exact products (powers of two, 26-bit halves), so they match glibc; then
//  * lo2 = fma(B0·rlo, r + rhi, lo1), |B0·rlo·(r + rhi)| <= 2^-26 r², |lo1| <= u|hi| <= 1.04u|r|;
//  * q = the degree-8 polynomial ≈ 1/3 (|q| < 0.35), fmas vs plain: |q' − q| <= 2.5u (the roundings in p1
//    dominate; p4, p7 enter multiplied by r³ <= 2.8e-4);
//  * T = fma(q, r3, lo2): |T − T'| <= |r3||q' − q| + u|q' r3| + u(|B0 rlo s|) + u(|lo2| + |lo2'|)
//    + u(|T| + |T'|) <= 3.6u|r3| + 4u·2^-26 r² + 5u²|r|.
//  D = 2^-50|r3| + 2^-76 r² + 2^-100|r| (>= 2.2×, 2×, 3× these, incl. the 2^-105|r0| term).
// scripts/check-math-fastpath.mjs measures max |T − T'|/D (via logParts) and compares logRaw with logFma.

const SPLIT = 134217729; // 2^27 + 1
/** invc split into a 26-bit high part and the (exact) rest, for the exact two-product invc·z. */
const INVC_HI = new Float64Array(128);
const INVC_LO = new Float64Array(128);
for (let i = 0; i < 128; i++) {
  const c = INVC[i] as number;
  const t = SPLIT * c;
  INVC_HI[i] = t - (t - c);
  INVC_LO[i] = c - (INVC_HI[i] as number);
}
/** 2^-k for k = −1023 … 1024 (index k + 1023): x·2^-k rebuilds z without a 4-byte store / 8-byte load. */
const POW2_NEG = new Float64Array(2048);
for (let k = -1023; k <= 1024; k++) POW2_NEG[k + 1023] = 2 ** -k;
const D_MAIN_R2 = 2 ** -50;
const D_MAIN_ABS = 2 ** -82;
const D_NEAR_R3 = 2 ** -50;
const D_NEAR_R2 = 2 ** -76;
const D_NEAR_R = 2 ** -100;
/**
 * @internal The fast paths' constants and tables in the order wasm/gauss.wat reads them (its loader,
 * src/legacy/gauss-kernel.ts, copies them into the kernel's memory).
 */
export const LOG_KERNEL_DATA = {
  constants: [A0, A1, A2, A3, A4, LN2HI, LN2LO, SPLIT, D_MAIN_R2, D_MAIN_ABS, NEAR1_LO, NEAR1_HI],
  near1: [B0, B1, B2, B3, B4, B5, B6, B7, B8, B9, B10, TWO27, D_NEAR_R3, D_NEAR_R2, D_NEAR_R],
  invc: INVC,
  logc: LOGC,
  invcHi: INVC_HI,
  invcLo: INVC_LO,
} as const;

/** Natural logarithm (no argument checks): bit-identical to {@link logFma}, filtered plain arithmetic. */
export function logRaw(x: number): number {
  if (x >= NEAR1_LO && x < NEAR1_HI) {
    if (x === 1) return 0;
    const r = x - 1;
    const r2 = r * r;
    const r3 = r * r2;
    const p1 = B3 * r2 + (B2 * r + B1);
    const p4 = B6 * r2 + (B5 * r + B4);
    const p7 = B10 * r3 + (B9 * r2 + (B8 * r + B7));
    const q = (p7 * r3 + p4) * r3 + p1;
    const rhi = r * TWO27 + r - r * TWO27;
    const rlo = r - rhi;
    const rr = rhi * rhi;
    const hi = r + rr * B0;
    const lo = B0 * rlo * (r + rhi) + (r - hi + rr * B0);
    const t = q * r3 + lo;
    const r0 = hi + t;
    const e0 = hi - r0 + t;
    const d = D_NEAR_R3 * Math.abs(r3) + D_NEAR_R2 * r2 + D_NEAR_R * Math.abs(r);
    if (r0 + (e0 + d) === r0 && r0 + (e0 - d) === r0) return r0;
    return logFma(x);
  }
  F64[0] = x;
  const hw = U32[HI] as number;
  if (hw < 0x00100000 || hw >= 0x7ff00000) return logFma(x); // zero, subnormal, negative, inf, nan
  const tmp = (hw - 0x3fe60000) | 0;
  const i = (tmp >>> 13) & 127;
  const k = tmp >> 20;
  const z = x * (POW2_NEG[k + 1023] as number); // 2^-k·x, exact (x normal, z in [0x1.6p-1, 0x1.6p0))
  // r = fma(invc, z, -1), exactly
  const invc = INVC[i] as number;
  const ih = INVC_HI[i] as number;
  const il = INVC_LO[i] as number;
  const p = invc * z;
  const s = SPLIT * z;
  const zh = s - (s - z);
  const zl = z - zh;
  const r = p - 1 + (ih * zh - p + ih * zl + il * zh + il * zl);
  const w = LN2HI * k + (LOGC[i] as number);
  const hi = r + w;
  const lo = LN2LO * k + (w - hi + r);
  const r2 = r * r;
  const pp = (A4 * r + A3) * r2 + (A2 * r + A1);
  const t = r * r2 * pp + (A0 * r2 + lo);
  const r0 = hi + t;
  const e0 = hi - r0 + t;
  const d = D_MAIN_R2 * r2 + D_MAIN_ABS;
  if (r0 + (e0 + d) === r0 && r0 + (e0 - d) === r0) return r0;
  return logFma(x);
}

/**
 * For the checks only (scripts/check-math-fastpath.mjs): writes glibc's correction term T (all-fma), the
 * plain T' and the bound D of {@link logRaw} for x into `out` (`[T, T', D, r]`); returns false for inputs the
 * fast path does not handle.
 */
export function logParts(x: number, out: Float64Array): boolean {
  let r: number;
  if (x >= NEAR1_LO && x < NEAR1_HI) {
    if (x === 1) return false;
    r = x - 1;
    const r2 = r * r;
    const r3 = r * r2;
    const rhi = r * TWO27 + r - r * TWO27;
    const rlo = r - rhi;
    const rr = rhi * rhi;
    const hi = r + rr * B0;
    const lo1 = r - hi + rr * B0;
    const p1 = fma(B3, r2, fma(B2, r, B1));
    const p4 = fma(B6, r2, fma(B5, r, B4));
    const p7 = fma(B10, r3, fma(B9, r2, fma(B8, r, B7)));
    const q = fma(fma(p7, r3, p4), r3, p1);
    out[0] = fma(q, r3, fma(B0 * rlo, r + rhi, lo1));
    const q2 =
      ((B10 * r3 + (B9 * r2 + (B8 * r + B7))) * r3 + (B6 * r2 + (B5 * r + B4))) * r3 +
      (B3 * r2 + (B2 * r + B1));
    out[1] = q2 * r3 + (B0 * rlo * (r + rhi) + lo1);
    out[2] = D_NEAR_R3 * Math.abs(r3) + D_NEAR_R2 * r2 + D_NEAR_R * Math.abs(r);
    out[3] = r;
    return true;
  }
  F64[0] = x;
  const hw = U32[HI] as number;
  if (hw < 0x00100000 || hw >= 0x7ff00000) return false;
  const tmp = (hw - 0x3fe60000) | 0;
  const i = (tmp >>> 13) & 127;
  const k = tmp >> 20;
  U32[HI] = (hw - (tmp & 0xfff00000)) >>> 0;
  const z = F64[0] as number;
  r = fma(INVC[i] as number, z, -1);
  const w = LN2HI * k + (LOGC[i] as number);
  const hi = r + w;
  const d = w - hi + r;
  const r2 = r * r;
  out[0] = fma(r * r2, fma(fma(A4, r, A3), r2, fma(A2, r, A1)), fma(A0, r2, fma(LN2LO, k, d)));
  out[1] = r * r2 * ((A4 * r + A3) * r2 + (A2 * r + A1)) + (A0 * r2 + (LN2LO * k + d));
  out[2] = D_MAIN_R2 * r2 + D_MAIN_ABS;
  out[3] = r;
  return true;
}
