# breaks: stacked_param_count
"""Treats any unknown cell name as an LSTM instead of raising ValueError."""

def stacked_param_count(input_dim, units, cell="lstm", bidirectional=False):
    per = {"rnn": lambda d, h: h * (d + h + 1), "gru": lambda d, h: 3 * h * (d + h + 2)}
    count = per.get(cell, lambda d, h: 4 * h * (d + h + 1))
    if len(units) == 0 or input_dim < 1 or min(units) < 1:
        raise ValueError("bad arguments")
    k = 2 if bidirectional else 1
    total, d = 0, input_dim
    for h in units:
        total += k * count(d, h)
        d = k * h
    return total
