# exercise: build_char_model
"""Keras functional API, layer class looked up in a dict."""
import keras


def build_char_model(vocab_size, embed_dim, units, cell="lstm"):
    layers = {"rnn": keras.layers.SimpleRNN, "lstm": keras.layers.LSTM, "gru": keras.layers.GRU}
    if cell not in layers:
        raise ValueError(f"cell must be 'rnn', 'lstm' or 'gru', got {cell!r}")
    ids = keras.Input(shape=(None,), dtype="int32", name="ids")
    e = keras.layers.Embedding(vocab_size, embed_dim)(ids)
    h = layers[cell](units, return_sequences=True)(e)
    logits = keras.layers.Dense(vocab_size)(h)
    return keras.Model(ids, logits, name=f"char_{cell}")
