"""A running process's CPU time (user and system), read from /proc to the nanosecond.

/proc/PID/stat counts it in clock ticks (10 ms here): a phase of 100 calls at 0.2 ms of CPU each is two or three
ticks, so a per-call figure moved by 100 µs between runs of the same build. The first field of each thread's
/proc/PID/task/TID/schedstat is its time on a CPU in nanoseconds; their sum is the process's, less the time of
threads that ended between two readings (the threads that serve the benchmarks' calls, chronod's event loops and
readers, and the peers' workers, live through a run).
"""
import os


def cpu_seconds(pid):
    """The CPU seconds the live threads of process `pid` have used."""
    nanoseconds = 0
    tasks = f"/proc/{pid}/task"
    for thread in os.listdir(tasks):
        try:
            with open(f"{tasks}/{thread}/schedstat") as handle:
                nanoseconds += int(handle.read().split()[0])
        except FileNotFoundError:
            continue  # the thread ended while the others were read
    return nanoseconds / 1e9
