#!/bin/sh
# Starts the ParLab kernel's JVM (the arguments: java and its options) with the native thread pools sized to
# the CPU quota of the container it runs in.
#
# Why: OpenBLAS and libnd4j's OpenMP pool size themselves from the machine's online CPUs when their libraries
# load, while the JVM's availableProcessors() follows the container's CPU quota. A Binder pod with a quota of
# 1-2 CPUs on a 32-core node would start 32 BLAS threads that share those 1-2 CPUs: oversubscription (lesson
# 03) before the student has typed anything. Where the quota (cgroup v2 cpu.max, or v1 cpu.cfs_quota_us over
# cpu.cfs_period_us, of this process's group) allows fewer CPUs than are online, this sets OMP_NUM_THREADS,
# OPENBLAS_NUM_THREADS and MKL_NUM_THREADS to the quota rounded up, unless the user set them already, and
# PARLAB_CPU_QUOTA to the quota, so the course can show what it did (Machine.current().cpuQuota()).
# Elsewhere (no cgroups, no quota, macOS) it changes nothing. PARLAB_CGROUP_ROOT and PARLAB_PROC_CGROUP
# replace /sys/fs/cgroup and /proc/self/cgroup in tests.
set -u
root=${PARLAB_CGROUP_ROOT:-/sys/fs/cgroup}
self=${PARLAB_PROC_CGROUP:-/proc/self/cgroup}

# prints "QUOTA PERIOD" (microseconds) of the first limited group found, or nothing
quota() {
    [ -r "$self" ] || return 0
    # cgroup v2: "0::/path"; the limit may sit on the group or on any parent
    v2=$(sed -n 's/^0::\(.*\)$/\1/p' "$self" | head -n 1)
    if [ -n "$v2" ] || [ -f "$root/cpu.max" ]; then
        d="$root${v2:-}"
        while :; do
            if [ -r "$d/cpu.max" ]; then
                read -r q p < "$d/cpu.max" || true
                if [ "${q:-max}" != max ] && [ -n "${p:-}" ]; then echo "$q $p"; return 0; fi
            fi
            [ "$d" = "$root" ] || [ "$d" = "/" ] && break
            d=${d%/*}
            [ -n "$d" ] || d=/
        done
    fi
    # cgroup v1: "N:cpu,cpuacct:/path" (or "N:cpu:/path")
    v1=$(sed -n 's/^[0-9]*:\([^:]*,\)\{0,1\}cpu\(,[^:]*\)\{0,1\}:\(.*\)$/\3/p' "$self" | head -n 1)
    for base in "$root/cpu,cpuacct" "$root/cpu" "$root/cpuacct,cpu"; do
        [ -d "$base" ] || continue
        d="$base${v1:-}"
        while :; do
            if [ -r "$d/cpu.cfs_quota_us" ] && [ -r "$d/cpu.cfs_period_us" ]; then
                q=$(cat "$d/cpu.cfs_quota_us"); p=$(cat "$d/cpu.cfs_period_us")
                if [ "$q" -gt 0 ] 2>/dev/null && [ "$p" -gt 0 ] 2>/dev/null; then echo "$q $p"; return 0; fi
            fi
            [ "$d" = "$base" ] && break
            d=${d%/*}
        done
        return 0
    done
}

online() {
    if command -v nproc >/dev/null 2>&1; then nproc --all; else getconf _NPROCESSORS_ONLN 2>/dev/null || echo 0; fi
}

qp=$(quota)
if [ -n "$qp" ]; then
    q=${qp% *}; p=${qp#* }
    cpus=$(( (q + p - 1) / p ))
    [ "$cpus" -ge 1 ] || cpus=1
    if [ "$cpus" -lt "$(online)" ]; then
        : "${OMP_NUM_THREADS:=$cpus}" "${OPENBLAS_NUM_THREADS:=$cpus}" "${MKL_NUM_THREADS:=$cpus}"
        PARLAB_CPU_QUOTA=$(awk -v q="$q" -v p="$p" 'BEGIN { printf "%.2f", q / p }')
        export OMP_NUM_THREADS OPENBLAS_NUM_THREADS MKL_NUM_THREADS PARLAB_CPU_QUOTA
    fi
fi
[ "${PARLAB_LAUNCH_DRY_RUN:-}" = 1 ] && { env | grep -E '^(OMP|OPENBLAS|MKL)_NUM_THREADS=|^PARLAB_CPU_QUOTA=' | sort; exit 0; }
exec "$@"
