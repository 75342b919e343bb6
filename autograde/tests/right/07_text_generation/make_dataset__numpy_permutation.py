# exercise: make_dataset
"""Chunks cut and shuffled in numpy with default_rng(seed).permutation, then from_tensor_slices."""
import numpy as np
import tensorflow as tf


def make_dataset(ids, seq_len, batch_size, seed):
    ids = np.asarray(ids)
    if ids.ndim != 1:
        raise ValueError("ids must be a 1-D array")
    if not (seq_len >= 1 and batch_size >= 1):
        raise ValueError(f"seq_len={seq_len} and batch_size={batch_size} must be positive")
    N = (ids.shape[0] - 1) // seq_len
    if N < batch_size:
        raise ValueError(f"too few ids for one batch: {N} chunks < batch_size {batch_size}")
    starts = np.arange(N) * seq_len
    chunks = ids[starts[:, None] + np.arange(seq_len + 1)]          # (N, L+1), ids' dtype
    order = np.random.default_rng(seed).permutation(N)
    ds = tf.data.Dataset.from_tensor_slices(chunks[order])
    ds = ds.map(split_input_target, num_parallel_calls=tf.data.AUTOTUNE, deterministic=True)
    ds = ds.batch(batch_size, drop_remainder=True)
    return ds.prefetch(1)
