/** Colours of the terminal output, by meaning rather than by hue. */
export type Tone = 'good' | 'bad' | 'warn' | 'note' | 'strong';

const codes: Record<Tone, [string, string]> = {
  good: ['\x1b[32m', '\x1b[39m'],
  bad: ['\x1b[31m', '\x1b[39m'],
  warn: ['\x1b[33m', '\x1b[39m'],
  note: ['\x1b[36m', '\x1b[39m'],
  strong: ['\x1b[1m', '\x1b[22m'],
};

/** Paints text in a tone, or leaves it plain when colour is off. */
export interface Painter {
  readonly enabled: boolean;
  paint(tone: Tone | null, text: string): string;
}

export const plainPainter: Painter = { enabled: false, paint: (_tone, text) => text };

const colourPainter: Painter = {
  enabled: true,
  paint: (tone, text) =>
    tone === null || text === '' ? text : `${codes[tone][0]}${text}${codes[tone][1]}`,
};

/** What colour depends on: whether the stream is a terminal that shows colours, and the environment. */
export interface ColourFacts {
  isTTY?: boolean;
  hasColors?: () => boolean;
}

/**
 * Whether to colour: `FORCE_COLOR` decides when set (`0` or `false` turn colour off, anything
 * else on, even in a pipe); then a non-empty `NO_COLOR` turns it off (no-color.org); otherwise
 * colour is on only on a terminal that shows colours. Pure.
 */
export function colourWanted(stream: ColourFacts, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (stream.isTTY !== true) return false;
  return stream.hasColors?.() ?? true;
}

export function painterFor(enabled: boolean): Painter {
  return enabled ? colourPainter : plainPainter;
}

/** The tone of a migration outcome. */
export function outcomeTone(outcome: string): Tone | null {
  if (outcome === 'succeeded') return 'good';
  if (outcome === 'failed') return 'bad';
  return 'warn';
}

/** The tone of a diagnosis verdict: confirmed causes stand out, weaker ones less. */
export function verdictTone(verdict: string): Tone | null {
  if (verdict === 'confirmed') return 'bad';
  if (verdict === 'likely') return 'warn';
  return null;
}
