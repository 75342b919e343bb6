# breaks: build_char_model
"""Always an LSTM, whatever `cell` says (but unknown names still raise)."""
import keras


def build_char_model(vocab_size, embed_dim, units, cell="lstm"):
    if cell not in ("rnn", "lstm", "gru"):
        raise ValueError(f"unknown cell {cell!r}")
    return keras.Sequential([keras.Input(shape=(None,), dtype="int32"),
                             keras.layers.Embedding(vocab_size, embed_dim),
                             keras.layers.LSTM(units, return_sequences=True),
                             keras.layers.Dense(vocab_size)])
