import { readFileSync } from 'node:fs';
import { Interpreter, type MemoryReport, type NodeTiming } from '@liteml/runtime';
import { detectFormat } from '../load';
import { CliError } from '../errors';
import { buildFeeds, parseInputSpecs } from '../tensors';
import { flag, int, onePositional, str, strs, type Command } from './types';
import { formatBytes } from './inspect';
import { BACKEND_FLAGS, gpuReport, gpuSummary, interpreterOptions } from './backend-options';

const USAGE = 'benchmark <model.tflite> [--backend wasm|webgpu|reference] [--threads N] [--precision f32|f16] [--warmup N] [--runs N] [--profile] [--json]';

interface OpRow { index: number; name: string; op: string; backend: string; ms: number }

export const benchmark: Command = {
  name: 'benchmark',
  usage: USAGE,
  summary: 'latency (init, warm-up, min/median/p90/max), memory, and a per-operator profile',
  options: {
    ...BACKEND_FLAGS,
    warmup: { type: 'string' },
    runs: { type: 'string' },
    profile: { type: 'boolean' },
    input: { type: 'string', multiple: true },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const path = onePositional(args, 'model path', USAGE);
    if (detectFormat(path) !== 'tflite') throw new CliError('BAD_INPUT', `${path}: 'liteml benchmark' takes a .tflite (convert it first)`);
    const bytes = new Uint8Array(readFileSync(path));
    const warmup = int(args, 'warmup', 1);
    const runs = int(args, 'runs', 10, 1);
    const profile = flag(args, 'profile');
    let timings: NodeTiming[] | undefined;
    const rssBefore = process.memoryUsage().rss;
    const t0 = performance.now();
    const options = interpreterOptions(args);
    const interp = await Interpreter.create(bytes, { ...options, profiler: (t) => timings?.push(t) });
    const initMs = performance.now() - t0;
    const feeds = buildFeeds(interp.inputs, parseInputSpecs(strs(args, 'input')), int(args, 'seed', 1234));
    const t1 = performance.now();
    await interp.runAsync(feeds);
    const firstMs = performance.now() - t1;
    for (let i = 1; i < warmup; i++) await interp.runAsync(feeds);
    const times: number[] = [];
    const perNode = new Map<number, OpRow>();
    for (let r = 0; r < runs; r++) {
      timings = profile ? [] : undefined;
      const s = performance.now();
      await interp.runAsync(feeds);
      times.push(performance.now() - s);
      for (const t of timings ?? []) {
        if (t.graphIndex !== 0) continue;
        const row = perNode.get(t.nodeIndex) ?? { index: t.nodeIndex, name: t.node, op: t.op, backend: t.backend, ms: 0 };
        row.ms += t.ms;
        perNode.set(t.nodeIndex, row);
      }
    }
    timings = undefined;
    const gpu = await gpuReport(interp, options);
    const memory = interp.memory;
    interp.dispose();
    const peakRss = process.memoryUsage().rss;
    const sorted = [...times].sort((a, b) => a - b);
    const latency = {
      min: sorted[0]!,
      median: quantile(sorted, 0.5),
      p90: quantile(sorted, 0.9),
      max: sorted[sorted.length - 1]!,
      mean: times.reduce((a, b) => a + b, 0) / times.length,
    };
    const nodes = [...perNode.values()].sort((a, b) => a.index - b.index).map((r) => ({ ...r, ms: r.ms / runs }));
    const report = {
      model: path,
      backend: interp.backend,
      threads: interp.numThreads,
      ...(gpu ? { webgpu: gpu } : {}),
      warmup,
      runs,
      initMs,
      firstRunMs: firstMs,
      latencyMs: latency,
      memory: { ...memory, modelBytes: bytes.byteLength, rssDeltaBytes: Math.max(0, peakRss - rssBefore) },
      ...(profile ? { profile: { graph: 0, runs, totalMs: latency.mean, nodes } } : {}),
    };
    if (flag(args, 'json')) {
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    const f = (x: number) => x.toFixed(3);
    io.stdout.write(
      `${path} on ${interp.backend}, ${interp.numThreads} thread(s)\n` +
        (gpu ? gpuSummary(gpu) : '') +
        `init: ${f(initMs)} ms   first run: ${f(firstMs)} ms   warm-up runs: ${warmup}   timed runs: ${runs}\n` +
        `latency ms: min ${f(latency.min)}  median ${f(latency.median)}  p90 ${f(latency.p90)}  max ${f(latency.max)}  mean ${f(latency.mean)}\n` +
        `memory: ${memoryLine(report.memory)}, ` +
        `model ${formatBytes(bytes.byteLength)}, process RSS +${formatBytes(report.memory.rssDeltaBytes)}\n`,
    );
    if (profile) io.stdout.write(`\n${profileTables(nodes)}`);
    return 0;
  },
};

function memoryLine(m: MemoryReport): string {
  const gpu = m.gpu ? `GPU weights ${formatBytes(m.gpu.constantBytes)}, GPU buffer pool ${formatBytes(m.gpu.pooledBytes)}, ` : '';
  return `${gpu}arena ${formatBytes(m.arenaBytes)}, persistent ${formatBytes(m.persistentBytes)}`;
}

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** benchmark_model-style tables: run order, top nodes by time, summary by op type. */
export function profileTables(nodes: OpRow[]): string {
  const total = nodes.reduce((a, n) => a + n.ms, 0) || 1;
  const pct = (ms: number) => `${((100 * ms) / total).toFixed(2)}%`;
  const table = (title: string, head: string[], rows: string[][]) => {
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padStart(widths[i]!))).join('  ');
    return `${title}\n${line(head)}\n${rows.map(line).join('\n')}\n\n`;
  };
  const runOrder = nodes.map((n) => [String(n.index), n.op.replace(/^tfl\./, ''), n.backend, n.ms.toFixed(3), pct(n.ms), n.name]);
  let cum = 0;
  const top = [...nodes].sort((a, b) => b.ms - a.ms).slice(0, 10).map((n) => {
    cum += n.ms;
    return [String(n.index), n.op.replace(/^tfl\./, ''), n.backend, n.ms.toFixed(3), pct(n.ms), pct(cum), n.name];
  });
  const byOp = new Map<string, { count: number; ms: number; backends: Set<string> }>();
  for (const n of nodes) {
    const e = byOp.get(n.op) ?? { count: 0, ms: 0, backends: new Set<string>() };
    e.count++;
    e.ms += n.ms;
    e.backends.add(n.backend);
    byOp.set(n.op, e);
  }
  cum = 0;
  const summary = [...byOp.entries()].sort((a, b) => b[1].ms - a[1].ms).map(([op, e]) => {
    cum += e.ms;
    return [op.replace(/^tfl\./, ''), String(e.count), e.ms.toFixed(3), pct(e.ms), pct(cum), [...e.backends].join(',')];
  });
  return (
    table('Operator-wise profile, run order (avg ms per run):', ['node', 'op', 'backend', 'avg ms', '%', 'name'], runOrder) +
    table('Top by compute time:', ['node', 'op', 'backend', 'avg ms', '%', 'cum %', 'name'], top) +
    table('Summary by operator type:', ['op', 'count', 'avg ms', '%', 'cum %', 'backends'], summary)
  );
}
