;; MT19937 bulk `next_double` kernel behind MT19937.fillDouble (src/bitgen/mt19937-wasm.ts).
;; Compiled by scripts/build-wasm.mjs (wabt from npm) into src/bitgen/mt19937-wasm-bytes.ts.
;;
;; Memory (2 pages, exported as `memory`; the caller copies state in and out synchronously):
;;   bytes [0, 2496)      the 624-word key (u32, little-endian)
;;   bytes [2496, 2500)   pos: the next key index to temper, 0..624 (624 = "twist first")
;;   bytes [4096, 69632)  fill output: up to 8192 f64
;;
;; Exports:
;;   twist()        regenerates the key with the reference MT19937 recurrence (N = 624, M = 397).
;;   fill(n: i32)   writes n `next_double` values ((a >> 5)·2^26 + (b >> 6))·2^-53, a and b two consecutive
;;                  tempered outputs, as f64 at byte 4096 + 8i; twists whenever pos reaches 624. pos is read
;;                  at entry and written back at exit.
;; Same arithmetic as the TypeScript path (src/bitgen/mt19937.ts), which the unit tests compare bit for bit.
(module
  (memory (export "memory") 2)

  ;; twist: kk is kept as a byte address (index · 4).
  (func $twist (export "twist")
    (local $kk i32) (local $y i32)
    ;; kk in [0, N - M): key[kk] = key[kk + M] ^ mix(y)
    (local.set $kk (i32.const 0))
    (block $done1
      (loop $next1
        (br_if $done1 (i32.ge_u (local.get $kk) (i32.const 908)))   ;; (624 - 397) · 4
        ;; y = (key[kk] & UPPER) | (key[kk + 1] & LOWER)
        (local.set $y
          (i32.or
            (i32.and (i32.load offset=0 (local.get $kk)) (i32.const 0x80000000))
            (i32.and (i32.load offset=4 (local.get $kk)) (i32.const 0x7fffffff))))
        ;; key[kk] = key[kk + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A)
        (i32.store offset=0 (local.get $kk)
          (i32.xor
            (i32.xor (i32.load offset=1588 (local.get $kk)) (i32.shr_u (local.get $y) (i32.const 1)))  ;; M · 4
            (i32.and
              (i32.sub (i32.const 0) (i32.and (local.get $y) (i32.const 1)))
              (i32.const 0x9908b0df))))
        (local.set $kk (i32.add (local.get $kk) (i32.const 4)))
        (br $next1)))
    ;; kk in [N - M, N - 1): key[kk] = key[kk + M - N] ^ mix(y)
    (block $done2
      (loop $next2
        (br_if $done2 (i32.ge_u (local.get $kk) (i32.const 2492)))  ;; (624 - 1) · 4
        (local.set $y
          (i32.or
            (i32.and (i32.load offset=0 (local.get $kk)) (i32.const 0x80000000))
            (i32.and (i32.load offset=4 (local.get $kk)) (i32.const 0x7fffffff))))
        (i32.store offset=0 (local.get $kk)
          (i32.xor
            (i32.xor
              (i32.load offset=0 (i32.sub (local.get $kk) (i32.const 908)))
              (i32.shr_u (local.get $y) (i32.const 1)))
            (i32.and
              (i32.sub (i32.const 0) (i32.and (local.get $y) (i32.const 1)))
              (i32.const 0x9908b0df))))
        (local.set $kk (i32.add (local.get $kk) (i32.const 4)))
        (br $next2)))
    ;; last word: y = (key[N - 1] & UPPER) | (key[0] & LOWER); key[N - 1] = key[M - 1] ^ mix(y)
    (local.set $y
      (i32.or
        (i32.and (i32.load offset=2492 (i32.const 0)) (i32.const 0x80000000))
        (i32.and (i32.load offset=0 (i32.const 0)) (i32.const 0x7fffffff))))
    (i32.store offset=2492 (i32.const 0)
      (i32.xor
        (i32.xor (i32.load offset=1584 (i32.const 0)) (i32.shr_u (local.get $y) (i32.const 1)))
        (i32.and
          (i32.sub (i32.const 0) (i32.and (local.get $y) (i32.const 1)))
          (i32.const 0x9908b0df)))))

  ;; fill(n). $i/$end are byte addresses into the output area, $pos the key byte address (4 · index). A pair
  ;; of key words (8 bytes) makes one double (8 bytes), so the inner loop walks both with one stride and
  ;; never tests for a twist: it stops at the end of the key or of the output, whichever comes first.
  ;; Tempering (y ^= y >> 11; y ^= (y << 7) & 0x9d2c5680; y ^= (y << 15) & 0xefc60000; y ^= y >> 18) and
  ;; the double ((a >> 5)·2^26 + (b >> 6))·2^-53 are written out inline: V8 does not inline wasm calls.
  (func $fill (export "fill") (param $n i32)
    (local $i i32) (local $end i32) (local $pos i32) (local $lim i32) (local $a i32) (local $b i32)
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
            ;; one word left (pos odd, after single 32-bit draws): a = key[623], twist, b = key[0]
            (local.set $a (i32.load offset=2492 (i32.const 0)))
            (call $twist)
            (local.set $b (i32.load offset=0 (i32.const 0)))
            (local.set $a (i32.xor (local.get $a) (i32.shr_u (local.get $a) (i32.const 11))))
            (local.set $a (i32.xor (local.get $a)
              (i32.and (i32.shl (local.get $a) (i32.const 7)) (i32.const 0x9d2c5680))))
            (local.set $a (i32.xor (local.get $a)
              (i32.and (i32.shl (local.get $a) (i32.const 15)) (i32.const 0xefc60000))))
            (local.set $a (i32.xor (local.get $a) (i32.shr_u (local.get $a) (i32.const 18))))
            (local.set $b (i32.xor (local.get $b) (i32.shr_u (local.get $b) (i32.const 11))))
            (local.set $b (i32.xor (local.get $b)
              (i32.and (i32.shl (local.get $b) (i32.const 7)) (i32.const 0x9d2c5680))))
            (local.set $b (i32.xor (local.get $b)
              (i32.and (i32.shl (local.get $b) (i32.const 15)) (i32.const 0xefc60000))))
            (local.set $b (i32.xor (local.get $b) (i32.shr_u (local.get $b) (i32.const 18))))
            (f64.store offset=4096 (local.get $i) (f64.mul
              (f64.add
                (f64.mul (f64.convert_i32_u (i32.shr_u (local.get $a) (i32.const 5))) (f64.const 67108864))
                (f64.convert_i32_u (i32.shr_u (local.get $b) (i32.const 6))))
              (f64.const 0x1p-53)))
            (local.set $pos (i32.const 4))
            (local.set $i (i32.add (local.get $i) (i32.const 8)))
            (br $outer)))
        ;; $lim = $pos + min(bytes of whole pairs left in the key, bytes of output left)
        (local.set $lim (i32.and (i32.sub (i32.const 2496) (local.get $pos)) (i32.const -8)))
        (if (i32.gt_u (local.get $lim) (i32.sub (local.get $end) (local.get $i)))
          (then (local.set $lim (i32.sub (local.get $end) (local.get $i)))))
        (local.set $lim (i32.add (local.get $lim) (local.get $pos)))
        (loop $pairs
          (local.set $a (i32.load offset=0 (local.get $pos)))
          (local.set $b (i32.load offset=4 (local.get $pos)))
          (local.set $a (i32.xor (local.get $a) (i32.shr_u (local.get $a) (i32.const 11))))
          (local.set $a (i32.xor (local.get $a)
            (i32.and (i32.shl (local.get $a) (i32.const 7)) (i32.const 0x9d2c5680))))
          (local.set $a (i32.xor (local.get $a)
            (i32.and (i32.shl (local.get $a) (i32.const 15)) (i32.const 0xefc60000))))
          (local.set $a (i32.xor (local.get $a) (i32.shr_u (local.get $a) (i32.const 18))))
          (local.set $b (i32.xor (local.get $b) (i32.shr_u (local.get $b) (i32.const 11))))
          (local.set $b (i32.xor (local.get $b)
            (i32.and (i32.shl (local.get $b) (i32.const 7)) (i32.const 0x9d2c5680))))
          (local.set $b (i32.xor (local.get $b)
            (i32.and (i32.shl (local.get $b) (i32.const 15)) (i32.const 0xefc60000))))
          (local.set $b (i32.xor (local.get $b) (i32.shr_u (local.get $b) (i32.const 18))))
          (f64.store offset=4096 (local.get $i)
            (f64.mul
              (f64.add
                (f64.mul (f64.convert_i32_u (i32.shr_u (local.get $a) (i32.const 5))) (f64.const 67108864))
                (f64.convert_i32_u (i32.shr_u (local.get $b) (i32.const 6))))
              (f64.const 0x1p-53)))
          (local.set $i (i32.add (local.get $i) (i32.const 8)))
          (local.set $pos (i32.add (local.get $pos) (i32.const 8)))
          (br_if $pairs (i32.lt_u (local.get $pos) (local.get $lim))))
        (br $outer)))
    ;; write pos back as an index
    (i32.store offset=2496 (i32.const 0) (i32.shr_u (local.get $pos) (i32.const 2))))
)
