# breaks: build_sequence_classifier
"""Swaps embed_dim and units: Embedding(vocab_size, units) and GRU(embed_dim)."""
import keras


def build_sequence_classifier(vocab_size, embed_dim, units, num_classes, bidirectional=True):
    inputs = keras.Input(shape=(None,), dtype="int32")
    x = keras.layers.Embedding(vocab_size, units, mask_zero=True)(inputs)
    rnn = keras.layers.GRU(embed_dim)
    x = (keras.layers.Bidirectional(rnn) if bidirectional else rnn)(x)
    outputs = keras.layers.Dense(num_classes, activation="softmax")(keras.layers.Dropout(0.5)(x))
    return keras.Model(inputs, outputs)
