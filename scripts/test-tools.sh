#!/usr/bin/env bash
# Installs the system tools two test files use, when they are missing (./parlab test and ./parlab setup run it;
# a second run only looks):
#
#   * chromium: Debian's Chromium, which tests/test_browser.py drives through Playwright (Playwright never
#     downloads a browser of its own here: the test passes this executable);
#   * the ShellCheck linter, which tests/test_binder.py runs on binder/postBuild and the other scripts.
#
# Installing needs root and apt-get. Without them it says what is missing and the tests that need a tool
# skip with that reason. PARLAB_CHROMIUM=/path/to/chromium chooses another Chromium; PARLAB_NO_APT=1 never
# installs anything.
set -euo pipefail

say() { printf '\033[1mparlab:\033[0m %s\n' "$*" >&2; }

want=()
if [[ -n "${PARLAB_CHROMIUM:-}" ]]; then
    [[ -x "$PARLAB_CHROMIUM" ]] || say "PARLAB_CHROMIUM=$PARLAB_CHROMIUM is not an executable: the browser test will skip"
elif [[ ! -x /usr/bin/chromium ]]; then
    want+=(chromium)
fi
command -v shellcheck >/dev/null || want+=(shellcheck)
[[ ${#want[@]} -eq 0 ]] && exit 0

if [[ "${PARLAB_NO_APT:-}" == 1 || $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    say "not installed: ${want[*]} (apt-get install --no-install-recommends ${want[*]});" \
        "the tests that need them will skip"
    exit 0
fi

say "installing ${want[*]} with apt-get (once)"
apt_install() {
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${want[@]}" 2>&1
}
# a fresh machine may have no package lists yet: update them only when the first attempt fails
if ! log=$(apt_install); then
    log=$(apt-get update -qq 2>&1 && apt_install) || {
        printf '%s\n' "$log" | tail -20 >&2
        say "error: apt-get install ${want[*]} failed"
        exit 1
    }
fi
