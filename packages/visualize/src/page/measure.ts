// Text widths for box sizes, measured once per string with a canvas (no layout thrash).
let ctx: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();

export function textWidth(text: string, font: string): number {
  const key = `${font}|${text}`;
  let w = cache.get(key);
  if (w === undefined) {
    if (ctx === undefined) ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (ctx) {
      ctx.font = font;
      w = ctx.measureText(text).width;
    } else {
      w = text.length * 7;
    }
    cache.set(key, w);
  }
  return w;
}

export const FONT_OP = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const FONT_SUB = '10.5px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const FONT_EDGE = '10px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
