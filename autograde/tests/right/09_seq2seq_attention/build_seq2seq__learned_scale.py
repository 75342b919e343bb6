# exercise: build_seq2seq
"""Attention(use_scale=True) (a learned scale) on [query, value, key] with the keys given explicitly."""


def build_seq2seq(in_vocab, out_vocab, embed_dim, units, attention=True):
    for name, size in dict(in_vocab=in_vocab, out_vocab=out_vocab, embed_dim=embed_dim, units=units).items():
        if size < 1:
            raise ValueError(f"{name} must be at least 1, got {size}")
    enc_in = keras.Input(shape=(None,), dtype="int32")
    dec_in = keras.Input(shape=(None,), dtype="int32")
    emb = keras.layers.Embedding(in_vocab, embed_dim, mask_zero=True)(enc_in)
    enc_seq, enc_h = keras.layers.GRU(units, return_sequences=True, return_state=True)(emb)
    dec_seq = keras.layers.GRU(units, return_sequences=True)(
        keras.layers.Embedding(out_vocab, embed_dim)(dec_in), initial_state=[enc_h])
    features = dec_seq
    if attention:
        context = keras.layers.Attention(use_scale=True)([dec_seq, enc_seq, enc_seq])
        features = keras.layers.Dense(units, activation="tanh")(keras.layers.Concatenate()([dec_seq, context]))
    return keras.Model(inputs=[enc_in, dec_in], outputs=keras.layers.Dense(out_vocab)(features))
