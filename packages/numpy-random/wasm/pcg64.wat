;; PCG64 bulk-draw kernel behind src/bitgen/pcg64-wasm.ts.
;; Compiled by scripts/build-wasm.mjs (wabt from npm) into src/bitgen/pcg64-wasm-bytes.ts.
;;
;; Memory (2 pages, exported as `memory`; the caller copies state in and out synchronously):
;;   bytes [0, 16)       the 128-bit LCG state (low u64, high u64), read at entry, written back at exit
;;   bytes [16, 32)      the increment (low u64, high u64), read only
;;   bytes [64, 65600)   output: up to 8192 u64 (fill_raw) or f64 (fill_double)
;;
;; Exports:
;;   fill_raw(n: i32)     n PCG64 outputs: state = state·M + inc (mod 2^128), then XSL-RR
;;                        rotr(hi ^ lo, hi >> 58), as u64 at byte 64 + 8i
;;   fill_double(n: i32)  the same draws as `next_double`: (x >> 11)·2^-53 as f64 at byte 64 + 8i
;; M = 0x2360ed051fc65da4_4385df649fccf645. The high half of the 64×64 product sl·ML is computed exactly
;; from 32-bit halves (WebAssembly 1.0 has no i64 mulhi). The TypeScript path (src/bitgen/pcg64.ts) is the
;; fallback; the unit tests check both give identical bits.
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
  (func $fill (param $n i32) (param $as_double i32)
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
      (loop $pairs
        (local.set $x (i64.rotr (i64.xor (local.get $Ah) (local.get $Al)) (i64.shr_u (local.get $Ah) (i64.const 58))))
        (if (local.get $as_double)
          (then (f64.store offset=0 (local.get $cur)
            (f64.mul (f64.convert_i64_u (i64.shr_u (local.get $x) (i64.const 11))) (f64.const 0x1p-53))))
          (else (i64.store offset=0 (local.get $cur) (local.get $x))))
        (local.set $x (i64.rotr (i64.xor (local.get $Bh) (local.get $Bl)) (i64.shr_u (local.get $Bh) (i64.const 58))))
        (if (local.get $as_double)
          (then (f64.store offset=8 (local.get $cur)
            (f64.mul (f64.convert_i64_u (i64.shr_u (local.get $x) (i64.const 11))) (f64.const 0x1p-53))))
          (else (i64.store offset=8 (local.get $cur) (local.get $x))))
        (local.set $cur (i32.add (local.get $cur) (i32.const 16)))
        (local.set $left (i32.sub (local.get $left) (i32.const 2)))
        (if (i32.ge_u (local.get $left) (i32.const 2))
          (then
            ;; both lanes two steps ahead (constants M², written out: V8 does not inline wasm calls)
            (local.set $a0 (i64.and (local.get $Al) (i64.const 0xffffffff)))
            (local.set $a1 (i64.shr_u (local.get $Al) (i64.const 32)))
            (local.set $p01 (i64.mul (local.get $a0) (i64.const 0x529ed9eb)))
            (local.set $p10 (i64.mul (local.get $a1) (i64.const 0x20e0ae99)))
            (local.set $t
              (i64.add
                (i64.add
                  (i64.add
                    (i64.add
                      (i64.add
                        (i64.add
                          (i64.mul (local.get $a1) (i64.const 0x529ed9eb))
                          (i64.shr_u (local.get $p01) (i64.const 32)))
                        (i64.shr_u (local.get $p10) (i64.const 32)))
                      (i64.shr_u
                        (i64.add
                          (i64.add
                            (i64.shr_u (i64.mul (local.get $a0) (i64.const 0x20e0ae99)) (i64.const 32))
                            (i64.and (local.get $p01) (i64.const 0xffffffff)))
                          (i64.and (local.get $p10) (i64.const 0xffffffff)))
                        (i64.const 32)))
                    (i64.mul (local.get $Al) (i64.const 0x17bce35bdf69743c)))
                  (i64.mul (local.get $Ah) (i64.const 0x529ed9eb20e0ae99)))
                (local.get $ch)))
            (local.set $Al (i64.add (i64.mul (local.get $Al) (i64.const 0x529ed9eb20e0ae99)) (local.get $cl)))
            (local.set $Ah
              (i64.add (local.get $t) (i64.extend_i32_u (i64.lt_u (local.get $Al) (local.get $cl)))))
            (local.set $a0 (i64.and (local.get $Bl) (i64.const 0xffffffff)))
            (local.set $a1 (i64.shr_u (local.get $Bl) (i64.const 32)))
            (local.set $p01 (i64.mul (local.get $a0) (i64.const 0x529ed9eb)))
            (local.set $p10 (i64.mul (local.get $a1) (i64.const 0x20e0ae99)))
            (local.set $t
              (i64.add
                (i64.add
                  (i64.add
                    (i64.add
                      (i64.add
                        (i64.add
                          (i64.mul (local.get $a1) (i64.const 0x529ed9eb))
                          (i64.shr_u (local.get $p01) (i64.const 32)))
                        (i64.shr_u (local.get $p10) (i64.const 32)))
                      (i64.shr_u
                        (i64.add
                          (i64.add
                            (i64.shr_u (i64.mul (local.get $a0) (i64.const 0x20e0ae99)) (i64.const 32))
                            (i64.and (local.get $p01) (i64.const 0xffffffff)))
                          (i64.and (local.get $p10) (i64.const 0xffffffff)))
                        (i64.const 32)))
                    (i64.mul (local.get $Bl) (i64.const 0x17bce35bdf69743c)))
                  (i64.mul (local.get $Bh) (i64.const 0x529ed9eb20e0ae99)))
                (local.get $ch)))
            (local.set $Bl (i64.add (i64.mul (local.get $Bl) (i64.const 0x529ed9eb20e0ae99)) (local.get $cl)))
            (local.set $Bh
              (i64.add (local.get $t) (i64.extend_i32_u (i64.lt_u (local.get $Bl) (local.get $cl)))))
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
        (f64.mul (f64.convert_i64_u (i64.shr_u (local.get $x) (i64.const 11))) (f64.const 0x1p-53))))
      (else (i64.store offset=0 (local.get $cur) (local.get $x))))
    (i64.store offset=0 (i32.const 0) (local.get $Al))
    (i64.store offset=8 (i32.const 0) (local.get $Ah)))

  (func $fill_raw (export "fill_raw") (param $n i32)
    (call $fill (local.get $n) (i32.const 0)))

  (func $fill_double (export "fill_double") (param $n i32)
    (call $fill (local.get $n) (i32.const 1)))
)
