# breaks: gru_param_count
"""Counts one bias row (reset_after=False): 3H(D+H+1)."""


def gru_param_count(input_dim, units):
    if input_dim < 1 or units < 1:
        raise ValueError("sizes must be >= 1")
    return 3 * units * (input_dim + units + 1)
