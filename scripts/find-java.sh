#!/usr/bin/env bash
# Prints the JAVA_HOME of the JDK the course builds and runs on: the newest JDK 21+ (with javac) among
#   $PARLAB_JAVA_HOME (if set, the only candidate: choose a JDK on purpose), $JAVA_HOME, java on PATH,
#   /usr/lib/jvm/* (Debian, Ubuntu, Fedora), macOS's /usr/libexec/java_home -V list, $CONDA_PREFIX.
# On a line of its own on stderr it says which and why; exits 1 with what it found when none is 21+.
set -uo pipefail
MIN=21

feature() {  # feature version of JAVA_HOME $1, or 0
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/.*java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

candidates=()
if [[ -n "${PARLAB_JAVA_HOME:-}" ]]; then
    candidates=("$PARLAB_JAVA_HOME")
else
    [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
    if j=$(command -v java 2>/dev/null); then
        j=$(readlink -f "$j" 2>/dev/null || echo "$j")   # /usr/bin/java -> /usr/lib/jvm/X/bin/java
        candidates+=("$(dirname "$(dirname "$j")")")
    fi
    for d in /usr/lib/jvm/*/; do [[ -d "$d" ]] && candidates+=("${d%/}"); done
    if [[ -x /usr/libexec/java_home ]]; then
        while read -r d; do [[ -n "$d" ]] && candidates+=("$d"); done \
            < <(/usr/libexec/java_home -V 2>&1 | sed -n 's/.*[[:space:]]\(\/.*\)$/\1/p')
    fi
    [[ -n "${CONDA_PREFIX:-}" ]] && candidates+=("$CONDA_PREFIX")
fi

best="" best_v=0 seen=""
for home in "${candidates[@]}"; do
    [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || continue
    real=$(cd "$home" && pwd -P)
    case " $seen " in *" $real "*) continue ;; esac
    seen="$seen $real"
    v=$(feature "$real"); v=${v:-0}
    found="${found:-}${found:+, }$real (Java $v)"
    if (( v > best_v )); then best=$real best_v=$v; fi
done

if (( best_v < MIN )); then
    echo "no JDK $MIN+ found (found: ${found:-none}); install one (e.g. apt-get install openjdk-25-jdk, brew install openjdk, conda install -c conda-forge openjdk=25) or set PARLAB_JAVA_HOME" >&2
    exit 1
fi
echo "Java $best_v at $best${PARLAB_JAVA_HOME:+ (PARLAB_JAVA_HOME)}" >&2
echo "$best"
