#!/usr/bin/env bash
# Seeds demo data through the gateway (organizations, published postings). Called by ./dev up.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export ROOT
. "$ROOT/deploy/local/lib.sh"
# the repository keeps the dataset gzip-compressed; JOBBOARD_DATASETS may name a directory with a plain copy
dataset="${JOBBOARD_DATASETS:-$ROOT/data/datasets}/nyc-jobs/NYCJobs_Cleaned.csv"
[ -f "$dataset" ] || dataset="$dataset.gz"
[ -f "$dataset" ] || dataset=-
tools_if_stale # its build output belongs on the console, not in seed.log
info "seeding demo data (log in .local/logs/seed.log)"
run_tool org.jobboard.tools.seed.Seed "http://127.0.0.1:$GATEWAY_PORT" "http://127.0.0.1:$KEYCLOAK_PORT" \
  "$dataset" "${JOBBOARD_SEED_POSTINGS:-300}" >"$LOGS/seed.log" 2>&1 || { tail -5 "$LOGS/seed.log"; exit 1; }
ok "$(tail -1 "$LOGS/seed.log")"
