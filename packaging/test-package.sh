#!/usr/bin/env bash
# Builds the app image and checks the packaged program on a machine without a display: --version, and
# --self-check (embedded server, one versioned write, one stale write, one true conflict through the sync core).
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/package.sh --app-image-only
BIN=target/installer/concord/bin/concord
HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT

fail() { echo "test-package: FAILED: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

version=$("$BIN" --version) || fail "--version exited non-zero"
[[ "$version" == Concord\ * ]] || fail "--version printed '$version'"

set +e
out=$(HOME="$HOME_DIR" "$BIN" --self-check 2>&1)
rc=$?
set -e
echo "$out"
[[ $rc -eq 0 ]] || fail "--self-check exited $rc"
grep -q "self-check: OK" <<<"$out" || fail "--self-check did not report OK"
echo "test-package: packaged app image passed --version and --self-check"
echo "2 passed, 0 failed"
