# exercise: build_sequence_classifier
"""keras.Sequential with an explicit Input, layers appended in a list."""
import keras


def build_sequence_classifier(vocab_size, embed_dim, units, num_classes, bidirectional=True):
    gru = keras.layers.GRU(units)
    layers = [keras.Input(shape=(None,), dtype="int32"),
              keras.layers.Embedding(input_dim=vocab_size, output_dim=embed_dim, mask_zero=True),
              keras.layers.Bidirectional(gru) if bidirectional else gru,
              keras.layers.Dropout(rate=0.5),
              keras.layers.Dense(num_classes, activation="softmax")]
    return keras.Sequential(layers)
