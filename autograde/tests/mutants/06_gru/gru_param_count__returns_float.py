# breaks: gru_param_count
"""Returns a float (uses / somewhere): 108.0 instead of 108."""


def gru_param_count(input_dim, units):
    if input_dim < 1 or units < 1:
        raise ValueError("sizes must be >= 1")
    return 3 * units * (input_dim + units + 2) / 1
