#!/usr/bin/env python3
"""Draws emblem.png, the letterhead emblem of this template: a navy ring
round a gold disc with a white lotus bud. Uses only the standard library
(zlib, struct), so an office can change the colours and run it again:
    python3 make-emblem.py  (writes emblem.png beside this script)"""
import math
import os
import struct
import zlib

SIZE = 240  # pixels; the style sheet gives the printed size
NAVY, GOLD, WHITE = (16, 42, 92), (201, 162, 39), (255, 255, 255)


def pixel(x, y):
    """RGBA of the pixel centred at (x, y), measured from the centre."""
    r = math.hypot(x, y) / (SIZE / 2)
    if r > 1.0:
        return (0, 0, 0, 0)  # transparent outside the round emblem
    if r > 0.86:
        return NAVY + (255,)
    if r > 0.80:
        return WHITE + (255,)
    # a lotus bud: three pointed petals standing on a base line
    u, v = x / (SIZE / 2), -y / (SIZE / 2)  # v up
    petal = False
    for cx, lean in ((0.0, 0.0), (-0.22, -0.35), (0.22, 0.35)):
        du = u - cx - lean * (v + 0.35) * 0.5
        height = 0.55 if cx == 0 else 0.38
        if -0.35 <= v <= -0.35 + height:
            t = (v + 0.35) / height  # 0 at the base, 1 at the tip
            half = 0.16 * math.sin(math.pi * min(1.0, t * 1.1)) * (1 - t) ** 0.3
            petal |= abs(du) <= half
    if petal or (-0.45 <= v <= -0.38 and abs(u) <= 0.42):
        return WHITE + (255,)
    return GOLD + (255,)


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def main():
    rows = bytearray()
    for j in range(SIZE):
        rows.append(0)  # filter: none
        for i in range(SIZE):
            rows.extend(pixel(i + 0.5 - SIZE / 2, j + 0.5 - SIZE / 2))
    png = (b"\x89PNG\r\n\x1a\n"
           + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
           + chunk(b"IEND", b""))
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "emblem.png")
    with open(out, "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main()
