# breaks: stacked_param_count
"""Computes the right number as a float (a division by 1.0 slipped in)."""

def stacked_param_count(input_dim, units, cell="lstm", bidirectional=False):
    per = {"rnn": lambda d, h: h * (d + h + 1), "lstm": lambda d, h: 4 * h * (d + h + 1),
           "gru": lambda d, h: 3 * h * (d + h + 2)}
    if cell not in per or len(units) == 0 or input_dim < 1 or min(units) < 1:
        raise ValueError("bad arguments")
    k = 2 if bidirectional else 1
    total, d = 0.0, input_dim
    for h in units:
        total += k * per[cell](d, h) / 1.0
        d = k * h
    return total
