#!/usr/bin/env bash
# Install what the tests need, then run every test (the README's test command).
#   - Python packages from requirements-test.txt
#   - Debian's chromium for the browser tests, and a CJK font so Korean renders
#   - Debian's nginx for the cluster tests (tests/test_cluster.py runs its own nginx as
#     this user on free ports; the system's nginx service is not used)
#   - axe-core from npm, at the version package-lock.json pins, for the accessibility tests
#     (tests/test_accessibility.py); Debian's nodejs and npm if there is no npm
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -k holder`.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium fonts-noto-cjk nginx)
# Debian's Node.js only where there is no npm: its npm would conflict with a Node.js installed
# another way (NodeSource's nodejs carries its own npm).
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "noto.*cjk" \
        || ! { command -v nginx || [ -x /usr/sbin/nginx ]; } >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
    $apt_get update -qq
    DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq "${packages[@]}" >/dev/null
fi
python3 -m pip install -q --disable-pip-version-check -r requirements-test.txt
npm ci --no-audit --no-fund

python3 -m pytest "$@"
