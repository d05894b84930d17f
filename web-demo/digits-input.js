// Strokes drawn on the canvas -> the 8x8 image the digits CNN reads.
//
// The JS twin of web-demo/train/digits_input.py (read its docstring for the mapping): the same
// float64 operations in the same order, so a stroke path gives the same 8x8 integers here as in
// the training script that wrote the golden file. Like scikit-learn's digits (UCI optdigits):
// a 32x32 binary bitmap of the centred, size-normalised digit, cut into 4x4 blocks whose value
// is the count of "on" pixels, 0..16. The model reads count / 16, as in training.

const BITMAP = 32;
const BLOCK = 4;
const PEN_RADIUS = 2.0;
const SPAN_Y = BITMAP - 2 * PEN_RADIUS - 1;
const SPAN_X = 20.0;
const MIN_SIDE = 16.0;

function dist2ToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = 0.0;
  if (len2 > 0.0) {
    t = ((px - ax) * dx + (py - ay) * dy) / len2;
    t = Math.min(1.0, Math.max(0.0, t));
  }
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return qx * qx + qy * qy;
}

/** Canvas points -> bitmap coordinates (strokes of [x, y]); [] when there are no points. */
function normalise(strokes) {
  const points = strokes.flat();
  if (points.length === 0) return [];
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const scale = Math.min(SPAN_X / Math.max(maxX - minX, MIN_SIDE), SPAN_Y / Math.max(maxY - minY, MIN_SIDE));
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const half = BITMAP / 2;
  return strokes.map((s) => s.map(([x, y]) => [(x - cx) * scale + half, (y - cy) * scale + half]));
}

/** 32x32 bitmap, row-major Uint8Array of 0/1. */
function bitmap32(strokes) {
  const segments = [];
  for (const s of normalise(strokes)) {
    if (s.length === 1) segments.push([s[0], s[0]]);
    for (let k = 1; k < s.length; k++) segments.push([s[k - 1], s[k]]);
  }
  const r2 = PEN_RADIUS * PEN_RADIUS;
  const out = new Uint8Array(BITMAP * BITMAP);
  for (let i = 0; i < BITMAP; i++) {
    const py = i + 0.5;
    for (let j = 0; j < BITMAP; j++) {
      const px = j + 0.5;
      out[i * BITMAP + j] = segments.some(([a, b]) => dist2ToSegment(px, py, a[0], a[1], b[0], b[1]) <= r2) ? 1 : 0;
    }
  }
  return out;
}

/** 8x8 array of arrays of integers 0..16, like a row of sklearn's load_digits().images. */
export function digits8x8(strokes) {
  const bits = bitmap32(strokes);
  const n = BITMAP / BLOCK;
  const grid = [];
  for (let i = 0; i < n; i++) {
    const row = [];
    for (let j = 0; j < n; j++) {
      let count = 0;
      for (let a = 0; a < BLOCK; a++) {
        for (let b = 0; b < BLOCK; b++) count += bits[(i * BLOCK + a) * BITMAP + j * BLOCK + b];
      }
      row.push(count);
    }
    grid.push(row);
  }
  return grid;
}
