#!/usr/bin/env bash
# CI: the sandbox and hostile tests as an ordinary user, the way an instructor without root grades.
#
# The grading sandbox has two ways of keeping kernels apart (autograde/grading/sandbox.py): as
# root, one uid per kernel; as anyone else, one user namespace per kernel. `make test` runs as
# root in CI and covers the first; this script covers the second. It
#   1. creates the user (default rnngrader) if missing;
#   2. builds their environment as a new instructor would: a venv in their home from the
#      distribution's Python 3.11 (the machine's default interpreter may live in a home folder
#      other users cannot read), `pip install -r requirements.txt`, `pip install --no-deps -e .`
#      from their own copy of this checkout (the venv is rebuilt only when requirements.txt changes);
#   3. runs autograde/tests/test_sandbox.py and autograde/tests/test_hostile.py as that user.
# It exits non-zero if a test fails.
#
# Usage, as root:  .ci/hostile_as_user.sh [user]
# Package sources: the caller's PIP_* variables and its ~/.config/pip/pip.conf are passed on
# (CI machines often use a mirror).
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=${1:-rnngrader}
if [ "$(id -u)" != 0 ]; then
  echo "hostile_as_user.sh: run as root (it creates the user $NAME and installs packages)" >&2
  exit 2
fi

# 1. The user.
id "$NAME" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$NAME"
HOME_DIR=$(getent passwd "$NAME" | cut -d: -f6)
GROUP=$(id -gn "$NAME")

# 2. The distribution's Python 3.11 with venv and pip (Debian bookworm: python3.11, python3.11-venv).
PY=/usr/bin/python3.11
if ! { [ -x "$PY" ] && "$PY" -c "import ensurepip, venv" 2>/dev/null; }; then
  echo "== installing python3.11 and python3.11-venv from the distribution"
  apt-get update -qq && apt-get install -y -qq python3.11 python3.11-venv >/dev/null
fi

PIP_ENV=()
while IFS= read -r line; do PIP_ENV+=("$line"); done < <(env | grep '^PIP_' || true)
if [ -f "$HOME/.config/pip/pip.conf" ] && [ ! -f "$HOME_DIR/.config/pip/pip.conf" ]; then
  install -D -o "$NAME" -g "$GROUP" -m 644 "$HOME/.config/pip/pip.conf" "$HOME_DIR/.config/pip/pip.conf"
fi

# Run a command as the user, with a fresh environment (nothing of root's PATH or Python).
as_user() {
  runuser -u "$NAME" -- env -i HOME="$HOME_DIR" USER="$NAME" LANG=C.UTF-8 PATH=/usr/bin:/bin \
    ${PIP_ENV[@]+"${PIP_ENV[@]}"} "$@"
}

REPO="$HOME_DIR/rnncourse"
VENV="$HOME_DIR/venv"
echo "== copying this checkout to $REPO"
rm -rf "$REPO"
mkdir -p "$REPO"
git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$REPO"
chown -R "$NAME:$GROUP" "$REPO"

if ! cmp -s requirements.txt "$VENV/.rnncourse-requirements"; then
  echo "== building $VENV from $($PY --version) (pip install -r requirements.txt: a few minutes)"
  start=$(date +%s)
  rm -rf "$VENV"
  as_user "$PY" -m venv "$VENV"
  as_user "$VENV/bin/python" -m pip install --quiet -r "$REPO/requirements.txt"
  cp requirements.txt "$VENV/.rnncourse-requirements"
  echo "== venv built in $(( $(date +%s) - start )) s"
fi
as_user "$VENV/bin/python" -m pip install --quiet --no-deps -e "$REPO"

# 3. The tests, as the user (nbgrader calls alembic: the venv's bin goes first on PATH).
echo "== sandbox and hostile tests as $NAME (uid $(id -u "$NAME"))"
start=$(date +%s)
status=0
as_user bash -c "cd '$REPO' && PATH='$VENV/bin':\$PATH TF_CPP_MIN_LOG_LEVEL=3 python -m pytest \
  autograde/tests/test_sandbox.py autograde/tests/test_hostile.py -q -p no:cacheprovider" || status=$?
echo "== tests as $NAME took $(( $(date +%s) - start )) s"
exit $status
