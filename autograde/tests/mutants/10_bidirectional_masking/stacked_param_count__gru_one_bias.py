# breaks: stacked_param_count
"""Counts a GRU with one bias vector, 3H(D + H + 1), but Keras's reset_after GRU has two."""

def stacked_param_count(input_dim, units, cell="lstm", bidirectional=False):
    gates = {"rnn": 1, "lstm": 4, "gru": 3}
    if cell not in gates or len(units) == 0 or input_dim < 1 or min(units) < 1:
        raise ValueError("bad arguments")
    k = 2 if bidirectional else 1
    total, d = 0, input_dim
    for h in units:
        total += k * gates[cell] * h * (d + h + 1)
        d = k * h
    return total
