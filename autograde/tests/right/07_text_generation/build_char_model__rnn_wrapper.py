# exercise: build_char_model
"""The generic keras.layers.RNN wrapping a SimpleRNNCell, LSTMCell or GRUCell, in a Sequential list."""
import keras


def build_char_model(vocab_size, embed_dim, units, cell="lstm"):
    cells = {"rnn": keras.layers.SimpleRNNCell, "lstm": keras.layers.LSTMCell, "gru": keras.layers.GRUCell}
    if cell not in cells:
        raise ValueError(f"unknown cell {cell!r}")
    return keras.Sequential([keras.Input(shape=(None,), dtype="int32"),
                             keras.layers.Embedding(vocab_size, embed_dim),
                             keras.layers.RNN(cells[cell](units), return_sequences=True),
                             keras.layers.Dense(vocab_size)])
