#!/usr/bin/env bash
# Serve the atlas to a district: N Streamlit replicas behind nginx, supervised.
#
#   bash scripts/serve-cluster.sh --replicas 2 --port 8500 [--base-url-path atlas]
#                                 [--listen 0.0.0.0] [--run-dir DIR]
#
# Starts replicas of app.py on ports P+1 ... P+N (127.0.0.1) under supervisord, which
# restarts a replica that dies, and nginx on port P in front of them (on 127.0.0.1 unless
# --listen says another address, e.g. 0.0.0.0 for the school's network; sticky sessions by a
# cookie, WebSocket upgrades, passive health checks; deploy/nginx.conf.template). The
# offline atlas (python -m geo export --format html) is made at start and served by nginx at
# /offline/atlas-en.html and /offline/atlas-ko.html (under the prefix, if any).
#
# Runs in the foreground; Ctrl-C or SIGTERM stops nginx, supervisord and every replica.
# The run folder (default: $TMPDIR/atlas-cluster-P) holds the filled-in configuration and
# the logs, and is kept after a stop for reading.
#
# Needs: nginx (Debian's package: apt-get install nginx; it is run as you, with its own
# configuration, pid and logs in the run folder) and the Python packages of requirements.txt
# (supervisor among them).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python3}"

usage() {
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
    exit "${1:-0}"
}

replicas=2
port=8500
prefix=""
run_dir=""
address=127.0.0.1
while [ $# -gt 0 ]; do
    case "$1" in
        --replicas) replicas="${2:?--replicas needs a number}"; shift 2 ;;
        --port) port="${2:?--port needs a number}"; shift 2 ;;
        --base-url-path) prefix="${2?--base-url-path needs a path}"; shift 2 ;;
        --run-dir) run_dir="${2:?--run-dir needs a folder}"; shift 2 ;;
        --listen) address="${2:?--listen needs an address}"; shift 2 ;;
        -h|--help) usage 0 ;;
        *) echo "serve-cluster: unknown argument $1" >&2; usage 2 >&2 ;;
    esac
done
case "$replicas" in ''|*[!0-9]*) echo "serve-cluster: --replicas must be a whole number" >&2; exit 2 ;; esac
case "$port" in ''|*[!0-9]*) echo "serve-cluster: --port must be a whole number" >&2; exit 2 ;; esac
if [ "$replicas" -lt 1 ] || [ $((port + replicas)) -gt 65535 ] || [ "$port" -lt 1 ]; then
    echo "serve-cluster: need at least one replica, and ports $port..$((port + replicas)) must be below 65536" >&2
    exit 2
fi
prefix="$(printf '%s' "$prefix" | sed 's#^/*##; s#/*$##')"
case "$prefix" in *[!A-Za-z0-9._~/-]*)
    echo "serve-cluster: --base-url-path may hold letters, digits, '.', '_', '~', '-' and '/'" >&2; exit 2 ;;
esac

nginx_bin="${NGINX:-$(command -v nginx || true)}"
[ -n "$nginx_bin" ] || { [ -x /usr/sbin/nginx ] && nginx_bin=/usr/sbin/nginx; }
if [ -z "$nginx_bin" ]; then
    cat >&2 <<'MSG'
serve-cluster: nginx is not installed. Install Debian's package:

    sudo apt-get update && sudo apt-get install nginx

(The cluster runs its own nginx as you, with its configuration in the run folder; the
system's nginx service is not used and may stay stopped: sudo systemctl disable --now nginx.)
MSG
    exit 1
fi
if ! "$PYTHON" -c "import supervisor, streamlit" 2>/dev/null; then
    echo "serve-cluster: supervisor or streamlit is missing for $PYTHON: pip install -r requirements.txt" >&2
    exit 1
fi
for p in $(seq "$port" $((port + replicas))); do
    if "$PYTHON" - "$p" <<'PY'
import socket, sys
with socket.socket() as s:
    s.settimeout(0.5)
    sys.exit(0 if s.connect_ex(("127.0.0.1", int(sys.argv[1]))) == 0 else 1)
PY
    then
        echo "serve-cluster: port $p is in use; choose another --port (the cluster uses $port..$((port + replicas)))" >&2
        exit 1
    fi
done

run_dir="${run_dir:-${TMPDIR:-/tmp}/atlas-cluster-$port}"
mkdir -p "$run_dir"
run_dir="$(cd "$run_dir" && pwd)"
if [ -S "$run_dir/supervisor.sock" ] && [ -f "$run_dir/supervisord.pid" ] \
        && kill -0 "$(cat "$run_dir/supervisord.pid")" 2>/dev/null; then
    echo "serve-cluster: a cluster is already running from $run_dir (supervisord $(cat "$run_dir/supervisord.pid"))" >&2
    exit 1
fi
rm -rf "$run_dir/nginx" "$run_dir/www" "$run_dir/logs" "$run_dir"/supervisor*
mkdir -p "$run_dir"/nginx/tmp "$run_dir"/www/offline "$run_dir"/logs
chmod 700 "$run_dir"

# ---- fill in the templates -------------------------------------------------------------
# The replicas' lines of the nginx configuration: the balanced group for new visitors,
# one group per replica (itself first, the others as backups), the cookie's routes.
names="" programs="" servers="" upstreams="" routes="" answered=""
health="max_fails=1 fail_timeout=5s"
for i in $(seq 1 "$replicas"); do
    names="${names:+$names,}replica-$i"
    servers="$servers        server 127.0.0.1:$((port + i)) $health;"$'\n'
    routes="$routes        replica-$i atlas_replica_$i;"$'\n'
    answered="$answered        \"~(^|, )127\\.0\\.0\\.1:$((port + i))\$\" replica-$i;"$'\n'
    upstreams="$upstreams    upstream atlas_replica_$i {"$'\n'"        zone atlas_replica_$i 64k;"$'\n'
    upstreams="$upstreams        server 127.0.0.1:$((port + i)) $health;"$'\n'
    for j in $(seq 1 "$replicas"); do
        [ "$j" = "$i" ] || upstreams="$upstreams        server 127.0.0.1:$((port + j)) $health backup;"$'\n'
    done
    upstreams="$upstreams    }"$'\n'
done
secret="$("$PYTHON" -c 'import secrets; print(secrets.token_hex(32))')"
export ATLAS_RUN="$run_dir" ATLAS_ROOT="$ROOT" ATLAS_PYTHON="$(command -v "$PYTHON")" ATLAS_NGINX="$nginx_bin"
export ATLAS_PREFIX="${prefix:+/$prefix}" ATLAS_BASE_URL_PATH="$prefix" ATLAS_LISTEN="$address:$port"
export ATLAS_SERVERS="${servers%$'\n'}" ATLAS_UPSTREAMS="${upstreams%$'\n'}" ATLAS_ROUTES="${routes%$'\n'}"
export ATLAS_ANSWERED="${answered%$'\n'}" ATLAS_REPLICA_NAMES="$names" ATLAS_COOKIE_SECRET="$secret"
export ATLAS_SUPERVISOR_PASSWORD="$("$PYTHON" -c 'import secrets; print(secrets.token_hex(16))')"
# Started as root, nginx would hand its workers to 'nobody', who cannot read the run folder.
# (supervisord says so in its log unless told that root is meant.)
export ATLAS_USER_LINE="" ATLAS_SUPERVISOR_USER_LINE=""
if [ "$(id -u)" = 0 ]; then ATLAS_USER_LINE="user root;" ATLAS_SUPERVISOR_USER_LINE="user=root"; fi

render() {  # render TEMPLATE OUT: replace ${ATLAS_NAME} by that variable, nothing else
    "$PYTHON" - "$1" "$2" <<'PY'
import os, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
def value(match):
    name = match.group(1)
    if name not in os.environ:
        sys.exit(f"serve-cluster: {sys.argv[1]} names ${{{name}}}, which the script does not set")
    return os.environ[name]
open(sys.argv[2], "w", encoding="utf-8").write(re.sub(r"\$\{(ATLAS_[A-Z_]+)\}", value, text))
PY
}
for i in $(seq 1 "$replicas"); do
    ATLAS_REPLICA="replica-$i" ATLAS_REPLICA_PORT=$((port + i)) ATLAS_REPLICA_ADDRESS=127.0.0.1 \
        render "$ROOT/deploy/replica.conf.template" "$run_dir/replica-$i.conf"
    programs="$programs$(cat "$run_dir/replica-$i.conf")"$'\n\n'
    rm "$run_dir/replica-$i.conf"
done
export ATLAS_REPLICA_PROGRAMS="$programs"
render "$ROOT/deploy/nginx.conf.template" "$run_dir/nginx/nginx.conf"
render "$ROOT/deploy/supervisord.conf.template" "$run_dir/supervisord.conf"
if ! "$nginx_bin" -t -q -p "$run_dir/nginx/" -e "$run_dir/logs/nginx-error.log" -c "$run_dir/nginx/nginx.conf"; then
    echo "serve-cluster: nginx rejected $run_dir/nginx/nginx.conf (see above)" >&2
    exit 1
fi

# ---- start -----------------------------------------------------------------------------
supervisord_pid=""
helpers=()
stop() {
    trap - INT TERM
    for helper in "${helpers[@]}"; do kill "$helper" 2>/dev/null || true; done
    if [ -n "$supervisord_pid" ] && kill -0 "$supervisord_pid" 2>/dev/null; then
        echo "serve-cluster: stopping nginx and the replicas ..."
        kill -TERM "$supervisord_pid" 2>/dev/null || true
        wait "$supervisord_pid" 2>/dev/null || true
    fi
    echo "serve-cluster: stopped (logs in $run_dir/logs)"
    exit "${1:-0}"
}
trap 'stop 130' INT
trap 'stop 143' TERM

# In its own session, so that Ctrl-C reaches only this script, which then stops supervisord
# and through it nginx first and the replicas after.
setsid "$PYTHON" -m supervisor.supervisord -c "$run_dir/supervisord.conf" &
supervisord_pid=$!
echo "serve-cluster: supervisord $supervisord_pid starting $replicas replicas (ports $((port + 1))-$((port + replicas))) and nginx (port $port)"

# The offline atlas, made while the replicas start; then wait until everything answers.
here="$address"   # where this machine reaches nginx
case "$address" in 0.0.0.0|'*'|'[::]') here=127.0.0.1 ;; esac
"$PYTHON" "$ROOT/deploy/cluster_ready.py" --run-dir "$run_dir" --url "http://$here:$port${ATLAS_PREFIX}" \
    --replicas "$replicas" --port "$port" --prefix "$ATLAS_PREFIX" --supervisord "$supervisord_pid" &
helpers+=($!)

wait "$supervisord_pid" || status=$?
supervisord_pid=""
echo "serve-cluster: supervisord exited (status ${status:-0}); see $run_dir/logs" >&2
exit "${status:-1}"
