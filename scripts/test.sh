#!/usr/bin/env bash
# Install what the tests need, then run every test (the README's test command).
#   - Python packages from requirements-test.txt
#   - Debian's chromium for the browser tests, and a CJK font so Korean renders
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -k holder`.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "noto.*cjk"; then
    if [ "$(id -u)" = 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
    $apt_get update -qq
    DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
python3 -m pip install -q --disable-pip-version-check -r requirements-test.txt

python3 -m pytest "$@"
