#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A fake AMQP 0-9-1 broker for fault tests: faults a real RabbitMQ never
produces.  It listens on 127.0.0.1 (a free port, printed as the first line of
standard output), accepts one client, performs the handshake, opens channels
and answers basic.qos, then answers the client's first basic.get with the
misbehaviour named on the command line, and exits.

    python3 tests/fake_broker.py SCENARIO

Scenarios (what follows the client's basic.get):
    ok               a normal get-ok, header and body ("hello")
    bytewise         the whole conversation one byte at a time (it must work)
    bad_frame_end    get-ok with a wrong frame-end octet
    oversized_frame  a frame larger than the negotiated frame_max
    unknown_method   a method frame with an unknown method id
    body_longer      the body frame is longer than the header's body size
    body_shorter     the body is shorter than announced, then a method frame
    deep_table       a header table nested 5000 levels deep
    huge_table       a header table whose length claims 4 GiB
    close_mid        get-ok and header, then connection.close (541)
    reset_mid        get-ok and header, then a TCP reset
    stall_mid        get-ok and header, then silence (the client times out)
    frame_max=N      offers frame_max N in connection.tune (then behaves as ok)
    body_size=N      get-ok and a header announcing a body of N bytes, then
                     a few body bytes and silence until the client closes
The process ends on its own after 30 s whatever happens.
"""
import socket
import struct
import sys
import time

FRAME_MAX = 131072


def frame(ftype, channel, payload, end=b"\xce"):
    return struct.pack(">BHI", ftype, channel, len(payload)) + payload + end


def method(channel, class_id, method_id, args=b"", end=b"\xce"):
    return frame(1, channel, struct.pack(">HH", class_id, method_id) + args, end)


def shortstr(s):
    return struct.pack(">B", len(s)) + s


def longstr(s):
    return struct.pack(">I", len(s)) + s


def get_ok(channel):
    return method(channel, 60, 71, struct.pack(">QB", 1, 0) + shortstr(b"") + shortstr(b"q")
                  + struct.pack(">I", 0))


def header(channel, size, props=b"", flags=0):
    return frame(2, channel, struct.pack(">HHQH", 60, 0, size, flags) + props)


def body(channel, data):
    return frame(3, channel, data)


def nested_table(depth):
    # a table {"a": {"a": ... {} }} `depth` levels deep, built inside out
    inner = b""
    for _ in range(depth):
        entry = shortstr(b"a") + b"F" + struct.pack(">I", len(inner)) + inner
        inner = entry
    return struct.pack(">I", len(inner)) + inner


class Client:
    def __init__(self, sock, bytewise):
        self.sock = sock
        self.buf = b""
        self.bytewise = bytewise

    def send(self, data):
        if self.bytewise:
            for i in range(len(data)):
                self.sock.sendall(data[i:i + 1])
                time.sleep(0.0005)
        else:
            self.sock.sendall(data)

    def read(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def frame(self):
        ftype, channel, size = struct.unpack(">BHI", self.read(7))
        payload = self.read(size)
        self.read(1)
        return ftype, channel, payload

    def method(self):
        while True:
            ftype, channel, payload = self.frame()
            if ftype == 1:
                class_id, method_id = struct.unpack(">HH", payload[:4])
                return channel, class_id, method_id


def handshake(c):
    if c.read(8) != b"AMQP\x00\x00\x09\x01":
        raise EOFError
    c.send(method(0, 10, 10, b"\x00\x09" + struct.pack(">I", 0) + longstr(b"PLAIN")
                  + longstr(b"en_US")))
    c.method()  # start-ok
    c.send(method(0, 10, 30, struct.pack(">HIH", 2047, c.frame_max, 0)))
    c.method()  # tune-ok
    c.method()  # open
    c.send(method(0, 10, 41, shortstr(b"")))


def serve(c, scenario):
    handshake(c)
    while True:
        channel, class_id, method_id = c.method()
        if (class_id, method_id) == (20, 10):  # channel.open
            c.send(method(channel, 20, 11, longstr(b"")))
        elif (class_id, method_id) == (60, 10):  # basic.qos
            c.send(method(channel, 60, 11))
        elif (class_id, method_id) == (20, 40):  # channel.close
            c.send(method(channel, 20, 41))
        elif (class_id, method_id) == (10, 50):  # connection.close
            c.send(method(0, 10, 51))
            return
        elif (class_id, method_id) == (60, 70):  # basic.get
            misbehave(c, channel, scenario)
        else:
            pass  # anything else goes unanswered


def misbehave(c, ch, scenario):
    if scenario in ("ok", "bytewise") or scenario.startswith("frame_max="):
        c.send(get_ok(ch) + header(ch, 5) + body(ch, b"hello"))
    elif scenario == "bad_frame_end":
        c.send(method(ch, 60, 71, struct.pack(">QB", 1, 0) + shortstr(b"") + shortstr(b"q")
                      + struct.pack(">I", 0), end=b"\x00"))
    elif scenario == "oversized_frame":
        c.send(get_ok(ch) + header(ch, FRAME_MAX * 2) + body(ch, b"x" * (FRAME_MAX * 2)))
    elif scenario == "unknown_method":
        c.send(method(ch, 60, 999, b"\x00" * 8))
    elif scenario == "body_longer":
        c.send(get_ok(ch) + header(ch, 5) + body(ch, b"0123456789"))
    elif scenario == "body_shorter":
        c.send(get_ok(ch) + header(ch, 10) + body(ch, b"01234") + method(ch, 60, 72, shortstr(b"")))
    elif scenario == "deep_table":
        c.send(get_ok(ch) + header(ch, 2, nested_table(5000), flags=0x2000) + body(ch, b"hi"))
    elif scenario == "huge_table":
        c.send(get_ok(ch) + header(ch, 2, struct.pack(">I", 0xFFFFFFF0) + b"\x01a", flags=0x2000)
               + body(ch, b"hi"))
    elif scenario == "close_mid":
        c.send(get_ok(ch) + header(ch, 5)
               + method(0, 10, 50, struct.pack(">H", 541) + shortstr(b"INTERNAL_ERROR - test")
                        + struct.pack(">HH", 0, 0)))
        c.method()  # close-ok
        raise EOFError
    elif scenario == "reset_mid":
        c.send(get_ok(ch) + header(ch, 5))
        c.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        c.sock.close()
        raise EOFError
    elif scenario == "stall_mid":
        c.send(get_ok(ch) + header(ch, 5))
        time.sleep(25)
        raise EOFError
    elif scenario.startswith("body_size="):
        c.send(get_ok(ch) + header(ch, int(scenario[10:])) + body(ch, b"x" * 16))
        # the client refuses the size: wait for its connection.close
        while True:
            channel, class_id, method_id = c.method()
            if (class_id, method_id) == (10, 50):
                print("client sent connection.close", file=sys.stderr, flush=True)
                c.send(method(0, 10, 51))
                raise EOFError
    else:
        raise SystemExit("unknown scenario " + scenario)


def main():
    scenario = sys.argv[1] if len(sys.argv) > 1 else "ok"
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    srv.settimeout(30)
    print(srv.getsockname()[1], flush=True)
    try:
        sock, _ = srv.accept()
    except socket.timeout:
        return
    sock.settimeout(30)
    c = Client(sock, scenario == "bytewise")
    c.frame_max = int(scenario[10:]) if scenario.startswith("frame_max=") else FRAME_MAX
    try:
        serve(c, scenario)
    except (EOFError, OSError, socket.timeout):
        pass
    finally:
        try:
            sock.close()
        except OSError:
            pass


if __name__ == "__main__":
    main()
