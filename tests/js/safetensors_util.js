// Shared by safetensors.test.js and hostile.test.js: hand-made safetensors bytes and a seeded
// PRNG for the mutation fuzzing.

const enc = new TextEncoder();

/**
 * A safetensors file from a header (string or raw bytes) and a data section; `len` (number or
 * BigInt) overrides the declared header length, which may then lie.
 */
export function file(header, data = new Uint8Array(0), len) {
  const h = typeof header === 'string' ? enc.encode(header) : header;
  const out = new Uint8Array(8 + h.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(len ?? h.length), true);
  out.set(h, 8);
  out.set(data, 8 + h.length);
  return out;
}

/** mulberry32: a small seeded PRNG (floats in [0, 1)) so a failing iteration reproduces. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
