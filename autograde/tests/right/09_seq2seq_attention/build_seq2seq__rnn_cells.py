# exercise: build_seq2seq
"""Layers created first in a dict, then wired; RNN(GRUCell) wrappers instead of GRU layers."""


def build_seq2seq(in_vocab, out_vocab, embed_dim, units, attention=True):
    sizes = {"in_vocab": in_vocab, "out_vocab": out_vocab, "embed_dim": embed_dim, "units": units}
    bad = {k: s for k, s in sizes.items() if s < 1}
    if bad:
        raise ValueError(f"sizes must be positive, got {bad}")
    L = keras.layers
    layer = {
        "enc_emb": L.Embedding(in_vocab, embed_dim, mask_zero=True),
        "enc_rnn": L.RNN(L.GRUCell(units), return_sequences=True, return_state=True),
        "dec_emb": L.Embedding(out_vocab, embed_dim),
        "dec_rnn": L.RNN(L.GRUCell(units), return_sequences=True),
        "att": L.Attention(),
        "mix": L.Dense(units, activation="tanh"),
        "out": L.Dense(out_vocab),
    }
    src = keras.Input(shape=(None,), dtype="int32")
    tgt = keras.Input(shape=(None,), dtype="int32")
    keys, last = layer["enc_rnn"](layer["enc_emb"](src))
    queries = layer["dec_rnn"](layer["dec_emb"](tgt), initial_state=last)
    if attention:
        queries = layer["mix"](L.Concatenate(axis=-1)([queries, layer["att"]([queries, keys])]))
    return keras.Model(inputs=[src, tgt], outputs=layer["out"](queries))
