#!/usr/bin/env bash
# examples/pricing-demand/try.sh: shows the example doing what a user would do with it. Starts the
# application (headless) on a fresh data folder, drops this example's jar into <data>/deploy/ while it
# runs, waits until the payment catalog says the 'demand' policy is active, deletes the jar, and waits
# until the built-in 'flat' policy is back. Exit status 0 when both happened.
#
# Usage: examples/pricing-demand/try.sh   (env W3T: another launcher than ./web3torrent)
# Needs: java 17 + maven; the example's jar is built first (mvn -o -pl examples/pricing-demand package).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
w3t="${W3T:-$root/web3torrent}"
die() { echo "try: $*" >&2; exit 1; }

jar="$(ls "$here"/target/pricing-demand-*.jar 2>/dev/null | head -1 || true)"
if [ -z "$jar" ]; then
  (cd "$root" && mvn -q -B -o -pl examples/pricing-demand package -DskipTests) || die "the example did not build"
  jar="$(ls "$here"/target/pricing-demand-*.jar | head -1)"
fi

data="$(mktemp -d -t w3t-try-demand.XXXXXX)"
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

log="$data/logs/web3torrent.log"
# The pricing policy the payment catalog last said is active.
active_pricing() { grep -E "active pricing policy is now" "$log" 2>/dev/null | tail -n 1 | sed -nE "s/.*is now '([^']*)'.*/\1/p"; }
# Waits (60 s at most) until the active pricing policy is NAME, or (with "ready") until the app is up.
wait_for() {
  for _ in $(seq 1 600); do
    if [ "$1" = ready ]; then grep -q "web3torrent ready in" "$log" 2>/dev/null && return 0
    elif [ "$(active_pricing)" = "$1" ]; then return 0; fi
    kill -0 "$app" 2>/dev/null || die "the application exited; see $data"
    sleep 0.1
  done
  tail -n 20 "$log" >&2 || true
  die "timed out waiting for: $1"
}

"$w3t" --data "$data" --headless < /dev/null > "$data/app.out" 2>&1 &
app=$!
wait_for ready
echo "running: the active pricing policy is '$(active_pricing)'"

cp "$jar" "$data/deploy/"
wait_for demand
echo "dropped $(basename "$jar") into deploy/: the active pricing policy is now 'demand'"

rm "$data/deploy/$(basename "$jar")"
wait_for flat
echo "removed it: the active pricing policy is 'flat' again"
