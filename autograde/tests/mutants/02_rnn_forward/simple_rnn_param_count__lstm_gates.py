# breaks: simple_rnn_param_count
"""Counts four gates like an LSTM: 4H(D + H + 1)."""


def simple_rnn_param_count(input_dim, units):
    if input_dim < 1 or units < 1:
        raise ValueError(f"input_dim and units must be positive, got {input_dim}, {units}")
    return 4 * units * (input_dim + units + 1)
