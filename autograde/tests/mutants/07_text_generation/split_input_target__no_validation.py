# breaks: split_input_target
"""No argument check: a single id gives empty arrays instead of a ValueError."""


def split_input_target(ids):
    return ids[:-1], ids[1:]
