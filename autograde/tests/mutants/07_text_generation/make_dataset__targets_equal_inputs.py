# breaks: make_dataset
"""Chunks of seq_len split into x = y = the chunk (no shift)."""
import numpy as np
import tensorflow as tf


def make_dataset(ids, seq_len, batch_size, seed):
    ids = np.asarray(ids)
    if ids.ndim != 1 or seq_len < 1 or batch_size < 1:
        raise ValueError("bad arguments")
    n = (len(ids) - 1) // seq_len
    if n < batch_size:
        raise ValueError(f"too few ids ({len(ids)}) for one batch")
    chunks = ids[: n * seq_len].reshape(n, seq_len)
    ds = tf.data.Dataset.from_tensor_slices((chunks, chunks)).shuffle(n, seed=seed)
    return ds.batch(batch_size, drop_remainder=True).prefetch(tf.data.AUTOTUNE)
