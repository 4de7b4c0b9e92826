;; Legacy Gaussian kernel (NumPy's `legacy_gauss`, polar Box–Muller) behind src/legacy/gauss.ts, with the
;; natural logarithm it needs: the fast paths of glibc's `log` in plain binary64 arithmetic with exactly the
;; operations, order and bound tests of `logRaw` (src/math/log.ts, where the bounds are derived). WebAssembly's
;; f64 operations are IEEE binary64 with round-to-nearest and are never fused, so every log it decides is
;; logRaw's, bit for bit; the few it leaves open (NaN) are finished by the caller with logRaw.
;;
;; Memory (2 pages, exported as `memory`). The loader (src/legacy/gauss-kernel.ts) writes the constants and
;; tables once; the caller writes uniforms into the block and reads the outputs.
;;   bytes [0, 96)          f64: A0 A1 A2 A3 A4 LN2HI LN2LO SPLIT D_MAIN_R2 D_MAIN_ABS NEAR1_LO NEAR1_HI
;;   bytes [96, 216)        f64: B0 … B10 TWO27 D_NEAR_R3 D_NEAR_R2 D_NEAR_R (the near-1 polynomial)
;;   bytes [256, 260)       i32: nfix, the number of fixups `gauss` wrote
;;   bytes [1024, 2048)     INVC[128]     bytes [2048, 3072)  LOGC[128]
;;   bytes [3072, 4096)     INVC_HI[128]  bytes [4096, 5120)  INVC_LO[128]
;;   bytes [8192, 40960)    block: up to 4096 uniforms in [0, 1) (next_double draws, in stream order)
;;   bytes [40960, 73728)   output: up to 2048 pairs, pair j at 40960 + 16j: f·x2 then f·x1
;;   bytes [73728, 90112)   r2 of each pair (f64)
;;   bytes [90112, 98304)   fixups: pair index (i32), one per pair whose log the kernel left open
;;   bytes [98304, 114688)  fixups: that pair's r2 (f64)
;;
;; Exports:
;;   gauss(have) -> a   the polar method over the block's `have` uniforms (even): attempt t takes u1, u2 =
;;       block[2t], block[2t + 1]: x1 = 2·u1 − 1, x2 = 2·u2 − 1, r2 = x1² + x2², accepted when 0 < r2 < 1.
;;       The a accepted attempts, in order, become pairs 0..a-1 with f = sqrt(−2·log(r2)/r2) and outputs
;;       f·x2, f·x1. When the log is left open the pair holds x2, x1 and its index and r2 go to the fixups
;;       (the caller multiplies by f). Two passes (acceptance without a branch, then the logs) keep the
;;       unpredictable accept/reject coin flips out of the log loop.
;;   log_batch(n)   the log of n inputs read from the block, written to the output area (NaN where open);
;;                  for the tests, which compare it with logRaw bit for bit.
(module
  (memory (export "memory") 2)
  ;; fixups written by the current `gauss` call
  (global $nfix (mut i32) (i32.const 0))

  ;; logRaw's fast paths; NaN where logRaw falls back to logFma (near rounding boundaries) or takes another
  ;; branch (zero, subnormal, negative, inf, nan, k outside [-1022, 1022]).
  (func $log (param $x f64) (result f64)
    (local $hw i32) (local $tmp i32) (local $j i32) (local $k i32)
    (local $kd f64) (local $z f64) (local $ih f64) (local $il f64) (local $p f64) (local $s f64)
    (local $zh f64) (local $zl f64) (local $r f64) (local $w f64) (local $hi f64) (local $lo f64)
    (local $r2 f64) (local $r3 f64) (local $pp f64) (local $t f64) (local $r0 f64) (local $e0 f64) (local $d f64)
    (local $rhi f64) (local $rr f64)
    (if (i32.and (f64.ge (local.get $x) (f64.load offset=80 (i32.const 0)))
                 (f64.lt (local.get $x) (f64.load offset=88 (i32.const 0))))
      (then
        ;; near 1: r = x − 1 (exact), the degree-12 log1p polynomial with −r²/2 from a hi/lo split of r
        (if (f64.eq (local.get $x) (f64.const 1)) (then (return (f64.const 0))))
        (local.set $r (f64.sub (local.get $x) (f64.const 1)))
        (local.set $r2 (f64.mul (local.get $r) (local.get $r)))
        (local.set $r3 (f64.mul (local.get $r) (local.get $r2)))
        ;; q = (p7·r3 + p4)·r3 + p1, p1 = B3 r2 + (B2 r + B1), p4 = B6 r2 + (B5 r + B4),
        ;; p7 = B10 r3 + (B9 r2 + (B8 r + B7))
        (local.set $t
          (f64.add
            (f64.mul
              (f64.add
                (f64.mul
                  (f64.add (f64.mul (f64.load offset=176 (i32.const 0)) (local.get $r3))
                    (f64.add (f64.mul (f64.load offset=168 (i32.const 0)) (local.get $r2))
                      (f64.add (f64.mul (f64.load offset=160 (i32.const 0)) (local.get $r))
                        (f64.load offset=152 (i32.const 0)))))
                  (local.get $r3))
                (f64.add (f64.mul (f64.load offset=144 (i32.const 0)) (local.get $r2))
                  (f64.add (f64.mul (f64.load offset=136 (i32.const 0)) (local.get $r))
                    (f64.load offset=128 (i32.const 0)))))
              (local.get $r3))
            (f64.add (f64.mul (f64.load offset=120 (i32.const 0)) (local.get $r2))
              (f64.add (f64.mul (f64.load offset=112 (i32.const 0)) (local.get $r))
                (f64.load offset=104 (i32.const 0))))))
        ;; rhi = r·2^27 + r − r·2^27; rlo = r − rhi; rr = rhi²; hi = r + rr·B0
        (local.set $s (f64.mul (local.get $r) (f64.load offset=184 (i32.const 0))))
        (local.set $rhi (f64.sub (f64.add (local.get $s) (local.get $r)) (local.get $s)))
        (local.set $rr (f64.mul (local.get $rhi) (local.get $rhi)))
        (local.set $hi (f64.add (local.get $r) (f64.mul (local.get $rr) (f64.load offset=96 (i32.const 0)))))
        ;; lo = B0·rlo·(r + rhi) + (r − hi + rr·B0)
        (local.set $lo
          (f64.add
            (f64.mul (f64.mul (f64.load offset=96 (i32.const 0)) (f64.sub (local.get $r) (local.get $rhi)))
              (f64.add (local.get $r) (local.get $rhi)))
            (f64.add (f64.sub (local.get $r) (local.get $hi))
              (f64.mul (local.get $rr) (f64.load offset=96 (i32.const 0))))))
        ;; t = q·r3 + lo
        (local.set $t (f64.add (f64.mul (local.get $t) (local.get $r3)) (local.get $lo)))
        ;; d = D_NEAR_R3·|r3| + D_NEAR_R2·r2 + D_NEAR_R·|r|
        (local.set $d
          (f64.add
            (f64.add (f64.mul (f64.load offset=192 (i32.const 0)) (f64.abs (local.get $r3)))
              (f64.mul (f64.load offset=200 (i32.const 0)) (local.get $r2)))
            (f64.mul (f64.load offset=208 (i32.const 0)) (f64.abs (local.get $r))))))
      (else
        (local.set $hw (i32.wrap_i64 (i64.shr_u (i64.reinterpret_f64 (local.get $x)) (i64.const 32))))
        ;; zero, subnormal, negative, inf, nan (unsigned compares, as the high word is read unsigned in JS)
        (if (i32.or (i32.lt_u (local.get $hw) (i32.const 0x00100000)) (i32.ge_u (local.get $hw) (i32.const 0x7ff00000)))
          (then (return (f64.const nan))))
        ;; x = 2^k·z with z in [0x1.6p-1, 0x1.6p0): tmp = hw − 0x3fe60000 (fits int32 here)
        (local.set $tmp (i32.sub (local.get $hw) (i32.const 0x3fe60000)))
        (local.set $j (i32.shl (i32.and (i32.shr_u (local.get $tmp) (i32.const 13)) (i32.const 127)) (i32.const 3)))
        (local.set $k (i32.shr_s (local.get $tmp) (i32.const 20)))
        ;; 2^-k as a normal double needs -1022 <= k <= 1022
        (if (i32.gt_u (i32.add (local.get $k) (i32.const 1022)) (i32.const 2044)) (then (return (f64.const nan))))
        (local.set $z (f64.mul (local.get $x)
          (f64.reinterpret_i64 (i64.shl (i64.extend_i32_u (i32.sub (i32.const 1023) (local.get $k))) (i64.const 52)))))
        ;; r = fma(invc, z, -1) exactly: p − 1 + (ih·zh − p + ih·zl + il·zh + il·zl)
        (local.set $ih (f64.load offset=3072 (local.get $j)))
        (local.set $il (f64.load offset=4096 (local.get $j)))
        (local.set $p (f64.mul (f64.load offset=1024 (local.get $j)) (local.get $z)))
        (local.set $s (f64.mul (f64.load offset=56 (i32.const 0)) (local.get $z)))
        (local.set $zh (f64.sub (local.get $s) (f64.sub (local.get $s) (local.get $z))))
        (local.set $zl (f64.sub (local.get $z) (local.get $zh)))
        (local.set $r (f64.add (f64.sub (local.get $p) (f64.const 1))
          (f64.add (f64.add (f64.add (f64.sub (f64.mul (local.get $ih) (local.get $zh)) (local.get $p))
            (f64.mul (local.get $ih) (local.get $zl))) (f64.mul (local.get $il) (local.get $zh)))
            (f64.mul (local.get $il) (local.get $zl)))))
        ;; w = LN2HI·k + logc; hi = r + w; lo = LN2LO·k + (w − hi + r)
        (local.set $kd (f64.convert_i32_s (local.get $k)))
        (local.set $w (f64.add (f64.mul (f64.load offset=40 (i32.const 0)) (local.get $kd)) (f64.load offset=2048 (local.get $j))))
        (local.set $hi (f64.add (local.get $r) (local.get $w)))
        (local.set $lo (f64.add (f64.mul (f64.load offset=48 (i32.const 0)) (local.get $kd))
          (f64.add (f64.sub (local.get $w) (local.get $hi)) (local.get $r))))
        ;; t = r·r2·((A4 r + A3) r2 + (A2 r + A1)) + (A0 r2 + lo)
        (local.set $r2 (f64.mul (local.get $r) (local.get $r)))
        (local.set $pp (f64.add
          (f64.mul (f64.add (f64.mul (f64.load offset=32 (i32.const 0)) (local.get $r)) (f64.load offset=24 (i32.const 0))) (local.get $r2))
          (f64.add (f64.mul (f64.load offset=16 (i32.const 0)) (local.get $r)) (f64.load offset=8 (i32.const 0)))))
        (local.set $t (f64.add (f64.mul (f64.mul (local.get $r) (local.get $r2)) (local.get $pp))
          (f64.add (f64.mul (f64.load offset=0 (i32.const 0)) (local.get $r2)) (local.get $lo))))
        (local.set $d (f64.add (f64.mul (f64.load offset=64 (i32.const 0)) (local.get $r2)) (f64.load offset=72 (i32.const 0))))))
    ;; both branches: r0 = hi + t, e0 = hi − r0 + t; decided when both ends of [r0 + e0 − d, r0 + e0 + d]
    ;; round to r0
    (local.set $r0 (f64.add (local.get $hi) (local.get $t)))
    (local.set $e0 (f64.add (f64.sub (local.get $hi) (local.get $r0)) (local.get $t)))
    (if (f64.ne (f64.add (local.get $r0) (f64.add (local.get $e0) (local.get $d))) (local.get $r0))
      (then (return (f64.const nan))))
    (if (f64.ne (f64.add (local.get $r0) (f64.sub (local.get $e0) (local.get $d))) (local.get $r0))
      (then (return (f64.const nan))))
    (local.get $r0))

  (func (export "log_batch") (param $n i32)
    (local $o i32) (local $end i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        (f64.store offset=40960 (local.get $o) (call $log (f64.load offset=8192 (local.get $o))))
        (local.set $o (i32.add (local.get $o) (i32.const 8)))
        (br $next))))

  (func (export "gauss") (param $have i32) (result i32)
    (local $at i32) (local $end i32) (local $a i32) (local $o i32)
    (local $x1 f64) (local $x2 f64) (local $r2 f64)
    (local $lx v128) (local $lx0 f64) (local $lx1 f64) (local $hw0 i32) (local $hw1 i32)
    (local $t0 i32) (local $t1 i32) (local $j0 i32) (local $j1 i32) (local $k0 i32) (local $k1 i32)
    (local $z v128) (local $ih v128) (local $il v128) (local $p v128) (local $s v128) (local $zh v128)
    (local $zl v128) (local $r v128) (local $kd v128) (local $w v128) (local $hi v128) (local $lo v128)
    (local $lr2 v128) (local $t v128) (local $r0 v128) (local $e0 v128) (local $d v128) (local $f v128)
    ;; pass 1: every attempt of the block; each is stored at slot a, which advances only when accepted
    ;; (no branch on the coin flip of acceptance)
    (local.set $end (i32.shl (local.get $have) (i32.const 3)))
    (block $done1
      (loop $attempt
        (br_if $done1 (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $x1 (f64.sub (f64.mul (f64.const 2) (f64.load offset=8192 (local.get $at))) (f64.const 1)))
        (local.set $x2 (f64.sub (f64.mul (f64.const 2) (f64.load offset=8200 (local.get $at))) (f64.const 1)))
        (local.set $r2 (f64.add (f64.mul (local.get $x1) (local.get $x1)) (f64.mul (local.get $x2) (local.get $x2))))
        (local.set $o (i32.shl (local.get $a) (i32.const 4)))
        (f64.store offset=40960 (local.get $o) (local.get $x2))
        (f64.store offset=40968 (local.get $o) (local.get $x1))
        (f64.store offset=73728 (i32.shl (local.get $a) (i32.const 3)) (local.get $r2))
        (local.set $a (i32.add (local.get $a)
          (i32.and (f64.lt (local.get $r2) (f64.const 1)) (f64.ne (local.get $r2) (f64.const 0)))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $attempt)))
    ;; pass 2: f = sqrt(−2·log(r2)/r2) for each accepted pair, outputs f·x2, f·x1 in place; two pairs at a
    ;; time in f64x2 lanes when both r2 take $log's main path (normal, k in range, not near 1) and both bound
    ;; tests decide: the same operations as $log's main path, lane by lane (IEEE per lane, never fused), then f
    ;; and the outputs; otherwise nothing is written and $finish does both pairs. (Written inline: a call per
    ;; two pairs measured ~9% slower.)
    (global.set $nfix (i32.const 0))
    (local.set $o (i32.const 0))
    (local.set $end (i32.shl (local.get $a) (i32.const 4)))
    (block $done2
      (loop $two
        (br_if $done2 (i32.gt_u (i32.add (local.get $o) (i32.const 32)) (local.get $end)))
        (block $ok
          (block $fallback
            (local.set $lx (v128.load offset=73728 (i32.shr_u (local.get $o) (i32.const 1))))
            (local.set $lx0 (f64x2.extract_lane 0 (local.get $lx)))
            (local.set $lx1 (f64x2.extract_lane 1 (local.get $lx)))
            ;; near 1 (r2 < 1 here, so r2 >= NEAR1_LO): $log's other branch
            (if (i32.or (f64.ge (local.get $lx0) (f64.load offset=80 (i32.const 0)))
                        (f64.ge (local.get $lx1) (f64.load offset=80 (i32.const 0))))
              (then (br $fallback)))
            (local.set $hw0 (i32.wrap_i64 (i64.shr_u (i64.reinterpret_f64 (local.get $lx0)) (i64.const 32))))
            (local.set $hw1 (i32.wrap_i64 (i64.shr_u (i64.reinterpret_f64 (local.get $lx1)) (i64.const 32))))
            (if (i32.or (i32.lt_u (local.get $hw0) (i32.const 0x00100000)) (i32.lt_u (local.get $hw1) (i32.const 0x00100000)))
              (then (br $fallback)))
            (local.set $t0 (i32.sub (local.get $hw0) (i32.const 0x3fe60000)))
            (local.set $t1 (i32.sub (local.get $hw1) (i32.const 0x3fe60000)))
            (local.set $j0 (i32.shl (i32.and (i32.shr_u (local.get $t0) (i32.const 13)) (i32.const 127)) (i32.const 3)))
            (local.set $j1 (i32.shl (i32.and (i32.shr_u (local.get $t1) (i32.const 13)) (i32.const 127)) (i32.const 3)))
            (local.set $k0 (i32.shr_s (local.get $t0) (i32.const 20)))
            (local.set $k1 (i32.shr_s (local.get $t1) (i32.const 20)))
            (if (i32.or (i32.gt_u (i32.add (local.get $k0) (i32.const 1022)) (i32.const 2044))
                        (i32.gt_u (i32.add (local.get $k1) (i32.const 1022)) (i32.const 2044)))
              (then (br $fallback)))
            ;; z = x·2^-k
            (local.set $z (f64x2.mul (local.get $lx)
              (i64x2.replace_lane 1
                (i64x2.splat (i64.shl (i64.extend_i32_u (i32.sub (i32.const 1023) (local.get $k0))) (i64.const 52)))
                (i64.shl (i64.extend_i32_u (i32.sub (i32.const 1023) (local.get $k1))) (i64.const 52)))))
            ;; r = p − 1 + (ih·zh − p + ih·zl + il·zh + il·zl), p = invc·z
            (local.set $ih (v128.load64_lane offset=3072 1 (local.get $j1) (v128.load64_splat offset=3072 (local.get $j0))))
            (local.set $il (v128.load64_lane offset=4096 1 (local.get $j1) (v128.load64_splat offset=4096 (local.get $j0))))
            (local.set $p (f64x2.mul
              (v128.load64_lane offset=1024 1 (local.get $j1) (v128.load64_splat offset=1024 (local.get $j0)))
              (local.get $z)))
            (local.set $s (f64x2.mul (v128.load64_splat offset=56 (i32.const 0)) (local.get $z)))
            (local.set $zh (f64x2.sub (local.get $s) (f64x2.sub (local.get $s) (local.get $z))))
            (local.set $zl (f64x2.sub (local.get $z) (local.get $zh)))
            (local.set $r (f64x2.add (f64x2.sub (local.get $p) (v128.const f64x2 1 1))
              (f64x2.add (f64x2.add (f64x2.add (f64x2.sub (f64x2.mul (local.get $ih) (local.get $zh)) (local.get $p))
                (f64x2.mul (local.get $ih) (local.get $zl))) (f64x2.mul (local.get $il) (local.get $zh)))
                (f64x2.mul (local.get $il) (local.get $zl)))))
            ;; w = LN2HI·k + logc; hi = r + w; lo = LN2LO·k + (w − hi + r)
            (local.set $kd (f64x2.replace_lane 1 (f64x2.splat (f64.convert_i32_s (local.get $k0))) (f64.convert_i32_s (local.get $k1))))
            (local.set $w (f64x2.add (f64x2.mul (v128.load64_splat offset=40 (i32.const 0)) (local.get $kd))
              (v128.load64_lane offset=2048 1 (local.get $j1) (v128.load64_splat offset=2048 (local.get $j0)))))
            (local.set $hi (f64x2.add (local.get $r) (local.get $w)))
            (local.set $lo (f64x2.add (f64x2.mul (v128.load64_splat offset=48 (i32.const 0)) (local.get $kd))
              (f64x2.add (f64x2.sub (local.get $w) (local.get $hi)) (local.get $r))))
            ;; t = r·r2·((A4 r + A3) r2 + (A2 r + A1)) + (A0 r2 + lo)
            (local.set $lr2 (f64x2.mul (local.get $r) (local.get $r)))
            (local.set $t (f64x2.add
              (f64x2.mul (f64x2.mul (local.get $r) (local.get $lr2))
                (f64x2.add
                  (f64x2.mul (f64x2.add (f64x2.mul (v128.load64_splat offset=32 (i32.const 0)) (local.get $r))
                    (v128.load64_splat offset=24 (i32.const 0))) (local.get $lr2))
                  (f64x2.add (f64x2.mul (v128.load64_splat offset=16 (i32.const 0)) (local.get $r))
                    (v128.load64_splat offset=8 (i32.const 0)))))
              (f64x2.add (f64x2.mul (v128.load64_splat offset=0 (i32.const 0)) (local.get $lr2)) (local.get $lo))))
            (local.set $r0 (f64x2.add (local.get $hi) (local.get $t)))
            (local.set $e0 (f64x2.add (f64x2.sub (local.get $hi) (local.get $r0)) (local.get $t)))
            (local.set $d (f64x2.add (f64x2.mul (v128.load64_splat offset=64 (i32.const 0)) (local.get $lr2))
              (v128.load64_splat offset=72 (i32.const 0))))
            ;; both bound tests, both lanes
            (if (i32.eqz (i64x2.all_true (v128.and
                  (f64x2.eq (f64x2.add (local.get $r0) (f64x2.add (local.get $e0) (local.get $d))) (local.get $r0))
                  (f64x2.eq (f64x2.add (local.get $r0) (f64x2.sub (local.get $e0) (local.get $d))) (local.get $r0)))))
              (then (br $fallback)))
            ;; f = sqrt(−2·log/r2); pair o gets lane 0, pair o + 16 lane 1
            (local.set $f (f64x2.sqrt (f64x2.div (f64x2.mul (v128.const f64x2 -2 -2) (local.get $r0)) (local.get $lx))))
            (v128.store offset=40960 (local.get $o)
              (f64x2.mul (f64x2.splat (f64x2.extract_lane 0 (local.get $f))) (v128.load offset=40960 (local.get $o))))
            (v128.store offset=40976 (local.get $o)
              (f64x2.mul (f64x2.splat (f64x2.extract_lane 1 (local.get $f))) (v128.load offset=40976 (local.get $o))))

            (br $ok))
          (call $finish (local.get $o))
          (call $finish (i32.add (local.get $o) (i32.const 16))))
        (local.set $o (i32.add (local.get $o) (i32.const 32)))
        (br $two)))
    (if (i32.lt_u (local.get $o) (local.get $end)) (then (call $finish (local.get $o))))
    (i32.store offset=256 (i32.const 0) (global.get $nfix))
    (local.get $a))

  ;; $finish(o): the pair at output byte o (its r2 at 73728 + o/2) with the scalar $log; a log left open goes
  ;; to the fixups
  (func $finish (param $o i32)
    (local $r2 f64) (local $l f64) (local $f f64)
    (local.set $r2 (f64.load offset=73728 (i32.shr_u (local.get $o) (i32.const 1))))
    (local.set $l (call $log (local.get $r2)))
    (if (f64.ne (local.get $l) (local.get $l))
      (then
        (i32.store offset=90112 (i32.shl (global.get $nfix) (i32.const 2)) (i32.shr_u (local.get $o) (i32.const 4)))
        (f64.store offset=98304 (i32.shl (global.get $nfix) (i32.const 3)) (local.get $r2))
        (global.set $nfix (i32.add (global.get $nfix) (i32.const 1))))
      (else
        (local.set $f (f64.sqrt (f64.div (f64.mul (f64.const -2) (local.get $l)) (local.get $r2))))
        (f64.store offset=40960 (local.get $o) (f64.mul (local.get $f) (f64.load offset=40960 (local.get $o))))
        (f64.store offset=40968 (local.get $o) (f64.mul (local.get $f) (f64.load offset=40968 (local.get $o)))))))

)
