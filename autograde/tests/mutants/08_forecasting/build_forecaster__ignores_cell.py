# breaks: build_forecaster
"""Ignores `cell`: always builds an LSTM."""
import keras


def build_forecaster(window, units, cell="lstm"):
    if cell not in ("rnn", "lstm", "gru"):
        raise ValueError(f"unknown cell {cell!r}")
    inputs = keras.Input(shape=(window, 1))
    outputs = keras.layers.Dense(1)(keras.layers.LSTM(units)(inputs))
    return keras.Model(inputs, outputs)
