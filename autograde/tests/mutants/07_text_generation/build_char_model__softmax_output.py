# breaks: build_char_model
"""Dense with softmax activation: probabilities instead of logits."""
import keras


def build_char_model(vocab_size, embed_dim, units, cell="lstm"):
    layers = {"rnn": keras.layers.SimpleRNN, "lstm": keras.layers.LSTM, "gru": keras.layers.GRU}
    if cell not in layers:
        raise ValueError(f"unknown cell {cell!r}")
    return keras.Sequential([keras.Input(shape=(None,), dtype="int32"),
                             keras.layers.Embedding(vocab_size, embed_dim),
                             layers[cell](units, return_sequences=True),
                             keras.layers.Dense(vocab_size, activation="softmax")])
