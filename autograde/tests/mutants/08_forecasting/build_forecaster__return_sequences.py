# breaks: build_forecaster
"""return_sequences=True: the model outputs (None, window, 1) instead of one forecast."""
import keras


def build_forecaster(window, units, cell="lstm"):
    layers = {"rnn": keras.layers.SimpleRNN, "lstm": keras.layers.LSTM, "gru": keras.layers.GRU}
    if cell not in layers:
        raise ValueError(f"unknown cell {cell!r}")
    inputs = keras.Input(shape=(window, 1))
    outputs = keras.layers.Dense(1)(layers[cell](units, return_sequences=True)(inputs))
    return keras.Model(inputs, outputs)
