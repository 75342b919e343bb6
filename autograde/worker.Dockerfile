# A Dask worker that grades rnncourse submissions (README, "Grading a large class").
#
#   docker build -f autograde/worker.Dockerfile -t rnncourse-worker .      # from the repository
#   docker run --privileged rnncourse-worker dask worker tcp://SCHEDULER:8786 --nthreads 1
#
# The image holds this commit of the repository (the nbgrader config, the grading package and
# the helper library) and its pinned requirements; it needs no shared folder: every task
# brings the submission and the assignment's files, and the grades go back to the coordinator.
# Coordinator and workers must run the same commit: a worker whose grading code differs
# refuses each task ("other grading code than the coordinator").
# Student code runs in bubblewrap inside the container, which needs to create namespaces:
# run the container privileged, or with --cap-add SYS_ADMIN and an unconfined seccomp and
# AppArmor profile (Kubernetes: securityContext.privileged: true).
FROM python:3.11-slim

RUN apt-get update \
 && apt-get install -y --no-install-recommends bubblewrap make \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /course
COPY requirements.txt pyproject.toml ./
RUN python -m pip install --no-cache-dir -r requirements.txt
COPY . .
RUN python -m pip install --no-cache-dir --no-deps -e .

# The workers import the grading package from autograde/; nbgrader calls alembic from PATH.
ENV PYTHONPATH=/course/autograde \
    TF_CPP_MIN_LOG_LEVEL=3 \
    PATH=/usr/local/bin:$PATH
# The sandbox switches each kernel to an unprivileged uid, so the worker starts as root.
USER root
CMD ["dask", "worker", "--help"]
