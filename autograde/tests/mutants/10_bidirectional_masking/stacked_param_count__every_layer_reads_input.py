# breaks: stacked_param_count
"""Every layer reads input_dim features, not the previous layer's output."""

def stacked_param_count(input_dim, units, cell="lstm", bidirectional=False):
    per = {"rnn": lambda d, h: h * (d + h + 1), "lstm": lambda d, h: 4 * h * (d + h + 1),
           "gru": lambda d, h: 3 * h * (d + h + 2)}
    if cell not in per or len(units) == 0 or input_dim < 1 or min(units) < 1:
        raise ValueError("bad arguments")
    k = 2 if bidirectional else 1
    return sum(k * per[cell](input_dim, h) for h in units)
