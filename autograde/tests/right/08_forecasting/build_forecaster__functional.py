# exercise: build_forecaster
"""Keras functional API, recurrent layer class chosen from a dict."""
import keras


def build_forecaster(window, units, cell="lstm"):
    choices = {"rnn": keras.layers.SimpleRNN, "lstm": keras.layers.LSTM, "gru": keras.layers.GRU}
    if cell not in choices:
        raise ValueError(f"cell must be one of {sorted(choices)}, got {cell!r}")
    if window < 1 or units < 1:
        raise ValueError(f"window and units must be >= 1, got {window} and {units}")
    inp = keras.Input(shape=(window, 1))
    state = choices[cell](units)(inp)
    out = keras.layers.Dense(1)(state)
    return keras.Model(inputs=inp, outputs=out)
