/**
 * A Vega-Lite chart as SVG (Vega renders it headless in Node, no browser or canvas) and as PNG
 * (resvg-js, a prebuilt renderer shipped in its npm package, with the machine's fonts).
 */
import { writeFile } from 'node:fs/promises';
import { Resvg } from '@resvg/resvg-js';
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';

export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** PNG at twice the SVG's size, on white (the SVG's own background may be transparent). */
export function pngFromSvg(svg: string): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, background: 'white', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  return resvg.render().asPng();
}

/** Writes `<base>.svg` and `<base>.png`; returns their paths. */
export async function writeChart(spec: TopLevelSpec, base: string): Promise<string[]> {
  const svg = await chartSvg(spec);
  await writeFile(`${base}.svg`, svg);
  await writeFile(`${base}.png`, pngFromSvg(svg));
  return [`${base}.svg`, `${base}.png`];
}
