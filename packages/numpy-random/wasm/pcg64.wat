;; PCG64 bulk-draw kernels behind src/bitgen/pcg64-wasm.ts.
;; Compiled by scripts/build-wasm.mjs (wabt from npm) into src/bitgen/pcg64-wasm-bytes.ts.
;;
;; Memory (2 pages, exported as `memory`; the caller copies state in and out synchronously):
;;   bytes [0, 16)       the 128-bit LCG state (low u64, high u64), read at entry, written back at exit
;;   bytes [16, 32)      the increment (low u64, high u64), read only
;;   bytes [32, 40)      scratch: `next_raw` and `normal` leave a raw output at byte 32
;;   bytes [48, 56)      `bounded`: the 64-bit offset added to every value
;;   bytes [56, 64)      `bounded`/`interval`: has_uint32 (u32 at 56) and uinteger (u32 at 60), NumPy's
;;                       next_uint32 buffer, read at entry and written at exit
;;   bytes [64, 65600)   output: up to 8192 u64 / f64 / i64 (8 bytes each) or u32 (`interval`)
;;   bytes [65600, 67648)  normal ziggurat table ki (256 u64), written by the caller before `normal`
;;   bytes [67648, 71744)  normal ziggurat table wi, signed (512 f64): entry j is wi[j & 0xff], negated when
;;                         j & 0x100 (rabs·(−w) = −(rabs·w) exactly, so x = rabs·wis[r & 0x1ff])
;;   bytes [71744, 73792)  normal ziggurat table fi (256 f64), for the wedge test
;;   bytes [73792, 74816)  exp: T[j] (EXP_TAIL, 128 f64)   bytes [74816, 75840)  exp: 2^(j/128) (EXP_V, 128 f64)
;;   bytes [75840, 75944)  exp constants (f64): INVLN2N SHIFT NEGLN2HIN NEGLN2LON C2 C3 C4 C5 TINY HALF_MINUS
;;                         M52 M100 M50 (src/math/exp.ts)
;;   bytes [75952, 75960)  `normal`: the wedge test's uniform u when it leaves that test to the caller
;;
;; Exports:
;;   fill_raw(n: i32)     n PCG64 outputs: state = state·M + inc (mod 2^128), then XSL-RR
;;                        rotr(hi ^ lo, hi >> 58), as u64 at byte 64 + 8i
;;   fill_double(n: i32)  the same draws as `next_double`: (x >> 11)·2^-53 as f64 at byte 64 + 8i
;;   next_raw()           one output, at byte 32
;;   bounded(n, excl, thr), interval(n, i): consumers of the next_uint32 stream (low half, then high half of
;;                        each output) starting with NumPy's uint32 buffer at bytes 56..64 (has_uint32, uinteger),
;;                        which holds it again at exit:
;;       bounded:         n values of NumPy's 32-bit Lemire (`buffered_bounded_lemire_uint32` on next_uint32)
;;                        with excl = range + 1 (< 2^32) and thr = (2^32 - excl) mod excl: m = word·excl
;;                        (64-bit); rejected while (m mod 2^32) < thr; value m >> 32; stored as the i64
;;                        offset (bytes 48..56) + value at byte 64 + 8i
;;       interval:        the n Fisher-Yates draws j of `random_interval(i)` for i, i - 1, ..., i - n + 1
;;                        (all >= 1): mask = gen_mask(i); v = word & mask until v <= i; u32 at byte 64 + 4k
;;   normal(from, n) -> k  the float64 ziggurat (`random_standard_normal`) for outputs from..n-1:
;;                        per draw r, idx = r & 0xff, rabs = (r >> 9) & (2^52 - 1), x = rabs·wi[idx] (negated
;;                        when bit 8 of r is set), accepted when rabs < ki[idx]; f64 at byte 64 + 8i. Otherwise,
;;                        for idx > 0, the wedge test: u = next_double, accept x when
;;                        (fi[idx-1] − fi[idx])·u + fi[idx] < exp(−0.5·x·x), else draw the element again. Stops
;;                        at a draw that needs the tail (idx = 0), or whose wedge test needs an exp the fast path
;;                        leaves open: returns its index k < n, with that draw's raw output at byte 32 (u at byte
;;                        75952 for the wedge) and the state just after its last draw (the caller finishes the
;;                        element, writes it at k and calls again with from = k + 1, or from = k after a
;;                        rejection); returns n when done. The tables and exp data are written by the caller first.
;;   exp_fast(x) -> y     the wedge test's exp (`$exp_fast` below: expRaw's value, or NaN where it is left open);
;;                        exported for the tests
;; Conversions to f64 use f64.convert_i64_s on values below 2^53 (x >> 11, rabs): exact, so identical to the
;; unsigned conversion, which x64 has no single instruction for.
;; M = 0x2360ed051fc65da4_4385df649fccf645. The high half of the 64×64 product sl·ML is computed exactly
;; from 32-bit halves (WebAssembly 1.0 has no i64 mulhi). The TypeScript path (src/bitgen/pcg64.ts,
;; src/distributions/bounded.ts, interval.ts, ziggurat.ts) is the fallback; the unit tests check both give
;; identical bits.
(module
  (memory (export "memory") 2)
  ;; results of $lcg (WebAssembly 1.0 functions return one value)
  (global $rl (mut i64) (i64.const 0))
  (global $rh (mut i64) (i64.const 0))

  ;; $lcg: (rh:rl) = (sh:sl)·(mh:ml) + (ah:al) mod 2^128, for the few steps outside the hot loop.
  ;; The high half of the 64×64 product sl·ml is exact from 32-bit halves (WebAssembly 1.0 has no mulhi):
  ;; mulhi = a1·b1 + (p01 >> 32) + (p10 >> 32) + ((a0·b0 >> 32) + (p01 & M32) + (p10 & M32)) >> 32,
  ;; with a0/a1 and b0/b1 the low/high 32 bits of sl and ml, p01 = a0·b1, p10 = a1·b0.
  (func $lcg (param $sl i64) (param $sh i64) (param $ml i64) (param $mh i64) (param $al i64) (param $ah i64)
    (local $b0 i64) (local $b1 i64) (local $a0 i64) (local $a1 i64) (local $p01 i64) (local $p10 i64)
    (local $t i64) (local $nl i64) (local $nh i64)
    (local.set $b0 (i64.and (local.get $ml) (i64.const 0xffffffff)))
    (local.set $b1 (i64.shr_u (local.get $ml) (i64.const 32)))
    (local.set $a0 (i64.and (local.get $sl) (i64.const 0xffffffff)))
    (local.set $a1 (i64.shr_u (local.get $sl) (i64.const 32)))
    (local.set $p01 (i64.mul (local.get $a0) (local.get $b1)))
    (local.set $p10 (i64.mul (local.get $a1) (local.get $b0)))
    (local.set $t
      (i64.add
        (i64.add
          (i64.add
            (i64.add
              (i64.add
                (i64.add
                  (i64.mul (local.get $a1) (local.get $b1))
                  (i64.shr_u (local.get $p01) (i64.const 32)))
                (i64.shr_u (local.get $p10) (i64.const 32)))
              (i64.shr_u
                (i64.add
                  (i64.add
                    (i64.shr_u (i64.mul (local.get $a0) (local.get $b0)) (i64.const 32))
                    (i64.and (local.get $p01) (i64.const 0xffffffff)))
                  (i64.and (local.get $p10) (i64.const 0xffffffff)))
                (i64.const 32)))
            (i64.mul (local.get $sl) (local.get $mh)))
          (i64.mul (local.get $sh) (local.get $ml)))
        (local.get $ah)))
    (local.set $nl (i64.add (i64.mul (local.get $sl) (local.get $ml)) (local.get $al)))
    (local.set $nh
      (i64.add (local.get $t) (i64.extend_i32_u (i64.lt_u (local.get $nl) (local.get $al)))))
    (global.set $rl (local.get $nl))
    (global.set $rh (local.get $nh)))

  ;; The shared fill; $as_double selects the store (a branch the CPU predicts perfectly).
  ;; Two interleaved lanes: A holds the states after steps 1, 3, 5, … and B after steps 2, 4, 6, …, each
  ;; advanced two steps at a time by x ← M²·x + (M + 1)·inc (mod 2^128), which is exactly two LCG steps.
  ;; The lanes are independent, so their multiplies overlap. Output j is XSL-RR of the state after step j + 1.
  ;; M² mod 2^128 = 0x17bce35bdf69743c_529ed9eb20e0ae99 (B1 = 0x529ed9eb, B0 = 0x20e0ae99).
;; A lane step (here and in the other loops): with a1:a0 the 32-bit halves of x_l and c1:c0 those of c_l, the
;; 128-bit x_l·M²l + c_l comes from partial products with c folded in: p = a0·B0 + c0,
;; t = (p >> 32) + a1·B0 + c1, u = (t mod 2^32) + a0·B1 (none exceeds 2^64 − 1); its low half is
;; (u << 32) | (p mod 2^32), its high half a1·B1 + (t >> 32) + (u >> 32), to which x_l·M²h + x_h·M²l + c_h
;; are added (mod 2^64). (No separate carry: c_l is inside the product.)
  (func $fill (param $n i32) (param $as_double i32)
    (local $c0 i64) (local $c1 i64)
    (local $cur i32) (local $left i32)
    (local $ml i64) (local $mh i64) (local $il i64) (local $ih i64) (local $cl i64) (local $ch i64)
    (local $Al i64) (local $Ah i64) (local $Bl i64) (local $Bh i64)
    (local $a0 i64) (local $a1 i64) (local $p01 i64) (local $p10 i64) (local $t i64) (local $x i64)
    (if (i32.eqz (local.get $n)) (then (return)))
    (local.set $ml (i64.const 0x4385df649fccf645))
    (local.set $mh (i64.const 0x2360ed051fc65da4))
    (local.set $il (i64.load offset=16 (i32.const 0)))
    (local.set $ih (i64.load offset=24 (i32.const 0)))
    (local.set $cur (i32.const 64))
    (local.set $left (local.get $n))
    ;; A = state after one step
    (call $lcg (i64.load offset=0 (i32.const 0)) (i64.load offset=8 (i32.const 0))
      (local.get $ml) (local.get $mh) (local.get $il) (local.get $ih))
    (local.set $Al (global.get $rl))
    (local.set $Ah (global.get $rh))
    (block $tail
      (br_if $tail (i32.lt_u (local.get $left) (i32.const 2)))
      ;; B = state after two steps; c = (M + 1)·inc = M·inc + inc, the two-step increment
      (call $lcg (local.get $Al) (local.get $Ah) (local.get $ml) (local.get $mh) (local.get $il) (local.get $ih))
      (local.set $Bl (global.get $rl))
      (local.set $Bh (global.get $rh))
      (call $lcg (local.get $il) (local.get $ih) (local.get $ml) (local.get $mh) (local.get $il) (local.get $ih))
      (local.set $cl (global.get $rl))
      (local.set $ch (global.get $rh))
      (local.set $c0 (i64.and (local.get $cl) (i64.const 0xffffffff)))
      (local.set $c1 (i64.shr_u (local.get $cl) (i64.const 32)))
      (loop $pairs
        (local.set $x (i64.rotr (i64.xor (local.get $Ah) (local.get $Al)) (i64.shr_u (local.get $Ah) (i64.const 58))))
        (if (local.get $as_double)
          (then (f64.store offset=0 (local.get $cur)
            (f64.mul (f64.convert_i64_s (i64.shr_u (local.get $x) (i64.const 11))) (f64.const 0x1p-53))))
          (else (i64.store offset=0 (local.get $cur) (local.get $x))))
        (local.set $x (i64.rotr (i64.xor (local.get $Bh) (local.get $Bl)) (i64.shr_u (local.get $Bh) (i64.const 58))))
        (if (local.get $as_double)
          (then (f64.store offset=8 (local.get $cur)
            (f64.mul (f64.convert_i64_s (i64.shr_u (local.get $x) (i64.const 11))) (f64.const 0x1p-53))))
          (else (i64.store offset=8 (local.get $cur) (local.get $x))))
        (local.set $cur (i32.add (local.get $cur) (i32.const 16)))
        (local.set $left (i32.sub (local.get $left) (i32.const 2)))
        (if (i32.ge_u (local.get $left) (i32.const 2))
          (then
            ;; both lanes two steps ahead (constants M², written out: V8 does not inline wasm calls)
            (local.set $a0 (i64.and (local.get $Al) (i64.const 0xffffffff)))
            (local.set $a1 (i64.shr_u (local.get $Al) (i64.const 32)))
            (local.set $p01 (i64.add (i64.mul (local.get $a0) (i64.const 0x20e0ae99)) (local.get $c0)))
            (local.set $t (i64.add (i64.add (i64.shr_u (local.get $p01) (i64.const 32))
              (i64.mul (local.get $a1) (i64.const 0x20e0ae99))) (local.get $c1)))
            (local.set $p10 (i64.add (i64.and (local.get $t) (i64.const 0xffffffff)) (i64.mul (local.get $a0) (i64.const 0x529ed9eb))))
            (local.set $Ah
              (i64.add
                (i64.add
                  (i64.add (i64.mul (local.get $a1) (i64.const 0x529ed9eb))
                    (i64.add (i64.shr_u (local.get $t) (i64.const 32)) (i64.shr_u (local.get $p10) (i64.const 32))))
                  (i64.add (i64.mul (local.get $Al) (i64.const 0x17bce35bdf69743c))
                    (i64.mul (local.get $Ah) (i64.const 0x529ed9eb20e0ae99))))
              (local.get $ch)))
            (local.set $Al (i64.or (i64.shl (local.get $p10) (i64.const 32)) (i64.and (local.get $p01) (i64.const 0xffffffff))))
            (local.set $a0 (i64.and (local.get $Bl) (i64.const 0xffffffff)))
            (local.set $a1 (i64.shr_u (local.get $Bl) (i64.const 32)))
            (local.set $p01 (i64.add (i64.mul (local.get $a0) (i64.const 0x20e0ae99)) (local.get $c0)))
            (local.set $t (i64.add (i64.add (i64.shr_u (local.get $p01) (i64.const 32))
              (i64.mul (local.get $a1) (i64.const 0x20e0ae99))) (local.get $c1)))
            (local.set $p10 (i64.add (i64.and (local.get $t) (i64.const 0xffffffff)) (i64.mul (local.get $a0) (i64.const 0x529ed9eb))))
            (local.set $Bh
              (i64.add
                (i64.add
                  (i64.add (i64.mul (local.get $a1) (i64.const 0x529ed9eb))
                    (i64.add (i64.shr_u (local.get $t) (i64.const 32)) (i64.shr_u (local.get $p10) (i64.const 32))))
                  (i64.add (i64.mul (local.get $Bl) (i64.const 0x17bce35bdf69743c))
                    (i64.mul (local.get $Bh) (i64.const 0x529ed9eb20e0ae99))))
              (local.get $ch)))
            (local.set $Bl (i64.or (i64.shl (local.get $p10) (i64.const 32)) (i64.and (local.get $p01) (i64.const 0xffffffff))))
            (br $pairs))))
      ;; the last state used is B's; an odd count needs one more single step from it
      (local.set $Al (local.get $Bl))
      (local.set $Ah (local.get $Bh))
      (br_if $tail (i32.eq (local.get $left) (i32.const 1)))
      (i64.store offset=0 (i32.const 0) (local.get $Bl))
      (i64.store offset=8 (i32.const 0) (local.get $Bh))
      (return))
    ;; here $left = 1: A is the state before the last output when n = 1, else one step is still due
    (if (i32.ne (local.get $n) (i32.const 1))
      (then
        (call $lcg (local.get $Al) (local.get $Ah) (local.get $ml) (local.get $mh) (local.get $il) (local.get $ih))
        (local.set $Al (global.get $rl))
        (local.set $Ah (global.get $rh))))
    (local.set $x (i64.rotr (i64.xor (local.get $Ah) (local.get $Al)) (i64.shr_u (local.get $Ah) (i64.const 58))))
    (if (local.get $as_double)
      (then (f64.store offset=0 (local.get $cur)
        (f64.mul (f64.convert_i64_s (i64.shr_u (local.get $x) (i64.const 11))) (f64.const 0x1p-53))))
      (else (i64.store offset=0 (local.get $cur) (local.get $x))))
    (i64.store offset=0 (i32.const 0) (local.get $Al))
    (i64.store offset=8 (i32.const 0) (local.get $Ah)))

  (func $fill_raw (export "fill_raw") (param $n i32)
    (call $fill (local.get $n) (i32.const 0)))

  (func $fill_double (export "fill_double") (param $n i32)
    (call $fill (local.get $n) (i32.const 1)))

  ;; next_raw: one step and one output (at byte 32); for the few extra draws of a slow path.
  (func $next_raw (export "next_raw")
    (local $sl i64) (local $sh i64)
    (call $lcg (i64.load offset=0 (i32.const 0)) (i64.load offset=8 (i32.const 0))
      (i64.const 0x4385df649fccf645) (i64.const 0x2360ed051fc65da4)
      (i64.load offset=16 (i32.const 0)) (i64.load offset=24 (i32.const 0)))
    (local.set $sl (global.get $rl))
    (local.set $sh (global.get $rh))
    (i64.store offset=0 (i32.const 0) (local.get $sl))
    (i64.store offset=8 (i32.const 0) (local.get $sh))
    (i64.store offset=32 (i32.const 0)
      (i64.rotr (i64.xor (local.get $sh) (local.get $sl)) (i64.shr_u (local.get $sh) (i64.const 58)))))

  ;; interval(n, i): see the header. Outputs are made in pairs by the two lanes of $fill (A then B), whose four
  ;; uint32 words (lo A, hi A, lo B, hi B) are taken in turn from $q. At exit, j words of the pair are consumed:
  ;; the state is A (j <= 2) or B (j > 2); has_uint32 = j & 1 (the high half of that output is buffered);
  ;; uinteger = the last high half produced, word (j - 1) | 1 (NumPy keeps it after consuming it).
  (func $interval (export "interval") (param $n i32) (param $p1 i32)
    (local $c0 i64) (local $c1 i64)
    (local $il i64) (local $ih i64) (local $cl i64) (local $ch i64)
    (local $Al i64) (local $Ah i64) (local $Bl i64) (local $Bh i64)
    (local $a0 i64) (local $a1 i64) (local $p01 i64) (local $p10 i64) (local $t i64)
    (local $out i32) (local $k i32) (local $j i32) (local $w i32) (local $v i32) (local $i i32) (local $mask i32)
    (local $j0 i32) (local $acc i32) (local $hiA i32) (local $xA i64) (local $xB i64) (local $q i64)
    (if (i32.eqz (local.get $n)) (then (return)))
    (local.set $il (i64.load offset=16 (i32.const 0)))
    (local.set $ih (i64.load offset=24 (i32.const 0)))
    ;; A = state after one step (or the current state, see below), B = one step after A;
    ;; c = (M + 1)·inc, the two-step increment (as in $fill)
    ;; a buffered half (has_uint32 = 1 at entry) is word 1 of a first pair whose A is the current state
    (local.set $j0 (i32.load offset=56 (i32.const 0)))
    (local.set $Al (i64.load offset=0 (i32.const 0)))
    (local.set $Ah (i64.load offset=8 (i32.const 0)))
    (if (i32.eqz (local.get $j0))
      (then
        (call $lcg (local.get $Al) (local.get $Ah)
          (i64.const 0x4385df649fccf645) (i64.const 0x2360ed051fc65da4) (local.get $il) (local.get $ih))
        (local.set $Al (global.get $rl))
        (local.set $Ah (global.get $rh))))
    (call $lcg (local.get $Al) (local.get $Ah)
      (i64.const 0x4385df649fccf645) (i64.const 0x2360ed051fc65da4) (local.get $il) (local.get $ih))
    (local.set $Bl (global.get $rl))
    (local.set $Bh (global.get $rh))
    (call $lcg (local.get $il) (local.get $ih)
      (i64.const 0x4385df649fccf645) (i64.const 0x2360ed051fc65da4) (local.get $il) (local.get $ih))
    (local.set $cl (global.get $rl))
    (local.set $ch (global.get $rh))
    (local.set $c0 (i64.and (local.get $cl) (i64.const 0xffffffff)))
    (local.set $c1 (i64.shr_u (local.get $cl) (i64.const 32)))
    ;; i and gen_mask(i)
    (local.set $i (local.get $p1))
    (local.set $mask (i32.or (local.get $i) (i32.shr_u (local.get $i) (i32.const 1))))
    (local.set $mask (i32.or (local.get $mask) (i32.shr_u (local.get $mask) (i32.const 2))))
    (local.set $mask (i32.or (local.get $mask) (i32.shr_u (local.get $mask) (i32.const 4))))
    (local.set $mask (i32.or (local.get $mask) (i32.shr_u (local.get $mask) (i32.const 8))))
    (local.set $mask (i32.or (local.get $mask) (i32.shr_u (local.get $mask) (i32.const 16))))
    (local.set $out (i32.const 64))
    (block $done
      (loop $pair
        (local.set $xA (i64.rotr (i64.xor (local.get $Ah) (local.get $Al)) (i64.shr_u (local.get $Ah) (i64.const 58))))
        (local.set $xB (i64.rotr (i64.xor (local.get $Bh) (local.get $Bl)) (i64.shr_u (local.get $Bh) (i64.const 58))))
        ;; the pair's words in order: lo A, hi A, lo B, hi B; entered with a buffered half, the first pair
        ;; starts at word 1, which is the buffered value
        (local.set $hiA (i32.wrap_i64 (i64.shr_u (local.get $xA) (i64.const 32))))
        (local.set $q (local.get $xA))
        (local.set $j (i32.const 0))
        (if (local.get $j0)
          (then
            (local.set $hiA (i32.load offset=60 (i32.const 0)))
            (local.set $q (i64.extend_i32_u (local.get $hiA)))
            (local.set $j (i32.const 1))
            (local.set $j0 (i32.const 0))))
        (loop $word
          (local.set $w (i32.wrap_i64 (local.get $q)))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (local.set $q (select (local.get $xB) (i64.shr_u (local.get $q) (i64.const 32)) (i32.eq (local.get $j) (i32.const 2))))
          ;; random_interval(i): v = w & mask, accepted when v <= i; then i - 1 and its mask, which loses at most
          ;; its top bit. No branch on the accept/reject coin flip: v is always stored, the cursor moves when
          ;; accepted.
          (local.set $v (i32.and (local.get $w) (local.get $mask)))
          (local.set $acc (i32.le_u (local.get $v) (local.get $i)))
          (i32.store (local.get $out) (local.get $v))
          (local.set $out (i32.add (local.get $out) (i32.shl (local.get $acc) (i32.const 2))))
          (local.set $k (i32.add (local.get $k) (local.get $acc)))
          (local.set $i (i32.sub (local.get $i) (local.get $acc)))
          (local.set $mask (i32.shr_u (local.get $mask)
            (i32.and (local.get $acc) (i32.ge_u (i32.shr_u (local.get $mask) (i32.const 1)) (local.get $i)))))
          (br_if $done (i32.eq (local.get $k) (local.get $n)))
          (br_if $word (i32.lt_u (local.get $j) (i32.const 4))))
        ;; both lanes two steps ahead
            (local.set $a0 (i64.and (local.get $Al) (i64.const 0xffffffff)))
            (local.set $a1 (i64.shr_u (local.get $Al) (i64.const 32)))
            (local.set $p01 (i64.add (i64.mul (local.get $a0) (i64.const 0x20e0ae99)) (local.get $c0)))
            (local.set $t (i64.add (i64.add (i64.shr_u (local.get $p01) (i64.const 32))
              (i64.mul (local.get $a1) (i64.const 0x20e0ae99))) (local.get $c1)))
            (local.set $p10 (i64.add (i64.and (local.get $t) (i64.const 0xffffffff)) (i64.mul (local.get $a0) (i64.const 0x529ed9eb))))
            (local.set $Ah
              (i64.add
                (i64.add
                  (i64.add (i64.mul (local.get $a1) (i64.const 0x529ed9eb))
                    (i64.add (i64.shr_u (local.get $t) (i64.const 32)) (i64.shr_u (local.get $p10) (i64.const 32))))
                  (i64.add (i64.mul (local.get $Al) (i64.const 0x17bce35bdf69743c))
                    (i64.mul (local.get $Ah) (i64.const 0x529ed9eb20e0ae99))))
              (local.get $ch)))
            (local.set $Al (i64.or (i64.shl (local.get $p10) (i64.const 32)) (i64.and (local.get $p01) (i64.const 0xffffffff))))
            (local.set $a0 (i64.and (local.get $Bl) (i64.const 0xffffffff)))
            (local.set $a1 (i64.shr_u (local.get $Bl) (i64.const 32)))
            (local.set $p01 (i64.add (i64.mul (local.get $a0) (i64.const 0x20e0ae99)) (local.get $c0)))
            (local.set $t (i64.add (i64.add (i64.shr_u (local.get $p01) (i64.const 32))
              (i64.mul (local.get $a1) (i64.const 0x20e0ae99))) (local.get $c1)))
            (local.set $p10 (i64.add (i64.and (local.get $t) (i64.const 0xffffffff)) (i64.mul (local.get $a0) (i64.const 0x529ed9eb))))
            (local.set $Bh
              (i64.add
                (i64.add
                  (i64.add (i64.mul (local.get $a1) (i64.const 0x529ed9eb))
                    (i64.add (i64.shr_u (local.get $t) (i64.const 32)) (i64.shr_u (local.get $p10) (i64.const 32))))
                  (i64.add (i64.mul (local.get $Bl) (i64.const 0x17bce35bdf69743c))
                    (i64.mul (local.get $Bh) (i64.const 0x529ed9eb20e0ae99))))
              (local.get $ch)))
            (local.set $Bl (i64.or (i64.shl (local.get $p10) (i64.const 32)) (i64.and (local.get $p01) (i64.const 0xffffffff))))
        (br $pair)))
    ;; j words of the current pair were consumed
    (if (i32.le_u (local.get $j) (i32.const 2))
      (then
        (i64.store offset=0 (i32.const 0) (local.get $Al))
        (i64.store offset=8 (i32.const 0) (local.get $Ah)))
      (else
        (i64.store offset=0 (i32.const 0) (local.get $Bl))
        (i64.store offset=8 (i32.const 0) (local.get $Bh))))
    (i32.store offset=56 (i32.const 0) (i32.and (local.get $j) (i32.const 1)))
    (i32.store offset=60 (i32.const 0)
      (select (local.get $hiA) (i32.wrap_i64 (i64.shr_u (local.get $xB) (i64.const 32))) (i32.le_u (local.get $j) (i32.const 2)))))

  ;; bounded(n, excl, thr): see the header; the pair's four words are unrolled (no scratch). j = words of the
  ;; current pair consumed at exit, as in $interval; hiA/hiB = the pair's high words (uinteger at exit).
  (func $bounded (export "bounded") (param $n i32) (param $excl32 i32) (param $thr i32)
    (local $c0 i64) (local $c1 i64)
    (local $il i64) (local $ih i64) (local $cl i64) (local $ch i64)
    (local $Al i64) (local $Ah i64) (local $Bl i64) (local $Bh i64)
    (local $a0 i64) (local $a1 i64) (local $p01 i64) (local $p10 i64) (local $t i64)
    (local $j0 i32) (local $j i32) (local $out i32) (local $end i32) (local $hiA i32) (local $hiB i32)
    (local $xA i64) (local $xB i64) (local $excl i64) (local $off i64) (local $m i64)
    (if (i32.eqz (local.get $n)) (then (return)))
    (local.set $il (i64.load offset=16 (i32.const 0)))
    (local.set $ih (i64.load offset=24 (i32.const 0)))
    ;; A = state after one step (or the current state, see below), B = one step after A;
    ;; c = (M + 1)·inc, the two-step increment (as in $fill)
    ;; a buffered half (has_uint32 = 1 at entry) is word 1 of a first pair whose A is the current state
    (local.set $j0 (i32.load offset=56 (i32.const 0)))
    (local.set $Al (i64.load offset=0 (i32.const 0)))
    (local.set $Ah (i64.load offset=8 (i32.const 0)))
    (if (i32.eqz (local.get $j0))
      (then
        (call $lcg (local.get $Al) (local.get $Ah)
          (i64.const 0x4385df649fccf645) (i64.const 0x2360ed051fc65da4) (local.get $il) (local.get $ih))
        (local.set $Al (global.get $rl))
        (local.set $Ah (global.get $rh))))
    (call $lcg (local.get $Al) (local.get $Ah)
      (i64.const 0x4385df649fccf645) (i64.const 0x2360ed051fc65da4) (local.get $il) (local.get $ih))
    (local.set $Bl (global.get $rl))
    (local.set $Bh (global.get $rh))
    (call $lcg (local.get $il) (local.get $ih)
      (i64.const 0x4385df649fccf645) (i64.const 0x2360ed051fc65da4) (local.get $il) (local.get $ih))
    (local.set $cl (global.get $rl))
    (local.set $ch (global.get $rh))
    (local.set $c0 (i64.and (local.get $cl) (i64.const 0xffffffff)))
    (local.set $c1 (i64.shr_u (local.get $cl) (i64.const 32)))
    (local.set $excl (i64.extend_i32_u (local.get $excl32)))
    (local.set $off (i64.load offset=48 (i32.const 0)))
    (local.set $out (i32.const 64))
    (local.set $end (i32.add (i32.const 64) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      ;; entered with a buffered half: it is word 1 of a first pair (A = the current state), then B's words
      (if (local.get $j0)
        (then
          (local.set $xB (i64.rotr (i64.xor (local.get $Bh) (local.get $Bl)) (i64.shr_u (local.get $Bh) (i64.const 58))))
          (local.set $hiA (i32.load offset=60 (i32.const 0)))
          (local.set $hiB (i32.wrap_i64 (i64.shr_u (local.get $xB) (i64.const 32))))
          ;; word 1 of the pair
          (local.set $m (i64.mul (i64.extend_i32_u (local.get $hiA)) (local.get $excl)))
          (if (i32.ge_u (i32.wrap_i64 (local.get $m)) (local.get $thr))
            (then
              (i64.store (local.get $out) (i64.add (local.get $off) (i64.shr_u (local.get $m) (i64.const 32))))
              (local.set $out (i32.add (local.get $out) (i32.const 8)))
              (if (i32.eq (local.get $out) (local.get $end))
                (then (local.set $j (i32.const 2)) (br $done)))))
          ;; word 2 of the pair
          (local.set $m (i64.mul (i64.extend_i32_u (i32.wrap_i64 (local.get $xB))) (local.get $excl)))
          (if (i32.ge_u (i32.wrap_i64 (local.get $m)) (local.get $thr))
            (then
              (i64.store (local.get $out) (i64.add (local.get $off) (i64.shr_u (local.get $m) (i64.const 32))))
              (local.set $out (i32.add (local.get $out) (i32.const 8)))
              (if (i32.eq (local.get $out) (local.get $end))
                (then (local.set $j (i32.const 3)) (br $done)))))
          ;; word 3 of the pair
          (local.set $m (i64.mul (i64.extend_i32_u (local.get $hiB)) (local.get $excl)))
          (if (i32.ge_u (i32.wrap_i64 (local.get $m)) (local.get $thr))
            (then
              (i64.store (local.get $out) (i64.add (local.get $off) (i64.shr_u (local.get $m) (i64.const 32))))
              (local.set $out (i32.add (local.get $out) (i32.const 8)))
              (if (i32.eq (local.get $out) (local.get $end))
                (then (local.set $j (i32.const 4)) (br $done)))))
          (local.set $a0 (i64.and (local.get $Al) (i64.const 0xffffffff)))
          (local.set $a1 (i64.shr_u (local.get $Al) (i64.const 32)))
          (local.set $p01 (i64.add (i64.mul (local.get $a0) (i64.const 0x20e0ae99)) (local.get $c0)))
          (local.set $t (i64.add (i64.add (i64.shr_u (local.get $p01) (i64.const 32))
            (i64.mul (local.get $a1) (i64.const 0x20e0ae99))) (local.get $c1)))
          (local.set $p10 (i64.add (i64.and (local.get $t) (i64.const 0xffffffff)) (i64.mul (local.get $a0) (i64.const 0x529ed9eb))))
          (local.set $Ah
            (i64.add
              (i64.add
                (i64.add (i64.mul (local.get $a1) (i64.const 0x529ed9eb))
                  (i64.add (i64.shr_u (local.get $t) (i64.const 32)) (i64.shr_u (local.get $p10) (i64.const 32))))
                (i64.add (i64.mul (local.get $Al) (i64.const 0x17bce35bdf69743c))
                  (i64.mul (local.get $Ah) (i64.const 0x529ed9eb20e0ae99))))
            (local.get $ch)))
          (local.set $Al (i64.or (i64.shl (local.get $p10) (i64.const 32)) (i64.and (local.get $p01) (i64.const 0xffffffff))))
          (local.set $a0 (i64.and (local.get $Bl) (i64.const 0xffffffff)))
          (local.set $a1 (i64.shr_u (local.get $Bl) (i64.const 32)))
          (local.set $p01 (i64.add (i64.mul (local.get $a0) (i64.const 0x20e0ae99)) (local.get $c0)))
          (local.set $t (i64.add (i64.add (i64.shr_u (local.get $p01) (i64.const 32))
            (i64.mul (local.get $a1) (i64.const 0x20e0ae99))) (local.get $c1)))
          (local.set $p10 (i64.add (i64.and (local.get $t) (i64.const 0xffffffff)) (i64.mul (local.get $a0) (i64.const 0x529ed9eb))))
          (local.set $Bh
            (i64.add
              (i64.add
                (i64.add (i64.mul (local.get $a1) (i64.const 0x529ed9eb))
                  (i64.add (i64.shr_u (local.get $t) (i64.const 32)) (i64.shr_u (local.get $p10) (i64.const 32))))
                (i64.add (i64.mul (local.get $Bl) (i64.const 0x17bce35bdf69743c))
                  (i64.mul (local.get $Bh) (i64.const 0x529ed9eb20e0ae99))))
            (local.get $ch)))
          (local.set $Bl (i64.or (i64.shl (local.get $p10) (i64.const 32)) (i64.and (local.get $p01) (i64.const 0xffffffff))))
))
      (loop $pair
        (local.set $xA (i64.rotr (i64.xor (local.get $Ah) (local.get $Al)) (i64.shr_u (local.get $Ah) (i64.const 58))))
        (local.set $xB (i64.rotr (i64.xor (local.get $Bh) (local.get $Bl)) (i64.shr_u (local.get $Bh) (i64.const 58))))
        (local.set $hiA (i32.wrap_i64 (i64.shr_u (local.get $xA) (i64.const 32))))
        (local.set $hiB (i32.wrap_i64 (i64.shr_u (local.get $xB) (i64.const 32))))
        ;; word 0 of the pair
        (local.set $m (i64.mul (i64.extend_i32_u (i32.wrap_i64 (local.get $xA))) (local.get $excl)))
        (if (i32.ge_u (i32.wrap_i64 (local.get $m)) (local.get $thr))
          (then
            (i64.store (local.get $out) (i64.add (local.get $off) (i64.shr_u (local.get $m) (i64.const 32))))
            (local.set $out (i32.add (local.get $out) (i32.const 8)))
            (if (i32.eq (local.get $out) (local.get $end))
              (then (local.set $j (i32.const 1)) (br $done)))))
        ;; word 1 of the pair
        (local.set $m (i64.mul (i64.extend_i32_u (local.get $hiA)) (local.get $excl)))
        (if (i32.ge_u (i32.wrap_i64 (local.get $m)) (local.get $thr))
          (then
            (i64.store (local.get $out) (i64.add (local.get $off) (i64.shr_u (local.get $m) (i64.const 32))))
            (local.set $out (i32.add (local.get $out) (i32.const 8)))
            (if (i32.eq (local.get $out) (local.get $end))
              (then (local.set $j (i32.const 2)) (br $done)))))
        ;; word 2 of the pair
        (local.set $m (i64.mul (i64.extend_i32_u (i32.wrap_i64 (local.get $xB))) (local.get $excl)))
        (if (i32.ge_u (i32.wrap_i64 (local.get $m)) (local.get $thr))
          (then
            (i64.store (local.get $out) (i64.add (local.get $off) (i64.shr_u (local.get $m) (i64.const 32))))
            (local.set $out (i32.add (local.get $out) (i32.const 8)))
            (if (i32.eq (local.get $out) (local.get $end))
              (then (local.set $j (i32.const 3)) (br $done)))))
        ;; word 3 of the pair
        (local.set $m (i64.mul (i64.extend_i32_u (local.get $hiB)) (local.get $excl)))
        (if (i32.ge_u (i32.wrap_i64 (local.get $m)) (local.get $thr))
          (then
            (i64.store (local.get $out) (i64.add (local.get $off) (i64.shr_u (local.get $m) (i64.const 32))))
            (local.set $out (i32.add (local.get $out) (i32.const 8)))
            (if (i32.eq (local.get $out) (local.get $end))
              (then (local.set $j (i32.const 4)) (br $done)))))
        (local.set $a0 (i64.and (local.get $Al) (i64.const 0xffffffff)))
        (local.set $a1 (i64.shr_u (local.get $Al) (i64.const 32)))
        (local.set $p01 (i64.add (i64.mul (local.get $a0) (i64.const 0x20e0ae99)) (local.get $c0)))
        (local.set $t (i64.add (i64.add (i64.shr_u (local.get $p01) (i64.const 32))
          (i64.mul (local.get $a1) (i64.const 0x20e0ae99))) (local.get $c1)))
        (local.set $p10 (i64.add (i64.and (local.get $t) (i64.const 0xffffffff)) (i64.mul (local.get $a0) (i64.const 0x529ed9eb))))
        (local.set $Ah
          (i64.add
            (i64.add
              (i64.add (i64.mul (local.get $a1) (i64.const 0x529ed9eb))
                (i64.add (i64.shr_u (local.get $t) (i64.const 32)) (i64.shr_u (local.get $p10) (i64.const 32))))
              (i64.add (i64.mul (local.get $Al) (i64.const 0x17bce35bdf69743c))
                (i64.mul (local.get $Ah) (i64.const 0x529ed9eb20e0ae99))))
          (local.get $ch)))
        (local.set $Al (i64.or (i64.shl (local.get $p10) (i64.const 32)) (i64.and (local.get $p01) (i64.const 0xffffffff))))
        (local.set $a0 (i64.and (local.get $Bl) (i64.const 0xffffffff)))
        (local.set $a1 (i64.shr_u (local.get $Bl) (i64.const 32)))
        (local.set $p01 (i64.add (i64.mul (local.get $a0) (i64.const 0x20e0ae99)) (local.get $c0)))
        (local.set $t (i64.add (i64.add (i64.shr_u (local.get $p01) (i64.const 32))
          (i64.mul (local.get $a1) (i64.const 0x20e0ae99))) (local.get $c1)))
        (local.set $p10 (i64.add (i64.and (local.get $t) (i64.const 0xffffffff)) (i64.mul (local.get $a0) (i64.const 0x529ed9eb))))
        (local.set $Bh
          (i64.add
            (i64.add
              (i64.add (i64.mul (local.get $a1) (i64.const 0x529ed9eb))
                (i64.add (i64.shr_u (local.get $t) (i64.const 32)) (i64.shr_u (local.get $p10) (i64.const 32))))
              (i64.add (i64.mul (local.get $Bl) (i64.const 0x17bce35bdf69743c))
                (i64.mul (local.get $Bh) (i64.const 0x529ed9eb20e0ae99))))
          (local.get $ch)))
        (local.set $Bl (i64.or (i64.shl (local.get $p10) (i64.const 32)) (i64.and (local.get $p01) (i64.const 0xffffffff))))
        (br $pair)))
    (if (i32.le_u (local.get $j) (i32.const 2))
      (then
        (i64.store offset=0 (i32.const 0) (local.get $Al))
        (i64.store offset=8 (i32.const 0) (local.get $Ah))
        (i32.store offset=60 (i32.const 0) (local.get $hiA)))
      (else
        (i64.store offset=0 (i32.const 0) (local.get $Bl))
        (i64.store offset=8 (i32.const 0) (local.get $Bh))
        (i32.store offset=60 (i32.const 0) (local.get $hiB))))
    (i32.store offset=56 (i32.const 0) (i32.and (local.get $j) (i32.const 1))))

  ;; $normal_run(from, n): the fast path of `normal` (see the header), outputs from..n-1 (a resumed chunk
  ;; continues in place); returns n, or the index of the first draw that needs the wedge or tail test, with its
  ;; raw output at byte 32 and the state just after it. Same two lanes; each output is one draw.
  (func $normal_run (param $from i32) (param $n i32) (result i32)
    (local $c0 i64) (local $c1 i64)
    (local $il i64) (local $ih i64) (local $cl i64) (local $ch i64)
    (local $Al i64) (local $Ah i64) (local $Bl i64) (local $Bh i64)
    (local $a0 i64) (local $a1 i64) (local $p01 i64) (local $p10 i64) (local $t i64)
    (local $out i32) (local $k i32) (local $r i64) (local $idx i32) (local $rabs i64)
    (local.set $k (local.get $from))
    (if (i32.ge_u (local.get $k) (local.get $n)) (then (return (local.get $k))))
    (local.set $il (i64.load offset=16 (i32.const 0)))
    (local.set $ih (i64.load offset=24 (i32.const 0)))
    ;; A = state after one step, B = after two; c = (M + 1)·inc, the two-step increment (as in $fill)
    (call $lcg (i64.load offset=0 (i32.const 0)) (i64.load offset=8 (i32.const 0))
      (i64.const 0x4385df649fccf645) (i64.const 0x2360ed051fc65da4) (local.get $il) (local.get $ih))
    (local.set $Al (global.get $rl))
    (local.set $Ah (global.get $rh))
    (call $lcg (local.get $Al) (local.get $Ah)
      (i64.const 0x4385df649fccf645) (i64.const 0x2360ed051fc65da4) (local.get $il) (local.get $ih))
    (local.set $Bl (global.get $rl))
    (local.set $Bh (global.get $rh))
    (call $lcg (local.get $il) (local.get $ih)
      (i64.const 0x4385df649fccf645) (i64.const 0x2360ed051fc65da4) (local.get $il) (local.get $ih))
    (local.set $cl (global.get $rl))
    (local.set $ch (global.get $rh))
    (local.set $c0 (i64.and (local.get $cl) (i64.const 0xffffffff)))
    (local.set $c1 (i64.shr_u (local.get $cl) (i64.const 32)))
    (local.set $out (i32.add (i32.const 64) (i32.shl (local.get $k) (i32.const 3))))
    (loop $pair
      ;; lane A
      (local.set $r (i64.rotr (i64.xor (local.get $Ah) (local.get $Al)) (i64.shr_u (local.get $Ah) (i64.const 58))))
      (local.set $idx (i32.shl (i32.and (i32.wrap_i64 (local.get $r)) (i32.const 0xff)) (i32.const 3)))
      (local.set $rabs (i64.and (i64.shr_u (local.get $r) (i64.const 9)) (i64.const 0xfffffffffffff)))
      (if (i64.ge_u (local.get $rabs) (i64.load offset=65600 (local.get $idx)))
        (then
          (i64.store offset=32 (i32.const 0) (local.get $r))
          (i64.store offset=0 (i32.const 0) (local.get $Al))
          (i64.store offset=8 (i32.const 0) (local.get $Ah))
          (return (local.get $k))))
      ;; x = rabs·wi[idx], negated when bit 8 of r is set: one load from the signed table at r & 0x1ff
      (f64.store (local.get $out)
        (f64.mul (f64.convert_i64_s (local.get $rabs))
          (f64.load offset=67648 (i32.shl (i32.and (i32.wrap_i64 (local.get $r)) (i32.const 0x1ff)) (i32.const 3)))))
      (local.set $out (i32.add (local.get $out) (i32.const 8)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (if (i32.eq (local.get $k) (local.get $n))
        (then
          (i64.store offset=0 (i32.const 0) (local.get $Al))
          (i64.store offset=8 (i32.const 0) (local.get $Ah))
          (return (local.get $k))))
      ;; lane B
      (local.set $r (i64.rotr (i64.xor (local.get $Bh) (local.get $Bl)) (i64.shr_u (local.get $Bh) (i64.const 58))))
      (local.set $idx (i32.shl (i32.and (i32.wrap_i64 (local.get $r)) (i32.const 0xff)) (i32.const 3)))
      (local.set $rabs (i64.and (i64.shr_u (local.get $r) (i64.const 9)) (i64.const 0xfffffffffffff)))
      (if (i64.ge_u (local.get $rabs) (i64.load offset=65600 (local.get $idx)))
        (then
          (i64.store offset=32 (i32.const 0) (local.get $r))
          (i64.store offset=0 (i32.const 0) (local.get $Bl))
          (i64.store offset=8 (i32.const 0) (local.get $Bh))
          (return (local.get $k))))
      ;; x = rabs·wi[idx], negated when bit 8 of r is set: one load from the signed table at r & 0x1ff
      (f64.store (local.get $out)
        (f64.mul (f64.convert_i64_s (local.get $rabs))
          (f64.load offset=67648 (i32.shl (i32.and (i32.wrap_i64 (local.get $r)) (i32.const 0x1ff)) (i32.const 3)))))
      (local.set $out (i32.add (local.get $out) (i32.const 8)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (if (i32.eq (local.get $k) (local.get $n))
        (then
          (i64.store offset=0 (i32.const 0) (local.get $Bl))
          (i64.store offset=8 (i32.const 0) (local.get $Bh))
          (return (local.get $k))))
      ;; both lanes two steps ahead
            (local.set $a0 (i64.and (local.get $Al) (i64.const 0xffffffff)))
            (local.set $a1 (i64.shr_u (local.get $Al) (i64.const 32)))
            (local.set $p01 (i64.add (i64.mul (local.get $a0) (i64.const 0x20e0ae99)) (local.get $c0)))
            (local.set $t (i64.add (i64.add (i64.shr_u (local.get $p01) (i64.const 32))
              (i64.mul (local.get $a1) (i64.const 0x20e0ae99))) (local.get $c1)))
            (local.set $p10 (i64.add (i64.and (local.get $t) (i64.const 0xffffffff)) (i64.mul (local.get $a0) (i64.const 0x529ed9eb))))
            (local.set $Ah
              (i64.add
                (i64.add
                  (i64.add (i64.mul (local.get $a1) (i64.const 0x529ed9eb))
                    (i64.add (i64.shr_u (local.get $t) (i64.const 32)) (i64.shr_u (local.get $p10) (i64.const 32))))
                  (i64.add (i64.mul (local.get $Al) (i64.const 0x17bce35bdf69743c))
                    (i64.mul (local.get $Ah) (i64.const 0x529ed9eb20e0ae99))))
              (local.get $ch)))
            (local.set $Al (i64.or (i64.shl (local.get $p10) (i64.const 32)) (i64.and (local.get $p01) (i64.const 0xffffffff))))
            (local.set $a0 (i64.and (local.get $Bl) (i64.const 0xffffffff)))
            (local.set $a1 (i64.shr_u (local.get $Bl) (i64.const 32)))
            (local.set $p01 (i64.add (i64.mul (local.get $a0) (i64.const 0x20e0ae99)) (local.get $c0)))
            (local.set $t (i64.add (i64.add (i64.shr_u (local.get $p01) (i64.const 32))
              (i64.mul (local.get $a1) (i64.const 0x20e0ae99))) (local.get $c1)))
            (local.set $p10 (i64.add (i64.and (local.get $t) (i64.const 0xffffffff)) (i64.mul (local.get $a0) (i64.const 0x529ed9eb))))
            (local.set $Bh
              (i64.add
                (i64.add
                  (i64.add (i64.mul (local.get $a1) (i64.const 0x529ed9eb))
                    (i64.add (i64.shr_u (local.get $t) (i64.const 32)) (i64.shr_u (local.get $p10) (i64.const 32))))
                  (i64.add (i64.mul (local.get $Bl) (i64.const 0x17bce35bdf69743c))
                    (i64.mul (local.get $Bh) (i64.const 0x529ed9eb20e0ae99))))
              (local.get $ch)))
            (local.set $Bl (i64.or (i64.shl (local.get $p10) (i64.const 32)) (i64.and (local.get $p01) (i64.const 0xffffffff))))
      (br $pair))
    (unreachable))

  ;; $exp_fast(x): exp(x) by the fast path of `expRaw` (src/math/exp.ts, where the bounds are derived), the same
  ;; operations in the same order, so a value it returns is expRaw's (glibc's) bit for bit; NaN where expRaw
  ;; falls back to its all-fma evaluation (|x| < 2^-54 or >= 512, a k or r rounding the filter leaves open, or a
  ;; final rounding it leaves open). Constants at byte 75840 (see the header).
  (func $exp_fast (export "exp_fast") (param $x f64) (result f64)
    (local $p f64) (local $kd f64) (local $a f64) (local $l f64) (local $r f64) (local $bv f64) (local $er f64)
    (local $dl f64) (local $ki i32) (local $j i32) (local $tail f64) (local $r2 f64) (local $tmp f64)
    (local $scale f64) (local $st f64) (local $r0 f64) (local $e f64) (local $d f64)
    (if (i32.eqz (i32.and (f64.ge (f64.abs (local.get $x)) (f64.load offset=75904 (i32.const 0)))
                          (f64.lt (f64.abs (local.get $x)) (f64.const 512))))
      (then (return (f64.const nan))))
    (local.set $p (f64.mul (f64.load offset=75840 (i32.const 0)) (local.get $x)))
    (local.set $kd (f64.sub (f64.add (local.get $p) (f64.load offset=75848 (i32.const 0)))
      (f64.load offset=75848 (i32.const 0))))
    (if (i32.eqz (f64.lt (f64.abs (f64.sub (local.get $p) (local.get $kd))) (f64.load offset=75912 (i32.const 0))))
      (then (return (f64.const nan))))
    ;; r = a + l with a = x + NEGLN2HIN·kd, l = NEGLN2LON·kd; er: the exact error of that sum (two-sum)
    (local.set $a (f64.add (local.get $x) (f64.mul (f64.load offset=75856 (i32.const 0)) (local.get $kd))))
    (local.set $l (f64.mul (f64.load offset=75864 (i32.const 0)) (local.get $kd)))
    (local.set $r (f64.add (local.get $a) (local.get $l)))
    (local.set $bv (f64.sub (local.get $r) (local.get $a)))
    (local.set $er (f64.add (f64.sub (local.get $a) (f64.sub (local.get $r) (local.get $bv)))
      (f64.sub (local.get $l) (local.get $bv))))
    (local.set $dl (f64.add (f64.mul (f64.load offset=75920 (i32.const 0)) (f64.abs (local.get $l)))
      (f64.mul (f64.load offset=75928 (i32.const 0)) (f64.abs (local.get $r)))))
    (if (f64.ne (f64.add (local.get $r) (f64.add (local.get $er) (local.get $dl))) (local.get $r))
      (then (return (f64.const nan))))
    (if (f64.ne (f64.add (local.get $r) (f64.sub (local.get $er) (local.get $dl))) (local.get $r))
      (then (return (f64.const nan))))
    ;; expFastTail: tmp = r2²·(C5 r + C4) + ((C3 r + C2)·r2 + (r + tail)), scale = 2^(j/128)·2^(k >> 7)
    (local.set $ki (i32.trunc_f64_s (local.get $kd)))
    (local.set $j (i32.shl (i32.and (local.get $ki) (i32.const 127)) (i32.const 3)))
    (local.set $tail (f64.load offset=73792 (local.get $j)))
    (local.set $r2 (f64.mul (local.get $r) (local.get $r)))
    (local.set $tmp
      (f64.add
        (f64.mul (f64.mul (local.get $r2) (local.get $r2))
          (f64.add (f64.mul (f64.load offset=75896 (i32.const 0)) (local.get $r)) (f64.load offset=75888 (i32.const 0))))
        (f64.add
          (f64.mul (f64.add (f64.mul (f64.load offset=75880 (i32.const 0)) (local.get $r)) (f64.load offset=75872 (i32.const 0)))
            (local.get $r2))
          (f64.add (local.get $r) (local.get $tail)))))
    (local.set $scale (f64.mul (f64.load offset=74816 (local.get $j))
      (f64.reinterpret_i64 (i64.shl (i64.extend_i32_u (i32.add (i32.shr_s (local.get $ki) (i32.const 7)) (i32.const 1023)))
        (i64.const 52)))))
    (local.set $st (f64.mul (local.get $scale) (local.get $tmp)))
    (local.set $r0 (f64.add (local.get $scale) (local.get $st)))
    (local.set $e (f64.sub (local.get $st) (f64.sub (local.get $r0) (local.get $scale))))
    (local.set $d (f64.add
      (f64.mul (local.get $scale)
        (f64.add (f64.mul (f64.load offset=75936 (i32.const 0)) (f64.add (f64.abs (local.get $r)) (f64.abs (local.get $tail))))
          (f64.load offset=75928 (i32.const 0))))
      (f64.mul (f64.load offset=75920 (i32.const 0)) (f64.abs (local.get $st)))))
    (if (f64.ne (f64.add (local.get $r0) (f64.add (local.get $e) (local.get $d))) (local.get $r0))
      (then (return (f64.const nan))))
    (if (f64.ne (f64.add (local.get $r0) (f64.sub (local.get $e) (local.get $d))) (local.get $r0))
      (then (return (f64.const nan))))
    (local.get $r0))

  ;; normal(from, n) -> k: see the header. $normal_run's fast path; at a draw it stops at (raw r at byte 32,
  ;; state after it), the wedge test of `random_standard_normal` runs here when idx = r & 0xff > 0: one more
  ;; draw u = next_double, then x is accepted when (fi[idx-1] − fi[idx])·u + fi[idx] < exp(−0.5·x·x), else the
  ;; element is drawn again. It returns k (r at byte 32 again, the state after the last draw) for the tail
  ;; (idx = 0) and when $exp_fast leaves the exp open (u then at byte 75952); the caller finishes element k.
  (func $normal (export "normal") (param $from i32) (param $n i32) (result i32)
    (local $k i32) (local $r i64) (local $idx i32) (local $x f64) (local $u f64) (local $y f64)
    (local.set $k (local.get $from))
    (loop $run
      (local.set $k (call $normal_run (local.get $k) (local.get $n)))
      (if (i32.ge_u (local.get $k) (local.get $n)) (then (return (local.get $k))))
      (local.set $r (i64.load offset=32 (i32.const 0)))
      (local.set $idx (i32.shl (i32.and (i32.wrap_i64 (local.get $r)) (i32.const 0xff)) (i32.const 3)))
      (if (i32.eqz (local.get $idx)) (then (return (local.get $k))))
      ;; x = rabs·wi[idx], negated when bit 8 of r is set (as in $normal_run)
      (local.set $x
        (f64.mul (f64.convert_i64_s (i64.and (i64.shr_u (local.get $r) (i64.const 9)) (i64.const 0xfffffffffffff)))
          (f64.load offset=67648 (i32.shl (i32.and (i32.wrap_i64 (local.get $r)) (i32.const 0x1ff)) (i32.const 3)))))
      (call $next_raw)
      (local.set $u (f64.mul (f64.convert_i64_s (i64.shr_u (i64.load offset=32 (i32.const 0)) (i64.const 11)))
        (f64.const 0x1p-53)))
      (local.set $y (call $exp_fast (f64.mul (f64.mul (f64.const -0.5) (local.get $x)) (local.get $x))))
      (if (f64.ne (local.get $y) (local.get $y))
        (then
          (i64.store offset=32 (i32.const 0) (local.get $r))
          (f64.store offset=75952 (i32.const 0) (local.get $u))
          (return (local.get $k))))
      (if (f64.lt
            (f64.add
              (f64.mul (f64.sub (f64.load offset=71736 (local.get $idx)) (f64.load offset=71744 (local.get $idx)))
                (local.get $u))
              (f64.load offset=71744 (local.get $idx)))
            (local.get $y))
        (then
          (f64.store offset=64 (i32.shl (local.get $k) (i32.const 3)) (local.get $x))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))))
      (br $run))
    (unreachable))
)
