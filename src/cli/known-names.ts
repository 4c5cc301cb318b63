import { UsageError, UserError } from '../errors.js';

/** Edit distance between two names, letters compared without case. Pure. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++)
      row.push(
        Math.min(
          previous[j]! + 1,
          row[j - 1]! + 1,
          previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1),
        ),
      );
    previous = row;
  }
  return previous[y.length]!;
}

/** True when `name` is one of `known`, without regard to case. Pure. */
export function isKnownName(name: string, known: readonly string[]): boolean {
  return known.some((k) => k.toLowerCase() === name.toLowerCase());
}

/**
 * The error for a VM or node name the case does not know: the closest known names as "did you
 * mean", then all of them (the first 20). Pure.
 */
export function unknownNameError(what: 'VM' | 'node', name: string, known: readonly string[]) {
  if (known.length === 0)
    return new UserError(`no ${what} called ${name}: the case knows no ${what} names`);
  const close = known
    .map((k) => ({ k, d: editDistance(name, k) }))
    .filter(({ k, d }) => d <= Math.max(2, Math.floor(k.length / 3)))
    .sort((a, b) => a.d - b.d)
    .map(({ k }) => k);
  const listed = known.slice(0, 20).join(', ') + (known.length > 20 ? ', …' : '');
  return new UserError(
    `no ${what} called ${name} in this case${close.length > 0 ? `; did you mean ${close.slice(0, 3).join(' or ')}?` : ''}`,
    `the ${what} names it knows: ${listed}`,
  );
}

/** Refuses a time range whose start is after its end (times as written, ISO 8601 UTC). Pure. */
export function checkTimeRange(from: string | undefined, to: string | undefined): void {
  if (from === undefined || to === undefined) return;
  const f = from.replace(' ', 'T').replace(/Z$/, '');
  const t = to.replace(' ', 'T').replace(/Z$/, '');
  // Same-format ISO times compare as text; a shorter --to covers its whole minute or day.
  if (f > t && !f.startsWith(t))
    throw new UsageError(
      `--from ${from} is after --to ${to}`,
      'swap them: --from is the earlier time',
    );
}
