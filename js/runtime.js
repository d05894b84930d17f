// The wasm runtime: loading, the one binding table of C exports, heap access.
//
// States: 'idle' -> 'loading' -> 'ready' (or 'failed', after which ready() may be retried).
// Every C entry point returns a wt_status; `call` turns a non-zero status into an Error carrying
// the C message, so no caller ever sees a raw code.

const NOT_READY = 'webtorch: call await torch.ready() first';

let state = 'idle';
let loading = null;
let M = null; // the Emscripten module instance
let info = null;

// One line per C export: name -> argument count (see include/webtorch.h for the meaning of each).
const EXPORTS = {
  wt_copy_strided: 6,
  wt_cast: 5,
  wt_binary_f32: 8,
  wt_unary_f32: 6,
  wt_softmax_f32: 6,
  wt_reduce_f32: 7,
  wt_gemm_f32: 12,
  wt_gemm_packed_size_f32: 3,
  wt_gemm_pack_b_f32: 7,
  wt_gemm_packed_f32: 9,
  wt_matmul_f32: 7,
  wt_linear_forward_f32: 7,
  wt_bilinear_forward_f32: 9,
  wt_conv_forward_f32: 5,
  wt_conv_transpose_forward_f32: 5,
  wt_unfold_forward_f32: 3,
  wt_fold_forward_f32: 3,
  wt_maxpool_forward_f32: 4,
  wt_avgpool_forward_f32: 5,
  wt_adaptive_pool_forward_f32: 8,
  wt_fractional_maxpool_forward_f32: 9,
  wt_maxunpool_forward_f32: 6,
  wt_interpolate_f32: 11,
  wt_pad_f32: 8,
  wt_embedding_forward_f32: 6,
  wt_embedding_renorm_f32: 7,
  wt_attention_forward_f32: 10,
  wt_embedding_bag_f32: 11,
  wt_loss_pointwise_f32: 7,
  wt_nll_loss_f32: 10,
  wt_rnn_layer_forward_f32: 12,
  wt_batch_norm_stats_f32: 6,
  wt_batch_norm_f32: 10,
  wt_layer_norm_f32: 7,
  wt_group_norm_f32: 9,
  wt_local_response_norm_f32: 9,
  wt_set_num_threads: 1,
};

/** The C functions, each checked: `C.wt_linear_forward_f32(...)` throws on a non-zero status. */
export const C = {};

function isNode() {
  return typeof process !== 'undefined' && process.versions != null && process.versions.node != null;
}

async function readBinary(pathOrUrl) {
  if (isNode()) {
    const { readFile } = await import('node:fs/promises');
    const target = typeof pathOrUrl === 'string' && /^[a-z]+:/i.test(pathOrUrl) && !/^[a-z]:[\\/]/i.test(pathOrUrl)
      ? new URL(pathOrUrl) : pathOrUrl;
    return new Uint8Array(await readFile(target));
  }
  const res = await fetch(pathOrUrl);
  if (!res.ok) throw new Error(`webtorch: could not fetch the wasm binary from ${pathOrUrl}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

function checkWasmBytes(bytes, where, file) {
  const magic = [0x00, 0x61, 0x73, 0x6d];
  if (bytes.length < 8 || magic.some((b, i) => bytes[i] !== b)) {
    const head = new TextDecoder().decode(bytes.subarray(0, 32)).replace(/\s+/g, ' ');
    throw new Error(`webtorch: ${where} is not a WebAssembly binary (it starts with "${head}"); ` +
      `is the server returning an HTML page instead of ${file}?`);
  }
}

function checkOptions(options) {
  if (options === null || typeof options !== 'object') {
    throw new Error(`webtorch: ready(): options must be an object like { wasmPath } or { wasmBinary }, got ${options}`);
  }
  const known = new Set(['wasmPath', 'wasmBinary', 'simd', 'threads']);
  for (const key of Object.keys(options)) {
    if (!known.has(key)) {
      throw new Error(`webtorch: ready(): unknown option '${key}' (expected wasmPath, wasmBinary, simd or threads)`);
    }
  }
  for (const key of ['simd', 'threads']) {
    if (options[key] !== undefined && typeof options[key] !== 'boolean') {
      throw new Error(`webtorch: ready(): ${key} must be true or false, got ${options[key]}`);
    }
  }
}

// The smallest module using a SIMD128 instruction: () -> v128 { i32x4.splat(i32.const 0) }.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0,
  10, 8, 1, 6, 0, 65, 0, 253, 17, 11]);

/** Whether this engine runs wasm SIMD128 (the scalar build is used where it does not). */
export function simdSupported() {
  return WebAssembly.validate(SIMD_PROBE);
}

/**
 * Whether this engine can run the pthread build: shared memory, and in a browser cross-origin
 * isolation (the page is served with COOP `same-origin` and COEP `require-corp`).
 */
export function threadsSupported() {
  if (typeof SharedArrayBuffer !== 'function' || typeof Atomics !== 'object') return false;
  return isNode() || globalThis.crossOriginIsolated === true;
}

// The most threads ops use by default: the machine's hardware threads, at most 8 (beyond that a
// browser tab competes with everything else on the machine, and GEMMs of model layers stop scaling).
const DEFAULT_MAX_THREADS = 8;

async function hardwareThreads() {
  if (isNode()) {
    const os = await import('node:os');
    return os.availableParallelism?.() ?? os.cpus().length;
  }
  return globalThis.navigator?.hardwareConcurrency ?? 1;
}

// Emscripten's Node support in the pthread glue expects CommonJS's `require` and `__dirname`
// (it loads worker_threads and sets a global Worker). They are lent to it while the module
// starts, and the globals are put back as they were afterwards, so the host sees no change.
async function withNodeGlobals(glueUrl, start) {
  const { createRequire } = await import('node:module');
  const { fileURLToPath } = await import('node:url');
  const path = await import('node:path');
  const names = ['require', '__dirname', 'Worker'];
  const saved = names.map((n) => Object.getOwnPropertyDescriptor(globalThis, n));
  globalThis.require = createRequire(glueUrl);
  globalThis.__dirname = path.dirname(fileURLToPath(glueUrl));
  try {
    return await start();
  } finally {
    names.forEach((n, i) => {
      if (saved[i]) Object.defineProperty(globalThis, n, saved[i]);
      else delete globalThis[n];
    });
  }
}

async function instantiate(options) {
  // SIMD unless the engine lacks it or the caller forces the scalar build with { simd: false }.
  const simd = options.simd ?? simdSupported();
  if (simd && !simdSupported()) throw new Error('webtorch: ready(): { simd: true } but this engine has no wasm SIMD128');
  // Threads wherever they can run, unless the caller asks for one thread with { threads: false }.
  const threads = simd && (options.threads ?? threadsSupported());
  if (options.threads === true && !threads) {
    throw new Error(simd ? 'webtorch: ready(): { threads: true } but this page is not cross-origin isolated ' +
      '(serve it with Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp)'
      : 'webtorch: ready(): { threads: true } needs the SIMD build; { simd: false } has one thread');
  }
  const build = threads ? 'webtorch-simd-mt' : simd ? 'webtorch-simd' : 'webtorch-scalar';
  // Literal imports, so that bundlers see every build.
  const { default: factory } = threads ? await import('../dist/webtorch-simd-mt.mjs')
    : simd ? await import('../dist/webtorch-simd.mjs') : await import('../dist/webtorch-scalar.mjs');
  const file = `${build}.wasm`;
  let wasmBinary = options.wasmBinary;
  if (wasmBinary != null) {
    if (wasmBinary instanceof ArrayBuffer) wasmBinary = new Uint8Array(wasmBinary);
    if (!(wasmBinary instanceof Uint8Array)) {
      throw new Error('webtorch: ready(): wasmBinary must be an ArrayBuffer or Uint8Array');
    }
    checkWasmBytes(wasmBinary, 'the wasmBinary option', file);
  } else {
    // Fetched here rather than by the glue so that a missing file or an HTML error page
    // gives a clear message instead of Emscripten's "both async and sync fetching failed".
    const where = options.wasmPath ?? (threads ? new URL('../dist/webtorch-simd-mt.wasm', import.meta.url)
      : simd ? new URL('../dist/webtorch-simd.wasm', import.meta.url)
        : new URL('../dist/webtorch-scalar.wasm', import.meta.url));
    wasmBinary = await readBinary(where);
    checkWasmBytes(wasmBinary, String(where), file);
  }
  // The pthread build starts its workers with the module (wtPoolSize of them, read by the
  // glue): the calling thread is one of the threads, so hardware threads - 1.
  const maxThreads = threads ? Math.max(1, Math.min(DEFAULT_MAX_THREADS, await hardwareThreads())) : 1;
  const args = { wasmBinary, wtPoolSize: maxThreads - 1 };
  let mod;
  try {
    mod = threads && isNode()
      ? await withNodeGlobals(new URL('../dist/webtorch-simd-mt.mjs', import.meta.url), () => factory(args))
      : await factory(args);
  } catch (err) {
    args.PThread?.terminateAllThreads(); // the glue hangs its worker pool on the options object
    throw new Error(`webtorch: could not instantiate ${file} (${err.message}); wasmPath and wasmBinary must ` +
      `give the build ready() selects here: ${file} (threads ${threads}, simd ${simd})`);
  }
  if (threads && isNode()) {
    // Idle workers must not keep Node running: the process ends when the program does.
    for (const w of mod.PThread.unusedWorkers.concat(mod.PThread.runningWorkers)) w.unref();
  }
  for (const [name, argc] of Object.entries(EXPORTS)) {
    const fn = mod['_' + name];
    // A stale dist/ fails at the call that needs the missing export, with the fix in the message.
    C[name] = typeof fn !== 'function' ? () => {
      throw new Error(`webtorch: the wasm module lacks ${name}; rebuild it with npm run build`);
    } : (...args) => {
      if (args.length !== argc) throw new Error(`webtorch: internal: ${name} takes ${argc} arguments, got ${args.length}`);
      const status = fn(...args);
      if (status !== 0) throw new Error(`webtorch: ${name}: ${mod.UTF8ToString(mod._wt_last_error())}`);
    };
  }
  M = mod;
  maxThreadCount = maxThreads;
  info = { simd: mod._wt_simd_enabled() === 1, version: mod.UTF8ToString(mod._wt_version()) };
  C.wt_set_num_threads(maxThreads);
}

let maxThreadCount = 1;

/**
 * Stops the worker threads of the pthread build; the module must not be used afterwards. Node
 * programs never need it (idle workers do not keep a process alive); test runners that load the
 * module once per test file do, or every file's workers would live until the process ends.
 */
export function terminateThreads() {
  M?.PThread?.terminateAllThreads();
  state = 'failed';
  loading = null;
}

/**
 * torch.set_num_threads(n): ops use up to n threads (the caller's plus n - 1 workers of the
 * pthread build), at most the workers started with the module; the single-thread builds keep 1.
 */
export function setNumThreads(n) {
  ensureReady();
  C.wt_set_num_threads(Math.min(n, maxThreadCount));
}

/** torch.get_num_threads(). */
export function getNumThreads() {
  ensureReady();
  return M._wt_get_num_threads();
}

/**
 * Instantiate the wasm module (idempotent). Options: { wasmPath } or { wasmBinary } to locate the
 * binary of the selected build, and { simd: false } to force the scalar build (the default picks
 * the SIMD128 build wherever the engine supports it).
 */
export function ready(options = {}) {
  // Checked on every call, so a typo fails loudly even once the module is loaded.
  try {
    checkOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  if (state === 'ready') return Promise.resolve();
  if (state === 'loading') return loading;
  state = 'loading';
  loading = instantiate(options).then(
    () => { state = 'ready'; },
    (err) => { state = 'failed'; loading = null; throw err; });
  return loading;
}

export function isReady() {
  return state === 'ready';
}

/** Throws the contract's message unless ready() has resolved. */
export function ensureReady() {
  if (state !== 'ready') throw new Error(NOT_READY);
}

export function backend() {
  ensureReady();
  return { simd: info.simd, threads: getNumThreads(), version: info.version };
}

// ---- heap --------------------------------------------------------------------------------

/** Allocate nbytes in the wasm heap; throws a clear Error when the heap cannot grow. */
export function malloc(nbytes) {
  // wt_alloc takes a wasm32 size_t: a larger request would wrap modulo 2^32 and silently
  // allocate too little (a 5 GiB tensor would get 1 GiB and overwrite the rest of the heap).
  if (!(Number.isSafeInteger(nbytes) && nbytes >= 0 && nbytes < 2 ** 32)) {
    throw new Error(`webtorch: out of memory: could not allocate ${nbytes} bytes: the wasm heap holds at most 4 GiB`);
  }
  const ptr = M._wt_alloc(nbytes);
  if (ptr === 0) {
    throw new Error(`webtorch: out of memory: could not allocate ${nbytes} bytes in the wasm heap ` +
      `(${heapSize()} bytes in use by the heap)`);
  }
  return ptr;
}

export function free(ptr) {
  M._wt_free(ptr);
}

/** The current heap buffer. Never keep a view across a call that can allocate (growth detaches it). */
export function heapBuffer() {
  // Shared memory grown by a worker thread leaves the glue's HEAP views short until the glue
  // next looks; the memory object itself always has the current buffer.
  return M.wasmMemory ? M.wasmMemory.buffer : M.HEAPU8.buffer;
}

/** Total size of the wasm linear memory in bytes. */
export function heapSize() {
  return heapBuffer().byteLength;
}

/**
 * Run fn(ptrs) with small int32 arrays (shapes, strides, params) copied into the heap, and free
 * them afterwards whatever happens.
 */
export function withInt32(arrays, fn) {
  const ptrs = [];
  try {
    for (const a of arrays) {
      const p = malloc(Math.max(4, a.length * 4));
      new Int32Array(heapBuffer(), p, a.length).set(a);
      ptrs.push(p);
    }
    return fn(...ptrs);
  } finally {
    for (const p of ptrs) M._wt_free(p);
  }
}
