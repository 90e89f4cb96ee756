#!/usr/bin/env bash
# Builds the ParLab library and registers the "Java (ParLab)" kernel in the Python environment of
# ${PYTHON:-python3}. Binder's postBuild runs this; so does `./parlab setup` (and thus CI).
# Idempotent: a second run rebuilds incrementally and replaces the kernelspec.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

# the newest JDK 21+ builds the library and runs the kernel (./parlab has chosen it already)
if [[ -z "${PARLAB_JAVA_CHOSEN:-}" ]]; then
    JAVA_HOME=$(scripts/find-java.sh) || exit 1
    export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH" PARLAB_JAVA_CHOSEN=1
fi

# the library jar and target/kernel-lib/ (its runtime classpath), without compiling or running the tests
mvn -B -ntp -q package -Dmaven.test.skip=true
"$PYTHON" kernel/install.py "$@"
