# breaks: build_forecaster
"""Falls back to a GRU for any unknown cell name instead of raising ValueError."""
import keras


def build_forecaster(window, units, cell="lstm"):
    layer = {"rnn": keras.layers.SimpleRNN, "lstm": keras.layers.LSTM}.get(cell, keras.layers.GRU)
    inputs = keras.Input(shape=(window, 1))
    outputs = keras.layers.Dense(1)(layer(units)(inputs))
    return keras.Model(inputs, outputs)
