"""Writes light-ink-cmyk.icc: a small CMYK profile (ICC v2, lut8, Lab PCS) in which every ink prints
at half strength, so a decoder that ignores the profile shows deeper colours than the profile says."""
import struct, sys

def srgb_to_lab_d50(r, g, b):
    def lin(c):
        c /= 255.0
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = lin(r), lin(g), lin(b)
    # sRGB to XYZ, already adapted to D50 (Bradford), as in ICC sRGB profiles
    x = 0.4360747 * r + 0.3850649 * g + 0.1430804 * b
    y = 0.2225045 * r + 0.7168786 * g + 0.0606169 * b
    z = 0.0139322 * r + 0.0971045 * g + 0.7141733 * b
    wx, wy, wz = 0.9642, 1.0, 0.8249
    def f(t):
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29
    fx, fy, fz = f(x / wx), f(y / wy), f(z / wz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)

def light_ink(c, m, y, k):
    return tuple(255 * (1 - 0.5 * ink) * (1 - 0.5 * k) for ink in (c, m, y))

def tag(sig, data):
    return sig, data + b'\0' * (-len(data) % 4)

grid = 2
clut = bytearray()
for c in range(grid):
    for m in range(grid):
        for y in range(grid):
            for k in range(grid):
                L, a, b = srgb_to_lab_d50(*light_ink(c, m, y, k))
                clut += bytes([round(L * 255 / 100), round(a + 128), round(b + 128)])
identity = bytes(range(256))
matrix = struct.pack('>9i', 65536, 0, 0, 0, 65536, 0, 0, 0, 65536)
a2b0 = b'mft1' + b'\0' * 4 + bytes([4, 3, grid, 0]) + matrix + identity * 4 + bytes(clut) + identity * 3
# the reverse direction is needed for the profile to link; only its shape matters here (ink from lightness)
back = bytearray()
for L in range(grid):
    for a in range(grid):
        for b in range(grid):
            back += bytes([0, 0, 0, 255 * (1 - L)])
b2a0 = b'mft1' + b'\0' * 4 + bytes([3, 4, grid, 0]) + matrix + identity * 3 + bytes(back) + identity * 4
desc_text = b'Light ink CMYK\0'
desc = b'desc' + b'\0' * 4 + struct.pack('>I', len(desc_text)) + desc_text + b'\0' * 8 + b'\0' * 2 + b'\0' + b'\0' * 67
wtpt = b'XYZ ' + b'\0' * 4 + struct.pack('>3i', round(0.9642 * 65536), 65536, round(0.8249 * 65536))
cprt = b'text' + b'\0' * 4 + b'No copyright, use freely\0'
tags = [tag(b'desc', desc), tag(b'wtpt', wtpt), tag(b'cprt', cprt), tag(b'A2B0', a2b0), tag(b'B2A0', b2a0)]
offset = 128 + 4 + 12 * len(tags)
table = struct.pack('>I', len(tags))
body = b''
for sig, data in tags:
    table += sig + struct.pack('>II', offset + len(body), len(data))
    body += data
size = offset + len(body)
header = struct.pack('>I4sI4s4s4s', size, b'none', 0x02100000, b'prtr', b'CMYK', b'Lab ')
header += b'\0' * 12 + b'acsp' + b'\0' * 4 + struct.pack('>I', 0) + b'\0' * 8 + b'\0' * 8 + struct.pack('>I', 0)
header += struct.pack('>3i', round(0.9642 * 65536), 65536, round(0.8249 * 65536)) + b'\0' * 4
header += b'\0' * (128 - len(header))
sys.stdout.buffer.write(header + table + body)
