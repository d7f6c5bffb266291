"""A district's cluster for tests and the load benchmark: scripts/serve-cluster.sh on free
ports (127.0.0.1 only), with a run folder of its own, stopped as Ctrl-C would stop it."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "serve-cluster.sh"


class Runs:
    """The script runs a page's WebSockets carried, read from Streamlit's own messages
    (ForwardMsg.script_finished): for each socket the page opened, when it opened and
    closed, and when each complete run of the whole page and of a fragment finished.

    The page's DOM cannot tell this reliably: under load the browser may draw a whole run
    at once, and a page that reconnected to a new replica looks the same before and after
    its first run there. Works with Playwright's sync and async APIs alike."""

    def __init__(self, page):
        self.sockets: list[dict] = []
        page.on("websocket", self._opened)

    def _opened(self, socket) -> None:
        entry = {"opened": time.time(), "closed": None, "full": [], "fragment": []}
        self.sockets.append(entry)
        socket.on("framereceived", lambda payload: self._frame(entry, payload))
        socket.on("close", lambda _: entry.update(closed=time.time()))

    @staticmethod
    def _frame(entry: dict, payload) -> None:
        if isinstance(payload, str) or len(payload) > 512:   # runs end in a small message
            return
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
        message = ForwardMsg()
        try:
            message.ParseFromString(payload)
        except Exception:
            return
        if message.WhichOneof("type") == "script_finished":
            status = ForwardMsg.ScriptFinishedStatus.Name(message.script_finished)
            if status == "FINISHED_SUCCESSFULLY":
                entry["full"].append(time.time())
            elif status == "FINISHED_FRAGMENT_RUN_SUCCESSFULLY":
                entry["fragment"].append(time.time())

    def ready(self) -> bool:
        """Connected, and the whole page has run on this connection's server."""
        return bool(self.sockets) and self.sockets[-1]["closed"] is None and bool(self.sockets[-1]["full"])

    def back_after(self, moment: float) -> float | None:
        """When the page first finished a whole run on a connection opened after MOMENT."""
        return next((socket["full"][0] for socket in self.sockets
                     if socket["opened"] > moment and socket["full"]), None)


def nginx_path() -> str | None:
    return os.environ.get("NGINX") or shutil.which("nginx") or (
        "/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_ports(count: int) -> int:
    """A first port P such that P .. P+count-1 are all free on 127.0.0.1."""
    for _ in range(200):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            first = probe.getsockname()[1]
        if first + count < 65535 and all(_port_free(first + i) for i in range(count)):
            return first
    raise RuntimeError("no run of free ports found")


@dataclass
class Cluster:
    url: str                  # the proxy, with the path prefix: http://127.0.0.1:P/prefix
    port: int
    replicas: int
    run_dir: Path
    process: subprocess.Popen
    output: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)   # what was still running after the stop
    keep: bool = False                                # keep the run folder (its logs) after the stop

    def replica_url(self, number: int) -> str:
        prefix = self.url.split(str(self.port), 1)[1]
        return f"http://127.0.0.1:{self.port + number}{prefix}"

    def replica_of(self, upstream_addr: str) -> int:
        """The replica number behind an X-Atlas-Replica header (the last address nginx tried)."""
        return int(upstream_addr.split(",")[-1].strip().rsplit(":", 1)[1]) - self.port

    def supervisorctl(self, *args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "supervisor.supervisorctl", "-c",
                               str(self.run_dir / "supervisord.conf"), *args],
                              capture_output=True, text=True, timeout=30)
        return done.stdout + done.stderr

    def pid(self, number: int) -> int:
        """The process id of replica NUMBER (0 while it is down)."""
        answer = self.supervisorctl("pid", f"replicas:replica-{number}").strip()
        return int(answer) if answer.isdigit() else 0

    def state(self, number: int) -> str:
        return self.supervisorctl("status", f"replicas:replica-{number}").split()[1]

    def kill(self, number: int) -> int:
        """SIGKILL replica NUMBER, as a crash would end it; returns the pid it had."""
        pid = self.pid(number)
        if pid <= 1:   # down or starting: os.kill(0, ...) would hit our own process group
            raise RuntimeError(f"replica {number} has no process to kill ({self.state(number)})")
        os.kill(pid, signal.SIGKILL)
        return pid

    def healthy(self, number: int) -> bool:
        try:
            with urllib.request.urlopen(f"{self.replica_url(number)}/_stcore/health", timeout=2) as answer:
                return answer.read() == b"ok"
        except OSError:
            return False

    def wait_until_healthy(self, number: int, timeout: float = 90) -> None:
        """Until replica NUMBER answers its health check and supervisord counts it as RUNNING."""
        deadline = time.monotonic() + timeout
        while not (self.healthy(number) and self.state(number) == "RUNNING"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"replica {number} did not come back: {self.state(number)}")
            time.sleep(0.3)

    def rss_mb(self, number: int) -> float | None:
        """Resident memory of replica NUMBER (VmRSS, MB), or None while it is down."""
        try:
            status = Path(f"/proc/{self.pid(number)}/status").read_text()
        except (OSError, ValueError):
            return None
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        return int(match.group(1)) / 1024 if match else None

    def access_log(self) -> list[str]:
        return (self.run_dir / "logs" / "nginx-access.log").read_text().splitlines()


def leftovers(run_dir: Path, port: int, replicas: int) -> list[str]:
    """Processes still running of a cluster: nginx and supervisord (their command lines name
    the run folder) and the replicas (theirs name the ports)."""
    marks = [str(run_dir)] + [f"--server.port {port + i} " for i in range(1, replicas + 1)]
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                if (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                    continue  # exited, not yet reaped
            except OSError:
                continue
            if any(mark in command for mark in marks):
                found.append(f"{entry.name}: {command[:160]}")
    return found


@contextmanager
def cluster(replicas: int = 2, prefix: str = "", timeout: float = 180):
    """scripts/serve-cluster.sh on free ports; yields a Cluster once it says it is ready.
    On exit, SIGTERM to the script (as Ctrl-C or a service manager would stop it), and
    nothing of the cluster may be left running."""
    port = free_ports(replicas + 1)
    run_dir = Path(tempfile.mkdtemp(prefix="atlas-cluster-"))
    args = ["bash", str(SCRIPT), "--replicas", str(replicas), "--port", str(port), "--run-dir", str(run_dir)]
    if prefix:
        args += ["--base-url-path", prefix]
    process = subprocess.Popen(args, cwd=ROOT, env={**os.environ, "PYTHON": sys.executable},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in process.stdout:
            output.append(line)
            if "serve-cluster: ready at" in line:
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    url = f"http://127.0.0.1:{port}" + (f"/{prefix.strip('/')}" if prefix.strip("/") else "")
    running = Cluster(url, port, replicas, run_dir, process, output)
    failed = True
    try:
        deadline = time.monotonic() + timeout
        while not ready.wait(0.5):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the cluster did not start:\n" + "".join(output[-40:]))
        yield running
        failed = False
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
        running.left = leftovers(run_dir, port, replicas)
        # If the script was killed, its supervisord (in a session of its own) is still there.
        pid_file = run_dir / "supervisord.pid"
        if running.left and pid_file.exists():
            with suppress(OSError, ValueError):
                os.kill(int(pid_file.read_text()), signal.SIGTERM)
            time.sleep(5)
        if not (failed or running.left or running.keep):   # after a failure the logs say what happened
            shutil.rmtree(run_dir, ignore_errors=True)
