// Benchmark harness (issue 6): webtorch against onnxruntime-web and tfjs-backend-wasm, same
// process, same shapes; one thread, then two (against onnxruntime-web at two threads, in a
// second process because onnxruntime-web fixes its thread count once per process).
//
//   npm run bench                 table (median, p10-p90 spread, share of the measured limit)
//   npm run bench -- --threads=N  only the rows at N threads
//   npm run bench -- --json       one JSON object per line:
//                                 {"workload","impl","threads","ms","gflops","gbps",...}
//   npm run bench -- --quick      tiny time budget, the linear workload only (the Jest smoke test)
//   npm run bench -- --only=a,b   a subset of the workloads
//   npm run bench -- --browser    the same in headless Chromium (rows with "env": "chromium")
//
// Method: see bench/harness.js. ONNX models come from bench/export_onnx.py (torch.onnx.export
// through /usr/bin/python3, Debian's python3-torch), generated into the ignored bench/.cache/
// on first run; without torch the onnxruntime-web rows say why they are missing.
// Timings are never asserted anywhere: this machine is shared and noisy.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WORKLOADS } from './workloads.js';
import { benchWorkload, peakRow, formatTable, timingFor, measureLimits } from './harness.js';
import { runInBrowser } from './browser.js';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const JSON_OUT = flag('json');
const QUICK = flag('quick');
const BROWSER = flag('browser');
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const threadsArg = args.find((a) => a.startsWith('--threads='));
const THREADS = threadsArg ? Number(threadsArg.slice(10)) : 1;
if (!(Number.isInteger(THREADS) && THREADS >= 1)) throw new Error(`bench: --threads must be a positive integer, got ${threadsArg}`);
// The 2-thread rows of a full Node run come from a child process: node bench/run.js --threads=2.
const WITH_TWO = !threadsArg && !QUICK && !BROWSER;

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const CACHE = here('./.cache/');

function ensureOnnx(names) {
  const missing = names.filter((n) => !existsSync(`${CACHE}${n}.onnx`));
  if (missing.length === 0) return null;
  const r = spawnSync('/usr/bin/python3', [here('./export_onnx.py'), CACHE], { encoding: 'utf8' });
  if (r.status !== 0) return `ONNX export failed (needs /usr/bin/python3 with torch): ${(r.stderr || r.error || '').toString().trim().split('\n').pop()}`;
  return null;
}

async function main() {
  const workloads = WORKLOADS.filter((w) => (QUICK ? w.name === 'linear' : !only || only.includes(w.name)));
  const ortProblem = ensureOnnx(workloads.map((w) => w.name));
  const print = (row) => { if (JSON_OUT) console.log(JSON.stringify(row)); };
  let rows, limit, env;
  if (BROWSER) {
    env = 'chromium';
    ({ rows, limit } = await runInBrowser({ names: workloads.map((w) => w.name), quick: QUICK, ortProblem,
      onRow: print }));
  } else {
    env = 'node';
    limit = await measureLimits(QUICK);
    rows = [];
    for (const w of workloads) {
      const got = await benchWorkload(w, { env, limit, timing: timingFor(QUICK), threads: THREADS,
        ortModel: ortProblem ? new Error(ortProblem) : `${CACHE}${w.name}.onnx` });
      got.forEach(print);
      rows.push(...got);
    }
    if (WITH_TWO) {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--json', '--threads=2',
        `--only=${workloads.map((w) => w.name).join(',')}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      if (child.status !== 0) throw new Error(`bench: the 2-thread run failed (exit ${child.status})`);
      const got = child.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((r) => r.workload !== 'peak');
      got.forEach(print);
      rows.push(...got);
    }
  }
  // the page's limit row is already a peak row; a Node run builds its own
  if (JSON_OUT) console.log(JSON.stringify(BROWSER ? limit : peakRow(limit, env)));
  else console.log(formatTable(rows, limit, env));
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
