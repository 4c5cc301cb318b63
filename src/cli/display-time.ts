import { format } from 'date-fns';
import { isoToMillis } from '../model/time.js';

/**
 * A stored UTC time for display: as stored (UTC, `Z`) by default, or in the machine's local
 * time with its offset when `local` (`2011-04-15T12:15:01.1234567+02:00`). Pure but for the
 * machine's time zone.
 */
export function displayTime(iso: string | null, local: boolean): string | null {
  if (iso === null || !local) return iso;
  const millis = isoToMillis(iso);
  if (Number.isNaN(millis)) return iso;
  const date = new Date(Math.floor(millis / 1000) * 1000);
  return `${format(date, "yyyy-MM-dd'T'HH:mm:ss")}.${iso.slice(20, 27)}${format(date, 'xxx')}`;
}
