// Smoke test of dist/webtorch-simd.mjs under Node: loads the module (passing the wasm
// bytes ourselves, see TOOLCHAIN.md), calls a few exports, checks that heap views are
// refreshed after memory growth and that malloc failure is a status, not an abort.
// Exit 77 (= skipped for ctest) when the wasm build has not been made yet.
import { readFile, access } from 'node:fs/promises';

const dist = new URL('../../dist/', import.meta.url);
const glue = new URL('webtorch-simd.mjs', dist);
try { await access(glue); } catch { console.log('wasm_smoke: dist/webtorch-simd.mjs missing, skipped'); process.exit(77); }

const { default: createWebtorchModule } = await import(glue.href);
const M = await createWebtorchModule({ wasmBinary: await readFile(new URL('webtorch-simd.wasm', dist)) });
let failures = 0;
const check = (cond, what) => { if (!cond) { console.error('FAIL:', what); failures++; } };

check(M.UTF8ToString(M._wt_version()) === '0.1.0', 'wt_version');
check(M._wt_simd_enabled() === 1, 'wt_simd_enabled');

// linear: x [2,3], W [4,3], b [4]
const x = M._wt_alloc(2 * 3 * 4), w = M._wt_alloc(4 * 3 * 4), b = M._wt_alloc(4 * 4), y = M._wt_alloc(2 * 4 * 4);
M.HEAPF32.set([1, 2, 3, 4, 5, 6], x >> 2);
M.HEAPF32.set([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1], w >> 2);
M.HEAPF32.set([0.5, 0, 0, -1], b >> 2);
check(M._wt_linear_forward_f32(y, x, w, b, 2, 3, 4) === 0, 'linear status');
const got = Array.from(M.HEAPF32.subarray(y >> 2, (y >> 2) + 8));
const want = [1.5, 2, 3, 5, 4.5, 5, 6, 14];
check(got.every((v, i) => Math.abs(v - want[i]) < 1e-6), `linear values ${got}`);

// errors come back as status + message
check(M._wt_linear_forward_f32(y, x, w, b, 2, 0, 4) === 1, 'linear EINVAL');
check(M.UTF8ToString(M._wt_last_error()).includes('in_features'), 'error message');

// memory growth: views must be refreshed on the module object
const before = M.HEAPU8.length;
const big = M._wt_alloc(64 << 20);
check(big !== 0, '64 MiB alloc');
check(M.HEAPU8.length > before && M.HEAPF32.length * 4 === M.HEAPU8.length, `HEAPU8 refreshed ${before} -> ${M.HEAPU8.length}`);
M.HEAPF32[big >> 2] = 42;
check(M.HEAPF32[big >> 2] === 42, 'write through refreshed view');
M._wt_free(big);

// out of memory: NULL, not an abort
check(M._wt_alloc(0xFFFFFFF0) === 0, 'huge alloc returns NULL');
for (const p of [x, w, b, y]) M._wt_free(p);
if (failures) { console.error(`wasm_smoke: ${failures} failure(s)`); process.exit(1); }
console.log('wasm_smoke: ok');
