"""Tools for course authors: `make check`, `make bench`, the one-kernel runner of wrong and
right implementations, throwaway nbgrader courses and the release drift check."""
