# shellcheck shell=bash
# The four services, run as packaged jars (quarkus-app) against the local stack. Sourced by ./dev.

SERVICES=(postings-service search-service applications-service gateway)
service_port() {
  case "$1" in
    postings-service) echo "$POSTINGS_PORT";; search-service) echo "$SEARCH_PORT";;
    applications-service) echo "$APPLICATIONS_PORT";; gateway) echo "$GATEWAY_PORT";;
  esac
}
service_port_variable() {
  case "$1" in
    postings-service) echo POSTINGS_PORT;; search-service) echo SEARCH_PORT;;
    applications-service) echo APPLICATIONS_PORT;; gateway) echo GATEWAY_PORT;;
  esac
}
service_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
# where a service answers /q/health: the gateway serves it on its management port only, never on the public one
health_url() {
  case "$1" in
    gateway) echo "http://127.0.0.1:$GATEWAY_MANAGEMENT_PORT/q/health/ready";;
    *) echo "http://127.0.0.1:$(service_port "$1")/q/health/ready";;
  esac
}

# Builds the jars when a source is newer than the packaged jar (or no jar exists).
build_if_stale() {
  if [ -n "${JOBBOARD_SKIP_BUILD:-}" ]; then ok "build skipped (JOBBOARD_SKIP_BUILD)"; return; fi
  local stale=0 service jar
  for service in "${SERVICES[@]}"; do
    jar=$(service_jar "$service")
    if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/$service/src" "$ROOT/$service/pom.xml" "$ROOT"/platform/*/src "$ROOT"/platform/*/pom.xml "$ROOT/platform/pom.xml" "$ROOT/contracts/src" "$ROOT/contracts/pom.xml" "$ROOT/pom.xml" -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
      stale=1
    fi
  done
  if [ $stale = 1 ]; then
    # a running service loads classes from the jars the build replaces (NoSuchMethodError mid-request): it is
    # stopped first and started again from the new build
    local running=()
    for service in "${SERVICES[@]}"; do
      if is_running "$service"; then running+=("$service"); stop_process "$service"; fi
    done
    info "building the services (mvn install -DskipTests; log in .local/logs/build.log)"
    mvn_run -q install -DskipTests >"$LOGS/build.log" 2>&1 || die "build failed; see $LOGS/build.log
$(grep -E 'ERROR' "$LOGS/build.log" | head -20)"
    ok "built"
    # ${a[@]+...}: an empty array under set -u (bash 3.2 on macOS)
    for service in ${running[@]+"${running[@]}"}; do start_service "$service"; done
    for service in ${running[@]+"${running[@]}"}; do wait_service "$service"; done
  else
    ok "services are up to date"
  fi
}

service_env() {
  db_settings
  local name=$1
  echo "QUARKUS_OIDC_AUTH_SERVER_URL=http://127.0.0.1:$KEYCLOAK_PORT/realms/jobboard"
  # the gateway has no Kafka client
  [ "$name" = gateway ] || echo "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT"
  echo "QUARKUS_HTTP_PORT=$(service_port "$name")"
  case "$name" in
    postings-service|applications-service)
      echo "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$DB_HOST:$DB_PORT/${name%-service}"
      echo "QUARKUS_DATASOURCE_USERNAME=$DB_USER"
      echo "QUARKUS_DATASOURCE_PASSWORD=$DB_PASSWORD";;
    search-service)
      echo "JOBBOARD_SEARCH_INDEX_PATH=$LOCAL/search-index";;
    gateway)
      echo "QUARKUS_MANAGEMENT_PORT=$GATEWAY_MANAGEMENT_PORT"
      echo "JOBBOARD_GATEWAY_UPSTREAMS_POSTINGS=${JOBBOARD_GATEWAY_UPSTREAMS_POSTINGS_OVERRIDE:-http://127.0.0.1:$POSTINGS_PORT}"
      echo "JOBBOARD_GATEWAY_UPSTREAMS_SEARCH=http://127.0.0.1:$SEARCH_PORT"
      echo "JOBBOARD_GATEWAY_UPSTREAMS_APPLICATIONS=http://127.0.0.1:$APPLICATIONS_PORT"
      echo "JOBBOARD_GATEWAY_PUBLIC_URL=${JOBBOARD_GATEWAY_PUBLIC_URL:-http://127.0.0.1:$GATEWAY_PORT}"
      echo "JOBBOARD_GATEWAY_REALM_URL=${JOBBOARD_GATEWAY_REALM_URL:-http://127.0.0.1:$KEYCLOAK_PORT/realms/jobboard}";;
  esac
}

start_service() {
  local name=$1 port jar
  port=$(service_port "$name"); jar=$(service_jar "$name")
  if is_running "$name"; then ok "$name already running on $port"; return; fi
  ensure_port_free "$port" "$(service_port_variable "$name")" "$name"
  if [ "$name" = gateway ]; then
    ensure_port_free "$GATEWAY_MANAGEMENT_PORT" GATEWAY_MANAGEMENT_PORT "the gateway's management interface"
  fi
  [ -f "$jar" ] || die "$jar is missing; build first (mvn install -DskipTests)"
  local env_args=()
  while IFS= read -r line; do env_args+=("$line"); done < <(service_env "$name")
  # shellcheck disable=SC2046 # service_jvm_options prints separate words on purpose
  start_process "$name" "$LOGS/$name.log" env "${env_args[@]}" \
    java $(service_jvm_options "$name") -jar "$jar"
}

# Search allocates a few MB per query (postings, highlighting, facet counts) and keeps little: a larger young
# generation means several times fewer collections under load (measured with ./dev bench search).
# <SERVICE>_JAVA_OPTIONS (e.g. GATEWAY_JAVA_OPTIONS, APPLICATIONS_SERVICE_JAVA_OPTIONS) adds options, e.g. a JFR recording.
service_jvm_options() {
  local extra_variable; extra_variable="$(echo "$1" | tr 'a-z-' 'A-Z_')_JAVA_OPTIONS"
  case $1 in
    search-service) echo "-Xms256m -Xmx512m -Xmn128m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError ${!extra_variable:-}";;
    *) echo "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError ${!extra_variable:-}";;
  esac
}
wait_service() {
  local name=$1
  WAIT_PID_NAME=$name wait_until "$name" 120 "$LOGS/$name.log" http_ok "$(health_url "$name")"
}
start_services() {
  local name
  info "starting the services"
  # the gateway fetches the services' OpenAPI documents, so it starts last
  for name in "${SERVICES[@]}"; do start_service "$name"; done
  for name in "${SERVICES[@]}"; do wait_service "$name"; done
}
stop_services() { local name; for name in gateway applications-service search-service postings-service; do stop_process "$name"; done; }
