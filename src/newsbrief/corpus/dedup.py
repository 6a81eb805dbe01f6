"""Copies: the exact ones by a hash of the normalised text, the near ones (syndicated wire copies,
light rewrites) by MinHash over word 3-grams with LSH bands, verified on the full signature."""

from __future__ import annotations

import hashlib
import re
import zlib

import numpy as np

NUM_PERM = 128
BANDS = 32  # 32 bands x 4 rows: candidates from Jaccard ~0.4 on, verified below
ROWS = NUM_PERM // BANDS
SHINGLE = 3
NEAR_THRESHOLD = 0.6  # estimated Jaccard of 3-gram sets at or above which a text is a copy
_PRIME = (1 << 31) - 1
_rng = np.random.default_rng(20240618)
_A = _rng.integers(1, _PRIME, NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, NUM_PERM, dtype=np.uint64)
_TOKEN = re.compile(r"\w+")


def normalise(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))


def exact_hash(text: str) -> str:
    """The same words in the same order, whatever the spacing, case and punctuation."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def signature(text: str) -> np.ndarray:
    """MinHash signature (NUM_PERM uint32 values) of the text's word 3-gram set."""
    toks = _TOKEN.findall(text.lower())
    grams = {" ".join(toks[i : i + SHINGLE]) for i in range(max(1, len(toks) - SHINGLE + 1))}
    x = np.fromiter((zlib.crc32(g.encode("utf-8")) % _PRIME for g in grams), dtype=np.uint64, count=len(grams))
    if not len(x):
        return np.full(NUM_PERM, _PRIME, dtype=np.uint32)
    h = (x[:, None] * _A[None, :] + _B[None, :]) % _PRIME
    return h.min(axis=0).astype(np.uint32)


def bands(sig: np.ndarray) -> list[str]:
    """One key per band; two texts sharing any key are candidates."""
    return [f"{b}:{zlib.crc32(sig[b * ROWS : (b + 1) * ROWS].tobytes()):08x}" for b in range(BANDS)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two 3-gram sets."""
    return float(np.mean(a == b))


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)
