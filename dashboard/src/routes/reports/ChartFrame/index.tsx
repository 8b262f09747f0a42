// The frame both hand-made charts draw in: caption, an SVG with a text summary for screen readers, the
// horizontal grid lines with their labels, the marks (children), and the base axis on top of them.
import type { ComponentChildren } from 'preact';
import styles from '../BarChart/style.module.css';

/** What every chart is given: its title, how its values read, and optionally the top of its axis. */
export interface ChartProps {
  title: string;
  format?: (v: number) => string;
  /** Fix the top of the axis (e.g. 100 for percentages, 5 for ratings). */
  max?: number;
}

/** Every chart is drawn this wide (SVG units); it scales to its box. */
export const CHART_WIDTH = 640;

interface Props {
  title: string;
  summary: string;
  testId: string;
  height: number;
  /** The room left around the plot for the labels. */
  margin: { left: number; right: number };
  ticks: readonly number[];
  y: (value: number) => number;
  format: (value: number) => string;
  /** The value the base axis is drawn at. */
  base: number;
  children: ComponentChildren;
}

export function ChartFrame(p: Props) {
  const left = p.margin.left;
  const right = CHART_WIDTH - p.margin.right;
  return (
    <figure class={styles.figure}>
      <figcaption class={styles.caption}>{p.title}</figcaption>
      <svg class={styles.svg} viewBox={`0 0 ${CHART_WIDTH} ${p.height}`} role="img" aria-label={p.summary} data-testid={p.testId}>
        {p.ticks.map((tick) => (
          <g key={tick}>
            <line x1={left} x2={right} y1={p.y(tick)} y2={p.y(tick)} class={styles.grid} />
            <text x={left - 6} y={p.y(tick)} class={styles.yLabel}>
              {p.format(tick)}
            </text>
          </g>
        ))}
        {p.children}
        <line x1={left} x2={right} y1={p.y(p.base)} y2={p.y(p.base)} class={styles.axis} />
      </svg>
    </figure>
  );
}
