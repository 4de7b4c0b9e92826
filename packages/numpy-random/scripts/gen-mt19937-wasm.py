#!/usr/bin/env python3
"""Assembles the small WebAssembly kernel behind MT19937.fillDouble and writes src/bitgen/mt19937-wasm-bytes.ts.

The module (no imports) exports `memory` (2 pages) and two functions over it:
  twist()          regenerates the 624-word key at byte offset 0 (the reference MT19937 recurrence);
  fill(n: i32)     writes n `next_double` values, ((a >> 5)·2^26 + (b >> 6))·2^-53 from two tempered outputs
                   a, b (twisting whenever pos reaches 624), as f64 at byte offset 4096; pos is the i32 at
                   byte offset 2496 (0..624), read at entry and written back at exit.
It is the same arithmetic as the TypeScript path (which stays in use for short fills and as the fallback),
checked against it and against NumPy's fixtures by the unit tests.

Run from the package directory: python3 scripts/gen-mt19937-wasm.py
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


def s32(v):
    """A uint32 constant as the signed value i32.const takes."""
    return v - (1 << 32) if v >= 1 << 31 else v


# opcodes
BLOCK, LOOP, IF, END, BR, BR_IF, CALL = 0x02, 0x03, 0x04, 0x0B, 0x0C, 0x0D, 0x10
LGET, LSET, LTEE = 0x20, 0x21, 0x22
I32LOAD, I32STORE, F64STORE = 0x28, 0x36, 0x39
I32EQZ, I32EQ, I32NE, I32LTU, I32GEU = 0x45, 0x46, 0x47, 0x49, 0x4F
I32ADD, I32SUB, I32MUL, I32AND, I32OR, I32XOR, I32SHL, I32SHRU = 0x6A, 0x6B, 0x6C, 0x71, 0x72, 0x73, 0x74, 0x76
F64ADD, F64MUL, F64CONVU = 0xA0, 0xA2, 0xB8
VOID = 0x40


def i32c(v):
    return bytes([0x41]) + sleb(s32(v) if v >= 0 else v)


def f64c(v):
    return bytes([0x44]) + struct.pack('<d', v)


def op(*codes):
    return bytes(codes)


def lget(i):
    return bytes([LGET]) + uleb(i)


def lset(i):
    return bytes([LSET]) + uleb(i)


def ltee(i):
    return bytes([LTEE]) + uleb(i)


def load32(offset=0):
    return bytes([I32LOAD, 2]) + uleb(offset)


def store32(offset=0):
    return bytes([I32STORE, 2]) + uleb(offset)


def store64(offset=0):
    return bytes([F64STORE, 3]) + uleb(offset)


N, M = 624, 397
UPPER, LOWER, MATRIX_A = 0x80000000, 0x7FFFFFFF, 0x9908B0DF
POS_ADDR, OUT_ADDR = 2496, 4096


def mix(y_local, src_code):
    """Leaves key[src] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A) on the stack; src_code pushes key[src]."""
    return (src_code + lget(y_local) + i32c(1) + op(I32SHRU, I32XOR) + i32c(0) + lget(y_local) + i32c(1)
            + op(I32AND, I32SUB) + i32c(MATRIX_A) + op(I32AND, I32XOR))


def twist_body():
    # locals: 0 = kk (byte address kk*4), 1 = y
    b = bytearray()
    b += i32c(0) + lset(0)
    # for kk in 0 .. N-M-1: key[kk] = key[kk+M] ^ f(key[kk], key[kk+1])
    for lo_end, src in [((N - M) * 4, 'plus'), ((N - 1) * 4, 'minus')]:
        b += op(BLOCK, VOID, LOOP, VOID)
        b += lget(0) + i32c(lo_end) + op(I32GEU) + op(BR_IF, 1)
        b += lget(0) + load32(0) + i32c(UPPER) + op(I32AND) + lget(0) + load32(4) + i32c(LOWER) + op(I32AND, I32OR)
        b += lset(1)
        b += lget(0)  # store address
        srcc = (lget(0) + load32(M * 4)) if src == 'plus' else (lget(0) + i32c((N - M) * 4) + op(I32SUB) + load32(0))
        b += mix(1, srcc) + store32(0)
        b += lget(0) + i32c(4) + op(I32ADD) + lset(0) + op(BR, 0, END, END)
    # last word: y = (key[N-1] & UPPER) | (key[0] & LOWER); key[N-1] = key[M-1] ^ f(y)
    b += i32c(0) + load32((N - 1) * 4) + i32c(UPPER) + op(I32AND) + i32c(0) + load32(0) + i32c(LOWER)
    b += op(I32AND, I32OR) + lset(1)
    b += i32c(0) + mix(1, i32c(0) + load32((M - 1) * 4)) + store32((N - 1) * 4)
    b += op(END)
    return bytes(b), [(2, 0x7F)]


def next32(pos, y):
    """Pushes the next tempered output (pos is a byte address local, y a scratch local)."""
    b = bytearray()
    b += lget(pos) + i32c(N * 4) + op(I32EQ) + op(IF, VOID) + op(CALL, 0) + i32c(0) + lset(pos) + op(END)
    b += lget(pos) + load32(0) + lset(y)
    b += lget(pos) + i32c(4) + op(I32ADD) + lset(pos)
    b += lget(y) + lget(y) + i32c(11) + op(I32SHRU, I32XOR) + lset(y)
    b += lget(y) + lget(y) + i32c(7) + op(I32SHL) + i32c(0x9D2C5680) + op(I32AND, I32XOR) + lset(y)
    b += lget(y) + lget(y) + i32c(15) + op(I32SHL) + i32c(0xEFC60000) + op(I32AND, I32XOR) + lset(y)
    b += lget(y) + lget(y) + i32c(18) + op(I32SHRU, I32XOR)
    return bytes(b)


def fill_body():
    # param 0 = n; locals: 1 = i (byte address into out), 2 = end, 3 = pos (byte address), 4 = y, 5 = a
    b = bytearray()
    b += i32c(0) + load32(POS_ADDR) + i32c(4) + op(I32MUL) + lset(3)
    b += i32c(0) + lset(1)
    b += lget(0) + i32c(8) + op(I32MUL) + lset(2)
    b += op(BLOCK, VOID, LOOP, VOID)
    b += lget(1) + lget(2) + op(I32GEU) + op(BR_IF, 1)
    b += next32(3, 4) + i32c(5) + op(I32SHRU) + lset(5)
    b += lget(1)  # address for the store
    b += lget(5) + op(F64CONVU) + f64c(67108864.0) + op(F64MUL)
    b += next32(3, 4) + i32c(6) + op(I32SHRU) + op(F64CONVU) + op(F64ADD)
    b += f64c(2.0 ** -53) + op(F64MUL) + store64(OUT_ADDR)
    b += lget(1) + i32c(8) + op(I32ADD) + lset(1) + op(BR, 0, END, END)
    b += i32c(0) + lget(3) + i32c(2) + op(I32SHRU) + store32(POS_ADDR)
    b += op(END)
    return bytes(b), [(5, 0x7F)]


def section(sid, payload):
    return bytes([sid]) + uleb(len(payload)) + payload


def vec(items):
    return uleb(len(items)) + b''.join(items)


def name(s):
    return uleb(len(s)) + s.encode()


def func_code(body, locals_):
    loc = vec([uleb(n) + bytes([t]) for n, t in locals_])
    payload = loc + body
    return uleb(len(payload)) + payload


def module():
    types = vec([bytes([0x60]) + vec([]) + vec([]), bytes([0x60]) + vec([bytes([0x7F])]) + vec([])])
    funcs = vec([uleb(0), uleb(1)])
    memory = vec([bytes([0x00]) + uleb(2)])
    exports = vec([name('memory') + bytes([0x02]) + uleb(0), name('twist') + bytes([0x00]) + uleb(0),
                   name('fill') + bytes([0x00]) + uleb(1)])
    tb, tl = twist_body()
    fb, fl = fill_body()
    code = vec([func_code(tb, tl), func_code(fb, fl)])
    return (b'\x00asm' + struct.pack('<I', 1) + section(1, types) + section(3, funcs) + section(5, memory)
            + section(7, exports) + section(10, code))


def main():
    wasm = module()
    b64 = base64.b64encode(wasm).decode()
    lines = [b64[i:i + 100] for i in range(0, len(b64), 100)]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'bitgen', 'mt19937-wasm-bytes.ts')
    with open(out, 'w') as f:
        f.write('// Generated by scripts/gen-mt19937-wasm.py; do not edit. The MT19937 fill kernel (see the script).\n')
        f.write('export const MT19937_WASM_BASE64 =\n')
        f.write('\n'.join(f"  {'+ ' if i else ''}'{l}'" for i, l in enumerate(lines)) + ';\n')
    print('wrote', out, len(wasm), 'bytes')


if __name__ == '__main__':
    main()
