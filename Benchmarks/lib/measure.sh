# Measuring helpers the load benchmark scripts share (sourced): readiness, wrk latency units and the CPU a process
# tree used. wait_for needs WORK (the processes' logs) and HOST_HEADER, and lib/processes.sh's `running`.

to_ms() {
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
        else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.3f", v * 60000 }
        else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
        else { printf "nan" } }'
}

# cpu_ticks PID: user+system CPU (clock ticks) of PID and every process below it (nginx's workers), from /proc.
# Through cat: a process that exits between the glob and the read is skipped (mawk would stop at the missing file).
cpu_ticks() {
    cat /proc/[0-9]*/stat 2> /dev/null | awk -v root="$1" '
        {
            # Field 2 (comm) may hold spaces: count the fields after its closing parenthesis.
            pid = $1; line = $0; sub(/^.*\) /, "", line); split(line, f, " ")
            parent[pid] = f[2]; ticks[pid] = f[12] + f[13]
        }
        END {
            total = 0
            for (pid in ticks) {
                p = pid
                for (depth = 0; depth < 10 && p != "" && p != 0; depth++) {
                    if (p == root) { total += ticks[pid]; break }
                    p = parent[p]
                }
            }
            print total
        }'
}

# wait_for NAME URL TIMEOUT [HOST [CURL ARGS...]]: polls until URL answers 200; fails early if NAME's process died.
wait_for() {
    local name=$1 url=$2 timeout=$3 host=${4:-$HOST_HEADER} deadline code
    shift 4 2> /dev/null || shift $#
    deadline=$((SECONDS + timeout))
    while (( SECONDS < deadline )); do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H "Host: $host" "$@" "$url" || true)
        [[ "$code" == 200 ]] && return 0
        if ! running "$name"; then
            log "$name exited; last lines of $WORK/$name.log:"
            tail -n 15 "$WORK/$name.log" >&2
            return 1
        fi
        sleep 0.5
    done
    log "$name did not answer 200 on $url within ${timeout}s (last status: ${code:-none})"
    tail -n 15 "$WORK/$name.log" >&2
    return 1
}
