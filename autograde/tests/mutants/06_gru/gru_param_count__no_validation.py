# breaks: gru_param_count
"""Right formula, but units = 0 returns 0 instead of raising ValueError."""


def gru_param_count(input_dim, units):
    return 3 * units * (input_dim + units + 2)
