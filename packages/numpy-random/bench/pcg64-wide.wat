;; Probe, not shipped: PCG64 fill_double with the wide-arithmetic proposal's i64.mul_wide_u (a native
;; 64×64→128 multiply), built and timed by bench/wide-arithmetic.mjs against the shipped kernel wasm/pcg64.wat.
;; wabt has no wide-arithmetic support, so `call $MW` stands for i64.mul_wide_u: the script compiles this text
;; twice, with $MW = $mw0 and = $mw1, takes the bytes where the two binaries differ as the call sites'
;; immediates, and rewrites each `call 0` (0x10 0x00) to `i64.mul_wide_u` (0xFC 0x16), which has the same
;; length and the same type [i64 i64] -> [i64 i64]. The imports stay (never called).
;;
;; Memory: lane A (state after one step) at bytes 0..16, lane B (after two steps) at 16..32, the two-step
;; increment (M + 1)·inc at 32..48, written by the caller; n (even, >= 2) doubles out at byte 64. The lanes are
;; advanced by x ← M²·x + c (mod 2^128) as in wasm/pcg64.wat; output j is (XSL-RR >> 11)·2^-53.
(module
  (import "x" "mw0" (func $mw0 (param i64 i64) (result i64 i64)))
  (import "x" "mw1" (func $mw1 (param i64 i64) (result i64 i64)))
  (memory (export "memory") 2)
  (func $fill_double (export "fill_double") (param $n i32)
    (local $cur i32) (local $end i32)
    (local $Al i64) (local $Ah i64) (local $Bl i64) (local $Bh i64) (local $cl i64) (local $ch i64)
    (local $x i64) (local $pl i64) (local $ph i64)
    (local.set $Al (i64.load offset=0 (i32.const 0)))
    (local.set $Ah (i64.load offset=8 (i32.const 0)))
    (local.set $Bl (i64.load offset=16 (i32.const 0)))
    (local.set $Bh (i64.load offset=24 (i32.const 0)))
    (local.set $cl (i64.load offset=32 (i32.const 0)))
    (local.set $ch (i64.load offset=40 (i32.const 0)))
    (local.set $cur (i32.const 64))
    (local.set $end (i32.add (i32.const 64) (i32.shl (local.get $n) (i32.const 3))))
    (loop $pairs
      (local.set $x (i64.rotr (i64.xor (local.get $Ah) (local.get $Al)) (i64.shr_u (local.get $Ah) (i64.const 58))))
      (f64.store offset=0 (local.get $cur) (f64.mul (f64.convert_i64_s (i64.shr_u (local.get $x) (i64.const 11))) (f64.const 0x1p-53)))
      (local.set $x (i64.rotr (i64.xor (local.get $Bh) (local.get $Bl)) (i64.shr_u (local.get $Bh) (i64.const 58))))
      (f64.store offset=8 (local.get $cur) (f64.mul (f64.convert_i64_s (i64.shr_u (local.get $x) (i64.const 11))) (f64.const 0x1p-53)))
      ;; A ← A·M² + c: (ph:pl) = Al·M²l exactly, then the cross products and c, with the carry of the low add
      (call $MW (local.get $Al) (i64.const 0x529ed9eb20e0ae99))
      (local.set $ph) (local.set $pl)
      (local.set $Ah (i64.add (i64.add (local.get $ph) (local.get $ch))
        (i64.add (i64.mul (local.get $Al) (i64.const 0x17bce35bdf69743c)) (i64.mul (local.get $Ah) (i64.const 0x529ed9eb20e0ae99)))))
      (local.set $Al (i64.add (local.get $pl) (local.get $cl)))
      (local.set $Ah (i64.add (local.get $Ah) (i64.extend_i32_u (i64.lt_u (local.get $Al) (local.get $cl)))))
      (call $MW (local.get $Bl) (i64.const 0x529ed9eb20e0ae99))
      (local.set $ph) (local.set $pl)
      (local.set $Bh (i64.add (i64.add (local.get $ph) (local.get $ch))
        (i64.add (i64.mul (local.get $Bl) (i64.const 0x17bce35bdf69743c)) (i64.mul (local.get $Bh) (i64.const 0x529ed9eb20e0ae99)))))
      (local.set $Bl (i64.add (local.get $pl) (local.get $cl)))
      (local.set $Bh (i64.add (local.get $Bh) (i64.extend_i32_u (i64.lt_u (local.get $Bl) (local.get $cl)))))
      (local.set $cur (i32.add (local.get $cur) (i32.const 16)))
      (br_if $pairs (i32.lt_u (local.get $cur) (local.get $end))))
    (i64.store offset=0 (i32.const 0) (local.get $Al))
    (i64.store offset=8 (i32.const 0) (local.get $Ah))
    (i64.store offset=16 (i32.const 0) (local.get $Bl))
    (i64.store offset=24 (i32.const 0) (local.get $Bh))))
