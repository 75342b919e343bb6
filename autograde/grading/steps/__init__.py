"""Steps that run inside nbgrader: the sanitize, execute, score and feedback preprocessors
named in ``autograde/nbgrader_config.py``, and the bridge loaded into the two kernels."""
