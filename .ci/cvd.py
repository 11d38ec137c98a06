#!/usr/bin/env python3
"""Colour-blind check on screenshots: finds the colours that carry meaning
(health and score bands: the Okabe-Ito bluish green, sky blue, orange and
vermillion) where they are drawn on screen, sees them through protanopia and
deuteranopia (Viénot, Brettel and Mollon 1999) and fails when two of them
shown together become hard to tell apart. Writes each picture as a
protanope and a deuteranope would see it, beside the original, to look at.

Usage: python3 .ci/cvd.py [--need N] SHOT.png...
  --need N   each shot must show at least N of the meaningful colours
"""
import subprocess
import sys

# The same constants as src/app/theme.rs (BLUISH_GREEN, SKY_BLUE, ORANGE, VERMILLION).
MEANING = {
    "bluish green (healthy, P)": (0, 158, 115),
    "sky blue (S)": (86, 180, 233),
    "orange (degraded, M)": (230, 159, 0),
    "vermillion (down, U)": (213, 94, 0),
}
# The pair that matters most must stay far apart; any other pair apart.
FAR, APART = 30.0, 15.0
MOST = {"bluish green (healthy, P)", "vermillion (down, U)"}
SIMULATIONS = {
    "protanopia": [[0.11238, 0.88762, 0.0], [0.11238, 0.88762, 0.0], [0.00401, -0.00401, 1.0]],
    "deuteranopia": [[0.29275, 0.70725, 0.0], [0.29275, 0.70725, 0.0], [-0.02234, 0.02234, 1.0]],
}
MIN_PIXELS = 40
TOLERANCE = 3


def linear(c):
    c = c / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def lab(rgb, m):
    r, g, b = (linear(c) for c in rgb)
    r, g, b = (max(0.0, m[i][0] * r + m[i][1] * g + m[i][2] * b) for i in range(3))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = lambda t: t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def pixels(path):
    raw = subprocess.run(["convert", path, "-depth", "8", "rgb:-"], check=True,
                         capture_output=True).stdout
    counts = {}
    for i in range(0, len(raw) - 2, 3):
        key = raw[i:i + 3]
        counts[key] = counts.get(key, 0) + 1
    return counts


def present(counts):
    """The meaningful colours drawn on screen: pixel count and mean colour as drawn."""
    found = {}
    for name, (r, g, b) in MEANING.items():
        near = [(k, c) for k, c in counts.items()
                if abs(k[0] - r) <= TOLERANCE and abs(k[1] - g) <= TOLERANCE and abs(k[2] - b) <= TOLERANCE]
        n = sum(c for _, c in near)
        if n >= MIN_PIXELS:
            mean = tuple(sum(k[i] * c for k, c in near) / n for i in range(3))
            found[name] = (n, mean)
    return found


def simulate(path, who, m):
    stem = path[:-4] if path.endswith(".png") else path
    out = stem + f".{who}.png"
    matrix = " ".join(str(v) for row in m for v in row)
    subprocess.run(["convert", path, "-colorspace", "RGB", "-color-matrix", matrix,
                    "-colorspace", "sRGB", out], check=True)


def main(argv):
    need = 0
    if argv[:1] == ["--need"]:
        if len(argv) < 2 or not argv[1].isdigit():
            print("usage: cvd.py [--need N] SHOT.png...")
            return 2
        need, argv = int(argv[1]), argv[2:]
    if not argv:
        print("usage: cvd.py [--need N] SHOT.png...")
        return 2
    any_failed = False
    for path in argv:
        failed = False
        found = present(pixels(path))
        names = sorted(found)
        if len(names) < need:
            print(f"{path}: shows {len(names)} meaningful colours ({', '.join(names) or 'none'}), expected at least {need}")
            failed = True
        for who, m in SIMULATIONS.items():
            simulate(path, who, m)
            for i, a in enumerate(names):
                for b in names[i + 1:]:
                    # The colours as drawn on this screenshot.
                    la, lb = lab(found[a][1], m), lab(found[b][1], m)
                    d = sum((p - q) ** 2 for p, q in zip(la, lb)) ** 0.5
                    floor = FAR if {a, b} == MOST else APART
                    if d < floor:
                        print(f"{path}: {a} and {b} are only ΔE {d:.1f} apart for {who} (need {floor})")
                        failed = True
        if not failed:
            shown = ", ".join(f"{n} ({found[n][0]} px)" for n in names) or "no meaningful colours"
            print(f"{path}: {shown}; apart under protanopia and deuteranopia")
        any_failed |= failed
    return 1 if any_failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
