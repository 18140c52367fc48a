#!/usr/bin/env python3
"""Checks that two chronod builds give byte-identical answers to the same request lines over one database.

Each build serves its own copy of DB (with its -wal, if any) on 127.0.0.1 (port 0); the lines of the LINES
files (`$ID` replaced by 1, 2, ...; `Health/Check` lines skipped, as they carry the uptime) are sent one at a
time on one connection, and each answer line is compared byte for byte with the other build's. Prints a
count and the first difference; exits 1 when any answer differs.

Usage: Tools/bench/same_answers.py DB BEFORE_CHRONOD AFTER_CHRONOD LINES...
   (request lines from make_requests.py, or any file of chronod request lines)
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time


def answers(db, chronod, lines):
    """The answer lines `chronod`, serving a copy of `db`, gives to `lines`."""
    work = tempfile.mkdtemp(prefix="same-answers.")
    try:
        copy = os.path.join(work, "db.sqlite")
        shutil.copy(db, copy)
        if os.path.exists(db + "-wal"):
            shutil.copy(db + "-wal", copy + "-wal")
        with open(os.path.join(work, "out"), "w+") as out:
            # The graph folder does not exist, so chronod serves the database as it is.
            server = subprocess.Popen(
                [chronod, "--host", "127.0.0.1", "--port", "0", "--db", copy, "--graph", os.path.join(work, "none")],
                stdout=out, stderr=subprocess.DEVNULL)
            try:
                port = None
                for _ in range(1200):
                    out.seek(0)
                    found = re.search(r"chronod listening on .*:(\d+)", out.read())
                    if found:
                        port = int(found.group(1))
                        break
                    if server.poll() is not None:
                        break
                    time.sleep(0.1)
                if port is None:
                    sys.exit(f"same_answers.py: {chronod} did not start listening")
                replies = []
                with socket.create_connection(("127.0.0.1", port), timeout=120) as connection:
                    reader = connection.makefile("rb")
                    for number, line in enumerate(lines, 1):
                        connection.sendall((line.replace("$ID", str(number)) + "\n").encode())
                        replies.append(reader.readline())
                return replies
            finally:
                server.terminate()
                server.wait(timeout=120)
    finally:
        shutil.rmtree(work)


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    db, before, after, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    lines = []
    for name in files:
        with open(name, encoding="utf-8") as source:
            lines += [line.rstrip("\n") for line in source if line.strip() and "Health/Check" not in line]
    first, second = answers(db, before, lines), answers(db, after, lines)
    differing = [i for i, (a, b) in enumerate(zip(first, second)) if a != b]
    ok = sum(b'"status":"OK"' in answer for answer in first)
    print(f"{len(lines)} lines, {ok} answered OK; {len(differing)} answers differ")
    if differing:
        i = differing[0]
        print(f"first difference, line {i + 1}: {lines[i]}")
        print(f"  before: {first[i][:300]!r}\n  after:  {second[i][:300]!r}")
        sys.exit(1)


if __name__ == "__main__":
    main()
