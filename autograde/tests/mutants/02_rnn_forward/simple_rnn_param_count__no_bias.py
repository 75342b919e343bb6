# breaks: simple_rnn_param_count
"""Forgets the bias: H * (D + H)."""


def simple_rnn_param_count(input_dim, units):
    if input_dim < 1 or units < 1:
        raise ValueError(f"input_dim and units must be positive, got {input_dim}, {units}")
    return units * (input_dim + units)
