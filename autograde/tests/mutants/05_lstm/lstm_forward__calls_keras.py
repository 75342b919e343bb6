# breaks: lstm_forward
"""Delegates the computation to keras.layers.LSTM instead of writing it in numpy."""
import numpy as np
from rnncourse.keras_glue import run_keras_recurrent


def lstm_forward(x, h0, c0, W_x, W_h, b):
    if np.ndim(x) != 3:
        raise ValueError("x must be (N, T, D)")
    if np.shape(c0) != np.shape(h0):
        raise ValueError("h0 and c0 must have the same shape")
    h_seq, h_T, c_T = run_keras_recurrent("lstm", x, [W_x, W_h, b], initial_state=[h0, c0])
    return h_seq, h_T, c_T
