# exercise: make_dataset
"""tf.data's own window/flat_map to cut the chunks, then shuffle, map, batch, prefetch."""
import numpy as np
import tensorflow as tf


def make_dataset(ids, seq_len, batch_size, seed):
    ids = np.asarray(ids)
    if ids.ndim != 1:
        raise ValueError(f"ids must be 1-D, got shape {ids.shape}")
    if seq_len < 1 or batch_size < 1:
        raise ValueError("seq_len and batch_size must be >= 1")
    n_chunks = (len(ids) - 1) // seq_len
    if n_chunks < batch_size:
        raise ValueError(f"{len(ids)} ids give {n_chunks} chunks, fewer than one batch of {batch_size}")
    chunks = (tf.data.Dataset.from_tensor_slices(ids)
              .window(seq_len + 1, shift=seq_len, drop_remainder=True)
              .flat_map(lambda w: w.batch(seq_len + 1, drop_remainder=True)))
    return (chunks.shuffle(n_chunks, seed=seed)
            .map(split_input_target)
            .batch(batch_size, drop_remainder=True)
            .prefetch(tf.data.AUTOTUNE))
