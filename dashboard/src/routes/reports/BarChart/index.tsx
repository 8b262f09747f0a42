// A hand-made SVG bar chart (no chart library: the dashboard has a size budget). The numbers are also in
// the table beside every chart; the SVG has a text summary for screen readers and a tooltip per bar.
import { bandScale, linearScale, niceTicks } from '../../../lib/chart-scale';
import { CHART_WIDTH, ChartFrame, type ChartProps } from '../ChartFrame/index';
import styles from './style.module.css';

interface Props extends ChartProps {
  bars: readonly { label: string; value: number }[];
  integer?: boolean;
}

const W = CHART_WIDTH;
const H = 240;
const M = { top: 12, right: 8, bottom: 56, left: 48 };

export function BarChart({ title, bars, format = String, max, integer = false }: Props) {
  // No data: the table beside the chart says so; an empty frame of axes would only look broken.
  if (bars.length === 0) return null;
  const top = max ?? Math.max(0, ...bars.map((b) => b.value));
  const ticks = niceTicks(top, 4, integer);
  const yMax = ticks[ticks.length - 1] ?? 1;
  const y = linearScale(0, yMax, H - M.bottom, M.top);
  const band = bandScale(bars.length, M.left, W - M.right, 0.25);
  const summary = `${title}: ${bars.map((b) => `${b.label} ${format(b.value)}`).join('; ')}`;
  return (
    <ChartFrame title={title} summary={summary} testId="bar-chart" height={H} margin={M} ticks={ticks} y={y} format={format} base={0}>
      {bars.map((b, i) => {
        const x = band.x(i);
        const h = Math.max(0, y(0) - y(b.value));
        return (
          <g key={`${b.label}-${i}`}>
            <rect x={x} y={y(0) - h} width={band.width} height={h} class={styles.bar}>
              <title>{`${b.label}: ${format(b.value)}`}</title>
            </rect>
            <text
              x={x + band.width / 2}
              y={H - M.bottom + 14}
              class={styles.xLabel}
              transform={bars.length > 8 ? `rotate(35 ${x + band.width / 2} ${H - M.bottom + 14})` : undefined}
            >
              {b.label.length > 16 ? `${b.label.slice(0, 15)}…` : b.label}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
