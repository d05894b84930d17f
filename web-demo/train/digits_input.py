"""Strokes drawn on the demo's canvas -> the 8x8 image the digits CNN reads.

The Python twin of web-demo/digits-input.js: the two run the same float64 operations in
the same order, so a stroke path gives the same 8x8 integers in the browser and here
(the golden test relies on it). The mapping follows how scikit-learn's digits (UCI
optdigits) were made: a 32x32 binary bitmap of the centred, size-normalised digit,
divided into 4x4 blocks, each block's value the count of its "on" pixels (0..16).

  strokes  list of strokes, each a list of (x, y) points in canvas pixels
  1. normalise: the bounding box of all points is centred on the bitmap and scaled, keeping
     the aspect ratio, until its height spans SPAN_Y or its width SPAN_X bitmap pixels
     (sklearn's digits fill the full height and about 3/4 of the width); sides shorter than
     MIN_SIDE canvas pixels count as MIN_SIDE (a dot stays a dot, a "1" stays thin)
  2. a bitmap pixel is on when its centre lies within PEN_RADIUS of a stroke segment
  3. 8x8 block counts, 0..16; the model input is count / 16 (as in training)
"""

BITMAP = 32
BLOCK = 4
PEN_RADIUS = 2.0
SPAN_Y = BITMAP - 2 * PEN_RADIUS - 1
SPAN_X = 20.0
MIN_SIDE = 16.0


def _dist2_to_segment(px, py, ax, ay, bx, by):
    dx = bx - ax
    dy = by - ay
    len2 = dx * dx + dy * dy
    t = 0.0
    if len2 > 0.0:
        t = ((px - ax) * dx + (py - ay) * dy) / len2
        t = min(1.0, max(0.0, t))
    qx = ax + t * dx - px
    qy = ay + t * dy - py
    return qx * qx + qy * qy


def normalise(strokes):
    """Canvas points -> bitmap coordinates (a list of strokes of (x, y)); [] when empty."""
    points = [p for s in strokes for p in s]
    if not points:
        return []
    min_x = min(p[0] for p in points)
    max_x = max(p[0] for p in points)
    min_y = min(p[1] for p in points)
    max_y = max(p[1] for p in points)
    scale = min(SPAN_X / max(max_x - min_x, MIN_SIDE), SPAN_Y / max(max_y - min_y, MIN_SIDE))
    cx = (min_x + max_x) / 2
    cy = (min_y + max_y) / 2
    half = BITMAP / 2
    return [[((x - cx) * scale + half, (y - cy) * scale + half) for x, y in s] for s in strokes]


def bitmap32(strokes):
    """32x32 list of lists of 0/1."""
    segments = []
    for s in normalise(strokes):
        if len(s) == 1:
            segments.append((s[0], s[0]))
        segments.extend(zip(s, s[1:]))
    r2 = PEN_RADIUS * PEN_RADIUS
    out = []
    for i in range(BITMAP):
        py = i + 0.5
        row = []
        for j in range(BITMAP):
            px = j + 0.5
            on = any(_dist2_to_segment(px, py, a[0], a[1], b[0], b[1]) <= r2 for a, b in segments)
            row.append(1 if on else 0)
        out.append(row)
    return out


def digits8x8(strokes):
    """8x8 list of lists of ints 0..16, like a row of sklearn's load_digits().images."""
    bits = bitmap32(strokes)
    n = BITMAP // BLOCK
    return [[sum(bits[i * BLOCK + a][j * BLOCK + b] for a in range(BLOCK) for b in range(BLOCK)) for j in range(n)]
            for i in range(n)]
