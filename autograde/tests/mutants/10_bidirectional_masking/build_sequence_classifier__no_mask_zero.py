# breaks: build_sequence_classifier
"""Embedding without mask_zero=True: the GRU reads the pads."""
import keras


def build_sequence_classifier(vocab_size, embed_dim, units, num_classes, bidirectional=True):
    inputs = keras.Input(shape=(None,), dtype="int32")
    x = keras.layers.Embedding(vocab_size, embed_dim)(inputs)
    rnn = keras.layers.GRU(units)
    x = (keras.layers.Bidirectional(rnn) if bidirectional else rnn)(x)
    outputs = keras.layers.Dense(num_classes, activation="softmax")(keras.layers.Dropout(0.5)(x))
    return keras.Model(inputs, outputs)
