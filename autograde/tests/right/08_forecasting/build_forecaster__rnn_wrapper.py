# exercise: build_forecaster
"""The generic keras.layers.RNN wrapping a SimpleRNNCell, LSTMCell or GRUCell."""
import keras


def build_forecaster(window, units, cell="lstm"):
    cells = {"rnn": keras.layers.SimpleRNNCell, "lstm": keras.layers.LSTMCell, "gru": keras.layers.GRUCell}
    if cell not in cells or window < 1 or units < 1:
        raise ValueError("bad arguments")
    return keras.Sequential([keras.Input(shape=(window, 1)), keras.layers.RNN(cells[cell](units)),
                             keras.layers.Dense(1)])
