# breaks: build_char_model
"""Unknown cell names silently fall back to an LSTM."""
import keras


def build_char_model(vocab_size, embed_dim, units, cell="lstm"):
    layer = {"rnn": keras.layers.SimpleRNN, "gru": keras.layers.GRU}.get(cell, keras.layers.LSTM)
    return keras.Sequential([keras.Input(shape=(None,), dtype="int32"),
                             keras.layers.Embedding(vocab_size, embed_dim),
                             layer(units, return_sequences=True),
                             keras.layers.Dense(vocab_size)])
