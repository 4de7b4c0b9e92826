#!/usr/bin/env python3
"""Assembles the small WebAssembly kernel behind PCG64's bulk draws and writes src/bitgen/pcg64-wasm-bytes.ts.

The module (no imports) exports `memory` (2 pages) and two functions over it:
  fill_raw(n: i32)     n PCG64 outputs (state = state·M + inc mod 2^128, then XSL-RR) as u64 at byte 64 + 8i
  fill_double(n: i32)  the same draws as `next_double`: (x >> 11)·2^-53 as f64 at byte 64 + 8i
The 128-bit state is read from / written back to bytes [0, 16) (low u64, high u64) and the increment is read
from bytes [16, 32). n ≤ 8192. 128-bit products use exact 64-bit halves (i64.mul + a 32-bit-split mulhi).
The TypeScript path (src/bitgen/pcg64.ts) stays in use as the fallback; both give identical bits (tests).

Run from the package directory: python3 scripts/gen-pcg64-wasm.py
"""
import base64
import os
import struct


def uleb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def sleb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if (n == 0 and not b & 0x40) or (n == -1 and b & 0x40):
            out.append(b)
            return bytes(out)
        out.append(b | 0x80)


def s64(v):
    return v - (1 << 64) if v >= 1 << 63 else v


# opcodes (WebAssembly 1.0)
BLOCK, LOOP, END, BR, BR_IF = 0x02, 0x03, 0x0B, 0x0C, 0x0D
LGET, LSET = 0x20, 0x21
I64LOAD, I64STORE, F64STORE = 0x29, 0x37, 0x39
I32GEU, I64LTU = 0x4F, 0x54
I32ADD, I32SHL = 0x6A, 0x74
I64ADD, I64MUL, I64AND, I64XOR, I64SHRU, I64ROTR = 0x7C, 0x7E, 0x83, 0x85, 0x88, 0x8A
F64MUL, I64EXTU, F64CONVU64 = 0xA2, 0xAD, 0xBA
VOID = 0x40


def i32c(v):
    return bytes([0x41]) + sleb(v)


def i64c(v):
    return bytes([0x42]) + sleb(s64(v))


def f64c(v):
    return bytes([0x44]) + struct.pack('<d', v)


def op(*codes):
    return bytes(codes)


def get(i):
    return bytes([LGET]) + uleb(i)


def put(i):
    return bytes([LSET]) + uleb(i)


def load64(offset):
    return i32c(0) + bytes([I64LOAD, 3]) + uleb(offset)


ML, MH = 0x4385DF649FCCF645, 0x2360ED051FC65DA4
B0, B1 = ML & 0xFFFFFFFF, ML >> 32
M32 = 0xFFFFFFFF
OUT = 64

# locals: 0 n (param), 1 cur, 2 end (i32); 3 sl, 4 sh, 5 il, 6 ih, 7 a0, 8 a1, 9 p01, 10 p10, 11 lo, 12 hi (i64)
N_, CUR, END_, SL, SH, IL, IH, A0, A1, P01, P10, LO, HI = range(13)


def body(as_double):
    b = bytearray()
    b += op(2, 2, 0x7F, 10, 0x7E)  # locals: 2 × i32, 10 × i64
    b += load64(0) + put(SL) + load64(8) + put(SH) + load64(16) + put(IL) + load64(24) + put(IH)
    b += i32c(OUT) + put(CUR)
    b += get(N_) + i32c(3) + op(I32SHL) + i32c(OUT) + op(I32ADD) + put(END_)
    b += op(BLOCK, VOID, LOOP, VOID)
    b += get(CUR) + get(END_) + op(I32GEU) + op(BR_IF, 1)
    # a0 = sl & M32; a1 = sl >> 32; p01 = a0 * B1; p10 = a1 * B0
    b += get(SL) + i64c(M32) + op(I64AND) + put(A0)
    b += get(SL) + i64c(32) + op(I64SHRU) + put(A1)
    b += get(A0) + i64c(B1) + op(I64MUL) + put(P01)
    b += get(A1) + i64c(B0) + op(I64MUL) + put(P10)
    # hi = a1*B1 + (p01 >> 32) + (p10 >> 32) + ((a0*B0 >> 32) + (p01 & M32) + (p10 & M32)) >> 32  [= mulhi(sl, ML)]
    b += get(A1) + i64c(B1) + op(I64MUL)
    b += get(P01) + i64c(32) + op(I64SHRU, I64ADD)
    b += get(P10) + i64c(32) + op(I64SHRU, I64ADD)
    b += get(A0) + i64c(B0) + op(I64MUL) + i64c(32) + op(I64SHRU)
    b += get(P01) + i64c(M32) + op(I64AND, I64ADD)
    b += get(P10) + i64c(M32) + op(I64AND, I64ADD)
    b += i64c(32) + op(I64SHRU, I64ADD)
    #      + sl*MH + sh*ML + ih
    b += get(SL) + i64c(MH) + op(I64MUL, I64ADD)
    b += get(SH) + i64c(ML) + op(I64MUL, I64ADD)
    b += get(IH) + op(I64ADD) + put(HI)
    # lo = sl*ML + il; hi += (lo <u il)
    b += get(SL) + i64c(ML) + op(I64MUL) + get(IL) + op(I64ADD) + put(LO)
    b += get(HI) + get(LO) + get(IL) + op(I64LTU, I64EXTU, I64ADD) + put(HI)
    b += get(LO) + put(SL) + get(HI) + put(SH)
    # store rotr(hi ^ lo, hi >> 58)
    b += get(CUR)
    b += get(HI) + get(LO) + op(I64XOR) + get(HI) + i64c(58) + op(I64SHRU, I64ROTR)
    if as_double:
        b += i64c(11) + op(I64SHRU, F64CONVU64) + f64c(2.0 ** -53) + op(F64MUL) + bytes([F64STORE, 3, 0])
    else:
        b += bytes([I64STORE, 3, 0])
    b += get(CUR) + i32c(8) + op(I32ADD) + put(CUR)
    b += op(BR, 0, END, END)
    # write the state back
    b += i32c(0) + get(SL) + bytes([I64STORE, 3, 0]) + i32c(0) + get(SH) + bytes([I64STORE, 3, 8])
    b += op(END)
    return uleb(len(b)) + bytes(b)


def section(sid, payload):
    return bytes([sid]) + uleb(len(payload)) + payload


def name(s):
    return uleb(len(s)) + s.encode()


def module():
    m = bytearray(b'\x00asm\x01\x00\x00\x00')
    m += section(1, uleb(1) + bytes([0x60, 1, 0x7F, 0]))  # (i32) -> ()
    m += section(3, uleb(2) + bytes([0, 0]))
    m += section(5, uleb(1) + bytes([0, 2]))  # 2 pages
    exports = [(b'memory', 2, 0), (b'fill_raw', 0, 0), (b'fill_double', 0, 1)]
    e = uleb(len(exports))
    for nm, kind, idx in exports:
        e += uleb(len(nm)) + nm + bytes([kind]) + uleb(idx)
    m += section(7, e)
    m += section(10, uleb(2) + body(False) + body(True))
    return bytes(m)


def main():
    wasm = module()
    b64 = base64.b64encode(wasm).decode()
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, '..', 'src', 'bitgen', 'pcg64-wasm-bytes.ts')
    lines = [
        '// Generated by scripts/gen-pcg64-wasm.py: the PCG64 bulk-draw WebAssembly kernel. Do not edit.',
        f'// {len(wasm)} bytes.',
        'export const PCG64_WASM_BASE64 =',
    ]
    for i in range(0, len(b64), 100):
        lines.append(f"  '{b64[i:i + 100]}'" + (' +' if i + 100 < len(b64) else ';'))
    with open(out, 'w') as f:
        f.write('\n'.join(lines) + '\n')
    print('wrote', out, len(wasm), 'bytes')


if __name__ == '__main__':
    main()
