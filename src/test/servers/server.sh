#!/usr/bin/env bash
# Starts and stops the other servers the smoke tests (src/test/java/.../servers) deploy the WAR on:
#   server.sh start <wildfly|glassfish|liberty|payara7> <home> <work dir> <war> <library dir> <http port> <admin port> <spare port> x3
#   server.sh stop  <wildfly|glassfish|liberty|payara7> <home> <work dir>
#   server.sh redeploy wildfly <home> <work dir> <war>
#   server.sh stop-all <servers dir>          (post-integration-test: whatever a failed test left running)
# <home> is the distribution unpacked by the build (target/servers/...; for payara7 the Payara Micro
# jar), left untouched: each start
# makes a fresh configuration under <work dir>. Every port is bound to 127.0.0.1. The app's settings
# (APP_BASE_URL, DATA_DIR, DATABASE_URL, SANDBOX_CONTROL_KEY, ...) come from the caller's environment,
# which every server passes on to its JVM. start returns once the server process runs; the caller
# waits for /health. The server's own log is named in <work dir>/log-file. JAVA_HOME, when set, is
# the JDK the server runs on (Payara Micro 7 needs 21 or newer; the others take Java 17).
set -euo pipefail

action=$1
server=${2:-}
home=${3:-}
work=${4:-}

# Fast start-up on a small machine (as for Payara Micro in the tests); JVM_OPTS adds to it.
jvm_flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m ${JVM_OPTS:-}"
# The sandbox control key as a system property too (the app reads either; the environment has it).
key_flag=""
if [ -n "${SANDBOX_CONTROL_KEY:-}" ]; then
  key_flag="-DSANDBOX_CONTROL_KEY=$SANDBOX_CONTROL_KEY"
  jvm_flags="$jvm_flags $key_flag"
fi

pid_of() {
  [ -f "$work/server.pid" ] && cat "$work/server.pid" || true
}

stop_pid() {
  local pid
  pid=$(pid_of)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "$server did not stop in 30 s; killing it" >&2
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$work/server.pid"
}

# The PID of the java process whose command line contains $1 (servers that fork their JVM).
java_pid_with() {
  local marker=$1
  for _ in $(seq 1 100); do
    for proc in /proc/[0-9]*; do
      if tr '\0' ' ' 2>/dev/null < "$proc/cmdline" | grep -q -- "$marker"; then
        if [[ "$(readlink "$proc/exe" 2>/dev/null)" == */java ]]; then
          basename "$proc"
          return 0
        fi
      fi
    done
    sleep 0.2
  done
  return 1
}

start_wildfly() {
  local war=$1 http=$3 admin=$4 spare1=$5 spare2=$6
  rm -rf "$work" && mkdir -p "$work"
  cp -r "$home/standalone" "$work/standalone"
  local config="$work/standalone/configuration/standalone.xml"
  # The app brings its own Jakarta Security identity store and mechanism: WildFly's documented
  # setting for that (same as the CLI in the README).
  # (Undertow's domain only: the EJB subsystem has one of the same name without that attribute.)
  sed -i '/<subsystem xmlns="urn:jboss:domain:undertow/,/<\/subsystem>/ s|<application-security-domain name="other" security-domain="ApplicationDomain"/>|<application-security-domain name="other" security-domain="ApplicationDomain" integrated-jaspi="false"/>|' "$config"
  grep -q 'integrated-jaspi="false"' "$config"
  # The app is served at /, where WildFly shows its welcome page by default.
  sed -i '/<location name="\/" handler="welcome-content"\/>/d' "$config"
  cp "$war" "$work/standalone/deployments/ROOT.war"
  echo "$work/standalone/log/server.log" > "$work/log-file"
  JAVA_OPTS="$jvm_flags -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true" \
  JBOSS_PIDFILE="$work/server.pid" LAUNCH_JBOSS_IN_BACKGROUND=1 \
    nohup "$home/bin/standalone.sh" -Djboss.server.base.dir="$work/standalone" \
      -b 127.0.0.1 -bmanagement 127.0.0.1 -Djboss.http.port="$http" -Djboss.https.port="$spare1" \
      -Djboss.management.http.port="$admin" -Djboss.management.https.port="$spare2" \
      > "$work/console.log" 2>&1 < /dev/null &
  for _ in $(seq 1 100); do
    [ -s "$work/server.pid" ] && break
    sleep 0.2
  done
  [ -s "$work/server.pid" ] || { cat "$work/console.log"; exit 1; }
}

redeploy_wildfly() {
  local war=$1
  # The deployment scanner undeploys and deploys again when the file changes.
  rm -f "$work"/standalone/deployments/ROOT.war.deployed
  cp "$war" "$work/standalone/deployments/ROOT.war"
  touch "$work/standalone/deployments/ROOT.war.dodeploy"
}

start_glassfish() {
  local war=$1 http=$3 admin=$4 spare1=$5 spare2=$6 spare3=$7
  rm -rf "$work" && mkdir -p "$work/domains"
  # The distribution's domain1, copied (creating a domain takes ~25 s of key generation).
  cp -r "$home/glassfish/domains/domain1" "$work/domains/domain1"
  local config="$work/domains/domain1/config/domain.xml"
  local options="<jvm-options>-XX:TieredStopAtLevel=1</jvm-options><jvm-options>-XX:+UseSerialGC</jvm-options>"
  [ -z "$key_flag" ] || options="$options<jvm-options>$key_flag</jvm-options>"
  sed -i \
    -e "s|<network-listener port=\"8080\" |<network-listener address=\"127.0.0.1\" port=\"$http\" |" \
    -e "s|<network-listener port=\"8181\" |<network-listener address=\"127.0.0.1\" port=\"$spare1\" |" \
    -e "s|<network-listener port=\"4848\" |<network-listener address=\"127.0.0.1\" port=\"$admin\" |" \
    -e 's|address="0.0.0.0"|address="127.0.0.1"|g' \
    -e "s|port=\"8686\" name=\"system\"|port=\"$spare2\" name=\"system\"|" \
    -e "s|port=\"3700\" id=\"orb-listener-1\"|port=\"$spare3\" id=\"orb-listener-1\"|" \
    -e '0,/<\/iiop-service>/ s|</iiop-service>|</iiop-service><jms-service type="EMBEDDED" default-jms-host="default_JMS_host"><jms-host name="default_JMS_host" host="127.0.0.1" port="7676" lazy-init="true"/></jms-service>|' \
    -e "s|<jvm-options>-Dosgi.shell.telnet.port=6666</jvm-options>|<jvm-options>-Dosgi.shell.telnet.port=6666</jvm-options>$options|" \
    "$config"
  # Without a jms-service of its own, server-config's JMS broker listens on *:7676. Declared here
  # with host 127.0.0.1 it listens on loopback only (it still starts, on the fixed port 7676,
  # despite lazy-init; the app uses no JMS).
  grep -q 'lazy-init="true"/></jms-service>' "$config"
  echo "$work/domains/domain1/logs/server.log" > "$work/log-file"
  echo "$admin" > "$work/admin-port"
  "$home/bin/asadmin" start-domain --domaindir "$work/domains" domain1 > "$work/console.log" 2>&1 \
    || { cat "$work/console.log"; exit 1; }
  java_pid_with "$work/domains/domain1" > "$work/server.pid"
  "$home/bin/asadmin" --host 127.0.0.1 --port "$admin" deploy --contextroot / --name ROOT "$war" \
    >> "$work/console.log" 2>&1 || { cat "$work/console.log"; tail -n 80 "$work/domains/domain1/logs/server.log"; exit 1; }
}

start_liberty() {
  local war=$1 library=$2 http=$3
  rm -rf "$work" && mkdir -p "$work/usr/servers/smoke"
  local dir="$work/usr/servers/smoke"
  sed -e "s|@HTTP_PORT@|$http|" -e "s|@WAR@|$war|" -e "s|@LIBRARY@|$library|" \
    "$(dirname "$0")/liberty-server.xml" > "$dir/server.xml"
  printf '%s\n' $jvm_flags > "$dir/jvm.options"
  echo "$dir/logs/messages.log" > "$work/log-file"
  WLP_USER_DIR="$work/usr" "$home/bin/server" start smoke > "$work/console.log" 2>&1 \
    || { cat "$work/console.log"; exit 1; }
  cp "$work/usr/servers/.pid/smoke.pid" "$work/server.pid"
}

start_payara7() {
  local war=$1 http=$3
  rm -rf "$work" && mkdir -p "$work"
  echo "$work/console.log" > "$work/log-file"
  # The local preboot file binds the HTTP listener to 127.0.0.1 and turns Payara's own /health,
  # /metrics and /openapi off; --nocluster keeps its data grid to this process.
  nohup "${JAVA_HOME:?Payara Micro 7 needs JAVA_HOME set to a JDK 21 or newer}/bin/java" $jvm_flags \
    -Dhazelcast.socket.bind.any=false -Djava.net.preferIPv4Stack=true -jar "$home" \
    --deploy "$war" --contextroot / --port "$http" --nocluster --rootdir "$work/root" \
    --prebootcommandfile "$(dirname "$0")/../../../docker/preboot-local.asadmin" \
    > "$work/console.log" 2>&1 < /dev/null &
  echo $! > "$work/server.pid"
}

case "$action" in
  start)
    stop_pid # a server left behind by an aborted build
    "start_$server" "${@:5}"
    echo "$server started (pid $(pid_of)); log: $(cat "$work/log-file")"
    ;;
  redeploy)
    "redeploy_$server" "${@:5}"
    ;;
  stop)
    if [ "$server" = liberty ] && [ -d "$work/usr" ]; then
      WLP_USER_DIR="$work/usr" "$home/bin/server" stop smoke >/dev/null 2>&1 || true
    fi
    stop_pid
    echo "$server stopped"
    ;;
  stop-all)
    for pidfile in "$server"/*/server.pid; do
      [ -f "$pidfile" ] || continue
      work=$(dirname "$pidfile") server=$(basename "$work")
      stop_pid
      echo "stopped $server, left running by the smoke tests"
    done
    ;;
  *)
    echo "usage: see the comment at the top of $0" >&2
    exit 2
    ;;
esac
