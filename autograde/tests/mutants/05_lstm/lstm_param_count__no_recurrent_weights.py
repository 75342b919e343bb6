# breaks: lstm_param_count
"""Forgets W_h: 4H(D + 1)."""


def lstm_param_count(input_dim, units):
    return 4 * units * (input_dim + 1)
