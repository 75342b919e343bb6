# breaks: build_sequence_classifier
"""Ignores the bidirectional argument: always wraps the GRU in Bidirectional."""
import keras


def build_sequence_classifier(vocab_size, embed_dim, units, num_classes, bidirectional=True):
    inputs = keras.Input(shape=(None,), dtype="int32")
    x = keras.layers.Embedding(vocab_size, embed_dim, mask_zero=True)(inputs)
    x = keras.layers.Bidirectional(keras.layers.GRU(units))(x)
    outputs = keras.layers.Dense(num_classes, activation="softmax")(keras.layers.Dropout(0.5)(x))
    return keras.Model(inputs, outputs)
