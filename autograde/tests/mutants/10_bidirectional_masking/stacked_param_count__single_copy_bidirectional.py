# breaks: stacked_param_count
"""Lets the next layer read 2H features but counts only one copy of each bidirectional layer's weights."""

def stacked_param_count(input_dim, units, cell="lstm", bidirectional=False):
    per = {"rnn": lambda d, h: h * (d + h + 1), "lstm": lambda d, h: 4 * h * (d + h + 1),
           "gru": lambda d, h: 3 * h * (d + h + 2)}
    if cell not in per or len(units) == 0 or input_dim < 1 or min(units) < 1:
        raise ValueError("bad arguments")
    total, d = 0, input_dim
    for h in units:
        total += per[cell](d, h)
        d = 2 * h if bidirectional else h
    return total
