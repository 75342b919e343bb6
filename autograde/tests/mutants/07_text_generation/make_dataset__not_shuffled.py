# breaks: make_dataset
"""No shuffle: batches come in text order."""
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
    ds = tf.data.Dataset.from_tensor_slices(chunks).map(lambda c: (c[:-1], c[1:]))
    return ds.batch(batch_size, drop_remainder=True).prefetch(tf.data.AUTOTUNE)
