import type { TextView } from './text-view.js';

/** A stored UTC time to the second (`2016-09-14T07:25:30Z`), unless the view is wide. Pure. */
export function timeForView(iso: string | null, view: TextView): string | null {
  if (iso === null || view.wide) return iso;
  return iso.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\.\d+Z$/, '$1Z');
}

/**
 * The one UTC date all these times fall on, when they share one and the view is not wide: the
 * table can then show only the time of day and name the date once. Pure.
 */
export function sharedDate(times: readonly (string | null)[], view: TextView): string | null {
  if (view.wide) return null;
  const dates = new Set(times.filter((x) => x !== null).map((x) => x.slice(0, 10)));
  return dates.size === 1 ? [...dates][0]! : null;
}

/** The time of day of a stored UTC time to the second (`07:25:30`). Pure. */
export function timeOfDay(iso: string | null): string | null {
  return iso === null ? null : iso.slice(11, 19);
}
