// Benchmark: time-to-interactive and page size of generated pages in headless Chromium, for the
// largest shared models and generated 1,000/5,000-node graphs; writes BENCHMARKS.md.
// Run: pnpm --filter @liteml/visualize bench   (needs a build and /usr/bin/chromium)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import dagre from '@dagrejs/dagre';
import { importTflite, type Model } from '@liteml/graph-ir';
import { renderHtml } from '../dist/index.js';
import { CHROMIUM, HAS_CHROMIUM, launch, open, writePage } from '../test/browser-harness';
import { syntheticModel } from '../test/synthetic';

// run from the package folder (pnpm bench); this file is bundled to a temporary place first
const pkg = process.cwd();
const MODELS = resolve(process.env.LITEML_TEST_MODELS ?? join(pkg, '..', '..', '..', 'shared', 'models'));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Case { name: string; model: Model }
interface Row { name: string; nodes: number; renderMs: number; bytes: number; ttiMs: number; doneMs: number; layoutMs: number; longestTaskMs: number }

const LONG_TASKS = `window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function cases(): Case[] {
  const out: Case[] = [];
  const add = (rel: string) => {
    const file = join(MODELS, rel);
    if (existsSync(file)) out.push({ name: rel, model: importTflite(new Uint8Array(readFileSync(file))) });
  };
  add('coral/movenet_single_pose_lightning_ptq.tflite'); // most nodes (157)
  add('support/coco_ssd_mobilenet_v1_1.0_quant_2018_06_29.tflite'); // largest file (4.2 MB)
  if (!out.length) console.log(`[bench] shared models not found at ${MODELS}: generated graphs only`);
  out.push({ name: 'generated 1,000 nodes', model: syntheticModel(1000) });
  out.push({ name: 'generated 5,000 nodes', model: syntheticModel(5000) });
  return out;
}

/** dagre on a whole graph in one piece (what the page avoids above 600 items), in Node. */
function dagreWhole(n: number, extraSkips: boolean): string {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 26 });
  g.setDefaultEdgeLabel(() => ({}));
  for (let i = 0; i < n; i++) g.setNode(String(i), { width: 120, height: 50 });
  for (let i = 1; i < n; i++) {
    g.setEdge(String(i - 1), String(i), { width: 90, height: 12, labelpos: 'c' }, `a${i}`);
    if (i % 4 === 3 && i >= 4) g.setEdge(String(i - 4), String(i), { width: 90, height: 12, labelpos: 'c' }, `b${i}`);
    if (extraSkips && i % 7 === 0 && i >= 3) g.setEdge(String(i - 3), String(i), { width: 90, height: 12, labelpos: 'c' }, `c${i}`);
  }
  const t = performance.now();
  try {
    dagre.layout(g);
    return `${(performance.now() - t).toFixed(0)} ms`;
  } catch (e) {
    return `fails (${(e as Error).name}: ${(e as Error).message.slice(0, 40)})`;
  }
}

async function main(): Promise<void> {
  if (!HAS_CHROMIUM) {
    console.log(`[bench] ${CHROMIUM} not found (apt-get install -y chromium): nothing measured`);
    if (process.env.CI === 'true') process.exit(1);
    return;
  }
  const rows: Row[] = [];
  const browser = await launch();
  try {
    for (const c of cases()) {
      const t = performance.now();
      const html = renderHtml(c.model, { title: c.name });
      const renderMs = performance.now() - t;
      const url = writePage(`bench-${c.name.replace(/[^a-z0-9]+/gi, '_')}.html`, html, join(pkg, 'test-artifacts'));
      const tti: number[] = [];
      const done: number[] = [];
      const layout: number[] = [];
      const longest: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const { page, errors } = await open(browser, url, LONG_TASKS);
        await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
        await page.waitForSelector('body[data-layout="done"]', { timeout: 120_000 });
        const s = await page.evaluate(() => window.__liteml!);
        if (errors.length) throw new Error(`${c.name}: page errors: ${errors.join('; ')}`);
        tti.push(s.readyMs!);
        done.push(s.doneMs!);
        layout.push(s.layoutMs ?? 0);
        // the longest main-thread task after the page became interactive: how long input may wait
        longest.push(await page.evaluate(() => {
          const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __liteml: { readyMs: number } };
          return Math.max(0, ...w.__longTasks.filter((t) => t.start >= w.__liteml.readyMs).map((t) => t.duration));
        }));
        await page.close();
      }
      const row = { name: c.name, nodes: c.model.graphs.reduce((a, g) => a + g.nodes.length, 0), renderMs, bytes: html.length, ttiMs: median(tti), doneMs: median(done), layoutMs: median(layout), longestTaskMs: median(longest) };
      rows.push(row);
      console.log(`[bench] ${row.name}: ${row.nodes} nodes, page ${(row.bytes / 1e6).toFixed(2)} MB, renderHtml ${row.renderMs.toFixed(0)} ms, TTI ${row.ttiMs.toFixed(0)} ms, full layout ${row.doneMs.toFixed(0)} ms, longest task after TTI ${row.longestTaskMs.toFixed(0)} ms`);
    }
  } finally {
    await browser.close();
  }
  const whole = [500, 1000, 2000].map((n) => `| ${n} | ${dagreWhole(n, false)} | ${dagreWhole(n, true)} |`);
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const version = (await launch().then(async (b) => { const v = b.context.browser()?.version() ?? 'Chromium'; await b.close(); return v; }).catch(() => 'Chromium'));
  const md = `# @liteml/visualize benchmarks

Generated by \`pnpm --filter @liteml/visualize bench\` (bench/page-bench.ts) on ${new Date().toISOString().slice(0, 10)},
${cpu} (${cpus().length} cores, shared), headless Chromium ${version} (\`${CHROMIUM}\`, --disable-gpu), median of ${RUNS} page loads.

- **TTI** (time to interactive): from navigation start to the first region drawn and the page answering input
  (\`window.__liteml.readyMs\`, taken in the frame after the first draw). Target: < 2 s.
- **Full layout**: until every node is drawn (\`doneMs\`); large graphs are laid out in regions of about 120 items
  (cut where the fewest edges cross), one task per region, so the page stays responsive meanwhile; regions far
  from the view are kept hidden, so panning repaints only what is near it. \`dagre ms\` is the part spent inside dagre;
  **longest task after TTI** (Long Tasks API) bounds how long a click or scroll may wait meanwhile.
- **Page**: the whole self-contained HTML (weights are never embedded, only 16-value previews). Target: < 5 MB.

| model | nodes | page | renderHtml (Node) | TTI | full layout | dagre ms | longest task after TTI |
|---|---:|---:|---:|---:|---:|---:|---:|
${rows.map((r) => `| ${r.name} | ${r.nodes.toLocaleString('en-US')} | ${(r.bytes / 1e6).toFixed(2)} MB | ${r.renderMs.toFixed(0)} ms | ${r.ttiMs.toFixed(0)} ms | ${r.doneMs.toFixed(0)} ms | ${r.layoutMs.toFixed(0)} | ${r.longestTaskMs.toFixed(0)} ms |`).join('\n')}

Peer for the layout decision, measured in the same run: dagre on a whole residual chain in one
piece (Node, no drawing), with skip edges every 4 nodes, and with extra skips every 7 nodes. This
is what a page would block on before showing anything, which is why graphs above 600 items are laid
out region by region.

| nodes | dagre, whole graph | with extra skips |
|---:|---|---|
${whole.join('\n')}

No other visualizer runs here (Netron and TFLite's visualize.py need a network or Python), so no
cross-tool ratio is given.
`;
  writeFileSync(join(pkg, 'BENCHMARKS.md'), md);
  console.log('[bench] wrote BENCHMARKS.md');
  const bad = rows.filter((r) => r.ttiMs > 2000 || r.bytes > 5 * 1024 * 1024);
  if (bad.length) console.log(`[bench] over target: ${bad.map((r) => r.name).join(', ')}`);
}

await main();
