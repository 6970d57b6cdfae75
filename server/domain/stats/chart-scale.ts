/** Axis scales of the server-rendered charts: « nice » ticks and a linear mapping, pure. */

/** Ticks from 0 to a round maximum ≥ `max` (1, 2, 2.5 or 5 × 10^k steps), about `count` intervals. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  // Whole numbers of dossiers: never a fractional step.
  const wholeStep = Math.max(1, step);
  const top = Math.ceil(max / wholeStep) * wholeStep;
  const ticks: number[] = [];
  for (let v = 0; v <= top + wholeStep / 2; v += wholeStep) ticks.push(Math.round(v * 1000) / 1000);
  return ticks;
}

/** Linear map of [0, domainMax] onto [0, length]; a null domain maps everything to 0. */
export function linearScale(domainMax: number, length: number) {
  return (value: number) => (domainMax > 0 ? (Math.max(0, value) / domainMax) * length : 0);
}
