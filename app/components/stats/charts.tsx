/**
 * Charts rendered on the server as SVG: readable without JavaScript, named for assistive technologies
 * (`role="img"` with a title and a description), scaled to their container (viewBox), DSFR colours.
 * Each chart is followed by its data as a table (in a <details>) for screen readers and for copying.
 */
import { useId } from "react";
import { linearScale, niceTicks } from "../../../server/domain/stats/chart-scale";

/** DSFR colour tokens (light theme), as plain values: SVG attributes cannot read CSS variables. */
export const CHART_COLORS = {
  primary: "#000091", // blue-france-sun-113
  success: "#18753c", // success-425
  error: "#ce0500", // error-425
  neutral: "#666666", // grey-425
  text: "#3a3a3a", // grey-200
  grid: "#dddddd", // grey-900
} as const;

export interface Series {
  key: string;
  label: string;
  color: string;
  values: number[];
}

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 8, bottom: 44, left: 56 };

/** Vertical bars over categories (weeks, months); several series are stacked. */
export function BarChart(props: {
  title: string;
  desc: string;
  categories: string[];
  series: Series[];
  format: (n: number) => string;
}) {
  const id = useId();
  const { categories, series, format } = props;
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const ticks = niceTicks(Math.max(0, ...totals));
  const top = ticks[ticks.length - 1] ?? 1;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = linearScale(top, plotH);
  const band = plotW / Math.max(1, categories.length);
  const barW = Math.max(1, band * 0.7);
  // About eight labels at most on the axis, so they never overlap on a phone.
  const labelEvery = Math.max(1, Math.ceil(categories.length / 8));
  return (
    <figure className="guichet-chart fr-m-0">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        style={{ maxWidth: "100%", height: "auto" }}
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.desc}</desc>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {ticks.map((tick) => (
            <g key={tick} transform={`translate(0,${plotH - y(tick)})`}>
              <line x1={0} x2={plotW} stroke={CHART_COLORS.grid} />
              <text x={-6} dy="0.32em" textAnchor="end" fontSize={12} fill={CHART_COLORS.text}>
                {format(tick)}
              </text>
            </g>
          ))}
          {categories.map((category, i) => {
            let stacked = 0;
            const x = i * band + (band - barW) / 2;
            return (
              <g key={category}>
                {series.map((s) => {
                  const value = s.values[i] ?? 0;
                  const h = y(value);
                  stacked += h;
                  return value > 0 ? <rect key={s.key} x={x} y={plotH - stacked} width={barW} height={h} fill={s.color} /> : null;
                })}
                {i % labelEvery === 0 ? (
                  <text x={x + barW / 2} y={plotH + 18} textAnchor="middle" fontSize={12} fill={CHART_COLORS.text}>
                    {category}
                  </text>
                ) : null}
              </g>
            );
          })}
          <line x1={0} x2={plotW} y1={plotH} y2={plotH} stroke={CHART_COLORS.text} />
        </g>
      </svg>
      {series.length > 1 ? <Legend series={series} /> : null}
    </figure>
  );
}

/** Horizontal bars, one per row (the funnel, the decisions' shares). */
export function HorizontalBars(props: {
  title: string;
  desc: string;
  rows: Array<{ key: string; label: string; value: number; color: string; display: string }>;
  max?: number;
}) {
  const id = useId();
  const rowH = 36;
  const labelW = 190;
  const valueW = 90;
  const height = props.rows.length * rowH + 8;
  const max = props.max ?? Math.max(0, ...props.rows.map((r) => r.value));
  const x = linearScale(max, WIDTH - labelW - valueW);
  return (
    <figure className="guichet-chart fr-m-0">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        style={{ maxWidth: "100%", height: "auto" }}
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.desc}</desc>
        <g>
          {props.rows.map((row, i) => (
            <g key={row.key} transform={`translate(0,${i * rowH + 4})`}>
              <text x={0} y={rowH / 2} dy="0.32em" fontSize={14} fill={CHART_COLORS.text}>
                {row.label}
              </text>
              <rect x={labelW} y={6} width={Math.max(row.value > 0 ? 2 : 0, x(row.value))} height={rowH - 12} fill={row.color} />
              <text x={labelW + x(row.value) + 6} y={rowH / 2} dy="0.32em" fontSize={14} fill={CHART_COLORS.text}>
                {row.display}
              </text>
            </g>
          ))}
        </g>
      </svg>
    </figure>
  );
}

function Legend({ series }: { series: Series[] }) {
  return (
    <ul
      className="guichet-chart-legend fr-raw-list"
      aria-hidden="true"
      style={{ display: "flex", flexWrap: "wrap", gap: "1rem" }}
    >
      {series.map((s) => (
        <li key={s.key}>
          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            <rect width="12" height="12" fill={s.color} />
          </svg>{" "}
          {s.label}
        </li>
      ))}
    </ul>
  );
}

/** The chart's data as a table, behind a disclosure (open without JavaScript: <details>). */
export function DataTable(props: { summary: string; caption: string; head: string[]; rows: Array<Array<string>> }) {
  return (
    <details className="fr-mt-1w">
      <summary>{props.summary}</summary>
      <div className="fr-table fr-table--no-caption fr-mt-1w">
        <table>
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              {props.head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row[0]}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={`h${cell}`} scope="row">
                      {cell}
                    </th>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed-width row
                    <td key={i}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
