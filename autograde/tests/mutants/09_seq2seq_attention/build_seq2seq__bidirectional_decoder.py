# breaks: build_seq2seq
"""A bidirectional decoder: under teacher forcing it reads the answer ahead."""

def build_seq2seq(in_vocab, out_vocab, embed_dim, units, attention=True):
    for value in (in_vocab, out_vocab, embed_dim, units):
        if value < 1:
            raise ValueError(f"sizes must be >= 1, got {value}")
    enc_ids = keras.Input(shape=(None,), dtype="int32")
    dec_ids = keras.Input(shape=(None,), dtype="int32")
    enc = keras.layers.Embedding(in_vocab, embed_dim, mask_zero=True)(enc_ids)
    enc_states, enc_last = keras.layers.GRU(units, return_sequences=True, return_state=True)(enc)
    dec = keras.layers.Embedding(out_vocab, embed_dim)(dec_ids)
    dec_states = keras.layers.Bidirectional(keras.layers.GRU(units // 2, return_sequences=True))(dec)
    if attention:
        context = keras.layers.Attention()([dec_states, enc_states])
        mixed = keras.layers.Concatenate()([dec_states, context])
        dec_states = keras.layers.Dense(units, activation="tanh")(mixed)
    return keras.Model([enc_ids, dec_ids], keras.layers.Dense(out_vocab, activation=None)(dec_states))
