# exercise: split_input_target
"""Separate branches for tf.Tensor (tf.shape checks) and numpy arrays."""
import numpy as np
import tensorflow as tf


def split_input_target(ids):
    if isinstance(ids, (tf.Tensor, tf.Variable)):
        if ids.shape.rank is not None and ids.shape.rank != 1:
            raise ValueError(f"ids must be a 1-D tensor, got shape {ids.shape}")
        n = ids.shape[0]
        if n is not None and n < 2:
            raise ValueError("ids must have at least 2 elements")
        return ids[:-1], ids[1:]
    if not isinstance(ids, np.ndarray):
        raise ValueError(f"ids must be a numpy array or a tf.Tensor, got {type(ids).__name__}")
    if ids.ndim != 1 or ids.size < 2:
        raise ValueError(f"ids must be 1-D with at least 2 elements, got shape {ids.shape}")
    return ids[:-1], ids[1:]
