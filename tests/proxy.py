#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A small TCP proxy for mq's fault tests (python3, standard library only).

Listens on 127.0.0.1 (an ephemeral port unless --port is given), relays every
accepted connection to --upstream HOST:PORT and can be told, at any time, to
misbehave.  It prints "port N" on stdout when it listens, then reads one
command per line on stdin and answers each with "ok" (or "error: ...") once
the command has taken effect:

  pass            relay normally (the default; ends delay/stall)
  delay SECONDS   hold every chunk this long before forwarding it (both ways)
  stall           stop forwarding and stop reading (both ways); sockets stay
                  open, so the peers' buffers fill up and then block
  blackhole       new connections are accepted but never connected upstream,
                  nothing is read or sent (existing ones are stalled too)
  drop            close every current connection (FIN to both sides)
  reset           close every current connection with RST (SO_LINGER 0)
  count           answers "ok N": connections accepted so far
  quit            close everything and exit, without an answer (EOF on stdin
                  does the same)

--mode MODE sets the initial mode (pass, stall or blackhole).  The process
also exits when its parent goes away (stdin closes).  Used by
tests/_proxy.inc (mq_proxy_start()).
"""
import argparse
import socket
import struct
import sys
import threading
import time

lock = threading.Condition()
state = {"mode": "pass", "delay": 0.0}
pairs = []  # [client socket, upstream socket or None]
accepted = 0


def wait_forwarding():
    """Blocks while the proxy is stalled; returns the delay to apply."""
    with lock:
        while state["mode"] in ("stall", "blackhole"):
            lock.wait()
        return state["delay"] if state["mode"] == "delay" else 0.0


def close_pair(pair, rst=False):
    for s in pair:
        if s is None:
            continue
        try:
            if rst:
                # linger 0: the close sends RST; SHUT_RD only wakes a relay
                # thread blocked in recv() (it would keep the socket alive)
                s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                s.shutdown(socket.SHUT_RD)
            else:
                s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        try:
            s.close()
        except OSError:
            pass


def relay(src, dst, pair):
    try:
        while True:
            wait_forwarding()
            data = src.recv(65536)
            if not data:
                break
            delay = wait_forwarding()  # a stall that began during recv holds this chunk
            if delay > 0:
                time.sleep(delay)
            dst.sendall(data)
    except OSError:
        pass
    with lock:
        if pair in pairs:
            pairs.remove(pair)
    close_pair(pair)


def serve(client, upstream_addr):
    pair = [client, None]
    with lock:
        pairs.append(pair)
        blackhole = state["mode"] == "blackhole"
    if blackhole:
        return  # accepted, never served; closed by drop/reset/quit
    try:
        up = socket.create_connection(upstream_addr, timeout=10)
        up.settimeout(None)
        up.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except OSError:
        with lock:
            if pair in pairs:
                pairs.remove(pair)
        close_pair(pair, rst=True)
        return
    pair[1] = up
    for a, b in ((client, up), (up, client)):
        threading.Thread(target=relay, args=(a, b, pair), daemon=True).start()


def accept_loop(listener, upstream_addr):
    global accepted
    while True:
        try:
            client, _ = listener.accept()
        except OSError:
            return
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with lock:
            accepted += 1
        threading.Thread(target=serve, args=(client, upstream_addr), daemon=True).start()


def command(line):
    words = line.split()
    if not words:
        return "ok"
    cmd = words[0]
    with lock:
        if cmd == "pass":
            state["mode"], state["delay"] = "pass", 0.0
        elif cmd == "delay" and len(words) == 2:
            state["mode"], state["delay"] = "delay", float(words[1])
        elif cmd in ("stall", "blackhole"):
            state["mode"] = cmd
        elif cmd in ("drop", "reset"):
            victims = list(pairs)
            pairs.clear()
            for p in victims:
                close_pair(p, rst=(cmd == "reset"))
        elif cmd == "count":
            return "ok %d" % accepted
        elif cmd == "quit":
            return None
        else:
            return "error: unknown command " + line.strip()
        lock.notify_all()
    return "ok"


def main():
    ap = argparse.ArgumentParser(description="mq test proxy")
    ap.add_argument("--upstream", required=True, help="HOST:PORT to relay to")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--mode", default="pass", choices=["pass", "stall", "blackhole"])
    args = ap.parse_args()
    host, _, port = args.upstream.rpartition(":")
    upstream_addr = (host, int(port))
    state["mode"] = args.mode

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(64)
    threading.Thread(target=accept_loop, args=(listener, upstream_addr), daemon=True).start()
    print("port %d" % listener.getsockname()[1], flush=True)

    for line in sys.stdin:
        try:
            answer = command(line)
        except ValueError as e:
            answer = "error: %s" % e
        if answer is None:
            break
        try:
            print(answer, flush=True)
        except OSError:  # the test went away
            break
    listener.close()
    with lock:
        for p in list(pairs):
            close_pair(p)
        pairs.clear()


if __name__ == "__main__":
    main()
