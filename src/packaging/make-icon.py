"""Draws the app icon: a 3x3 grid of image tiles, one picked out. Run from src/packaging: python3 make-icon.py
Writes activelabel.png here (launcher, menu entry) and in the window's resources."""
import struct
import zlib

SIZE, SS = 256, 4  # output size, supersampling per axis


def rounded(x, y, x0, y0, x1, y1, r):
    """Whether (x, y) lies in the rectangle [x0, x1) x [y0, y1) with corners of radius r."""
    if not (x0 <= x < x1 and y0 <= y < y1):
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


BACKGROUND = (38, 84, 166)
TILE = (235, 241, 250)
PICKED = (255, 166, 38)
tiles = []
step, tile, margin = 64, 52, 38
for row in range(3):
    for col in range(3):
        x0, y0 = margin + col * step, margin + row * step
        tiles.append((x0, y0, x0 + tile, y0 + tile, PICKED if (row, col) == (1, 2) else TILE))


def colour(x, y):
    if not rounded(x, y, 8, 8, 248, 248, 44):
        return None
    for x0, y0, x1, y1, c in tiles:
        if rounded(x, y, x0, y0, x1, y1, 9):
            return c
    return BACKGROUND


rows = bytearray()
for py in range(SIZE):
    rows.append(0)
    for px in range(SIZE):
        r = g = b = a = 0
        for sy in range(SS):
            for sx in range(SS):
                c = colour(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS)
                if c:
                    r, g, b, a = r + c[0], g + c[1], b + c[2], a + 1
        n = SS * SS
        rows += bytes((r // a, g // a, b // a, 255 * a // n) if a else (0, 0, 0, 0))


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
for path in ("activelabel.png", "../main/resources/org/activelabel/ui/activelabel.png"):
    with open(path, "wb") as out:
        out.write(png)
