#!/usr/bin/env bash
# Builds the concord-server package and tries it as an administrator would: installs the .deb with apt,
# runs the installed /usr/bin/concord-server with a configuration file against a PostgreSQL (the tests'
# embedded one), adds tokens, creates and edits records over HTTP with curl, reads /metrics, stops the
# service, and purges the package, checking that only the state is left. Needs root (apt-get).
# Ends with "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/../.."

passed=0
failed=0
ok() { echo "  ok: $*"; passed=$((passed + 1)); }
bad() { echo "  FAILED: $*" >&2; failed=$((failed + 1)); }
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then ok "$what"; else bad "$what"; fi; }
finish() {
  echo "test-package-server: $passed passed, $failed failed"
  echo "$passed passed, $failed failed"
  [[ $failed -eq 0 ]]
  exit $?
}

WORK=$(mktemp -d)
SERVER_PID=
PG_PID=
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null
  [[ -n "$PG_PID" ]] && { exec 9>&-; kill "$PG_PID" 2>/dev/null; wait "$PG_PID" 2>/dev/null; }
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== building the package"
if ! bash packaging/server/package-server.sh; then
  bad "package-server.sh built the package"
  finish
fi
DEB=$(ls target/server-package/concord-server_*.deb 2>/dev/null | head -1)
TARBALL=$(ls target/server-package/concord-server-*.tar.gz 2>/dev/null | head -1)
[[ -n "$DEB" ]] && ok "made $DEB" || { bad "no .deb made"; finish; }
check "the package holds no JavaFX" bash -c "! dpkg-deb -c '$DEB' | grep -qi javafx"

echo "== the tar.gz"
mkdir -p "$WORK/tar" && tar -C "$WORK/tar" -xzf "$TARBALL"
check "tar.gz: bin/concord-server --version" bash -c "'$WORK'/tar/concord-server-*/bin/concord-server --version | grep -q '^Concord '"

echo "== installing with apt"
dpkg -s concord-server >/dev/null 2>&1 && apt-get purge -y -qq concord-server >/dev/null 2>&1
if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$DEB" >"$WORK/apt.log" 2>&1; then
  ok "apt-get install ./$(basename "$DEB")"
else
  cat "$WORK/apt.log" >&2
  bad "apt-get install"
  finish
fi
check "/usr/bin/concord-server --version" bash -c "/usr/bin/concord-server --version | grep -q '^Concord '"
check "user concord exists" getent passwd concord
check "/var/lib/concord belongs to concord" bash -c "[[ \$(stat -c %U /var/lib/concord) == concord ]]"
check "/etc/concord/server.conf is a conffile" bash -c "dpkg-query -W -f='\${Conffiles}' concord-server | grep -q /etc/concord/server.conf"
check "systemd unit installed" test -f /lib/systemd/system/concord-server.service
check "the installed default configuration checks" /usr/bin/concord-server check-config

echo "== PostgreSQL (the tests' embedded one)"
if ! mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$WORK/cp.txt" >"$WORK/mvn.log" 2>&1; then
  cat "$WORK/mvn.log" >&2
  bad "compiled the test classes"
  finish
fi
mkfifo "$WORK/pg-in"
java -cp "target/test-classes:target/classes:$(cat "$WORK/cp.txt")" dev.concord.testing.PostgresForScripts \
  "$WORK/pg-ready" <"$WORK/pg-in" >"$WORK/pg.log" 2>&1 &
PG_PID=$!
exec 9>"$WORK/pg-in"   # held open: PostgreSQL stops when the script closes it
for _ in $(seq 1 120); do [[ -s "$WORK/pg-ready" ]] && break; sleep 0.5; done
if [[ ! -s "$WORK/pg-ready" ]]; then
  cat "$WORK/pg.log" >&2
  bad "embedded PostgreSQL started"
  finish
fi
read -r PG_URL PG_USER PG_PASSWORD <"$WORK/pg-ready"
ok "PostgreSQL at $PG_URL"

echo "== configuring and starting the installed server"
printf '%s\n' "$PG_PASSWORD" >"$WORK/db-password"
chmod 600 "$WORK/db-password"
cat >"$WORK/server.conf" <<CONF
listen-address = 127.0.0.1
port = 0
database-url = $PG_URL
database-user = $PG_USER
database-password-file = $WORK/db-password
tokens-file = $WORK/tokens
log-format = json
CONF
CONF_ARGS=(--config "$WORK/server.conf")
AGENT=$(/usr/bin/concord-server "${CONF_ARGS[@]}" tokens add carol agent 2>/dev/null)
ADMIN=$(/usr/bin/concord-server "${CONF_ARGS[@]}" tokens add root-admin admin 2>/dev/null)
[[ -n "$AGENT" && -n "$ADMIN" ]] && ok "tokens add printed two tokens" || bad "tokens add"
check "check-config against PostgreSQL" /usr/bin/concord-server "${CONF_ARGS[@]}" check-config
check "migrate" /usr/bin/concord-server "${CONF_ARGS[@]}" migrate
check "the tokens file holds hashes, not tokens" bash -c "! grep -q -- '$AGENT' '$WORK/tokens' && grep -q ' carol agent' '$WORK/tokens'"

/usr/bin/concord-server "${CONF_ARGS[@]}" serve >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
for _ in $(seq 1 120); do grep -q "listening on" "$WORK/server.out" 2>/dev/null && break; sleep 0.5; done
BASE=$(sed -n 's/^listening on //p' "$WORK/server.out" | head -1)
if [[ -z "$BASE" ]]; then
  cat "$WORK/server.err" >&2
  bad "the installed server started"
  finish
fi
ok "installed server listening on $BASE"
check "the command line holds no password" bash -c "! tr '\\0' ' ' </proc/$SERVER_PID/cmdline | grep -q -- '$PG_PASSWORD'"

echo "== records over HTTP"
api() { curl -s -o "$WORK/body" -w '%{http_code}' -H "Authorization: Bearer $1" "${@:2}"; }
has() { grep -qF -- "$1" "$WORK/body"; }
check "/health/ready is 200 on PostgreSQL" bash -c "[[ \$(curl -s -o /dev/null -w '%{http_code}' $BASE/health/ready) == 200 ]]"
code=$(api "$AGENT" -X POST -H 'Content-Type: application/json' -H 'Idempotency-Key: pkg-plan-1' \
  -d '{"id":"plan_pkg","name":"Package test","tier":"starter","price":"5.00","currency":"EUR","billingCycle":"monthly"}' \
  "$BASE/api/v1/plans")
[[ $code == 201 ]] && ok "POST a plan: 201" || bad "POST a plan: $code $(cat "$WORK/body")"
code=$(api "$AGENT" -X POST -H 'Content-Type: application/json' \
  -d '{"id":"sub_pkg","customerName":"Ada Lovelace","customerEmail":"ada@example.com","planId":"plan_pkg","status":"active","amount":"5.00","currency":"EUR","billingCycle":"monthly"}' \
  "$BASE/api/v1/subscriptions")
[[ $code == 201 ]] && has '"version":1,' && ok "POST a subscription: 201, version 1" || bad "POST a subscription: $code $(cat "$WORK/body")"
code=$(api "$AGENT" -X PATCH -H 'Content-Type: application/json' -d '{"version":1,"changes":{"notes":"edited by the package test"}}' \
  "$BASE/api/v1/subscriptions/sub_pkg")
[[ $code == 200 ]] && has '"version":2,' && ok "PATCH at version 1: 200, version 2" || bad "PATCH: $code $(cat "$WORK/body")"
code=$(api "$AGENT" -X PATCH -H 'Content-Type: application/json' -d '{"version":1,"changes":{"notes":"stale"}}' \
  "$BASE/api/v1/subscriptions/sub_pkg")
[[ $code == 409 ]] && ok "stale PATCH: 409" || bad "stale PATCH: $code"
code=$(api "$AGENT" "$BASE/api/v1/subscriptions/sub_pkg")
[[ $code == 200 ]] && has '"notes":"edited by the package test"' && ok "GET shows the edit" || bad "GET: $code"
code=$(api "$AGENT" "$BASE/metrics")
[[ $code == 403 ]] && ok "/metrics refuses an agent" || bad "/metrics as agent: $code"
code=$(api "$ADMIN" "$BASE/metrics")
if [[ $code == 200 ]] && grep -q 'concord_write_conflicts_total 1.0' "$WORK/body" && grep -q 'hikaricp_connections' "$WORK/body"; then
  ok "/metrics for the admin: conflicts 1, pool meters"
else
  bad "/metrics: $code"
fi
# Logback's JSON writes / as \/.
check "JSON request log line with actor, route template and status" \
  grep -qF 'carol PATCH \/api\/v1\/subscriptions\/{id} 409 ' "$WORK/server.err"

# An admin revokes carol's token while the service runs: refused within seconds, without a restart.
/usr/bin/concord-server "${CONF_ARGS[@]}" tokens revoke carol 2>>"$WORK/revoke.log" && ok "tokens revoke carol" || bad "tokens revoke: $(cat "$WORK/revoke.log")"
for _ in $(seq 1 40); do code=$(api "$AGENT" "$BASE/api/v1/me"); [[ $code == 401 ]] && break; sleep 0.25; done
[[ $code == 401 ]] && ok "the running server refuses the revoked token" || bad "revoked token still answered $code"
code=$(api "$ADMIN" "$BASE/api/v1/me")
[[ $code == 200 ]] && ok "the admin's token still works" || bad "admin after revoke: $code"

echo "== stopping"
kill -TERM "$SERVER_PID"
wait "$SERVER_PID"
rc=$?
SERVER_PID=
[[ $rc == 0 || $rc == 143 ]] && ok "SIGTERM stops the server cleanly (exit $rc)" || bad "exit status $rc after SIGTERM"

echo "== purging"
if DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq concord-server >"$WORK/apt.log" 2>&1; then
  ok "apt-get purge concord-server"
else
  cat "$WORK/apt.log" >&2
  bad "apt-get purge"
fi
check "no program left" bash -c "[[ ! -e /usr/bin/concord-server && ! -e /usr/lib/concord-server ]]"
check "no configuration or unit left" bash -c "[[ ! -e /etc/concord/server.conf && ! -e /etc/concord/tokens && ! -e /lib/systemd/system/concord-server.service ]]"
check "dpkg knows nothing of it" bash -c "! dpkg -s concord-server"
check "only the state is left (/var/lib/concord)" test -d /var/lib/concord
check "purge said the data was kept and how to delete it" grep -q "rm -rf /var/lib/concord" "$WORK/apt.log"
finish
