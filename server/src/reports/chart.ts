// The bar charts of the interaction summary, without script or inline style (the report's CSP): an SVG for
// the printable page, and bars of block characters for the XLSX (exceljs writes no chart objects), both in
// black and grey so a black-and-white printer keeps them.
import { escapeHtml } from './html-escape';
import type { IndicatorChart } from './types';

const BAR_CELLS = 30;
const WIDTH = 640;
const ROW = 28;
const LABEL = 150;
const VALUE = 60;

/** The bar of one value as block characters, `BAR_CELLS` wide at the chart's largest value. */
export function barText(value: number, max: number): string {
  return max > 0 ? '█'.repeat(Math.round((value / max) * BAR_CELLS)) : '';
}

export function svgBarChart(c: IndicatorChart): string {
  const max = Math.max(0, ...c.bars.map((b) => b.value));
  const height = c.bars.length * ROW + 8;
  const plot = WIDTH - LABEL - VALUE;
  const summary = `${c.title}: ${c.bars.map((b) => `${b.label} ${b.value.toLocaleString('vi-VN')}`).join('; ')}`;
  const bars = c.bars
    .map((b, i) => {
      const y = 4 + i * ROW;
      const w = max > 0 ? Math.round((b.value / max) * plot) : 0;
      return `<text x="${LABEL - 8}" y="${y + 18}" text-anchor="end" font-size="13">${escapeHtml(b.label)}</text>
<rect x="${LABEL}" y="${y + 4}" width="${w}" height="${ROW - 8}" fill="#555"/>
<text x="${LABEL + w + 6}" y="${y + 18}" font-size="13">${b.value.toLocaleString('vi-VN')}</text>`;
    })
    .join('\n');
  return `<figure>
<figcaption>${escapeHtml(c.title)}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeHtml(summary)}" data-chart="${escapeHtml(c.key)}">
<line x1="${LABEL}" y1="0" x2="${LABEL}" y2="${height}" stroke="#000"/>
${bars}
</svg>
</figure>`;
}
