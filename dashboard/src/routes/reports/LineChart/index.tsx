// A hand-made SVG line chart for values over days (ratings, plays per day). Days without a value leave a
// gap instead of being drawn as zero. Points carry tooltips; the SVG has a text summary.
import { linePath, linearScale, niceTicks } from '../../../lib/chart-scale';
import { CHART_WIDTH, ChartFrame, type ChartProps } from '../ChartFrame/index';
import styles from '../BarChart/style.module.css';
import own from './style.module.css';

interface Props extends ChartProps {
  /** A point without a value (a day with no data) leaves a gap. */
  points: readonly { label: string; value: number | null }[];
  /** The bottom of the axis (e.g. 1 for ratings); 0 by default. */
  min?: number;
}

const W = CHART_WIDTH;
const H = 220;
const M = { top: 12, right: 12, bottom: 40, left: 44 };

export function LineChart({ title, points, format = String, min = 0, max }: Props) {
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (values.length === 0) return null;
  const ticks = max !== undefined ? niceTicks(max - min, 5).map((v) => v + min) : niceTicks(Math.max(0, ...values), 4);
  const yMax = ticks[ticks.length - 1] ?? 1;
  const y = linearScale(min, yMax, H - M.bottom, M.top);
  const x = linearScale(0, Math.max(1, points.length - 1), M.left, W - M.right);
  const xy = points.map((p, i) => (p.value === null ? null : { x: x(i), y: y(p.value) }));
  const every = Math.max(1, Math.ceil(points.length / 8));
  const summary = `${title}: ${points
    .filter((p) => p.value !== null)
    .map((p) => `${p.label} ${format(p.value!)}`)
    .join('; ')}`;
  return (
    <ChartFrame title={title} summary={summary} testId="line-chart" height={H} margin={M} ticks={ticks} y={y} format={format} base={min}>
      <path d={linePath(xy)} class={own.line} />
      {xy.map((p, i) =>
        p ? (
          <circle key={i} cx={p.x} cy={p.y} r={3.5} class={own.dot}>
            <title>{`${points[i]!.label}: ${format(points[i]!.value!)}`}</title>
          </circle>
        ) : null,
      )}
      {points.map((p, i) =>
        i % every === 0 ? (
          <text key={`l${i}`} x={x(i)} y={H - M.bottom + 16} class={styles.xLabel}>
            {p.label}
          </text>
        ) : null,
      )}
    </ChartFrame>
  );
}
