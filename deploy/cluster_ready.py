"""Part of scripts/serve-cluster.sh: make the offline atlas for nginx to serve, then wait
until every replica and nginx answer, and say where the cluster is.

The exports (``python -m geo export --format html``) are written beside the served folder
and moved into it when complete, so nginx never serves half a file. A SIGTERM (the script
stopping during start) ends the exports too.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "ko")


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return answer.read() == b"ok"
    except OSError:
        return False


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser()
    for option in ("--run-dir", "--url", "--prefix"):
        parser.add_argument(option, required=True)
    for option in ("--replicas", "--port", "--supervisord"):
        parser.add_argument(option, type=int, required=True)
    args = parser.parse_args()
    run = Path(args.run_dir)
    staging, served = run / "www" / "staging", run / "www" / "offline"
    staging.mkdir(parents=True, exist_ok=True)

    exports = {lang: subprocess.Popen(
        [sys.executable, "-m", "geo", "export", "--format", "html", "--lang", lang,
         "--out", str(staging / f"atlas-{lang}.html")], cwd=ROOT) for lang in LANGUAGES}
    signal.signal(signal.SIGTERM, lambda *_: [p.terminate() for p in exports.values()] and sys.exit(143))

    # The replicas first, then nginx: asked before a replica listens, nginx would take it
    # out for a few seconds (its passive health check).
    health = {f"http://127.0.0.1:{args.port + i}{args.prefix}/_stcore/health" for i in range(1, args.replicas + 1)}
    through_nginx = f"{args.url}/_stcore/health"
    deadline = time.monotonic() + 180
    while (health or exports or through_nginx) and time.monotonic() < deadline:
        for lang, process in list(exports.items()):
            if process.poll() is not None:
                del exports[lang]
                if process.returncode:
                    print(f"serve-cluster: the offline atlas ({lang}) could not be made "
                          f"(status {process.returncode})", file=sys.stderr, flush=True)
                else:
                    (staging / f"atlas-{lang}.html").replace(served / f"atlas-{lang}.html")
        health -= {url for url in health if answers(url)}
        if not health and through_nginx and answers(through_nginx):
            through_nginx = ""
        if not alive(args.supervisord):
            return 0
        time.sleep(0.3)
    if health or exports or through_nginx:
        waiting = sorted(health) + [f"the offline atlas ({lang})" for lang in exports] + [through_nginx]
        print(f"serve-cluster: still waiting after 180 s for {', '.join(filter(None, waiting))}",
              file=sys.stderr, flush=True)
        return 1
    offline = ", ".join(f"{args.url}/offline/atlas-{lang}.html" for lang in LANGUAGES)
    print(f"serve-cluster: ready at {args.url}/ ({args.replicas} replicas; offline atlas: {offline})",
          flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
