import { useId } from 'preact/hooks';
import { linePath, niceMax, type Frame } from './chart-geometry.ts';
import { t } from '../../i18n/i18n.ts';

export interface ChartSeries {
  label: string;
  /** One value a day, in the order of `days`. */
  values: number[];
  /** A CSS class giving its colour (see the reports styles). */
  tone: string;
}

const FRAME: Frame = { width: 640, height: 180, left: 48, bottom: 22, top: 8 };

/**
 * A line chart of daily series drawn as inline SVG (the panel ships no chart library). It is an
 * image to assistive technology, named by its title and summed up in its label; the numbers
 * themselves are in the table it can unfold.
 */
export function LineChart({ title, days, series, format }: { title: string; days: string[]; series: ChartSeries[]; format: (n: number) => string }) {
  const id = useId();
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const summary = series.map((s) => t('chart.total', { label: s.label, total: format(s.values.reduce((a, b) => a + b, 0)) })).join('; ');
  const baseline = FRAME.height - FRAME.bottom;
  // Nothing happened in these days: an axis from 0 to a made-up maximum (€0.01, 1 order) and
  // flat lines would read as data, so say it in words instead.
  const empty = series.every((s) => s.values.every((v) => v === 0));
  return (
    <figure class="chart card" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <strong>{title}</strong>
        <span class="chart-legend">
          {series.map((s) => (
            <span key={s.label} class={`legend ${s.tone}`}>
              {s.label}
            </span>
          ))}
        </span>
      </figcaption>
      {empty ? (
        <p class="muted chart-empty">
          {t('chart.none', { what: series.map((s) => s.label.toLowerCase()).join(', '), from: days[0] ?? '', to: days.at(-1) ?? '' })}
        </p>
      ) : (
        <svg viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} role="img" aria-label={t('chart.label', { title, from: days[0] ?? '', to: days.at(-1) ?? '', summary })}>
          <line class="axis" x1={FRAME.left} x2={FRAME.width} y1={baseline} y2={baseline} />
          <line class="grid" x1={FRAME.left} x2={FRAME.width} y1={FRAME.top} y2={FRAME.top} />
          <text class="tick" x={FRAME.left - 6} y={FRAME.top + 4} text-anchor="end">
            {format(max)}
          </text>
          <text class="tick" x={FRAME.left - 6} y={baseline} text-anchor="end">
            0
          </text>
          <text class="tick" x={FRAME.left} y={FRAME.height - 4}>
            {days[0]}
          </text>
          <text class="tick" x={FRAME.width} y={FRAME.height - 4} text-anchor="end">
            {days.at(-1)}
          </text>
          {series.map((s) => (
            <path key={s.label} class={`line ${s.tone}`} d={linePath(s.values, max, FRAME)} data-series={s.label} />
          ))}
        </svg>
      )}
      <details>
        <summary>{t('chart.numbers')}</summary>
        <table class="chart-data">
          <thead>
            <tr>
              <th scope="col">{t('chart.day')}</th>
              {series.map((s) => (
                <th scope="col" key={s.label}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day, i) => (
              <tr key={day}>
                <th scope="row">{day}</th>
                {series.map((s) => (
                  <td key={s.label}>{format(s.values[i] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
