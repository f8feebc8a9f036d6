#!/usr/bin/env bash
# End-to-end check of `profilecheck lsp` with a real LSP client: pytest-lsp
# (PyPI) starts the binary over stdio and drives it with the client
# capabilities it ships for VS Code, Neovim and Emacs
# (tests/e2e/lsp/test_lsp.py). Diagnostics are compared with the CLI's
# `--format json` findings; edits, hover, completion, each code action, a
# config change and hostile input are exercised for each editor.
#
# Needs python3 with venv and access to PyPI; a missing client is a FAIL.
# pytest's own exit code decides: 5 (no test ran) is a failure too.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "e2e_lsp: FAIL: $*" >&2; exit 1; }

command -v python3 >/dev/null || fail "python3 not found"
venv="${CARGO_TARGET_DIR:-target}/e2e-lsp/venv"

# ---------------------------------------------------------------- client
if [ ! -x "$venv/bin/python" ]; then
  if ! python3 -m venv "$venv" >/dev/null 2>&1; then
    # Debian splits venv out of python3; install it when we may.
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq >/dev/null && apt-get install -y -qq python3-venv >/dev/null \
        || fail "cannot install python3-venv"
      rm -rf "$venv"
      python3 -m venv "$venv" || fail "python3 -m venv does not work"
    else
      fail "python3 -m venv does not work (install python3-venv)"
    fi
  fi
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check 'pytest-lsp>=1.0,<2' \
  || fail "pip could not install pytest-lsp"
"$venv/bin/python" -c "import pytest_lsp" || fail "pytest-lsp does not import"

# ---------------------------------------------------------------- binary
if [ -n "${PROFILECHECK:-}" ]; then
  bin="$PROFILECHECK"
else
  cargo build --quiet --locked --bin profilecheck || fail "cargo build failed"
  bin="${CARGO_TARGET_DIR:-target}/debug/profilecheck"
fi
[ -x "$bin" ] || fail "no binary at $bin"
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

# ---------------------------------------------------------------- run
set +e
PROFILECHECK="$bin" "$venv/bin/python" -m pytest tests/e2e/lsp/test_lsp.py \
  -p no:cacheprovider -o asyncio_mode=auto -o asyncio_default_fixture_loop_scope=function \
  -q -W error::pytest_lsp.checks.LspSpecificationWarning
rc=$?
set -e
case "$rc" in
  0) echo "e2e_lsp: ok" ;;
  5) fail "pytest collected no test" ;;
  *) fail "pytest exit code $rc" ;;
esac
