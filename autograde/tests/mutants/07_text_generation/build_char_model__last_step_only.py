# breaks: build_char_model
"""return_sequences=False: one prediction per sequence (many-to-one)."""
import keras


def build_char_model(vocab_size, embed_dim, units, cell="lstm"):
    layers = {"rnn": keras.layers.SimpleRNN, "lstm": keras.layers.LSTM, "gru": keras.layers.GRU}
    if cell not in layers:
        raise ValueError(f"unknown cell {cell!r}")
    return keras.Sequential([keras.Input(shape=(None,), dtype="int32"),
                             keras.layers.Embedding(vocab_size, embed_dim),
                             layers[cell](units),
                             keras.layers.Dense(vocab_size)])
