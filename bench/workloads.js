// The benchmark workloads (issue 6), each as a setup per implementation returning a `run`
// function (sync or async) that computes one forward pass and frees its result.
// Shapes match bench/export_onnx.py (the ONNX models for onnxruntime-web).

const T = 100, B = 8, I = 128, H = 256; // lstm

function transformerFlops(S = 128, D = 256, F = 1024) {
  return 2 * S * D * 3 * D + 2 * 2 * S * S * D + 2 * S * D * D + 2 * 2 * S * D * F;
}

/** name, shape text, flops (GFLOP/s column) or bytes moved (GB/s column). */
export const WORKLOADS = [
  { name: 'linear', shape: 'Linear [64,1024] x [1024,1024] + bias', flops: 2 * 64 * 1024 * 1024 },
  { name: 'conv3x3', shape: 'Conv2d 3x3 64->64, 56x56, pad 1', flops: 2 * 64 * 64 * 9 * 56 * 56 },
  { name: 'dwconv3x3', shape: 'depthwise 3x3, 128 ch, 56x56, pad 1', flops: 2 * 128 * 9 * 56 * 56 },
  { name: 'lstm', shape: 'LSTM 128->256, 100 steps, batch 8', flops: 2 * T * B * (I + H) * 4 * H },
  { name: 'transformer', shape: 'TransformerEncoderLayer d256 h8 ff1024 seq128', flops: transformerFlops() },
  { name: 'maxpool', shape: 'MaxPool2d 2x2 on [1,64,112,112]', bytes: 4 * 64 * 112 * 112 * 1.25 },
  { name: 'layernorm', shape: 'LayerNorm(512) on [128,512]', bytes: 2 * 4 * 128 * 512 },
  { name: 'net', shape: "the article's Net on [32,200]",
    flops: 2 * 32 * (16 * 3 * 5 * 196 + 128 * 16 * 2 * 97 + 6144) },
];

// ---- webtorch ----------------------------------------------------------------------------

/**
 * Sets webtorch's thread count (Node and isolated pages load the pthread build, which uses every
 * core by default); the harness calls it before each slice, so 1 and N threads can interleave.
 */
export async function webtorchThreads(threads) {
  const torch = await import('../js/index.js');
  await torch.ready();
  torch.set_num_threads(threads);
  if (torch.get_num_threads() !== threads) throw new Error(`${threads} threads are not available here`);
}

export async function webtorchSetup(name) {
  const torch = await import('../js/index.js');
  await torch.ready();
  const { nn } = torch;
  torch.manual_seed(0);
  const layer = (m, x) => {
    m.eval();
    return () => torch.tidy(() => { m.forward(x); });
  };
  switch (name) {
    case 'linear': return layer(new nn.Linear(1024, 1024), torch.randn([64, 1024]));
    case 'conv3x3': return layer(new nn.Conv2d(64, 64, 3, { padding: 1 }), torch.randn([1, 64, 56, 56]));
    case 'dwconv3x3':
      return layer(new nn.Conv2d(128, 128, 3, { padding: 1, groups: 128 }), torch.randn([1, 128, 56, 56]));
    case 'lstm': return layer(new nn.LSTM(I, H), torch.randn([T, B, I]));
    case 'transformer':
      return layer(new nn.TransformerEncoderLayer(256, 8, 1024, { batch_first: true }), torch.randn([1, 128, 256]));
    case 'maxpool': return layer(new nn.MaxPool2d(2), torch.randn([1, 64, 112, 112]));
    case 'layernorm': return layer(new nn.LayerNorm(512), torch.randn([128, 512]));
    case 'net': {
      const { Net } = await import('../web-demo/models.js');
      return layer(new Net(), torch.randint(0, 10000, [32, 200]));
    }
    default: throw new Error(`bench: unknown workload ${name}`);
  }
}

// ---- onnxruntime-web ---------------------------------------------------------------------

let ortPromise = null;
// Where the peers' own wasm files are served from: a page sets these (bench/page.js) before the
// first setup; null keeps each package's Node default.
const wasmPaths = { ort: null, tf: null };

/** Sets the URL prefixes of onnxruntime-web's and tfjs-backend-wasm's wasm files. */
export function setPeerWasmPaths({ ort, tf }) {
  wasmPaths.ort = ort;
  wasmPaths.tf = tf;
}

// onnxruntime-web fixes its thread count when its wasm starts: one count per process.
async function loadOrt(threads) {
  ortPromise ??= (async () => {
    const ort = await import('onnxruntime-web');
    ort.env.wasm.numThreads = threads;
    ort.env.wasm.simd = true;
    ort.env.logLevel = 'error';
    if (wasmPaths.ort) ort.env.wasm.wasmPaths = wasmPaths.ort;
    return ort;
  })();
  return ortPromise;
}

const ORT_INPUTS = {
  linear: ['float32', [64, 1024]], conv3x3: ['float32', [1, 64, 56, 56]], dwconv3x3: ['float32', [1, 128, 56, 56]],
  lstm: ['float32', [T, B, I]], transformer: ['float32', [1, 128, 256]], maxpool: ['float32', [1, 64, 112, 112]],
  layernorm: ['float32', [128, 512]], net: ['int64', [32, 200]],
};

export async function ortSetup(name, modelPath, threads = 1) {
  const ort = await loadOrt(threads);
  if (ort.env.wasm.numThreads !== threads) throw new Error(`onnxruntime-web already started with ${ort.env.wasm.numThreads} threads`);
  const session = await ort.InferenceSession.create(modelPath, { executionProviders: ['wasm'],
    graphOptimizationLevel: 'all' });
  const [dtype, shape] = ORT_INPUTS[name];
  const n = shape.reduce((a, b) => a * b, 1);
  const data = dtype === 'int64'
    ? BigInt64Array.from({ length: n }, (_, i) => BigInt((i * 7919) % 10000))
    : Float32Array.from({ length: n }, (_, i) => Math.sin(i));
  const feeds = { [session.inputNames[0]]: new ort.Tensor(dtype, data, shape) };
  return async () => {
    const out = await session.run(feeds);
    for (const t of Object.values(out)) t.dispose?.();
  };
}

// ---- tfjs-backend-wasm -------------------------------------------------------------------

let tfPromise = null;

async function loadTf() {
  tfPromise ??= (async () => {
    const tf = await import('@tensorflow/tfjs-core');
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const dist = new URL('../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url);
    wasm.setWasmPaths(wasmPaths.tf ?? (dist.pathname.endsWith('/') ? dist.pathname : `${dist.pathname}/`));
    wasm.setThreadsCount(1);
    // a cross-origin-isolated page would otherwise load the pthread build, whose worker pool
    // (blob: workers) the page's CSP refuses and which one thread does not use
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    await tf.setBackend('wasm');
    await tf.ready();
    return tf;
  })();
  return tfPromise;
}

/** null where tfjs has no op for the workload. */
export async function tfSetup(name) {
  if (name === 'transformer' || name === 'net') return null;
  const tf = await loadTf();
  const r = (shape) => tf.randomNormal(shape, 0, 1, 'float32', 0);
  // The wasm backend runs every op synchronously inside the call, so the forward is complete
  // when fn returns; reading the result back (dataSync) would add a copy out of the wasm heap
  // and a large JS allocation per run (periodic GC pauses: medians 3-10x the compute), which
  // the webtorch rows do not pay either.
  const run = (fn) => () => tf.tidy(() => { fn(); });
  switch (name) {
    case 'linear': {
      const x = r([64, 1024]), wT = r([1024, 1024]), b = r([1024]); // weights pre-transposed [in, out]
      return run(() => tf.fused.matMul({ a: x, b: wT, bias: b }));
    }
    case 'conv3x3': {
      const x = r([1, 56, 56, 64]), w = r([3, 3, 64, 64]), b = r([64]);
      return run(() => tf.fused.conv2d({ x, filter: w, strides: 1, pad: 'same', bias: b }));
    }
    case 'dwconv3x3': {
      const x = r([1, 56, 56, 128]), w = r([3, 3, 128, 1]), b = r([128]);
      return run(() => tf.fused.depthwiseConv2d({ x, filter: w, strides: 1, pad: 'same', bias: b }));
    }
    case 'lstm': {
      const x = r([T, B, I]), kernel = r([I + H, 4 * H]), bias = r([4 * H]), forget = tf.scalar(1);
      return run(() => {
        let c = tf.zeros([B, H]), h = tf.zeros([B, H]);
        const steps = tf.unstack(x);
        for (const xt of steps) [c, h] = tf.basicLSTMCell(forget, kernel, bias, xt, c, h);
        return h;
      });
    }
    case 'maxpool': {
      const x = r([1, 112, 112, 64]);
      return run(() => tf.maxPool(x, 2, 2, 'valid'));
    }
    case 'layernorm': {
      const x = r([128, 512]), g = r([512]), b = r([512]);
      return run(() => {
        const { mean, variance } = tf.moments(x, -1, true);
        // functional forms: tfjs-core's chained ops (x.sub ...) exist only after a side-effect import
        return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, 1e-5))), g), b);
      });
    }
    default: throw new Error(`bench: unknown workload ${name}`);
  }
}
