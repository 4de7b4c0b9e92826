"""seedkit seed derivation protocol, version 1: the reference implementation (stdlib + numpy).

derive(seed, *path) returns the numpy.random.SeedSequence that @seedkit/core's rootSeed(seed).derive(*path)
stands for; its generate_state equals the TypeScript one for every seed and path.
"""

import hashlib
import re

import numpy as np

PROTOCOL_VERSION = 1
_ROOT_STRING = re.compile(r"[ \t\r\n]*(0[xX][0-9a-fA-F]+|[0-9]+)[ \t\r\n]*")


def root(seed):
    """A SeedSequence for a root seed: int, decimal/0x string, list (NumPy entropy rules) or SeedSequence."""
    if isinstance(seed, np.random.SeedSequence):
        return seed
    if isinstance(seed, str):
        m = _ROOT_STRING.fullmatch(seed)
        if m is None:
            raise ValueError(f"seed: expected a decimal or 0x-hex non-negative integer string, got {seed!r}")
        seed = int(m.group(1), 16 if m.group(1)[1:2] in ("x", "X") else 10)
    elif isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer, list, tuple, np.ndarray)):
        raise TypeError(f"seed: expected an int, integer string, list or SeedSequence, got {seed!r}")
    return np.random.SeedSequence(seed)


def segment_words(segment):
    """Spawn-key words of one path segment (prefix-free: integers < 2^31, strings start with the top bit)."""
    if isinstance(segment, str):
        h = hashlib.sha256(segment.encode("utf-8")).digest()
        h0, h1, h2 = (int.from_bytes(h[i : i + 4], "big") for i in (0, 4, 8))
        return [0x80000000 | (h0 >> 1), h1, h2]
    if isinstance(segment, (int, np.integer)) and not isinstance(segment, (bool, np.bool_)):
        if 0 <= segment < 2**31:
            return [int(segment)]
        raise ValueError(f"integer segments must be in [0, 2^31), got {segment}")
    raise TypeError(f"a path segment must be a str or an int, got {segment!r}")


def derive(seed, *path):
    """The SeedSequence for `seed` followed by `path` (str and int segments)."""
    r = root(seed)
    words = [w for segment in path for w in segment_words(segment)]
    return np.random.SeedSequence(r.entropy, spawn_key=tuple(r.spawn_key) + tuple(words), pool_size=r.pool_size)
