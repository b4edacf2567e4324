// The generated pages in real headless Chromium: they start without errors, draw every node,
// show details on click, search, switch subgraph tabs, zoom, and switch overlays.
import { Graph, Model, graphValues } from '@liteml/graph-ir';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { HAS_MODELS } from '../../../testing/shared-models';
import { renderHtml } from '../src/index';
import { ARTIFACTS, CHROMIUM, HAS_CHROMIUM, launch, open, writePage, type Browser } from './browser-harness';
import { smallModel } from './build-model';
import { loadModel } from './helpers';
import { syntheticModel } from './synthetic';

const CI = process.env.CI === 'true' || process.env.CI === '1';
if (!HAS_CHROMIUM && CI) throw new Error(`CI: Chromium is required for the page tests but ${CHROMIUM} is missing (apt-get install -y chromium)`);
if (!HAS_CHROMIUM) console.log(`[liteml] ${CHROMIUM} not found: the headless-browser page tests are skipped (apt-get install -y chromium)`);
const suite = HAS_CHROMIUM ? describe : describe.skip;

const visibleNodes = '.graph-view:not([hidden]) g.node';

suite('generated pages in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws the built model, shows details, searches, switches tabs, zooms and overlays', async () => {
    const model = smallModel();
    const profile = { nodes: model.graphs[0]!.nodes.map((n, index) => ({ index, name: n.name, op: n.op, ms: index + 0.5, backend: 'reference' })) };
    const { page, errors } = await open(browser, writePage('small.html', renderHtml(model, { profile })));
    await page.waitForSelector('body[data-layout="done"]');
    expect(await page.locator(visibleNodes).count()).toBe(model.graphs[0]!.nodes.length);
    expect(await page.locator('.graph-view:not([hidden]) g.io.input').count()).toBe(2);

    // click a node: its attributes, inputs with constant previews and quantization
    await page.locator(`${visibleNodes}[data-index="0"]`).click();
    const panel = page.locator('#panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    const text = await panel.innerText();
    expect(text).toContain('CONV_2D');
    expect(text).toContain('padding');
    expect(text).toContain('[10, -20, 30, -40]');
    expect(text).toContain('0.1, 0.2, 0.3, 0.4');
    expect(await page.locator(`${visibleNodes}[data-index="0"]`).getAttribute('class')).toContain('selected');

    // search by name, then by op
    await page.fill('#search', 'logits');
    await page.press('#search', 'Enter');
    await expect.poll(() => page.locator('#panel').getAttribute('data-node')).toBe('3');
    expect(await panel.innerText()).toContain('FULLY_CONNECTED');
    await page.fill('#search', 'tfl.exp');
    expect(await page.locator('#results .result').count()).toBe(1);
    await page.press('#search', 'Enter');
    // the match is in subgraph 2: the tab switches
    await expect.poll(() => page.locator('button.graph-tab.active').getAttribute('data-graph')).toBe('2');
    expect(await panel.innerText()).toContain('EXP');

    // subgraph tabs
    await page.click('button.graph-tab[data-graph="1"]');
    await page.waitForSelector('.graph-view[data-graph="1"][data-layout="done"]');
    expect(await page.locator(visibleNodes).count()).toBe(1);
    await page.click('button.graph-tab[data-graph="0"]');
    expect(await page.locator(visibleNodes).count()).toBe(5);

    // zoom with the wheel changes the transform
    const vp = page.locator('.graph-view:not([hidden]) svg > g');
    const before = await vp.getAttribute('transform');
    await page.mouse.move(600, 400);
    await page.mouse.wheel(0, -300);
    await expect.poll(() => vp.getAttribute('transform')).not.toBe(before);

    // overlay: colored by profile time first, by category on request
    const fill = () => page.locator(`${visibleNodes}[data-index="4"] rect`).getAttribute('fill');
    expect(await page.locator('.legend').innerText()).toContain('Profile');
    const byTime = await fill();
    await page.selectOption('#colorby', '-1');
    await expect.poll(fill).not.toBe(byTime);
    expect(await page.locator('.legend').innerText()).toContain('conv');

    // tables
    await page.click('.view-tab[data-view="tensors"]');
    expect(await page.locator('#table-view tbody tr').count()).toBe(graphValues(model.graphs[0]!).length);
    await page.fill('#table-view .filter', 'conv/');
    expect(await page.locator('#table-view tbody tr').count()).toBe(2);
    await page.click('.view-tab[data-view="opcodes"]');
    expect(await page.locator('#table-view tbody tr').count()).toBe(8);
    await page.click('.view-tab[data-view="graph"]');

    await page.screenshot({ path: `${ARTIFACTS}/small.png` });
    expect(errors).toEqual([]);
  });

  it.runIf(HAS_MODELS)('draws the largest shared model', async () => {
    const rel = 'coral/movenet_single_pose_lightning_ptq.tflite';
    const model = loadModel(rel);
    const { page, errors } = await open(browser, writePage('movenet.html', renderHtml(model, { title: rel })));
    await page.waitForSelector('body[data-layout="done"]');
    expect(await page.locator(visibleNodes).count()).toBe(model.graphs[0]!.nodes.length);
    const name = model.graphs[0]!.nodes[40]!.name;
    await page.fill('#search', name);
    await page.press('#search', 'Enter');
    await expect.poll(() => page.locator('#panel').getAttribute('data-node')).toBe(String(model.graphs[0]!.nodes.findIndex((n) => n.name === name)));
    await page.screenshot({ path: `${ARTIFACTS}/movenet.png` });
    expect(errors).toEqual([]);
  });

  it('shows a diff: changed and added nodes colored, removed ones listed', async () => {
    const base = smallModel();
    const model = smallModel();
    model.graphs[0]!.nodes[0]!.attrs.padding = 'VALID';
    model.graphs[0]!.nodes[1]!.name = 'relu_renamed';
    const { page, errors } = await open(browser, writePage('diff.html', renderHtml(model, { diff: { base, label: 'base.tflite' } })));
    await page.waitForSelector('body[data-layout="done"]');
    const fillOf = (i: number) => page.locator(`${visibleNodes}[data-index="${i}"] rect`).getAttribute('fill');
    expect(await fillOf(0)).toBe('#f6c04f'); // changed
    expect(await fillOf(1)).toBe('#7fcf7f'); // added (renamed)
    await page.locator(`${visibleNodes}[data-index="0"]`).click();
    expect(await page.locator('#panel').innerText()).toContain('attr:padding: SAME → VALID');
    await page.click('.view-tab[data-view="overlay:0"]');
    const rows = await page.locator('#table-view tbody tr').allInnerTexts();
    expect(rows.some((r) => r.includes('removed') && r.includes('relu'))).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/diff.png` });
    expect(errors).toEqual([]);
  });

  it('opens pages of models without subgraphs or nodes', async () => {
    for (const [name, model] of [['no-graphs', new Model({ graphs: [] })], ['empty-graph', new Model({ graphs: [new Graph('main')] })]] as const) {
      const { page, errors } = await open(browser, writePage(`${name}.html`, renderHtml(model)));
      await page.waitForSelector('body[data-layout="done"]');
      expect(await page.locator(visibleNodes).count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('draws all 5,000 nodes of a generated graph region by region', async () => {
    const model = syntheticModel(5000, { withSubgraph: true });
    const { page, errors } = await open(browser, writePage('synthetic-5000.html', renderHtml(model)));
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('body[data-layout="done"]', { timeout: 60_000 });
    expect(await page.locator(visibleNodes).count()).toBe(5001);
    await page.click(`${visibleNodes}[data-index="4999"]`, { force: true }).catch(async () => {
      await page.fill('#search', model.graphs[0]!.nodes[4999]!.name);
      await page.press('#search', 'Enter');
    });
    await expect.poll(() => page.locator('#panel').getAttribute('data-node')).toBe('4999');
    // far regions are hidden while off screen; jumping there shows the node, and the top is hidden
    await expect.poll(() => page.locator(`${visibleNodes}[data-index="4999"]`).isVisible()).toBe(true);
    expect(await page.locator(`${visibleNodes}[data-index="0"]`).isVisible()).toBe(false);
    await page.screenshot({ path: `${ARTIFACTS}/synthetic-5000.png` });
    expect(errors).toEqual([]);
  });
});
