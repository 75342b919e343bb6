# exercise: gru_param_count
"""Closed formula 3H(D + H + 2) with a simple range check."""


def gru_param_count(input_dim, units):
    if input_dim < 1 or units < 1:
        raise ValueError(f"input_dim and units must be >= 1, got {input_dim} and {units}")
    return int(3 * units * (input_dim + units + 2))
