# breaks: gru_param_count
"""Forgets the recurrent matrix: 3H(D+2)."""


def gru_param_count(input_dim, units):
    if input_dim < 1 or units < 1:
        raise ValueError("sizes must be >= 1")
    return 3 * units * (input_dim + 2)
