#!/usr/bin/env python3
"""A WAN delay line for `scripts/wan`: what `tc qdisc ... netem delay D J loss L` does, in user
space, for kernels without the netem qdisc (this project's CI machines have none).

Opens the TUN device NAME (IFF_TUN, no packet information), reads every IP packet the kernel
routes into it, drops each with probability LOSS, and writes the others back after
DELAY +- JITTER milliseconds (uniform, per packet, so jitter reorders packets, as netem's does).
A packet written back enters the kernel as received on NAME and is routed on to its destination,
so the delay applies once per direction: `scripts/wan` routes into NAME only packets from one
node's namespace to another's.

    wan-delay.py NAME DELAY_MS JITTER_MS LOSS_PERCENT [SEED]

Runs until killed; on SIGTERM or SIGINT prints what it saw as one JSON line on stdout.
"""
import fcntl
import heapq
import json
import os
import random
import select
import signal
import struct
import sys
import time

TUNSETIFF = 0x400454CA
IFF_TUN = 0x0001
IFF_NO_PI = 0x1000


def open_tun(name):
    fd = os.open("/dev/net/tun", os.O_RDWR | os.O_NONBLOCK)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TUN | IFF_NO_PI))
    return fd


def main():
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__)
    name = sys.argv[1]
    delay = float(sys.argv[2]) / 1000.0
    jitter = float(sys.argv[3]) / 1000.0
    loss = float(sys.argv[4]) / 100.0
    rng = random.Random(int(sys.argv[5]) if len(sys.argv) == 6 else None)
    fd = open_tun(name)
    stats = {"packets": 0, "bytes": 0, "dropped": 0, "maxQueued": 0}
    queue = []  # (release time, sequence number, packet)
    seq = 0
    running = True

    def stop(*_):
        nonlocal running
        running = False

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    # Tell the caller the device exists (it configures addresses and routes after this).
    print(json.dumps({"ready": name}), flush=True)
    while running:
        now = time.monotonic()
        while queue and queue[0][0] <= now:
            _, _, packet = heapq.heappop(queue)
            try:
                os.write(fd, packet)
            except OSError:
                pass  # the device went down, or the kernel refused the packet: it is lost
        timeout = max(0.0, queue[0][0] - now) if queue else 0.5
        try:
            readable, _, _ = select.select([fd], [], [], timeout)
        except InterruptedError:
            continue
        if not readable:
            continue
        # Drain what is there now: the arrival time is the same to within the loop's cost.
        arrived = time.monotonic()
        while True:
            try:
                packet = os.read(fd, 65535)
            except BlockingIOError:
                break
            stats["packets"] += 1
            stats["bytes"] += len(packet)
            if rng.random() < loss:
                stats["dropped"] += 1
                continue
            hold = max(0.0, delay + rng.uniform(-jitter, jitter))
            seq += 1
            heapq.heappush(queue, (arrived + hold, seq, packet))
        stats["maxQueued"] = max(stats["maxQueued"], len(queue))
    print(json.dumps(stats), flush=True)


if __name__ == "__main__":
    main()
