#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# A private three-node RabbitMQ cluster for mq's cluster tests, all in one directory.
#
#   tests/cluster.sh start DIR         make DIR, start three nodes, cluster them
#   tests/cluster.sh stop DIR          end every process of the cluster, remove DIR
#   tests/cluster.sh kill N DIR        SIGKILL node N's beam (a hard crash); nothing else
#   tests/cluster.sh start-node N DIR  start node N again (it rejoins by itself)
#   tests/cluster.sh status DIR        rabbitmqctl cluster_status on the first running node
#   tests/cluster.sh check DIR         exit 0 when the three nodes run and are clustered;
#                                      else print "N: problem" per sick node, exit 1
#   tests/cluster.sh env DIR           print DIR/env.sh (eval "$(tests/cluster.sh env DIR)")
#
# Like tests/broker.sh (whose pieces this copies), the nodes never touch a
# Debian rabbitmq-server or the private test broker: own node names
# (mqcN-PID@localhost), free loopback ports (AMQP and distribution port per
# node), one private epmd port shared by the three (ERL_EPMD_PORT), one Erlang
# cookie (HOME=DIR).  `start` boots the three nodes in parallel, then joins
# nodes 2 and 3 to node 1 (stop_app, join_cluster, start_app) and waits until
# cluster_status lists three running nodes.  `start-node N` waits until node
# N's cluster_status lists N and every other node whose beam runs (not three:
# a restore may start node 1 while node 2 is still down).  No TLS, no plugins.
#
# DIR/env.sh exports the contract of tests/cluster/_cluster.inc:
#   MQ_CLUSTER_HOST=127.0.0.1
#   MQ_CLUSTER_PORT1 MQ_CLUSTER_PORT2 MQ_CLUSTER_PORT3   AMQP ports of the nodes
#   MQ_CLUSTER_USER=guest MQ_CLUSTER_PASSWORD=guest     (administrator, vhost /)
#   MQ_CLUSTER_NODE1..3   node names (mqc1-PID@localhost ...)
#   MQ_CLUSTER_CTL1..3    executables: rabbitmqctl for node N
#   MQ_CLUSTER_QUEUES1..3 executables: rabbitmq-queues for node N
#   MQ_CLUSTER_PID1..3    beam pids (start-node N updates PIDn; kill N does not)
#   MQ_CLUSTER_DIR        DIR
#   MQ_CLUSTER_SCRIPT     this script (absolute path)
set -euo pipefail

SELF=$(readlink -f "$0")
NODES="1 2 3"

die() { echo "cluster.sh: $*" >&2; exit 1; }
log() { echo "cluster.sh: $*" >&2; }

usage() {
    sed -n '4,13p' "$SELF" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

rmq_sbin() {
    local d
    d=$(ls -d /usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$d" ] && [ -x "$d/rabbitmq-server" ] || die "rabbitmq-server not installed (apt-get install rabbitmq-server)"
    echo "$d"
}

# Prints N distinct free TCP ports from 20000-31999 (copied from broker.sh).
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

# Seconds since the nanosecond timestamp $1, with one decimal.
since() { local d=$(( ($(date +%s%N) - $1) / 100000000 )); echo "$((d / 10)).$((d % 10))"; }

is_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null && ! grep -q '^State:.*[ZX]' "/proc/$1/status" 2>/dev/null; }

check_node_arg() {
    case "$1" in 1 | 2 | 3) ;; *) die "node number must be 1, 2 or 3, not '$1'" ;; esac
}

# The cluster directory, absolute, with a cluster in it.
cluster_dir() {
    [ -f "$1/ports" ] || die "$1: no cluster here"
    (cd "$1" && pwd -P)
}

node_env() { # NODEDIR CMD... -> runs CMD with the node's environment
    local nd=$1
    shift
    # shellcheck disable=SC1091
    (. "$nd/node.env" && "$@")
}

# Pids of every process carrying the marker VAR=VALUE in its environment
# (beams, epmd, erl_child_setup, inet_gethost, server scripts, ctl calls),
# except this script.
marked_pids() {
    local f p
    for f in $(grep -lzxF "$1" /proc/[0-9]*/environ 2>/dev/null); do
        p=${f#/proc/}
        p=${p%/environ}
        [ "$p" = "$$" ] || [ "$p" = "${BASHPID:-$$}" ] || echo "$p"
    done
}

# Ends every process with the marker: KILL (the data is thrown away or, for
# one node, a hard crash is what is asked for), repeated until none is left.
kill_marked() {
    local marker=$1 pids i
    for i in $(seq 1 20); do
        pids=$(marked_pids "$marker")
        [ -z "$pids" ] && return 0
        # shellcheck disable=SC2086
        kill -CONT $pids 2>/dev/null || true
        # shellcheck disable=SC2086
        kill -KILL $pids 2>/dev/null || true
        sleep 0.2
    done
    pids=$(marked_pids "$marker")
    [ -z "$pids" ] || { log "processes left: $pids"; return 1; }
}

beam_pid_of() { # NODEDIR -> pid from the pid file (may be stale)
    [ -s "$1/rabbitmq.pid" ] && tr -dc '0-9' < "$1/rabbitmq.pid" || true
}

write_env_sh() {
    local dir=$1 n
    # shellcheck disable=SC1091
    . "$dir/ports"
    {
        echo "# mq test cluster: source this file (written by tests/cluster.sh)"
        echo "export MQ_CLUSTER_HOST=127.0.0.1"
        echo "export MQ_CLUSTER_USER=guest"
        echo "export MQ_CLUSTER_PASSWORD=guest"
        for n in $NODES; do
            eval "echo \"export MQ_CLUSTER_PORT$n=\$AMQP_PORT$n\""
            eval "echo \"export MQ_CLUSTER_NODE$n='\$NODE$n'\""
            echo "export MQ_CLUSTER_CTL$n='$dir/n$n/ctl'"
            echo "export MQ_CLUSTER_QUEUES$n='$dir/n$n/queues'"
            echo "export MQ_CLUSTER_PID$n=$(beam_pid_of "$dir/n$n")"
        done
        echo "export MQ_CLUSTER_DIR='$dir'"
        echo "export MQ_CLUSTER_SCRIPT='$SELF'"
    } > "$dir/env.sh.tmp.$$"
    mv "$dir/env.sh.tmp.$$" "$dir/env.sh"
}

print_logs() {
    local nd=$1 f
    for f in "$nd"/log/*.log; do
        [ -f "$f" ] || continue
        echo "----- $f (last 60 lines)" >&2
        tail -n 60 "$f" >&2
    done
}

# Writes node N's files (config, env, ctl wrappers).
setup_node() {
    local dir=$1 n=$2 sbin=$3 node=$4 amqp_port=$5 dist_port=$6 epmd_port=$7 nd
    nd="$dir/n$n"
    mkdir -p "$nd/mnesia" "$nd/log"
    # MQ_CLUSTER_MARK (cluster) and MQ_CLUSTER_NODE_MARK (node) are inherited
    # by every process of the node; stop and start-node find leftovers by them.
    cat > "$nd/node.env" <<EOF
export MQ_CLUSTER_MARK='$dir'
export MQ_CLUSTER_NODE_MARK='$nd'
export HOME='$dir'
export RABBITMQ_NODENAME='$node'
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$amqp_port
export RABBITMQ_DIST_PORT=$dist_port
export ERL_EPMD_PORT=$epmd_port
export ERL_EPMD_ADDRESS=127.0.0.1
export ERL_CRASH_DUMP='$nd/log/erl_crash.dump'
export RABBITMQ_MNESIA_BASE='$nd/mnesia'
export RABBITMQ_LOG_BASE='$nd/log'
export RABBITMQ_PID_FILE='$nd/rabbitmq.pid'
export RABBITMQ_CONFIG_FILE='$nd/rabbitmq.conf'
export RABBITMQ_ADVANCED_CONFIG_FILE='$nd/advanced.config'
export RABBITMQ_ENABLED_PLUGINS_FILE='$nd/enabled_plugins'
export RABBITMQ_CONF_ENV_FILE='$nd/rabbitmq-env.conf'
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}'
unset RABBITMQ_ALLOW_INPUT RABBITMQ_USE_LONGNAME LD_PRELOAD
EOF
    : > "$nd/rabbitmq-env.conf"
    echo "[]." > "$nd/advanced.config"
    echo "[]." > "$nd/enabled_plugins"
    cat > "$nd/rabbitmq.conf" <<EOF
listeners.tcp.default = 127.0.0.1:$amqp_port
loopback_users = none
default_user = guest
default_pass = guest
disk_free_limit.absolute = 1MB
log.console = false
log.file.level = info
EOF
    local tool
    for tool in ctl:rabbitmqctl queues:rabbitmq-queues; do
        cat > "$nd/${tool%%:*}" <<EOF
#!/usr/bin/env bash
# ${tool#*:} for node $n ($node) of the mq test cluster in $dir
. '$nd/node.env'
exec '$sbin/${tool#*:}' "\$@"
EOF
        chmod 755 "$nd/${tool%%:*}"
    done
}

# Starts node N's server script in its own session (a Ctrl-C on the caller
# reaches only the caller, whose trap then stops the cluster); returns at once.
spawn_node() {
    local nd=$1 sbin
    sbin=$(rmq_sbin)
    rm -f "$nd/rabbitmq.pid"
    (
        cd "$nd"
        # shellcheck disable=SC1091
        . "$nd/node.env"
        exec setsid "$sbin/rabbitmq-server" >>"$nd/log/startup.log" 2>&1 </dev/null
    ) &
    echo $! > "$nd/server-script.pid"
}

# Waits until the node spawned by spawn_node runs its app (rabbitmqctl wait),
# failing fast when the server script dies.
wait_node() {
    local nd=$1 timeout=${2:-120} sbin server_pid wait_pid rc
    sbin=$(rmq_sbin)
    server_pid=$(cat "$nd/server-script.pid")
    node_env "$nd" "$sbin/rabbitmqctl" wait --timeout "$timeout" "$nd/rabbitmq.pid" \
        >"$nd/log/wait.log" 2>&1 &
    wait_pid=$!
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
    if [ "$rc" -ne 0 ] || ! is_alive "$server_pid" || [ ! -s "$nd/rabbitmq.pid" ]; then
        log "node in $nd did not start (rabbitmqctl wait exit $rc)"
        cat "$nd/log/wait.log" >&2 || true
        print_logs "$nd"
        return 1
    fi
}

# Node N's cluster_status as one line: "<running node names> | <partitions>"
# (names space-separated; partitions "none" or the nodes that report one);
# empty when rabbitmqctl fails.
cluster_view() {
    "$1/n$2/ctl" cluster_status --formatter json 2>/dev/null | python3 -c '
import json, sys
try:
    d = json.load(sys.stdin)
except Exception:
    sys.exit(0)
parts = d.get("partitions") or {}
print(" ".join(sorted(d.get("running_nodes", []))), "|",
      " ".join(sorted(parts)) if parts else "none")' 2>/dev/null || true
}

# Names of the nodes whose beam runs (the ones a cluster view must list).
alive_node_names() {
    local dir=$1 n names=""
    # shellcheck disable=SC1091
    . "$dir/ports"
    for n in $NODES; do
        is_alive "$(beam_pid_of "$dir/n$n")" && eval "names=\"\$names \$NODE$n\""
    done
    echo "$names"
}

# Waits until node N's cluster_status lists as running node N and every
# other node whose beam runs (all three when all run), without partitions.
# (Waiting for three would never end while another node is still down,
# e.g. when a test's restore starts node 1 while node 2 is down too.)
wait_running() {
    local dir=$1 n=$2 end view want name missing
    end=$((SECONDS + ${3:-90}))
    while :; do
        view=$(cluster_view "$dir" "$n")
        want=$(alive_node_names "$dir")
        missing=""
        for name in $want; do
            case " ${view%|*} " in *" $name "*) ;; *) missing="$missing $name" ;; esac
        done
        [ -n "$view" ] && [ -z "$missing" ] && [ "${view#*| }" = none ] && return 0
        [ $SECONDS -lt "$end" ] || { log "cluster_status of node $n: running [${view%|*}], partitions [${view#*| }], not running:${missing:- none}"; \
            "$dir/n$n/ctl" cluster_status >&2 || true; return 1; }
        sleep 0.5
    done
}

start_epmd() {
    local dir=$1 port=$2 epmd
    epmd=$(ls /usr/lib/erlang/erts-*/bin/epmd 2>/dev/null | sort -V | tail -n 1)
    [ -x "$epmd" ] || epmd=$(command -v epmd) || die "epmd not found"
    # The marker makes `stop` find it; -daemon detaches it.
    env MQ_CLUSTER_MARK="$dir" ERL_EPMD_ADDRESS=127.0.0.1 \
        setsid "$epmd" -daemon -port "$port" -address 127.0.0.1 </dev/null >/dev/null 2>&1
}

cmd_start() {
    local dir=$1 sbin ports n i t0 node0 cookie rc pids=()
    t0=$(date +%s%N)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd -P)
    [ -z "$(ls -A "$dir")" ] || die "$dir is not empty"
    sbin=$(rmq_sbin)
    command -v python3 >/dev/null || die "python3 missing"

    # 3 AMQP ports, 3 distribution ports, the epmd port.
    ports=$(free_ports 7) || die "no free ports"
    # shellcheck disable=SC2206
    ports=($ports)
    {
        echo "EPMD_PORT=${ports[6]}"
        for n in $NODES; do
            echo "NODE$n=mqc$n-$$@localhost"
            echo "AMQP_PORT$n=${ports[$((n - 1))]}"
            echo "DIST_PORT$n=${ports[$((n + 2))]}"
        done
    } > "$dir/ports"
    # shellcheck disable=SC1091
    . "$dir/ports"

    # One cookie for the nodes and their rabbitmqctl (HOME=DIR for all).
    cookie=$(python3 -c 'import secrets; print(secrets.token_hex(16).upper())')
    (umask 077; printf '%s' "$cookie" > "$dir/.erlang.cookie")
    chmod 400 "$dir/.erlang.cookie"

    for n in $NODES; do
        eval "setup_node \"\$dir\" $n \"\$sbin\" \"\$NODE$n\" \"\$AMQP_PORT$n\" \"\$DIST_PORT$n\" \"\$EPMD_PORT\""
    done
    # Interrupted: end what was started (DIR stays for `stop`).
    trap 'trap - INT TERM; kill_marked "MQ_CLUSTER_MARK=$dir" || true; exit 130' INT TERM
    start_epmd "$dir" "$EPMD_PORT" || die "epmd did not start"

    # Boot the three nodes at once; each runs standalone first.
    for n in $NODES; do spawn_node "$dir/n$n"; done
    for n in $NODES; do
        wait_node "$dir/n$n" 180 &
        pids+=($!)
    done
    rc=0
    for i in "${pids[@]}"; do wait "$i" || rc=1; done
    [ $rc -eq 0 ] || { kill_marked "MQ_CLUSTER_MARK=$dir" || true; die "a node did not start (logs in $dir)"; }
    log "three nodes up after $(since "$t0") s; clustering"

    # Join 2 and 3 to 1: both stop_app at once, join one after the other
    # (mnesia schema changes), start_app at once.
    node0=$NODE1
    pids=()
    for n in 2 3; do "$dir/n$n/ctl" stop_app >>"$dir/n$n/log/join.log" 2>&1 & pids+=($!); done
    for i in "${pids[@]}"; do wait "$i" || rc=1; done
    for n in 2 3; do
        [ $rc -eq 0 ] || break
        "$dir/n$n/ctl" join_cluster "$node0" >>"$dir/n$n/log/join.log" 2>&1 || rc=1
    done
    pids=()
    for n in 2 3; do
        [ $rc -eq 0 ] || break
        ( "$dir/n$n/ctl" start_app && "$dir/n$n/ctl" await_startup --timeout 120 ) \
            >>"$dir/n$n/log/join.log" 2>&1 & pids+=($!)
    done
    for i in "${pids[@]}"; do wait "$i" || rc=1; done
    if [ $rc -ne 0 ] || ! wait_running "$dir" 1 120; then
        for n in 2 3; do cat "$dir/n$n/log/join.log" >&2 || true; done
        kill_marked "MQ_CLUSTER_MARK=$dir" || true
        die "clustering failed (logs in $dir)"
    fi
    write_env_sh "$dir"
    log "cluster up in $(since "$t0") s: amqp 127.0.0.1:$AMQP_PORT1,$AMQP_PORT2,$AMQP_PORT3 (env: $dir/env.sh)"
}

cmd_stop() {
    local dir=$1 rc=0
    [ -d "$dir" ] || return 0
    dir=$(cd "$dir" && pwd -P)
    kill_marked "MQ_CLUSTER_MARK=$dir" || rc=1
    rm -rf "$dir"
    return $rc
}

cmd_kill() {
    local n=$1 dir pid i
    check_node_arg "$n"
    dir=$(cluster_dir "$2")
    pid=$(beam_pid_of "$dir/n$n")
    is_alive "$pid" || die "node $n is not running"
    kill -KILL "$pid"
    # Gone = every thread gone: the main thread turns zombie first, and the
    # node's sockets close only when its last thread exits.
    for i in $(seq 1 300); do
        grep -h '^State:' /proc/"$pid"/task/*/status 2>/dev/null | grep -qv '[ZX] (' || return 0
        sleep 0.1
    done
    die "node $n (pid $pid) still alive after SIGKILL"
}

cmd_start_node() {
    local n=$1 dir nd pid t0
    check_node_arg "$n"
    dir=$(cluster_dir "$2")
    nd="$dir/n$n"
    t0=$(date +%s%N)
    pid=$(beam_pid_of "$nd")
    is_alive "$pid" && die "node $n is running (pid $pid)"
    # Leftovers of the crashed node (erl_child_setup, the server script).
    kill_marked "MQ_CLUSTER_NODE_MARK=$nd" || die "could not end the old processes of node $n"
    spawn_node "$nd"
    wait_node "$nd" 180 || { kill_marked "MQ_CLUSTER_NODE_MARK=$nd" || true; die "node $n did not start"; }
    wait_running "$dir" "$n" 120 || die "node $n runs but the cluster does not list it with every running node"
    (
        # Serialise env.sh updates of concurrent start-node calls.
        flock 9
        write_env_sh "$dir"
    ) 9>"$dir/env.lock"
    log "node $n up again in $(since "$t0") s (pid $(beam_pid_of "$nd"))"
}

# Exit 0 when all three beams run and each node's cluster_status lists the
# three as running, without partitions; else one line per sick node on
# stdout, "N: what" (down / app not running / sees ... / partitions ...).
cmd_check() {
    local dir n view all name bad=0 missing
    dir=$(cluster_dir "$1")
    # shellcheck disable=SC1091
    . "$dir/ports"
    all=""
    for n in $NODES; do eval "all=\"\$all \$NODE$n\""; done
    for n in $NODES; do
        if ! is_alive "$(beam_pid_of "$dir/n$n")"; then
            echo "$n: down"; bad=1; continue
        fi
        view=$(cluster_view "$dir" "$n")
        if [ -z "$view" ]; then
            echo "$n: no cluster_status (app not running?)"; bad=1; continue
        fi
        missing=""
        for name in $all; do
            case " ${view%|*} " in *" $name "*) ;; *) missing="$missing $name" ;; esac
        done
        if [ -n "$missing" ] || [ "${view#*| }" != none ]; then
            echo "$n: running [${view%% |*}], partitions [${view#*| }]"; bad=1
        fi
    done
    return $bad
}

cmd_status() {
    local dir n
    dir=$(cluster_dir "$1")
    for n in $NODES; do
        if is_alive "$(beam_pid_of "$dir/n$n")"; then
            exec "$dir/n$n/ctl" cluster_status
        fi
    done
    die "no node is running"
}

case "${1:-}" in
    start) [ $# -eq 2 ] || usage; cmd_start "$2" ;;
    stop) [ $# -eq 2 ] || usage; cmd_stop "$2" ;;
    kill) [ $# -eq 3 ] || usage; cmd_kill "$2" "$3" ;;
    start-node) [ $# -eq 3 ] || usage; cmd_start_node "$2" "$3" ;;
    status) [ $# -eq 2 ] || usage; cmd_status "$2" ;;
    check) [ $# -eq 2 ] || usage; cmd_check "$2" ;;
    env) [ $# -eq 2 ] || usage; [ -f "$2/env.sh" ] || die "$2/env.sh missing"; cat "$2/env.sh" ;;
    *) usage ;;
esac
