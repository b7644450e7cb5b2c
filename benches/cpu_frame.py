#!/usr/bin/env python3
"""CPU time a program spends before its first frame, from its process's own accounting.

    python3 benches/cpu_frame.py MARKER RUNS CMD [ARGS...]

Spawns CMD on a 120x30 pseudo-terminal RUNS times; as soon as MARKER is on screen the process
is stopped (SIGSTOP) and the CPU time of all its threads is read from /proc/<pid>/task/*/
schedstat (nanoseconds on a CPU, user and kernel), then it is killed. Prints the minimum,
median and maximum in milliseconds and how many runs found the marker.

Wall time to the first frame (../shared/tools/ttfr.py) is what a user waits, but on a busy
machine it mostly measures the other processes; CPU time is what the program itself spends and
moves much less with the load, so it is the figure to compare two builds by while others work.
It includes the few hundred microseconds between the frame being written and the process being
stopped, the same for every build.
"""
import fcntl
import glob
import os
import pty
import select
import signal
import statistics
import struct
import sys
import termios
import time


def cpu_ns(pid):
    total = 0
    for path in glob.glob(f"/proc/{pid}/task/*/schedstat"):
        try:
            with open(path) as f:
                total += int(f.read().split()[0])
        except (OSError, ValueError, IndexError):
            pass
    return total


def one(marker, cmd):
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 120, 0, 0))
    seen = b""
    found = None
    end = time.monotonic() + 10
    while time.monotonic() < end:
        if not select.select([fd], [], [], 0.5)[0]:
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        seen = (seen + data)[-65536:]
        if marker in seen:
            os.kill(pid, signal.SIGSTOP)
            found = cpu_ns(pid) / 1e6
            break
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
    return found


def main():
    if len(sys.argv) < 4:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        sys.exit(2)
    marker = sys.argv[1].encode()
    runs = int(sys.argv[2])
    cmd = sys.argv[3:]
    times = [t for t in (one(marker, cmd) for _ in range(runs)) if t is not None]
    if not times:
        print(f"cpu ms: marker never seen (0/{runs} found)")
        sys.exit(1)
    print(
        f"cpu ms: min {min(times):.2f} median {statistics.median(times):.2f} "
        f"max {max(times):.2f} ({len(times)}/{runs} found)"
    )


if __name__ == "__main__":
    main()
