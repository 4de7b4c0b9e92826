;; MT19937 bulk `next_double` kernel behind MT19937.fillDouble (src/bitgen/mt19937-wasm.ts), using
;; WebAssembly SIMD (v128). Compiled by scripts/build-wasm.mjs (wabt from npm, simd feature on) into
;; src/bitgen/mt19937-wasm-bytes.ts. Engines without SIMD reject the module (WebAssembly.validate) and the
;; TypeScript path is used instead; both give identical bits (test/wasm-mt19937-simd.test.ts).
;;
;; Memory (2 pages, exported as `memory`; the caller copies state in and out synchronously):
;;   bytes [0, 2496)      the 624-word key (u32, little-endian)
;;   bytes [2496, 2500)   pos: the next key index to temper, 0..624 (624 = "twist first")
;;   bytes [6144, 71680)  fill output: up to 8192 f64. Not page-aligned on purpose: the caller copies it out
;;                        with Float64Array.set into a large (typically page-aligned + 16 bytes) array, and a
;;                        source and destination at nearly the same address modulo 4096 made that copy ~4×
;;                        slower (4K aliasing; measured 44 ms vs 10 ms for 80 MB). Half a page apart avoids it.
;;
;; Exports:
;;   twist()        regenerates the key with the reference MT19937 recurrence (N = 624, M = 397):
;;                  key[k] = key[k + M mod N] ^ ((y >>> 1) ^ (y odd ? 0x9908b0df : 0)),
;;                  y = (key[k] & 0x80000000) | (key[k + 1 mod N] & 0x7fffffff), in order k = 0..623.
;;   fill(n: i32)   writes n `next_double` values ((a >> 5)·2^26 + (b >> 6))·2^-53, a and b two consecutive
;;                  tempered outputs, as f64 at byte 6144 + 8i; twists whenever pos reaches 624. pos is read
;;                  at entry and written back at exit.
;;
;; Why 4-wide blocks give the sequential recurrence's result: in k < 227 a block k..k+3 reads key[k+1..k+4]
;; (k+4 is rewritten only by the next block) and key[k+397..k+400] (rewritten much later); 227 = 56·4 + 3, so
;; k = 224..226 are done one by one (a block there would reach key[624]). In 227 <= k < 623 (99 blocks) the
;; block reads key[k-227..k-224], all rewritten by earlier blocks, as the sequential order requires, and
;; key[k+1..k+4], not yet rewritten. k = 623 wraps to key[0] and is done alone.
;;
;; The double: a' = a >> 5 < 2^27 and b' = b >> 6 < 2^26, so a'·2^-27 and b'·2^-53 are exact and so is their
;; sum (a'·2^26 + b')·2^-53 (< 2^53 · 2^-53): the same bits as the scalar formula.
(module
  (memory (export "memory") 2)

  (func $twist (export "twist")
    (local $kk i32) (local $y i32) (local $v v128)
    ;; kk in [0, 224): blocks of 4 (reads key[kk+1..kk+4] and key[kk+M..kk+M+3], all not yet rewritten)
    (local.set $kk (i32.const 0))
    (loop $b1
      (local.set $v
        (v128.bitselect (v128.load offset=0 (local.get $kk)) (v128.load offset=4 (local.get $kk))
          (v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000)))
      (v128.store offset=0 (local.get $kk)
        (v128.xor
          (v128.xor (v128.load offset=1588 (local.get $kk)) (i32x4.shr_u (local.get $v) (i32.const 1)))
          (v128.and (i32x4.shr_s (i32x4.shl (local.get $v) (i32.const 31)) (i32.const 31))
            (v128.const i32x4 0x9908b0df 0x9908b0df 0x9908b0df 0x9908b0df))))
      (local.set $kk (i32.add (local.get $kk) (i32.const 16)))
      (br_if $b1 (i32.lt_u (local.get $kk) (i32.const 896))))
    ;; kk = 224, 225, 226: scalar
    (loop $s1
      (local.set $y
        (i32.or
          (i32.and (i32.load offset=0 (local.get $kk)) (i32.const 0x80000000))
          (i32.and (i32.load offset=4 (local.get $kk)) (i32.const 0x7fffffff))))
      (i32.store offset=0 (local.get $kk)
        (i32.xor
          (i32.xor (i32.load offset=1588 (local.get $kk)) (i32.shr_u (local.get $y) (i32.const 1)))
          (i32.and (i32.sub (i32.const 0) (i32.and (local.get $y) (i32.const 1))) (i32.const 0x9908b0df))))
      (local.set $kk (i32.add (local.get $kk) (i32.const 4)))
      (br_if $s1 (i32.lt_u (local.get $kk) (i32.const 908))))
    ;; kk in [227, 623): 99 blocks of 4; key[kk - 227 .. kk - 224] were rewritten by earlier blocks
    (loop $b2
      (local.set $v
        (v128.bitselect (v128.load offset=0 (local.get $kk)) (v128.load offset=4 (local.get $kk))
          (v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000)))
      (v128.store offset=0 (local.get $kk)
        (v128.xor
          (v128.xor (v128.load offset=0 (i32.sub (local.get $kk) (i32.const 908)))
            (i32x4.shr_u (local.get $v) (i32.const 1)))
          (v128.and (i32x4.shr_s (i32x4.shl (local.get $v) (i32.const 31)) (i32.const 31))
            (v128.const i32x4 0x9908b0df 0x9908b0df 0x9908b0df 0x9908b0df))))
      (local.set $kk (i32.add (local.get $kk) (i32.const 16)))
      (br_if $b2 (i32.lt_u (local.get $kk) (i32.const 2492))))
    (local.set $y
      (i32.or
        (i32.and (i32.load offset=2492 (i32.const 0)) (i32.const 0x80000000))
        (i32.and (i32.load offset=0 (i32.const 0)) (i32.const 0x7fffffff))))
    (i32.store offset=2492 (i32.const 0)
      (i32.xor
        (i32.xor (i32.load offset=1584 (i32.const 0)) (i32.shr_u (local.get $y) (i32.const 1)))
        (i32.and (i32.sub (i32.const 0) (i32.and (local.get $y) (i32.const 1))) (i32.const 0x9908b0df)))))

;; Scalar helpers, used only outside the hot loop (twist boundary and tails).
  (func $temper (param $y i32) (result i32)
    (local.set $y (i32.xor (local.get $y) (i32.shr_u (local.get $y) (i32.const 11))))
    (local.set $y (i32.xor (local.get $y) (i32.and (i32.shl (local.get $y) (i32.const 7)) (i32.const 0x9d2c5680))))
    (local.set $y (i32.xor (local.get $y) (i32.and (i32.shl (local.get $y) (i32.const 15)) (i32.const 0xefc60000))))
    (i32.xor (local.get $y) (i32.shr_u (local.get $y) (i32.const 18))))

  (func $dbl (param $a i32) (param $b i32) (result f64)
    (f64.add
      (f64.mul (f64.convert_i32_u (i32.shr_u (local.get $a) (i32.const 5))) (f64.const 0x1p-27))
      (f64.mul (f64.convert_i32_u (i32.shr_u (local.get $b) (i32.const 6))) (f64.const 0x1p-53))))

  (func $fill (export "fill") (param $n i32)
    (local $i i32) (local $end i32) (local $pos i32) (local $lim i32) (local $vlim i32)
    (local $x v128) (local $y v128) (local $a v128) (local $b v128)
    (local.set $pos (i32.shl (i32.load offset=2496 (i32.const 0)) (i32.const 2)))
    (local.set $i (i32.const 0))
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $outer
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (if (i32.eq (local.get $pos) (i32.const 2496))
          (then (call $twist) (local.set $pos (i32.const 0))))
        (if (i32.eq (local.get $pos) (i32.const 2492))
          (then
            (local.set $lim (call $temper (i32.load offset=2492 (i32.const 0))))
            (call $twist)
            (f64.store offset=6144 (local.get $i)
              (call $dbl (local.get $lim) (call $temper (i32.load offset=0 (i32.const 0)))))
            (local.set $pos (i32.const 4))
            (local.set $i (i32.add (local.get $i) (i32.const 8)))
            (br $outer)))
        (local.set $lim (i32.and (i32.sub (i32.const 2496) (local.get $pos)) (i32.const -8)))
        (if (i32.gt_u (local.get $lim) (i32.sub (local.get $end) (local.get $i)))
          (then (local.set $lim (i32.sub (local.get $end) (local.get $i)))))
        (local.set $lim (i32.add (local.get $lim) (local.get $pos)))
        ;; 8 key words -> 4 doubles per step while at least 32 bytes remain: temper two v128 of words
        ;; (a0 b0 a1 b1), (a2 b2 a3 b3); gather the a's and the b's, shift by 5 and 6, and convert two lanes
        ;; at a time (f64x2.convert_low_i32x4_u; the high pair is first swapped down). Then the scalar loop
        ;; finishes the last pairs of the key or of the output.
        (local.set $vlim (i32.sub (local.get $lim) (i32.const 32)))
        (block $vdone
          (loop $vec
            (br_if $vdone (i32.gt_s (local.get $pos) (local.get $vlim)))
            (local.set $x (v128.load offset=0 (local.get $pos)))
            (local.set $x (v128.xor (local.get $x) (i32x4.shr_u (local.get $x) (i32.const 11))))
            (local.set $x (v128.xor (local.get $x) (v128.and (i32x4.shl (local.get $x) (i32.const 7)) (v128.const i32x4 0x9d2c5680 0x9d2c5680 0x9d2c5680 0x9d2c5680))))
            (local.set $x (v128.xor (local.get $x) (v128.and (i32x4.shl (local.get $x) (i32.const 15)) (v128.const i32x4 0xefc60000 0xefc60000 0xefc60000 0xefc60000))))
            (local.set $x (v128.xor (local.get $x) (i32x4.shr_u (local.get $x) (i32.const 18))))
            (local.set $y (v128.load offset=16 (local.get $pos)))
            (local.set $y (v128.xor (local.get $y) (i32x4.shr_u (local.get $y) (i32.const 11))))
            (local.set $y (v128.xor (local.get $y) (v128.and (i32x4.shl (local.get $y) (i32.const 7)) (v128.const i32x4 0x9d2c5680 0x9d2c5680 0x9d2c5680 0x9d2c5680))))
            (local.set $y (v128.xor (local.get $y) (v128.and (i32x4.shl (local.get $y) (i32.const 15)) (v128.const i32x4 0xefc60000 0xefc60000 0xefc60000 0xefc60000))))
            (local.set $y (v128.xor (local.get $y) (i32x4.shr_u (local.get $y) (i32.const 18))))
            (local.set $a (i32x4.shr_u (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
              (local.get $x) (local.get $y)) (i32.const 5)))
            (local.set $b (i32x4.shr_u (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
              (local.get $x) (local.get $y)) (i32.const 6)))
            (v128.store offset=6144 (local.get $i)
              (f64x2.add
                (f64x2.mul (f64x2.convert_low_i32x4_u (local.get $a)) (v128.const f64x2 0x1p-27 0x1p-27))
                (f64x2.mul (f64x2.convert_low_i32x4_u (local.get $b)) (v128.const f64x2 0x1p-53 0x1p-53))))
            (v128.store offset=6160 (local.get $i)
              (f64x2.add
                (f64x2.mul (f64x2.convert_low_i32x4_u
                  (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a) (local.get $a)))
                  (v128.const f64x2 0x1p-27 0x1p-27))
                (f64x2.mul (f64x2.convert_low_i32x4_u
                  (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $b) (local.get $b)))
                  (v128.const f64x2 0x1p-53 0x1p-53))))
            (local.set $i (i32.add (local.get $i) (i32.const 32)))
            (local.set $pos (i32.add (local.get $pos) (i32.const 32)))
            (br $vec)))
        (block $sdone
          (loop $pairs
            (br_if $sdone (i32.ge_u (local.get $pos) (local.get $lim)))
            (f64.store offset=6144 (local.get $i)
              (call $dbl (call $temper (i32.load offset=0 (local.get $pos)))
                (call $temper (i32.load offset=4 (local.get $pos)))))
            (local.set $i (i32.add (local.get $i) (i32.const 8)))
            (local.set $pos (i32.add (local.get $pos) (i32.const 8)))
            (br $pairs)))
        (br $outer)))
    (i32.store offset=2496 (i32.const 0) (i32.shr_u (local.get $pos) (i32.const 2))))
)
