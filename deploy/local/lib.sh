# shellcheck shell=bash
# Shared pieces of ./dev: configuration, output, process bookkeeping, Maven. Sourced, never run.

ROOT=${ROOT:?}
LOCAL="$ROOT/.local"
RUN="$LOCAL/run"
LOGS="$LOCAL/logs"
mkdir -p "$RUN" "$LOGS"

# Fixed, documented ports; each can be overridden from the environment.
GATEWAY_PORT=${GATEWAY_PORT:-8080}
# the gateway's health and metrics (Quarkus management interface; 9000 is Keycloak's management port here)
GATEWAY_MANAGEMENT_PORT=${GATEWAY_MANAGEMENT_PORT:-9080}
POSTINGS_PORT=${POSTINGS_PORT:-8081}
SEARCH_PORT=${SEARCH_PORT:-8082}
APPLICATIONS_PORT=${APPLICATIONS_PORT:-8083}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
# The private PostgreSQL server (used when JOBBOARD_DB_URL is not set) listens here.
POSTGRES_PORT=${POSTGRES_PORT:-5433}

KAFKA_VERSION=4.1.2
KEYCLOAK_VERSION=26.7.3
MAVEN_VERSION=3.9.12
ZONKY_POSTGRES_VERSION=17.6.0

if [ -t 1 ]; then BOLD=$'\e[1m'; RED=$'\e[31m'; GREEN=$'\e[32m'; DIM=$'\e[2m'; RESET=$'\e[0m'; else BOLD= RED= GREEN= DIM= RESET=; fi
info() { printf '%s==>%s %s\n' "$BOLD" "$RESET" "$*"; }
ok() { printf '    %s✓%s %s\n' "$GREEN" "$RESET" "$*"; }
die() { printf '%serror:%s %s\n' "$RED" "$RESET" "$*" >&2; exit 1; }

require_java17() {
  command -v java >/dev/null 2>&1 || die "java not found: install a JDK 17 or newer and put it on PATH"
  local version
  version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  case "$version" in 1.*|9|10|11|12|13|14|15|16) die "Java $version found, Jobboard needs Java 17 or newer (set JAVA_HOME / PATH)";; esac
}

# --- processes we start: one pid file each; a process is ours while its pid lives and its command line has our marker.
pid_file() { echo "$RUN/$1.pid"; }
is_running() {
  local file pid cmd here token
  file=$(pid_file "$1"); [ -f "$file" ] || return 1
  pid=$(cat "$file"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  cmd=$(tr '\0' '\n' < "/proc/$pid/cmdline" 2>/dev/null) || return 1
  grep -q -F -- "$ROOT" <<<"$cmd" && return 0
  # a .local shared by link between checkouts: ours when a .local the command names is the same folder as ours
  here=$(readlink -f "$LOCAL")
  while IFS= read -r token; do
    [ -n "$token" ] && [ "$(readlink -f "$token")" = "$here" ] && return 0
  done < <(grep -o -E '/[^ :=;]*/\.local' <<<"$cmd" | sort -u)
  return 1
}
# start_process NAME LOGFILE CMD... : a new session, so stop can end the whole process group (scripts and their JVMs).
start_process() {
  local name=$1 log=$2; shift 2
  # descriptors beyond 2 are closed: a daemon must not keep a lock or pipe of whoever started it (e.g. flock)
  setsid "$@" >>"$log" 2>&1 < /dev/null 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- &
  echo $! > "$(pid_file "$name")"
}
stop_process() {
  local name=$1 file pid i
  file=$(pid_file "$name")
  if ! is_running "$name"; then rm -f "$file"; return 0; fi
  pid=$(cat "$file")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
  for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null; fi
  rm -f "$file"
  ok "stopped $name"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# refuse to start on a port someone else holds
ensure_port_free() {
  local port=$1 variable=$2 what=$3
  if port_open "$port"; then
    die "port $port (for $what) is already taken by another program; stop it or set $variable to a free port"
  fi
}

# wait_until NAME TIMEOUT_SECONDS LOG CHECK... : shows progress; on timeout names the piece and its log.
wait_until() {
  local name=$1 timeout=$2 log=$3; shift 3
  local start=$SECONDS
  printf '    waiting for %s ' "$name"
  until "$@" >/dev/null 2>&1; do
    if [ -n "${WAIT_PID_NAME:-}" ] && ! is_running "$WAIT_PID_NAME"; then
      printf '\n'; die "$name exited while starting; see $log (last lines below)
$(tail -n 20 "$log" 2>/dev/null)"
    fi
    if (( SECONDS - start >= timeout )); then
      printf '\n'; die "$name did not become ready within ${timeout}s; see $log"
    fi
    printf '.'; sleep 1
  done
  printf ' %s(%ss)%s\n' "$DIM" "$((SECONDS - start))" "$RESET"
}
http_ok() { curl -fsS -o /dev/null --max-time 2 "$1"; }

# --- Maven: the installed one when it is >= 3.9.12, otherwise 3.9.12 fetched with it into .local/tools.
MVN=
resolve_maven() {
  [ -n "$MVN" ] && return 0
  command -v mvn >/dev/null 2>&1 || die "Maven not found: install Maven 3.8 or newer"
  local version
  version=$(mvn -B -v 2>/dev/null | sed -e 's/\x1b\[[0-9;]*m//g' -n -e 's/^Apache Maven \([0-9.]*\).*/\1/p' | head -1)
  if [ "$(printf '%s\n%s\n' "$MAVEN_VERSION" "$version" | sort -V | head -1)" = "$MAVEN_VERSION" ]; then
    MVN=mvn; return 0
  fi
  local home="$LOCAL/tools/apache-maven-$MAVEN_VERSION"
  if [ ! -x "$home/bin/mvn" ]; then
    info "Maven $version is older than $MAVEN_VERSION: fetching Maven $MAVEN_VERSION into .local/tools"
    mkdir -p "$LOCAL/tools"
    mvn -B -q dependency:copy -Dartifact="org.apache.maven:apache-maven:$MAVEN_VERSION:zip:bin" \
      -DoutputDirectory="$LOCAL/tools" >>"$LOGS/tools.log" 2>&1 || die "could not fetch Maven $MAVEN_VERSION; see $LOGS/tools.log"
    (cd "$LOCAL/tools" && unzip -q -o "apache-maven-$MAVEN_VERSION-bin.zip" && rm -f "apache-maven-$MAVEN_VERSION-bin.zip")
  fi
  MVN="$home/bin/mvn"
}
# One Maven build at a time on this machine (parallel builds of the same modules trample each other's target/).
mvn_run() {
  resolve_maven
  if command -v flock >/dev/null 2>&1; then
    mkdir -p "$LOCAL/run"; flock "$LOCAL/run/maven.lock" "$MVN" -B "$@"
  else
    "$MVN" -B "$@"
  fi
}

# Libraries the stack runs on (Kafka broker and tools, PostgreSQL JDBC driver), fetched once from Maven Central.
STACK_LIB="$LOCAL/lib/stack"
ensure_stack_libs() {
  if [ -f "$STACK_LIB/.complete-$KAFKA_VERSION" ]; then return 0; fi
  info "fetching Kafka $KAFKA_VERSION and tools into .local/lib (once)"
  rm -rf "$STACK_LIB"; mkdir -p "$STACK_LIB"
  mvn_run -q -f "$ROOT/deploy/local/stack-libs/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$STACK_LIB" -DincludeScope=runtime >>"$LOGS/tools.log" 2>&1 \
    || die "could not fetch the stack libraries; see $LOGS/tools.log"
  touch "$STACK_LIB/.complete-$KAFKA_VERSION"
}
# stack_tool NAME ARGS... : one of the stack's own helpers (CreateTopics, CreateDatabases) with the source launcher and
# the stack libraries. ./dev stack start runs them before anything is built (a fresh clone, tests starting the stack
# from inside a Maven build), so they stay single files that need only the JDK, kafka-clients and the JDBC driver; the
# tools module compiles the same files.
STACK_TOOLS="$ROOT/tools/src/main/java/org/jobboard/tools/stack"
stack_tool() {
  local name=$1; shift
  java -cp "$STACK_LIB/*" "$STACK_TOOLS/$name.java" "$@"
}

# --- the tools module (benchmarks, seed, import, drill load): built when stale, run from its jar and the class path
# Maven resolved for it (the reactor's own modules as their target/ jars, so no install is needed).
TOOLS_CLASSPATH_FILE="$ROOT/tools/target/runtime.classpath"
# the tools jar, or nothing before the first build (no failure: callers run under pipefail)
tools_jar() { ls "$ROOT"/tools/target/tools-[0-9]*.jar 2>/dev/null | head -1 || true; }
tools_if_stale() {
  local jar; jar=$(tools_jar)
  if [ -n "${JOBBOARD_SKIP_BUILD:-}" ] && [ -n "$jar" ] && [ -f "$TOOLS_CLASSPATH_FILE" ]; then return 0; fi
  # the class path file is the stamp of the last tools build: the tools and what they compile against (search-service's
  # index, the platform, the contracts), sources and poms (a new dependency changes the class path) older than it
  if [ -n "$jar" ] && [ -f "$TOOLS_CLASSPATH_FILE" ] && [ -z "$(find "$ROOT/tools/src" "$ROOT/tools/pom.xml" \
      "$ROOT/search-service/src/main" "$ROOT/search-service/pom.xml" "$ROOT"/platform/*/src/main "$ROOT"/platform/*/pom.xml \
      "$ROOT/platform/pom.xml" "$ROOT/contracts/src/main" "$ROOT/contracts/pom.xml" "$ROOT/pom.xml" \
      -newer "$TOOLS_CLASSPATH_FILE" -type f -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  info "building the tools (mvn package -pl tools -am; log in .local/logs/tools-build.log)"
  # quarkus.build.skip: the tools need search-service's classes, not a new quarkus-app under a running service
  mvn_run -q -pl tools -am package -DskipTests -Dquarkus.build.skip=true \
    dependency:build-classpath -Dmdep.outputFile=target/runtime.classpath -Dmdep.includeScope=runtime \
    >"$LOGS/tools-build.log" 2>&1 || die "building the tools failed; see $LOGS/tools-build.log
$(grep -E 'ERROR' "$LOGS/tools-build.log" | head -20)"
  touch "$TOOLS_CLASSPATH_FILE" # the stamp, even when the plugin found the written class path unchanged
  ok "tools built"
}
# run_tool CLASS ARGS... : a main class of the tools module, e.g. run_tool org.jobboard.tools.seed.Seed ...
# TOOL_JAVA_OPTIONS: JVM options for this run (word-split on purpose).
run_tool() {
  local main=$1; shift
  tools_if_stale
  # shellcheck disable=SC2086
  java ${TOOL_JAVA_OPTIONS:-} -cp "$(tools_jar):$(cat "$TOOLS_CLASSPATH_FILE")" "$main" "$@"
}
