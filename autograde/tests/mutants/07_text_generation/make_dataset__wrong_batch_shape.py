# breaks: make_dataset
"""Batches chunks before splitting them, so the shift cuts the batch axis: x is (B-1, L+1)."""
import numpy as np
import tensorflow as tf


def make_dataset(ids, seq_len, batch_size, seed):
    ids = np.asarray(ids)
    if ids.ndim != 1 or seq_len < 1 or batch_size < 1:
        raise ValueError("bad arguments")
    n = (len(ids) - 1) // seq_len
    if n < batch_size:
        raise ValueError(f"too few ids ({len(ids)}) for one batch")
    chunks = ids[np.arange(n)[:, None] * seq_len + np.arange(seq_len + 1)]
    ds = tf.data.Dataset.from_tensor_slices(chunks).shuffle(n, seed=seed)
    ds = ds.batch(batch_size, drop_remainder=True)
    return ds.map(lambda c: (c[:-1], c[1:])).prefetch(tf.data.AUTOTUNE)
