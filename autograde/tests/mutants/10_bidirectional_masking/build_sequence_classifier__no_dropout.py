# breaks: build_sequence_classifier
"""Leaves out the Dropout layer."""
import keras


def build_sequence_classifier(vocab_size, embed_dim, units, num_classes, bidirectional=True):
    inputs = keras.Input(shape=(None,), dtype="int32")
    x = keras.layers.Embedding(vocab_size, embed_dim, mask_zero=True)(inputs)
    rnn = keras.layers.GRU(units)
    x = (keras.layers.Bidirectional(rnn) if bidirectional else rnn)(x)
    outputs = keras.layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)
