"""rnncourse: the helper library of the rnncourse notebooks.

Infrastructure only -- data loaders, gradient checking, plots, test helpers and Keras
glue. No exercise's answer lives here.

Modules:
    gradcheck   numerical gradients and ``rel_error``
    testing     assertion helpers whose failures read as hints for students
    notebook    the locked set-up cell: quiet warnings, seeds, grading mode
    keras_glue  quiet TensorFlow, seeding, loading numpy weights into Keras layers
    plots       sequence plots, the unrolled-RNN diagram, loss curves
    data        offline datasets (CO2, sunspots, Shakespeare, its lines labelled by genre)
    decoding    TableStep, a table-driven decoder step for testing decoders
"""

__version__ = "0.1.0"
