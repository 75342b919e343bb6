# breaks: lstm_param_count
"""Forgets the biases: 4H(D + H)."""


def lstm_param_count(input_dim, units):
    return 4 * units * (input_dim + units)
