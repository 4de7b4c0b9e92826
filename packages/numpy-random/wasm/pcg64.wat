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

  ;; The shared loop; $as_double selects the store (a branch the CPU predicts perfectly).
  (func $fill (param $n i32) (param $as_double i32)
    (local $cur i32) (local $end i32)
    (local $sl i64) (local $sh i64) (local $il i64) (local $ih i64)
    (local $a0 i64) (local $a1 i64) (local $p01 i64) (local $p10 i64) (local $lo i64) (local $hi i64)
    (local $x i64)
    (local.set $sl (i64.load offset=0 (i32.const 0)))
    (local.set $sh (i64.load offset=8 (i32.const 0)))
    (local.set $il (i64.load offset=16 (i32.const 0)))
    (local.set $ih (i64.load offset=24 (i32.const 0)))
    (local.set $cur (i32.const 64))
    (local.set $end (i32.add (i32.shl (local.get $n) (i32.const 3)) (i32.const 64)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $cur) (local.get $end)))
        ;; 32-bit halves of sl and the cross products with ML = B1·2^32 + B0
        (local.set $a0 (i64.and (local.get $sl) (i64.const 0xffffffff)))
        (local.set $a1 (i64.shr_u (local.get $sl) (i64.const 32)))
        (local.set $p01 (i64.mul (local.get $a0) (i64.const 0x4385df64)))   ;; a0 · B1
        (local.set $p10 (i64.mul (local.get $a1) (i64.const 0x9fccf645)))   ;; a1 · B0
        ;; hi = mulhi(sl, ML) + sl·MH + sh·ML + ih, where
        ;; mulhi = a1·B1 + (p01 >> 32) + (p10 >> 32) + ((a0·B0 >> 32) + (p01 & M32) + (p10 & M32)) >> 32
        (local.set $hi
          (i64.add
            (i64.add
              (i64.add
                (i64.add
                  (i64.add
                    (i64.add
                      (i64.mul (local.get $a1) (i64.const 0x4385df64))
                      (i64.shr_u (local.get $p01) (i64.const 32)))
                    (i64.shr_u (local.get $p10) (i64.const 32)))
                  (i64.shr_u
                    (i64.add
                      (i64.add
                        (i64.shr_u (i64.mul (local.get $a0) (i64.const 0x9fccf645)) (i64.const 32))
                        (i64.and (local.get $p01) (i64.const 0xffffffff)))
                      (i64.and (local.get $p10) (i64.const 0xffffffff)))
                    (i64.const 32)))
                (i64.mul (local.get $sl) (i64.const 0x2360ed051fc65da4)))
              (i64.mul (local.get $sh) (i64.const 0x4385df649fccf645)))
            (local.get $ih)))
        ;; lo = sl·ML + il (mod 2^64); carry into hi
        (local.set $lo
          (i64.add (i64.mul (local.get $sl) (i64.const 0x4385df649fccf645)) (local.get $il)))
        (local.set $hi
          (i64.add (local.get $hi) (i64.extend_i32_u (i64.lt_u (local.get $lo) (local.get $il)))))
        (local.set $sl (local.get $lo))
        (local.set $sh (local.get $hi))
        ;; XSL-RR output
        (local.set $x
          (i64.rotr (i64.xor (local.get $hi) (local.get $lo)) (i64.shr_u (local.get $hi) (i64.const 58))))
        (if (local.get $as_double)
          (then
            (f64.store (local.get $cur)
              (f64.mul
                (f64.convert_i64_u (i64.shr_u (local.get $x) (i64.const 11)))
                (f64.const 0x1p-53))))
          (else (i64.store (local.get $cur) (local.get $x))))
        (local.set $cur (i32.add (local.get $cur) (i32.const 8)))
        (br $next)))
    ;; write the state back
    (i64.store offset=0 (i32.const 0) (local.get $sl))
    (i64.store offset=8 (i32.const 0) (local.get $sh)))

  (func $fill_raw (export "fill_raw") (param $n i32)
    (call $fill (local.get $n) (i32.const 0)))

  (func $fill_double (export "fill_double") (param $n i32)
    (call $fill (local.get $n) (i32.const 1)))
)
