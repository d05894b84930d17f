// The minimal app: `import torch from 'webtorch'` and nothing else to configure. The query string
// picks what to exercise (tests/js/browser.test.js):
//   ?simd=false            the scalar build            ?wasmPath=URL     ready({ wasmPath })
//   ?threads=false         the single-thread build (isolated pages get the pthread one)
//   ?wasmBinary=URL        ready({ wasmBinary }) with bytes fetched here
//   ?weights=URL           torch.load_safetensors(URL, { onProgress })
//   ?worker=1              the same forward pass in a module Web Worker
import torch, { nn } from 'webtorch';
import { runForward } from './model.js';

const params = new URLSearchParams(location.search);

function report(result) {
  document.getElementById('result').textContent = JSON.stringify(result);
  document.body.dataset.done = 'true';
}

function inWorker() {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (e) => { worker.terminate(); resolve(e.data); };
    worker.onerror = (e) => reject(new Error(`worker: ${e.message}`));
  });
}

async function main() {
  const options = {};
  if (params.has('simd')) options.simd = params.get('simd') === 'true';
  if (params.has('threads')) options.threads = params.get('threads') === 'true';
  if (params.has('wasmPath')) options.wasmPath = params.get('wasmPath');
  if (params.has('wasmBinary')) options.wasmBinary = await (await fetch(params.get('wasmBinary'))).arrayBuffer();
  await torch.ready(options);
  const result = { backend: torch.backend(), forward: runForward(torch, nn), cores: navigator.hardwareConcurrency,
    isolated: crossOriginIsolated };
  if (params.has('weights')) {
    const progress = [];
    const before = torch.memory_allocated();
    const sd = await torch.load_safetensors(params.get('weights'), { onProgress: (loaded, total) => progress.push([loaded, total]) });
    result.weights = { names: Object.keys(sd), shapes: Object.values(sd).map((t) => t.shape), progress };
    for (const t of Object.values(sd)) t.dispose();
    result.weights.leaked = torch.memory_allocated() - before;
  }
  if (params.has('worker')) result.worker = await inWorker();
  report(result);
}

main().catch((err) => report({ error: err.message }));
