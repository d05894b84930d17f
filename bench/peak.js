// The machine's limits, measured in the same process as the workloads:
//  * compute: 12 independent f32x4 mul+add chains in a tiny wasm module whose bytes are
//    written out below (one function, `peak(iters, m, c)`: a_i = a_i*m + c for i < 12 —
//    12 chains cover the 3+3 cycle mul->add latency on two FP pipes of each kind);
//  * copy bandwidth: Float32Array.prototype.set (a memcpy) of `bytes` within one buffer,
//    counting bytes read + bytes written.
// Each measurement takes short calls with event-loop yields between them, so V8 can install
// its optimised (TurboFan) code for the wasm function: code tiered up during one long call is
// only used from the next call on.

const CHAINS = 12;

function uleb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

function section(id, bytes) {
  return [id, ...uleb(bytes.length), ...bytes];
}

/** The bytes of the peak module (exports `peak: (i32 iters, f32 m, f32 c) -> f32`). */
export function peakModuleBytes() {
  const SIMD = 0xfd;
  const splat = [SIMD, 0x13]; // f32x4.splat
  const mul = [SIMD, 0xe6, 0x01]; // f32x4.mul
  const add = [SIMD, 0xe4, 0x01]; // f32x4.add
  // locals: 0 iters, 1 m, 2 c (params); 3..3+CHAINS-1 chains; then vm, vc (all v128)
  const vm = 3 + CHAINS;
  const vc = vm + 1;
  const body = [0x01, CHAINS + 2, 0x7b]; // one local group: CHAINS + 2 v128
  body.push(0x20, 1, ...splat, 0x21, vm, 0x20, 2, ...splat, 0x21, vc);
  for (let i = 0; i < CHAINS; i++) body.push(0x20, 2, ...splat, 0x21, 3 + i);
  body.push(0x03, 0x40); // loop
  for (let i = 0; i < CHAINS; i++) body.push(0x20, 3 + i, 0x20, vm, ...mul, 0x20, vc, ...add, 0x21, 3 + i);
  body.push(0x20, 0, 0x41, 1, 0x6b, 0x22, 0, 0x0d, 0, 0x0b); // iters -= 1; br_if loop; end
  body.push(0x20, 3);
  for (let i = 1; i < CHAINS; i++) body.push(0x20, 3 + i, ...add);
  body.push(SIMD, 0x1f, 0, 0x0b); // f32x4.extract_lane 0; end
  const code = [0x01, ...uleb(body.length), ...body];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [0x01, 0x60, 0x03, 0x7f, 0x7d, 0x7d, 0x01, 0x7d]),
    ...section(3, [0x01, 0x00]),
    ...section(7, [0x01, 0x04, ...new TextEncoder().encode('peak'), 0x00, 0x00]),
    ...section(10, code),
  ]);
}

/** An event-loop yield: setImmediate where it exists (Node); a page has only timers. */
export const tick = () => new Promise((resolve) => (globalThis.setImmediate ?? setTimeout)(resolve));

/** Best-of-many GFLOP/s of the mul+add chains (budgetMs of measurement). */
export async function measureCompute(budgetMs = 300) {
  const { instance } = await WebAssembly.instantiate(peakModuleBytes());
  const { peak } = instance.exports;
  const iters = 20000;
  let best = Infinity;
  const end = performance.now() + budgetMs;
  while (performance.now() < end) {
    for (let r = 0; r < 20; r++) {
      const t0 = performance.now();
      peak(iters, 0.999, 0.5);
      best = Math.min(best, performance.now() - t0);
    }
    await tick();
  }
  return (iters * CHAINS * 8) / best / 1e6; // 4 lanes x (mul + add) per chain step
}

/** Best-of-many GB/s of an in-cache copy of `bytes` (read + write counted). */
export async function measureCopy(bytes, budgetMs = 200) {
  const n = Math.max(4, Math.floor(bytes / 4));
  const buf = new Float32Array(2 * n).fill(1);
  const src = buf.subarray(0, n);
  let best = Infinity;
  const end = performance.now() + budgetMs;
  while (performance.now() < end) {
    for (let r = 0; r < 50; r++) {
      const t0 = performance.now();
      buf.set(src, n);
      best = Math.min(best, performance.now() - t0);
    }
    await tick();
  }
  return (2 * n * 4) / best / 1e6;
}
