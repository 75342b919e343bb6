#!/usr/bin/env bash
# CI: the system packages of the browser test (autograde/tests/test_browser.py), from Debian.
#
#   .ci/setup_browser.sh            # run it, or
#   source .ci/setup_browser.sh     # source it (e.g. from .ci/run, before `make test`)
#
# Installs Debian's chromium (the test drives /usr/bin/chromium through Playwright; no browser
# is downloaded) and the fonts the screenshots need, only when missing: a second run does
# nothing. Safe under `set -euo pipefail`; sourced, it changes no shell option and defines
# nothing but the function below. Exit status (return status when sourced): 0 when chromium
# is there afterwards, 1 when it is missing and could not be installed (the test then fails
# when CI=true and is skipped elsewhere).
# Python side: the `playwright` package must be in the venv (requirements.txt).

rnncourse_setup_browser() {
  local chromium="${RNNCOURSE_CHROMIUM:-/usr/bin/chromium}"
  local packages="chromium fonts-liberation fonts-dejavu-core"
  local missing="" pkg status sudo=""

  for pkg in $packages; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    case "$status" in
      *"ok installed"*) ;;
      *) missing="$missing $pkg" ;;
    esac
  done
  if [ -z "$missing" ] && [ -x "$chromium" ]; then
    echo "== browser: $("$chromium" --version 2>/dev/null || echo "$chromium")"
    return 0
  fi

  if [ -z "$missing" ]; then
    echo "setup_browser: the packages are installed but $chromium is not executable" >&2
  elif ! command -v apt-get >/dev/null 2>&1; then
    echo "setup_browser: no apt-get; install these yourself:$missing" >&2
  else
    if [ "$(id -u)" != "0" ]; then
      if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo="sudo -n"
      else
        echo "setup_browser: not root and no passwordless sudo; cannot install:$missing" >&2
      fi
    fi
    if [ "$(id -u)" = "0" ] || [ -n "$sudo" ]; then
      echo "== browser: installing$missing (apt)"
      # shellcheck disable=SC2086 # $sudo and $missing are word lists on purpose
      if ! { $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
             $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
               --no-install-recommends $missing >/dev/null; }; then
        echo "setup_browser: apt-get install$missing failed" >&2
      fi
    fi
  fi

  if [ -x "$chromium" ]; then
    echo "== browser: $("$chromium" --version 2>/dev/null || echo "$chromium")"
    return 0
  fi
  echo "setup_browser: $chromium is missing: the browser test will fail when CI=true" >&2
  return 1
}

# Run directly: exit with the function's status. Sourced: return it, leave the caller's shell be.
if [ "${BASH_SOURCE[0]:-$0}" = "$0" ]; then
  rnncourse_setup_browser
  exit $?
else
  rnncourse_setup_browser
fi
