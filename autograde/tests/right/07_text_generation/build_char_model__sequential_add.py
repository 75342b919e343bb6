# exercise: build_char_model
"""keras.Sequential grown with model.add, if/elif on the cell name."""
import keras


def build_char_model(vocab_size, embed_dim, units, cell="lstm"):
    if cell == "rnn":
        recurrent = keras.layers.SimpleRNN(units, return_sequences=True)
    elif cell == "lstm":
        recurrent = keras.layers.LSTM(units, return_sequences=True)
    elif cell == "gru":
        recurrent = keras.layers.GRU(units, return_sequences=True)
    else:
        raise ValueError(f"unknown cell {cell!r}")
    model = keras.Sequential()
    model.add(keras.Input(shape=(None,), dtype="int32"))
    model.add(keras.layers.Embedding(input_dim=vocab_size, output_dim=embed_dim))
    model.add(recurrent)
    model.add(keras.layers.Dense(vocab_size, activation=None))
    return model
