import { Option } from 'commander';
import { colourWanted, painterFor, plainPainter, type Painter } from './colour.js';

/** How text output for people is laid out: its width, whether cut at all, and its colours. */
export interface TextView {
  /** Columns a line may take (Infinity: no limit). */
  width: number;
  /** Full text: nothing shortened (`--wide`). */
  wide: boolean;
  paint: Painter;
}

/** A view with no width limit and no colour (tests, files). */
export const plainView: TextView = { width: Infinity, wide: true, paint: plainPainter };

/** `--wide`: full text, nothing shortened to the terminal width. */
export function wideOption(): Option {
  return new Option(
    '--wide',
    'full text: do not shorten tables or wrap lines to the terminal width',
  );
}

/**
 * The width of a stream's output: the terminal's columns; in a pipe, `COLUMNS` when set, else
 * no limit. `wide` lifts any limit. Pure.
 */
export function outputWidth(
  stream: { isTTY?: boolean; columns?: number },
  env: NodeJS.ProcessEnv,
  wide: boolean,
): number {
  if (wide) return Infinity;
  if (stream.isTTY === true && stream.columns !== undefined && stream.columns > 0)
    return stream.columns;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : Infinity;
}

/** The view for text written to `stream` (stdout by default). */
export function textViewOf(
  wide = false,
  stream: NodeJS.WriteStream = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): TextView {
  const width = outputWidth(stream, env, wide);
  const colours = colourWanted(
    { isTTY: stream.isTTY, hasColors: () => stream.hasColors?.() ?? false },
    env,
  );
  return { width, wide: wide || width === Infinity, paint: painterFor(colours) };
}
