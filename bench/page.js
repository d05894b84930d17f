// The benchmark page (bundled by bench/browser.js with esbuild into bench/.cache/browser/):
// runs the workloads named in the query string (?names=a,b&quick=1&ort=<reason it is
// missing>) and logs each result row as one console line `BENCH <json>`, then `BENCH-END`
// (or `BENCH-ERROR <message>`), which the driver collects.

import { WORKLOADS, setPeerWasmPaths } from './workloads.js';
import { benchWorkload, peakRow, timingFor, measureLimits } from './harness.js';

async function main() {
  const q = new URLSearchParams(location.search);
  const names = q.get('names').split(',');
  const quick = q.get('quick') === '1';
  const ortProblem = q.get('ort');
  // the driver serves each peer's dist/ folder at these prefixes
  setPeerWasmPaths({ ort: '/ort/', tf: '/tfjs-wasm/' });
  const limit = await measureLimits(quick);
  for (const w of WORKLOADS.filter((x) => names.includes(x.name))) {
    const rows = await benchWorkload(w, { env: 'chromium', limit, timing: timingFor(quick),
      ortModel: ortProblem ? new Error(ortProblem) : `/models/${w.name}.onnx` });
    for (const row of rows) console.log(`BENCH ${JSON.stringify(row)}`);
  }
  console.log(`BENCH ${JSON.stringify(peakRow(limit, 'chromium'))}`);
  console.log('BENCH-END');
}

main().catch((err) => console.log(`BENCH-ERROR ${err?.stack ?? err}`));
