# breaks: gru_param_count
"""Confuses the roles of input_dim and units: 3D(D+H+2)."""


def gru_param_count(input_dim, units):
    if input_dim < 1 or units < 1:
        raise ValueError("sizes must be >= 1")
    return 3 * input_dim * (input_dim + units + 2)
