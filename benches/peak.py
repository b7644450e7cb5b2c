#!/usr/bin/env python3
"""Peak resident memory and wall time of a command, for benches/first_frame.sh.

  peak.py frame MARKER RUNS COMMAND...   start COMMAND on a 120x30 pseudo-terminal, wait until
                                         MARKER (a regex) is on screen, read the process's peak
                                         resident set (VmHWM) and kill it
  peak.py run RUNS COMMAND...            run COMMAND to its end (output discarded), with its
                                         wall time and peak resident set (ru_maxrss)

Prints one line: "wall ms: min A median B max C; peak resident MB: median D max E (N runs)".
Exits 1 when a run fails (the marker never shows, or the command exits non-zero).
"""
import fcntl, os, pty, re, resource, select, signal, statistics, struct, subprocess, sys, termios, time

ESC = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-Za-z]|\x1b[=>]")


def vm_hwm_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return None


def frame_once(marker, argv):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 120, 0, 0))
    start = time.perf_counter()
    seen, found, peak = b"", None, None
    while time.perf_counter() - start < 20:
        r, _, _ = select.select([fd], [], [], 0.5)
        if not r:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if b"\x1b[6n" in chunk:
            os.write(fd, b"\x1b[1;1R")
        seen += chunk
        if re.search(marker, ESC.sub(b"", seen)):
            found = (time.perf_counter() - start) * 1000
            peak = vm_hwm_kb(pid)
            break
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass
    os.close(fd)
    return None if found is None or peak is None else (found, peak)


def run_once(argv):
    start = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    p.returncode = os.waitstatus_to_exitcode(status)
    return (wall, usage.ru_maxrss) if p.returncode == 0 else None


def main():
    mode = sys.argv[1]
    if mode == "frame":
        marker, runs, argv = sys.argv[2].encode(), int(sys.argv[3]), sys.argv[4:]
        once = lambda: frame_once(marker, argv)
    elif mode == "run":
        runs, argv = int(sys.argv[2]), sys.argv[3:]
        once = lambda: run_once(argv)
    else:
        sys.exit("usage: peak.py frame MARKER RUNS COMMAND... | peak.py run RUNS COMMAND...")
    once()  # warm-up
    results = [once() for _ in range(runs)]
    ok = [r for r in results if r is not None]
    if len(ok) != runs:
        print(f"failed in {runs - len(ok)} of {runs} runs")
        sys.exit(1)
    walls = [w for w, _ in ok]
    mbs = [kb / 1024 for _, kb in ok]
    print(
        f"wall ms: min {min(walls):.1f} median {statistics.median(walls):.1f} max {max(walls):.1f}; "
        f"peak resident MB: median {statistics.median(mbs):.1f} max {max(mbs):.1f} ({runs} runs)"
    )


main()
