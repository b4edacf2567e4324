// renderHtml: one self-contained HTML page (script, styles and data inline; no network).
import type { Model } from '@liteml/graph-ir';
import { css, script } from 'virtual:liteml-page';
import { buildPayload } from './payload';
import type { RenderOptions } from './render-options';

function escHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** JSON that can sit inside <script>: '<' and the line separators are escaped. */
function scriptJson(x: unknown): string {
  return JSON.stringify(x).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The whole page as one HTML string (write it to a file or serve it; it needs nothing else). */
export function renderHtml(model: Model, options: RenderOptions = {}): string {
  const payload = buildPayload(model, options);
  const safeScript = script.replace(/<\/script/gi, '<\\/script');
  return (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="generator" content="@liteml/visualize">' +
    `<title>${escHtml(payload.title)} — liteml</title>` +
    `<style>${css}</style></head><body>` +
    '<div id="app"><noscript>This page needs JavaScript to draw the graph.</noscript></div>' +
    `<script type="application/json" id="liteml-data">${scriptJson(payload)}</script>` +
    `<script>${safeScript}</script>` +
    '</body></html>\n'
  );
}
