#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# A private RabbitMQ node for mq's tests, all of it inside one directory.
#
#   tests/broker.sh start DIR      make DIR, certificates, config; start the node
#   tests/broker.sh stop DIR       stop the node, end all its processes, remove DIR
#   tests/broker.sh restart DIR    stop the node and start it again (same ports,
#                                  node name and data; env.sh gets the new pid)
#   tests/broker.sh restart-app DIR  rabbitmqctl stop_app + start_app (same pid)
#   tests/broker.sh env DIR        print DIR/env.sh (eval "$(tests/broker.sh env DIR)")
#
# The node never touches a Debian rabbitmq-server on 5672 (rabbit@host): it has
# its own node name (mqtest-PID-RANDOM@localhost), free loopback ports, its own
# Erlang cookie (HOME=DIR) and its own epmd on a private port (ERL_EPMD_PORT),
# which `stop` ends together with every other process of this node.
#
# DIR/env.sh exports the test contract:
#   MQ_TEST_HOST=127.0.0.1  MQ_TEST_PORT  MQ_TEST_TLS_PORT
#       (MQ_TEST_PORT serves AMQP 0-9-1 and, through the rabbitmq_amqp1_0
#       plugin, AMQP 1.0)
#   MQ_TEST_USER=guest  MQ_TEST_PASSWORD=guest   (administrator, vhosts / and mqtest)
#   MQ_TEST_VHOST2=mqtest
#   MQ_TEST_LIMITED_USER=limited  MQ_TEST_LIMITED_PASSWORD=limited
#       (on "/": configure "^$", write "^$", read ".*"; nothing on mqtest)
#   MQ_TEST_CA  MQ_TEST_WRONG_CA              CA files (PEM); the wrong one is unrelated
#   MQ_TEST_CLIENT_CERT  MQ_TEST_CLIENT_KEY   client certificate signed by MQ_TEST_CA
#   MQ_TEST_WRONG_CLIENT_CERT  MQ_TEST_WRONG_CLIENT_KEY  client cert by the wrong CA
#   MQ_TEST_EXTERNAL_USER   the client cert's DN as RabbitMQ renders it (SASL EXTERNAL user)
#   MQ_TEST_CTL             executable: rabbitmqctl for this node ($MQ_TEST_CTL list_queues)
#   MQ_TEST_BROKER_PID      pid of the node's beam process (SIGSTOP/SIGKILL tests)
#   MQ_TEST_BROKER_DIR      DIR
set -euo pipefail

SELF=$(readlink -f "$0")

die() { echo "broker.sh: $*" >&2; exit 1; }

usage() {
    sed -n '4,11p' "$SELF" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

rmq_sbin() {
    local d
    d=$(ls -d /usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$d" ] && [ -x "$d/rabbitmq-server" ] || die "rabbitmq-server not installed (apt-get install rabbitmq-server)"
    echo "$d"
}

# Prints N distinct free TCP ports from 20000-31999 (below Linux's ephemeral
# range, away from RabbitMQ's and epmd's defaults).  Free = bindable on
# 0.0.0.0 without SO_REUSEADDR, which also fails while 127.0.0.1:p is bound.
free_ports() {
    python3 - "$1" <<'EOF'
import random, socket, sys
n = int(sys.argv[1])
avoid = {25672, 4369, 5671, 5672, 15672, 15671, 25671, 35672}
got = []
for _ in range(5000):
    p = random.randint(20000, 31999)
    if p in avoid or p in got:
        continue
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.bind(("0.0.0.0", p))
    except OSError:
        continue
    finally:
        s.close()
    got.append(p)
    if len(got) == n:
        print(" ".join(map(str, got)))
        sys.exit(0)
sys.exit("no free ports")
EOF
}

make_certs() {
    local t=$1 subj_client=$2
    mkdir -p "$t"
    (
        cd "$t"
        umask 077
        # The CA, and an unrelated second CA for the wrong-CA tests.
        for ca in ca wrong-ca; do
            openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 \
                -keyout "$ca.key" -out "$ca.pem" -subj "/O=mq/CN=mq test $ca" \
                -addext "basicConstraints=critical,CA:TRUE" \
                -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
        done
        cat > server.ext <<'EOF'
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1, IP:0:0:0:0:0:0:0:1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
        cat > client.ext <<'EOF'
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
        # name  CA  subject  extensions
        while read -r name ca subj ext; do
            openssl req -new -newkey rsa:2048 -nodes -sha256 -keyout "$name.key" \
                -out "$name.csr" -subj "$subj" 2>/dev/null
            openssl x509 -req -in "$name.csr" -CA "$ca.pem" -CAkey "$ca.key" \
                -set_serial "0x$(openssl rand -hex 8)" -days 3650 -sha256 \
                -extfile "$ext" -out "$name.pem" 2>/dev/null
            rm -f "$name.csr"
        done <<EOF
server ca /O=mq/CN=localhost server.ext
client ca $subj_client client.ext
wrong-client wrong-ca $subj_client client.ext
EOF
        # Readable by whoever runs the tests (the CA keys stay private).
        chmod 644 ./*.pem server.key client.key wrong-client.key
    )
}

# RabbitMQ renders a certificate subject as an RFC 4514 string: the RDNs in
# reverse order of the certificate, comma separated, without spaces.
rabbit_dn() { # "/C=PT/O=mq/CN=x" -> "CN=x,O=mq,C=PT"
    echo "$1" | tr '/' '\n' | sed '/^$/d' | tac | paste -sd, -
}

node_env() { # DIR -> runs the rest of the args with the node's environment
    local dir=$1
    shift
    # shellcheck disable=SC1091
    (. "$dir/node.env" && "$@")
}

is_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# Pids of every process carrying this node's marker (beam, epmd,
# erl_child_setup, inet_gethost, the server script, ctl calls), excluding
# ourselves.
node_pids() {
    local dir=$1 f p
    for f in $(grep -lzxF "MQ_BROKER_NODE_DIR=$dir" /proc/[0-9]*/environ 2>/dev/null); do
        p=${f#/proc/}
        p=${p%/environ}
        [ "$p" = "$$" ] || [ "$p" = "${BASHPID:-$$}" ] || echo "$p"
    done
}

write_env_sh() {
    local dir=$1 beam_pid=$2
    # shellcheck disable=SC1091
    . "$dir/ports"
    cat > "$dir/env.sh.tmp" <<EOF
# mq test broker: source this file (written by tests/broker.sh)
export MQ_TEST_HOST=127.0.0.1
export MQ_TEST_PORT=$AMQP_PORT
export MQ_TEST_TLS_PORT=$TLS_PORT
export MQ_TEST_USER=guest
export MQ_TEST_PASSWORD=guest
export MQ_TEST_VHOST2=mqtest
export MQ_TEST_LIMITED_USER=limited
export MQ_TEST_LIMITED_PASSWORD=limited
export MQ_TEST_CA='$dir/tls/ca.pem'
export MQ_TEST_WRONG_CA='$dir/tls/wrong-ca.pem'
export MQ_TEST_CLIENT_CERT='$dir/tls/client.pem'
export MQ_TEST_CLIENT_KEY='$dir/tls/client.key'
export MQ_TEST_WRONG_CLIENT_CERT='$dir/tls/wrong-client.pem'
export MQ_TEST_WRONG_CLIENT_KEY='$dir/tls/wrong-client.key'
export MQ_TEST_EXTERNAL_USER='$EXTERNAL_USER'
export MQ_TEST_CTL='$dir/ctl'
export MQ_TEST_BROKER_PID=$beam_pid
export MQ_TEST_BROKER_DIR='$dir'
EOF
    mv "$dir/env.sh.tmp" "$dir/env.sh"
}

print_logs() {
    local dir=$1 f
    for f in "$dir"/log/*.log; do
        [ -f "$f" ] || continue
        echo "----- $f (last 80 lines)" >&2
        tail -n 80 "$f" >&2
    done
}

# Ends every process of the node: beam by its pid, then everything with the
# node's marker (TERM, then KILL).
kill_node_processes() {
    local dir=$1 pids i
    for i in 1 2 3 4 5 6 7 8 9 10; do
        pids=$(node_pids "$dir")
        [ -z "$pids" ] && return 0
        # shellcheck disable=SC2086
        kill -CONT $pids 2>/dev/null || true
        if [ "$i" -lt 5 ]; then
            # shellcheck disable=SC2086
            kill -TERM $pids 2>/dev/null || true
        else
            # shellcheck disable=SC2086
            kill -KILL $pids 2>/dev/null || true
        fi
        sleep 0.5
    done
    pids=$(node_pids "$dir")
    [ -z "$pids" ] || { echo "broker.sh: processes left: $pids" >&2; return 1; }
}

# Starts the configured node in DIR and waits until it runs.
boot_node() {
    local dir=$1 sbin server_pid wait_pid rc beam_pid
    sbin=$(rmq_sbin)
    rm -f "$dir/rabbitmq.pid"
    # The server script in its own session, so that a Ctrl-C on the caller
    # reaches only the caller, whose trap then stops the node.
    (
        cd "$dir"
        # shellcheck disable=SC1091
        . "$dir/node.env"
        exec setsid "$sbin/rabbitmq-server" >>"$dir/log/startup.log" 2>&1 </dev/null
    ) &
    server_pid=$!
    echo "$server_pid" > "$dir/server-script.pid"

    node_env "$dir" "$sbin/rabbitmqctl" wait --timeout 90 "$dir/rabbitmq.pid" \
        >"$dir/log/wait.log" 2>&1 &
    wait_pid=$!
    # Fail fast when the server dies before `wait` gives up.
    while is_alive "$wait_pid"; do
        if ! is_alive "$server_pid"; then
            sleep 1
            is_alive "$wait_pid" && kill "$wait_pid" 2>/dev/null
            break
        fi
        sleep 0.3
    done
    rc=0
    wait "$wait_pid" || rc=$?
    if [ "$rc" -ne 0 ] || ! is_alive "$server_pid" || [ ! -s "$dir/rabbitmq.pid" ]; then
        echo "broker.sh: the node did not start (rabbitmqctl wait exit $rc)" >&2
        cat "$dir/log/wait.log" >&2 || true
        print_logs "$dir"
        kill_node_processes "$dir" || true
        return 1
    fi
    beam_pid=$(tr -dc '0-9' < "$dir/rabbitmq.pid")
    write_env_sh "$dir" "$beam_pid"
}

cmd_start() {
    local dir=$1 node ports amqp_port tls_port dist_port epmd_port subj ext_user sbin
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd -P)
    [ -z "$(ls -A "$dir")" ] || die "$dir is not empty"
    sbin=$(rmq_sbin)
    command -v openssl >/dev/null || die "openssl missing"
    command -v python3 >/dev/null || die "python3 missing"

    node="mqtest-$$-$RANDOM@localhost"
    ports=$(free_ports 4) || die "no free ports"
    read -r amqp_port tls_port dist_port epmd_port <<<"$ports"
    subj="/C=PT/O=mq/CN=mq-test-client"
    ext_user=$(rabbit_dn "$subj")

    mkdir -p "$dir/mnesia" "$dir/log"
    make_certs "$dir/tls" "$subj"

    cat > "$dir/ports" <<EOF
AMQP_PORT=$amqp_port
TLS_PORT=$tls_port
DIST_PORT=$dist_port
EPMD_PORT=$epmd_port
NODE=$node
EXTERNAL_USER='$ext_user'
EOF

    # Everything the server script and rabbitmqctl need.  The marker variable
    # MQ_BROKER_NODE_DIR is inherited by all processes of the node; `stop`
    # finds leftovers by it.
    cat > "$dir/node.env" <<EOF
export MQ_BROKER_NODE_DIR='$dir'
export HOME='$dir'
export RABBITMQ_NODENAME='$node'
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$amqp_port
export RABBITMQ_DIST_PORT=$dist_port
export ERL_EPMD_PORT=$epmd_port
export ERL_EPMD_ADDRESS=127.0.0.1
export ERL_CRASH_DUMP='$dir/log/erl_crash.dump'
export RABBITMQ_MNESIA_BASE='$dir/mnesia'
export RABBITMQ_LOG_BASE='$dir/log'
export RABBITMQ_PID_FILE='$dir/rabbitmq.pid'
export RABBITMQ_CONFIG_FILE='$dir/rabbitmq.conf'
export RABBITMQ_ADVANCED_CONFIG_FILE='$dir/advanced.config'
export RABBITMQ_ENABLED_PLUGINS_FILE='$dir/enabled_plugins'
export RABBITMQ_CONF_ENV_FILE='$dir/rabbitmq-env.conf'
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}'
unset RABBITMQ_ALLOW_INPUT RABBITMQ_USE_LONGNAME
EOF
    : > "$dir/rabbitmq-env.conf"
    echo "[]." > "$dir/advanced.config"
    echo "[rabbitmq_auth_mechanism_ssl,rabbitmq_amqp1_0]." > "$dir/enabled_plugins"

    # ssl_handshake_timeout: RabbitMQ's 5 s default closed TLS connects of
    # the valgrind pass under a heavy load (OpenSSL's key operations under
    # valgrind take seconds); 60 s only turns a hang into a failure.
    cat > "$dir/rabbitmq.conf" <<EOF
listeners.tcp.default = 127.0.0.1:$amqp_port
listeners.ssl.default = 127.0.0.1:$tls_port
ssl_options.cacertfile = $dir/tls/ca.pem
ssl_options.certfile = $dir/tls/server.pem
ssl_options.keyfile = $dir/tls/server.key
ssl_options.verify = verify_peer
ssl_options.fail_if_no_peer_cert = false
ssl_handshake_timeout = 60000
auth_mechanisms.1 = PLAIN
auth_mechanisms.2 = EXTERNAL
ssl_cert_login_from = distinguished_name
loopback_users = none
load_definitions = $dir/definitions.json
disk_free_limit.absolute = 1MB
log.console = false
log.file.level = info
EOF

    python3 - "$dir/definitions.json" "$ext_user" <<'EOF'
import json, sys
path, ext_user = sys.argv[1], sys.argv[2]
full = {"configure": ".*", "write": ".*", "read": ".*"}
d = {
    "users": [
        {"name": "guest", "password": "guest", "tags": ["administrator"]},
        {"name": "limited", "password": "limited", "tags": []},
        {"name": ext_user, "password_hash": "", "tags": []},
    ],
    "vhosts": [{"name": "/"}, {"name": "mqtest"}],
    "permissions": [
        dict(user="guest", vhost="/", **full),
        dict(user="guest", vhost="mqtest", **full),
        {"user": "limited", "vhost": "/", "configure": "^$", "write": "^$", "read": ".*"},
        dict(user=ext_user, vhost="/", **full),
    ],
}
with open(path, "w") as f:
    json.dump(d, f, indent=2)
EOF

    cat > "$dir/ctl" <<EOF
#!/usr/bin/env bash
# rabbitmqctl for the mq test node in $dir
. '$dir/node.env'
exec '$sbin/rabbitmqctl' "\$@"
EOF
    chmod 755 "$dir/ctl"

    boot_node "$dir" || exit 1
    echo "broker.sh: node $node up: amqp 127.0.0.1:$amqp_port, tls 127.0.0.1:$tls_port (env: $dir/env.sh)" >&2
}

stop_node() {
    local dir=$1 sbin
    sbin=$(rmq_sbin)
    local beam=""
    [ -s "$dir/rabbitmq.pid" ] && beam=$(tr -dc '0-9' < "$dir/rabbitmq.pid")
    if is_alive "$beam"; then
        # A test may have left the node SIGSTOPped.
        kill -CONT "$beam" 2>/dev/null || true
        node_env "$dir" timeout 60 "$sbin/rabbitmqctl" stop "$dir/rabbitmq.pid" \
            >>"$dir/log/stop.log" 2>&1 || true
    fi
    kill_node_processes "$dir"
}

cmd_stop() {
    local dir=$1 rc=0
    [ -d "$dir" ] || return 0
    dir=$(cd "$dir" && pwd -P)
    if [ -f "$dir/node.env" ]; then
        stop_node "$dir" || rc=1
    fi
    rm -rf "$dir"
    return $rc
}

cmd_restart() {
    local dir=$1
    [ -f "$dir/node.env" ] || die "$dir: no broker here"
    dir=$(cd "$dir" && pwd -P)
    stop_node "$dir" || die "could not stop the node"
    boot_node "$dir" || exit 1
}

cmd_restart_app() {
    local dir=$1
    [ -f "$dir/node.env" ] || die "$dir: no broker here"
    "$dir/ctl" stop_app >/dev/null
    "$dir/ctl" start_app >/dev/null
    "$dir/ctl" await_startup --timeout 60 >/dev/null
}

[ $# -eq 2 ] || usage
case "$1" in
    start) cmd_start "$2" ;;
    stop) cmd_stop "$2" ;;
    restart) cmd_restart "$2" ;;
    restart-app) cmd_restart_app "$2" ;;
    env) [ -f "$2/env.sh" ] || die "$2/env.sh missing"; cat "$2/env.sh" ;;
    *) usage ;;
esac
