"""Grading a class as a Dask job: one task per submission, on any number of machines.

    task         what crosses between coordinator and workers (plain data and bytes)
    worker       runs on a Dask worker: grade one submission in a scratch course root
    forkserver   a warm process per worker that forks nbgrader instead of starting it
    coordinator  runs on the instructor's machine: registers the assignment, submits the
                 tasks, writes every result to the gradebook and ``autograded/``
"""
