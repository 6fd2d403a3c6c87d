# Process handling the benchmark scripts share (sourced). The script sets ROOT (the repository), WORK (a directory
# for the processes' logs) and LOG_TAG before sourcing; PIN=0 runs processes unpinned, STOP_GRACE (tenths of a
# second, default 50) is how long a stopped process gets before SIGKILL. Every process still running is stopped on exit.

declare -A PIDS=()

log() { printf '[%s] %s\n' "$LOG_TAG" "$*" >&2; }

# The Release build output of a project directory, e.g. $(bin Gateway).
bin() { echo "$ROOT/$1/bin/Release/net10.0"; }

# start NAME DIR CPUS COMMAND...: runs COMMAND in DIR in the background (on CPUS unless PIN=0), output to $WORK/NAME.log.
start() {
    local name=$1 dir=$2 cpus=$3
    shift 3
    if [[ "${PIN:-1}" == 1 ]]; then
        (cd "$dir" && exec taskset -c "$cpus" "$@") > "$WORK/$name.log" 2>&1 &
    else
        (cd "$dir" && exec "$@") > "$WORK/$name.log" 2>&1 &
    fi
    PIDS[$name]=$!
}

stop() {
    local name=$1 pid=${PIDS[$1]:-}
    [[ -z "$pid" ]] && return 0
    if kill -0 "$pid" 2> /dev/null; then
        kill -TERM "$pid" 2> /dev/null
        for _ in $(seq 1 "${STOP_GRACE:-50}"); do
            kill -0 "$pid" 2> /dev/null || break
            sleep 0.1
        done
        kill -KILL "$pid" 2> /dev/null || true
    fi
    wait "$pid" 2> /dev/null || true
    unset "PIDS[$name]"
}

running() { kill -0 "${PIDS[$1]}" 2> /dev/null; }

port_free() { ! (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }

cleanup() {
    for name in "${!PIDS[@]}"; do stop "$name"; done
    log "logs kept in $WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
