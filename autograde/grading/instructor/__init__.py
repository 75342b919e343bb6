"""What runs on the instructor's machine: the commands behind `make release | autograde |
feedback | grades | report`, nbgrader runs, the gradebook, settings and the Dask cluster."""
