#!/usr/bin/env bash
# As root, a checkout under a directory that the postgres user cannot traverse (root's own home is mode 700) must
# still start the private PostgreSQL server: everything the server process opens (data, log, binaries) has to be
# reachable by the user it runs as. This copies ./dev and deploy/ into such a directory and starts PostgreSQL there
# on a spare port. Run by ./dev test when it runs as root; as another user the situation cannot arise.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
if [ "$(id -u)" != 0 ]; then
  echo "not root: a private checkout needs no fallback (nothing to check)"
  exit 0
fi
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=25433
while ! port_free "$port"; do port=$((port + 1)); done

private=$(mktemp -d); chmod 700 "$private"
checkout="$private/jobboard"
mkdir -p "$checkout/.local"
# what ./dev stack start runs: the scripts and the two single-file stack helpers
tar -C "$ROOT" -cf - dev deploy tools/src/main/java/org/jobboard/tools/stack | tar -C "$checkout" -xf -
# the stack's Java libraries are read by root only: share them rather than fetch them again
[ -d "$ROOT/.local/lib" ] && ln -s "$ROOT/.local/lib" "$checkout/.local/lib"
outside="/var/tmp/jobboard-postgres-$(echo "$checkout" | md5sum | cut -c1-8)"
cleanup() {
  (cd "$checkout" && POSTGRES_PORT=$port bash ./dev stack stop postgres >/dev/null 2>&1) || true
  rm -rf "$private" "$outside"
}
trap cleanup EXIT

cd "$checkout"
if ! env -u JOBBOARD_DB_URL POSTGRES_PORT=$port bash ./dev stack start postgres >"$private/start.log" 2>&1; then
  cat "$private/start.log"
  [ -e .local/logs/postgres.log ] && tail -20 .local/logs/postgres.log
  echo "FAIL: PostgreSQL did not start from a checkout inside a mode-700 directory" >&2
  exit 1
fi
fail() { echo "FAIL: $*" >&2; exit 1; }
(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || fail "nothing listens on $port"
grep -q "ready to accept connections" .local/logs/postgres.log || fail ".local/logs/postgres.log does not show the server's own log"
echo "ok: PostgreSQL started as ${JOBBOARD_PG_OS_USER:-postgres} from a checkout under a mode-700 directory (port $port)"
