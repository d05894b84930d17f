// Benchmark harness (issue 6): webtorch against onnxruntime-web and tfjs-backend-wasm, one
// thread, same process, same shapes.
//
//   npm run bench                 table (median, p10-p90 spread, share of the measured limit)
//   npm run bench -- --json       one JSON object per line:
//                                 {"workload","impl","threads","ms","gflops","gbps",...}
//   npm run bench -- --quick      tiny time budget, the linear workload only (the Jest smoke test)
//   npm run bench -- --only=a,b   a subset of the workloads
//
// Method: the implementations of a workload interleave (A B C A B C ...), each slice timing
// single forward passes; a warm-up round is discarded; sampling goes on until every
// implementation has at least BUDGET_MS of samples. Event-loop yields between slices let V8
// install tiered-up wasm code. ONNX models come from bench/export_onnx.py (torch.onnx.export
// through /usr/bin/python3, Debian's python3-torch), generated into the ignored bench/.cache/
// on first run; without torch the onnxruntime-web rows say why they are missing.
// Timings are never asserted anywhere: this machine is shared and noisy.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WORKLOADS, webtorchSetup, ortSetup, tfSetup } from './workloads.js';
import { measureCompute, measureCopy } from './peak.js';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const JSON_OUT = flag('json');
const QUICK = flag('quick');
if (flag('browser')) {
  console.error('bench: --browser is not implemented yet (the Node harness is); see "Performance" in README.md');
  process.exit(2);
}
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const BUDGET_MS = QUICK ? 40 : 1000;
const SLICE_MS = QUICK ? 10 : 100;
const WARMUP_MS = QUICK ? 10 : 300;

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const CACHE = here('./.cache/');
const tick = () => new Promise((resolve) => setImmediate(resolve));

function ensureOnnx(names) {
  const missing = names.filter((n) => !existsSync(`${CACHE}${n}.onnx`));
  if (missing.length === 0) return null;
  const r = spawnSync('/usr/bin/python3', [here('./export_onnx.py'), CACHE], { encoding: 'utf8' });
  if (r.status !== 0) return `ONNX export failed (needs /usr/bin/python3 with torch): ${(r.stderr || r.error || '').toString().trim().split('\n').pop()}`;
  return null;
}

function quantile(sorted, q) {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (i - lo);
}

async function slice(run, ms, samples) {
  const end = performance.now() + ms;
  do {
    const t0 = performance.now();
    await run();
    samples?.push(performance.now() - t0);
  } while (performance.now() < end);
}

async function measure(impls) {
  const live = impls.filter((x) => x.run);
  for (const x of live) await slice(x.run, WARMUP_MS, null);
  for (const x of live) x.samples = [];
  const spent = () => Math.min(...live.map((x) => x.samples.reduce((a, b) => a + b, 0)));
  while (live.length && spent() < BUDGET_MS) {
    for (const x of live) {
      await slice(x.run, SLICE_MS, x.samples);
      await tick();
    }
  }
}

async function main() {
  const workloads = WORKLOADS.filter((w) => (QUICK ? w.name === 'linear' : !only || only.includes(w.name)));
  const limit = {
    gflops: await measureCompute(QUICK ? 50 : 500),
    gbps: await measureCopy(1 << 20, QUICK ? 30 : 300),
  };
  const ortProblem = ensureOnnx(workloads.map((w) => w.name));
  const rows = [];
  for (const w of workloads) {
    const impls = [
      { impl: 'webtorch', setup: () => webtorchSetup(w.name) },
      { impl: 'onnxruntime-web', setup: () => {
        if (ortProblem) throw new Error(ortProblem);
        return ortSetup(w.name, `${CACHE}${w.name}.onnx`);
      } },
      { impl: 'tfjs-wasm', setup: () => tfSetup(w.name) },
    ];
    for (const x of impls) {
      try {
        x.run = await x.setup();
        if (x.run === null) x.why = 'no such op';
      } catch (err) {
        x.run = null;
        x.why = err.message.split('\n')[0];
      }
    }
    await measure(impls);
    for (const x of impls) {
      const row = { workload: w.name, impl: x.impl, threads: 1, ms: null, gflops: null, gbps: null };
      if (x.run) {
        const s = x.samples.slice().sort((a, b) => a - b);
        row.ms = +quantile(s, 0.5).toFixed(4);
        row.p10 = +quantile(s, 0.1).toFixed(4);
        row.p90 = +quantile(s, 0.9).toFixed(4);
        row.samples = s.length;
        if (w.flops) row.gflops = +(w.flops / row.ms / 1e6).toFixed(2);
        if (w.bytes) row.gbps = +(w.bytes / row.ms / 1e6).toFixed(2);
        row.limit_share = +((w.flops ? row.gflops / limit.gflops : row.gbps / limit.gbps)).toFixed(3);
      } else row.na = x.why;
      rows.push(row);
      if (JSON_OUT) console.log(JSON.stringify(row));
    }
  }
  if (JSON_OUT) {
    console.log(JSON.stringify({ workload: 'peak', impl: 'limit', threads: 1, ms: null, gflops: +limit.gflops.toFixed(2),
      gbps: +limit.gbps.toFixed(2) }));
    return;
  }
  printTable(rows, limit);
}

function printTable(rows, limit) {
  console.log(`limits: SIMD128 mul+add ${limit.gflops.toFixed(1)} GFLOP/s, copy ${limit.gbps.toFixed(1)} GB/s (1 thread)\n`);
  const head = ['workload', 'impl', 'median ms', 'p10-p90 ms', 'GFLOP/s', 'GB/s', '% limit', 'vs best peer'];
  const lines = [head];
  for (const r of rows) {
    const peers = rows.filter((p) => p.workload === r.workload && p.impl !== 'webtorch' && p.ms !== null);
    const best = peers.length ? Math.min(...peers.map((p) => p.ms)) : null;
    lines.push(r.ms === null ? [r.workload, r.impl, `n/a (${r.na})`, '', '', '', '', ''] : [
      r.workload, r.impl, r.ms.toFixed(3), `${r.p10.toFixed(3)}-${r.p90.toFixed(3)}`, r.gflops ?? '', r.gbps ?? '',
      `${(100 * r.limit_share).toFixed(0)}%`,
      r.impl === 'webtorch' && best !== null ? `${(r.ms / best).toFixed(2)}x` : '']);
  }
  const widths = head.map((_, i) => Math.max(...lines.map((l) => String(l[i]).length)));
  for (const l of lines) console.log(l.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd());
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
