// Smoke tests of the benchmark harness (bench/run.js) so it cannot rot: a --quick run (tiny
// time budget, the linear workload only) must print parseable JSON lines with a row for every
// implementation and the measured limits. Timings are never asserted.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('npm run bench -- --quick --json prints a row per implementation', () => {
  const r = spawnSync(process.execPath, ['bench/run.js', '--quick', '--json'], { cwd: root, encoding: 'utf8',
    timeout: 240000 });
  expect(r.stderr).not.toMatch(/Error/);
  expect(r.status).toBe(0);
  const rows = r.stdout.trim().split('\n').map((line) => JSON.parse(line));
  const linear = rows.filter((x) => x.workload === 'linear');
  expect(linear.map((x) => x.impl).sort()).toEqual(['onnxruntime-web', 'tfjs-wasm', 'webtorch']);
  for (const x of linear) {
    expect(x.threads).toBe(1);
    // The ONNX models need torch once (bench/export_onnx.py); a machine without it may only
    // skip onnxruntime-web, and must say so. Everything else ran: a median and a GFLOP/s figure.
    if (x.impl === 'onnxruntime-web' && x.na !== undefined) {
      expect(x.na).toMatch(/ONNX export failed/);
      continue;
    }
    expect(x.na).toBeUndefined();
    expect(x.ms).toBeGreaterThan(0);
    expect(x.gflops).toBeGreaterThan(0);
  }
  const peak = rows.find((x) => x.workload === 'peak');
  expect(peak.gflops).toBeGreaterThan(0);
  expect(peak.gbps).toBeGreaterThan(0);
}, 300000);

// The same smoke run in Chromium (bench/browser.js, ~10 s): the page's rows say "env": "chromium".
test('npm run bench -- --browser --quick --json runs the workloads in Chromium', () => {
  const r = spawnSync(process.execPath, ['bench/run.js', '--browser', '--quick', '--json'], { cwd: root,
    encoding: 'utf8', timeout: 120000 });
  expect(r.status).toBe(0);
  const rows = r.stdout.trim().split('\n').map((line) => JSON.parse(line));
  const linear = rows.filter((x) => x.workload === 'linear');
  expect(linear.map((x) => x.impl).sort()).toEqual(['onnxruntime-web', 'tfjs-wasm', 'webtorch']);
  for (const x of rows) expect(x.env).toBe('chromium');
  const wt = linear.find((x) => x.impl === 'webtorch');
  expect(wt.na).toBeUndefined();
  expect(wt.ms).toBeGreaterThan(0);
  expect(rows.find((x) => x.workload === 'peak').gflops).toBeGreaterThan(0);
}, 150000);
