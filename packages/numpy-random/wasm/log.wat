;; Batch natural logarithm for the legacy Gaussian's fill (src/legacy/gauss.ts): the main path of glibc's
;; `log` in plain binary64 arithmetic with exactly the operations, order and bound test of `logRaw`'s fast
;; path (src/math/log.ts, where the bound is derived). WebAssembly's f64 operations are IEEE binary64 with
;; round-to-nearest and are never fused, so each value it returns is logRaw's, bit for bit.
;;   out[i] = log(in[i])  when the bound test decides the rounding, and NaN otherwise: inputs near 1
;;   (the other polynomial), non-normal or non-positive inputs, k outside [-1022, 1022], and the rare inputs
;;   whose rounding the test leaves open. The caller recomputes every NaN with logRaw (a true log is never
;;   NaN for the finite positive inputs it passes).
;;
;; Memory (1 page, exported as `memory`), filled by the loader (src/legacy/log-kernel.ts):
;;   bytes [0, 96)        f64 constants: A0 A1 A2 A3 A4 LN2HI LN2LO SPLIT D_MAIN_R2 D_MAIN_ABS NEAR1_LO NEAR1_HI
;;   bytes [1024, 2048)   INVC[128]     bytes [2048, 3072)  LOGC[128]
;;   bytes [3072, 4096)   INVC_HI[128]  bytes [4096, 5120)  INVC_LO[128]
;;   bytes [8192, 24576)  input, 2048 f64;  bytes [26624, 43008) output, 2048 f64
(module
  (memory (export "memory") 1)
  (func (export "log_batch") (param $n i32)
    (local $A0 f64) (local $A1 f64) (local $A2 f64) (local $A3 f64) (local $A4 f64)
    (local $LN2HI f64) (local $LN2LO f64) (local $SPLIT f64) (local $DR2 f64) (local $DABS f64)
    (local $NLO f64) (local $NHI f64)
    (local $i i32) (local $o i32) (local $x f64) (local $hw i32) (local $tmp i32) (local $j i32) (local $k i32)
    (local $kd f64) (local $z f64) (local $ih f64) (local $il f64) (local $p f64) (local $s f64)
    (local $zh f64) (local $zl f64) (local $r f64) (local $w f64) (local $hi f64) (local $lo f64)
    (local $r2 f64) (local $pp f64) (local $t f64) (local $r0 f64) (local $e0 f64) (local $d f64)
    (local $res f64)
    (local.set $A0 (f64.load offset=0 (i32.const 0)))
    (local.set $A1 (f64.load offset=8 (i32.const 0)))
    (local.set $A2 (f64.load offset=16 (i32.const 0)))
    (local.set $A3 (f64.load offset=24 (i32.const 0)))
    (local.set $A4 (f64.load offset=32 (i32.const 0)))
    (local.set $LN2HI (f64.load offset=40 (i32.const 0)))
    (local.set $LN2LO (f64.load offset=48 (i32.const 0)))
    (local.set $SPLIT (f64.load offset=56 (i32.const 0)))
    (local.set $DR2 (f64.load offset=64 (i32.const 0)))
    (local.set $DABS (f64.load offset=72 (i32.const 0)))
    (local.set $NLO (f64.load offset=80 (i32.const 0)))
    (local.set $NHI (f64.load offset=88 (i32.const 0)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $o (i32.shl (local.get $i) (i32.const 3)))
        (local.set $x (f64.load offset=8192 (local.get $o)))
        (local.set $res (f64.const nan))
        (block $skip
          ;; near 1: logRaw's other polynomial
          (br_if $skip (i32.and (f64.ge (local.get $x) (local.get $NLO)) (f64.lt (local.get $x) (local.get $NHI))))
          (local.set $hw (i32.wrap_i64 (i64.shr_u (i64.reinterpret_f64 (local.get $x)) (i64.const 32))))
          ;; zero, subnormal, negative, inf, nan (unsigned compares, as the high word is read unsigned in JS)
          (br_if $skip (i32.lt_u (local.get $hw) (i32.const 0x00100000)))
          (br_if $skip (i32.ge_u (local.get $hw) (i32.const 0x7ff00000)))
          ;; x = 2^k·z with z in [0x1.6p-1, 0x1.6p0): tmp = hw − 0x3fe60000 (fits int32 here)
          (local.set $tmp (i32.sub (local.get $hw) (i32.const 0x3fe60000)))
          (local.set $j (i32.shl (i32.and (i32.shr_u (local.get $tmp) (i32.const 13)) (i32.const 127)) (i32.const 3)))
          (local.set $k (i32.shr_s (local.get $tmp) (i32.const 20)))
          ;; 2^-k as a normal double needs -1022 <= k <= 1022
          (br_if $skip (i32.gt_u (i32.add (local.get $k) (i32.const 1022)) (i32.const 2044)))
          (local.set $z (f64.mul (local.get $x)
            (f64.reinterpret_i64 (i64.shl (i64.extend_i32_u (i32.sub (i32.const 1023) (local.get $k))) (i64.const 52)))))
          ;; r = fma(invc, z, -1) exactly: p − 1 + (ih·zh − p + ih·zl + il·zh + il·zl)
          (local.set $ih (f64.load offset=3072 (local.get $j)))
          (local.set $il (f64.load offset=4096 (local.get $j)))
          (local.set $p (f64.mul (f64.load offset=1024 (local.get $j)) (local.get $z)))
          (local.set $s (f64.mul (local.get $SPLIT) (local.get $z)))
          (local.set $zh (f64.sub (local.get $s) (f64.sub (local.get $s) (local.get $z))))
          (local.set $zl (f64.sub (local.get $z) (local.get $zh)))
          (local.set $r (f64.add (f64.sub (local.get $p) (f64.const 1))
            (f64.add (f64.add (f64.add (f64.sub (f64.mul (local.get $ih) (local.get $zh)) (local.get $p))
              (f64.mul (local.get $ih) (local.get $zl))) (f64.mul (local.get $il) (local.get $zh)))
              (f64.mul (local.get $il) (local.get $zl)))))
          ;; w = LN2HI·k + logc; hi = r + w; lo = LN2LO·k + (w − hi + r)
          (local.set $kd (f64.convert_i32_s (local.get $k)))
          (local.set $w (f64.add (f64.mul (local.get $LN2HI) (local.get $kd)) (f64.load offset=2048 (local.get $j))))
          (local.set $hi (f64.add (local.get $r) (local.get $w)))
          (local.set $lo (f64.add (f64.mul (local.get $LN2LO) (local.get $kd))
            (f64.add (f64.sub (local.get $w) (local.get $hi)) (local.get $r))))
          ;; t = r·r2·((A4 r + A3) r2 + (A2 r + A1)) + (A0 r2 + lo)
          (local.set $r2 (f64.mul (local.get $r) (local.get $r)))
          (local.set $pp (f64.add
            (f64.mul (f64.add (f64.mul (local.get $A4) (local.get $r)) (local.get $A3)) (local.get $r2))
            (f64.add (f64.mul (local.get $A2) (local.get $r)) (local.get $A1))))
          (local.set $t (f64.add (f64.mul (f64.mul (local.get $r) (local.get $r2)) (local.get $pp))
            (f64.add (f64.mul (local.get $A0) (local.get $r2)) (local.get $lo))))
          (local.set $r0 (f64.add (local.get $hi) (local.get $t)))
          (local.set $e0 (f64.add (f64.sub (local.get $hi) (local.get $r0)) (local.get $t)))
          (local.set $d (f64.add (f64.mul (local.get $DR2) (local.get $r2)) (local.get $DABS)))
          ;; the bound test: both ends of [r0 + e0 − d, r0 + e0 + d] round to r0
          (br_if $skip (f64.ne (f64.add (local.get $r0) (f64.add (local.get $e0) (local.get $d))) (local.get $r0)))
          (br_if $skip (f64.ne (f64.add (local.get $r0) (f64.sub (local.get $e0) (local.get $d))) (local.get $r0)))
          (local.set $res (local.get $r0)))
        (f64.store offset=26624 (local.get $o) (local.get $res))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))))
