#!/usr/bin/env bash
# Checks the packaged program the way an admin meets it. As root with apt-get (CI, a fresh Debian): builds
# the .deb, installs it for real (apt-get install ./concord_*.deb, which also brings GTK 3), runs
# /usr/bin/concord --version and --self-check (embedded server, versioned write, stale write, true
# conflict, a signed access token validated by the server), removes it and checks that nothing of it is
# left but the user's own data. Elsewhere: the same two runs against the app image.
set -euo pipefail
cd "$(dirname "$0")/.."

HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
fail() { echo "test-package: FAILED: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

check_program() {
  local bin=$1 version out rc
  version=$("$bin" --version) || fail "$bin --version exited non-zero"
  [[ "$version" == Concord\ * ]] || fail "$bin --version printed '$version'"
  set +e
  out=$(HOME="$HOME_DIR" "$bin" --self-check 2>&1)
  rc=$?
  set -e
  echo "$out"
  [[ $rc -eq 0 ]] || fail "$bin --self-check exited $rc"
  grep -q "self-check: OK" <<<"$out" || fail "$bin --self-check did not report OK"
  grep -q "signed access token .* validated by the server" <<<"$out" || fail "--self-check did not check a signed access token"
  ! grep -q "Unsupported JavaFX configuration" <<<"$out" || fail "JavaFX warned about its configuration"
}

if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null || [[ "${1:-}" == "--app-image-only" ]]; then
  bash packaging/package.sh --app-image-only
  check_program target/installer/concord/bin/concord
  echo "test-package: app image passed --version and --self-check (not root with apt-get: .deb not installed)"
  echo "2 passed, 0 failed"
  exit 0
fi

bash packaging/package.sh
DEB=$(ls target/installer/concord_*.deb)
if dpkg -s concord >/dev/null 2>&1; then
  fail "a concord package is already installed here; remove it first (apt-get remove concord)"
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q --no-install-recommends "./$DEB" >/tmp/concord-install.log 2>&1 \
  || { tail -20 /tmp/concord-install.log; fail "apt-get install ./$DEB failed"; }
mapfile -t files < <(dpkg -L concord)
[[ -L /usr/bin/concord ]] || fail "/usr/bin/concord is missing"
grep -q '^StartupWMClass=concord$' /usr/share/applications/concord.desktop || fail "desktop entry without StartupWMClass"
check_program /usr/bin/concord
if [[ -f /opt/concord/lib/app/concord.jsa ]]; then
  echo "test-package: installed with a class-data-sharing archive"
fi

apt-get remove -y -q --purge concord >/tmp/concord-remove.log 2>&1 || { tail -20 /tmp/concord-remove.log; fail "apt-get remove concord failed"; }
left=()
for f in "${files[@]}"; do
  # Shared folders such as /usr/share/icons stay; anything the package alone owned must be gone.
  if [[ -e "$f" && ! -d "$f" ]] || [[ -L "$f" ]]; then left+=("$f"); fi
done
[[ -e /opt/concord ]] && left+=(/opt/concord)
[[ ${#left[@]} -eq 0 ]] || fail "left after removal: ${left[*]}"
[[ -d "$HOME_DIR/.concord" ]] && echo "test-package: per-user data stays in ~/.concord (as documented)"
echo "test-package: $DEB installed, passed --version and --self-check, and was removed without a trace"
echo "3 passed, 0 failed"
