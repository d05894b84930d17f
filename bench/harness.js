// The measuring and reporting half of the benchmark, shared by the Node run (bench/run.js)
// and the Chromium page (bench/page.js): sampling, one result row per implementation, the
// table. Nothing here touches Node or the DOM.
//
// Method: the implementations of a workload interleave (A B C A B C ...), each slice timing
// single forward passes; a warm-up round is discarded; sampling goes on until every
// implementation has at least budgetMs of samples. Event-loop yields between slices let the
// engine install tiered-up wasm code.

import { webtorchSetup, webtorchThreads, ortSetup, tfSetup } from './workloads.js';
import { measureCompute, measureCopy, tick } from './peak.js';

/** Sampling budgets: a full run, or --quick's smoke-test run. */
export function timingFor(quick) {
  return quick ? { budgetMs: 40, sliceMs: 10, warmupMs: 10 } : { budgetMs: 1000, sliceMs: 100, warmupMs: 300 };
}

/** The machine's limits in this engine: { gflops, gbps }. */
export async function measureLimits(quick) {
  return { gflops: await measureCompute(quick ? 50 : 500), gbps: await measureCopy(1 << 20, quick ? 30 : 300) };
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

async function measure(impls, { budgetMs, sliceMs, warmupMs }) {
  const live = impls.filter((x) => x.run);
  for (const x of live) {
    await x.prepare?.();
    await slice(x.run, warmupMs, null);
  }
  for (const x of live) x.samples = [];
  const spent = () => Math.min(...live.map((x) => x.samples.reduce((a, b) => a + b, 0)));
  while (live.length && spent() < budgetMs) {
    for (const x of live) {
      await x.prepare?.();
      await slice(x.run, sliceMs, x.samples);
      await tick();
    }
  }
}

/**
 * Measures workload `w` with the three implementations and returns their rows. `env` names the
 * engine ('node' or 'chromium'); `ortModel` is the model's path or URL, or an Error saying why
 * there is none; `limit` holds the measured 1-thread { gflops, gbps }. With threads > 1 the
 * peer is onnxruntime-web at as many threads (tfjs's threaded build is not part of the bench).
 */
export async function benchWorkload(w, { env, ortModel, limit, timing, threads = 1 }) {
  const impls = [
    { impl: 'webtorch', setup: () => webtorchSetup(w.name), prepare: () => webtorchThreads(threads) },
    { impl: 'onnxruntime-web', setup: () => {
      if (ortModel instanceof Error) throw ortModel;
      return ortSetup(w.name, ortModel, threads);
    } },
    // 1 thread: tfjs too. N threads: webtorch at 1 thread as well, interleaved with the rest, for
    // the speed-up over 1 thread measured under the same conditions (not reported as a row).
    threads === 1 ? { impl: 'tfjs-wasm', setup: () => tfSetup(w.name) }
      : { impl: 'webtorch', single: true, setup: () => webtorchSetup(w.name), prepare: () => webtorchThreads(1) },
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
  await measure(impls, timing);
  const rows = impls.map((x) => {
    const row = { workload: w.name, impl: x.impl, env, threads, ms: null, gflops: null, gbps: null };
    if (x.run) {
      const s = x.samples.slice().sort((a, b) => a - b);
      row.ms = +quantile(s, 0.5).toFixed(4);
      row.p10 = +quantile(s, 0.1).toFixed(4);
      row.p90 = +quantile(s, 0.9).toFixed(4);
      row.samples = s.length;
      if (w.flops) row.gflops = +(w.flops / row.ms / 1e6).toFixed(2);
      if (w.bytes) row.gbps = +(w.bytes / row.ms / 1e6).toFixed(2);
      // the limit scales with threads (each brings its own SIMD units; copy bandwidth is per core in cache)
      row.limit_share = +((w.flops ? row.gflops / limit.gflops : row.gbps / limit.gbps) / threads).toFixed(3);
    } else row.na = x.why;
    return row;
  });
  const single = rows.findIndex((_, i) => impls[i].single);
  if (single >= 0) {
    if (rows[0].ms !== null && rows[single].ms !== null) rows[0].vs_1_thread = +(rows[single].ms / rows[0].ms).toFixed(3);
    rows.splice(single, 1);
  }
  return rows;
}

/** The measured limits as a JSON line's object. */
export function peakRow(limit, env) {
  return { workload: 'peak', impl: 'limit', env, threads: 1, ms: null, gflops: +limit.gflops.toFixed(2),
    gbps: +limit.gbps.toFixed(2) };
}

/**
 * The table: one line per row; webtorch's rows show their time over the best peer's at the same
 * thread count, and with threads > 1 their speed-up over webtorch's 1-thread row.
 */
export function formatTable(rows, limit, env) {
  const out = [`limits (${env}): SIMD128 mul+add ${limit.gflops.toFixed(1)} GFLOP/s, copy ${limit.gbps.toFixed(1)} GB/s ` +
    'per thread', ''];
  const head = ['workload', 'impl', 'threads', 'median ms', 'p10-p90 ms', 'GFLOP/s', 'GB/s', '% limit', 'vs best peer',
    'vs 1 thread'];
  const lines = [head];
  for (const r of rows) {
    const peers = rows.filter((p) => p.workload === r.workload && p.threads === r.threads && p.impl !== 'webtorch' &&
      p.ms !== null);
    const best = peers.length ? Math.min(...peers.map((p) => p.ms)) : null;
    // webtorch's rows carry their speed-up measured against 1 thread in the same run; for a
    // peer it comes from its 1-thread row (another process)
    const single = rows.find((p) => p.workload === r.workload && p.impl === r.impl && p.threads === 1 && p.ms !== null);
    const speedup = r.vs_1_thread ?? (single ? single.ms / r.ms : null);
    lines.push(r.ms === null ? [r.workload, r.impl, r.threads, `n/a (${r.na})`, '', '', '', '', '', ''] : [
      r.workload, r.impl, r.threads, r.ms.toFixed(3), `${r.p10.toFixed(3)}-${r.p90.toFixed(3)}`, r.gflops ?? '',
      r.gbps ?? '', `${(100 * r.limit_share).toFixed(0)}%`,
      r.impl === 'webtorch' && best !== null ? `${(r.ms / best).toFixed(2)}x` : '',
      r.threads > 1 && speedup !== null ? `${speedup.toFixed(2)}x faster` : '']);
  }
  const widths = head.map((_, i) => Math.max(...lines.map((l) => String(l[i]).length)));
  for (const l of lines) out.push(l.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd());
  return out.join('\n');
}
