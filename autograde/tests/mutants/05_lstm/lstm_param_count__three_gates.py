# breaks: lstm_param_count
"""Counts three blocks (the three gates) and forgets the candidate: 3H(D + H + 1)."""


def lstm_param_count(input_dim, units):
    return 3 * units * (input_dim + units + 1)
