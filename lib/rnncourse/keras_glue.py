"""Keras glue: a quiet, seeded TensorFlow and numpy weights loaded into Keras layers.

    from rnncourse.keras_glue import load_keras
    keras = load_keras(seed=0)          # imports TensorFlow silently, seeds everything

Array conventions match Keras: a recurrent layer's weights are
``[kernel (D, G*H), recurrent_kernel (H, G*H), bias]`` with G = 1 (SimpleRNN),
4 (LSTM, gates i, f, c, o) or 3 (GRU, gates z, r, h; bias (2, 3H) when reset_after).
"""
from __future__ import annotations

import contextlib
import logging
import os
import sys

import numpy as np

from .notebook import seed_everything, silence

RECURRENT_LAYERS = {"rnn": "SimpleRNN", "lstm": "LSTM", "gru": "GRU"}


def load_keras(seed: int | None = 0, deterministic: bool = True):
    """Import Keras (TensorFlow backend) with its logs silenced; seed it; return the module."""
    silence()
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    with stderr_to_devnull():
        import tensorflow as tf  # noqa: F401  (import after the environment is set)
        import keras

    tf.get_logger().setLevel(logging.ERROR)
    try:
        import absl.logging
        absl.logging.set_verbosity(absl.logging.ERROR)
    except ImportError:
        pass
    if deterministic:
        try:
            tf.config.experimental.enable_op_determinism()
        except Exception:  # noqa: BLE001 - older TF: determinism is best effort
            pass
    if seed is not None:
        seed_everything(seed)
        keras.utils.set_random_seed(seed)
    return keras


@contextlib.contextmanager
def stderr_to_devnull():
    """Send file descriptor 2 to /dev/null for the duration (C++ logs that ignore
    TF_CPP_MIN_LOG_LEVEL, such as absl's 'All log messages before absl::InitializeLog()',
    would otherwise reach the notebook's stderr, and nbgrader scores 0 for that)."""
    if "tensorflow" in sys.modules:
        yield
        return
    try:
        sys.stderr.flush()
    except Exception:  # noqa: BLE001
        pass
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def recurrent_layer(cell: str, units: int, **kwargs):
    """``keras.layers.SimpleRNN | LSTM | GRU`` by name (``"rnn" | "lstm" | "gru"``)."""
    keras = load_keras(seed=None)
    if cell not in RECURRENT_LAYERS:
        raise ValueError(f"cell must be one of {sorted(RECURRENT_LAYERS)}, got {cell!r}")
    return getattr(keras.layers, RECURRENT_LAYERS[cell])(units, **kwargs)


def run_keras_recurrent(cell: str, x: np.ndarray, weights: list, initial_state=None,
                        **layer_kwargs):
    """Run a Keras recurrent layer with given numpy weights on ``x``.

    cell: ``"rnn" | "lstm" | "gru"``; x: (N, T, D); weights: ``[W_x, W_h, b]`` in Keras
    layout; initial_state: an (N, H) array, or a list of them (LSTM: ``[h0, c0]``).
    The layer returns sequences and states. Returns a list of numpy arrays:
    ``[h_seq (N, T, H), h_T (N, H)]`` and, for LSTM, ``c_T (N, H)`` after them.
    """
    x = np.asarray(x)
    if x.ndim != 3:
        raise ValueError(f"x must be (N, T, D), got shape {x.shape}")
    units = np.asarray(weights[1]).shape[0]
    layer = recurrent_layer(cell, units, return_sequences=True, return_state=True,
                            dtype=str(x.dtype), **layer_kwargs)
    layer.build(x.shape)
    set_weights(layer, weights)
    if initial_state is not None and not isinstance(initial_state, (list, tuple)):
        initial_state = [initial_state]
    outputs = layer(x, initial_state=None if initial_state is None else list(initial_state))
    return [np.asarray(o) for o in outputs]


def set_weights(layer, weights: list) -> None:
    """``layer.set_weights(weights)`` with a clear error naming any shape that differs."""
    expected = [tuple(w.shape) for w in layer.get_weights()]
    given = [tuple(np.shape(w)) for w in weights]
    if expected != given:
        raise ValueError(f"{layer.name} expects weights of shapes {expected}, got {given}")
    layer.set_weights([np.asarray(w) for w in weights])


def count_params(model) -> int:
    """Number of trainable and non-trainable parameters of a built model or layer."""
    return int(model.count_params())
