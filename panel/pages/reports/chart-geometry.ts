/** Where a time series' points fall in a chart, kept apart from drawing so it can be tested. */

export interface Frame {
  width: number;
  height: number;
  /** Room kept on the left for the axis labels, and at the bottom for the days. */
  left: number;
  bottom: number;
  top: number;
}

/** A round maximum for the vertical axis (1, 2, 2.5 or 5 times a power of ten), at least 1. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 2.5, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

/** The SVG path of `values` spread across the frame, on a vertical scale of 0 to `max`. */
export function linePath(values: readonly number[], max: number, frame: Frame): string {
  const plotWidth = frame.width - frame.left;
  const plotHeight = frame.height - frame.bottom - frame.top;
  const step = values.length > 1 ? plotWidth / (values.length - 1) : 0;
  return values
    .map((value, i) => {
      const x = frame.left + (values.length > 1 ? i * step : plotWidth / 2);
      const y = frame.top + plotHeight - (Math.max(0, value) / max) * plotHeight;
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}
