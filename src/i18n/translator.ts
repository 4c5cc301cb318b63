import { format } from 'date-fns';
import { enUS, ptBR, type Locale } from 'date-fns/locale';
import { isoToMillis } from '../model/time.js';
import { messagesEn, type MessageKey } from './messages-en.js';
import { messagesPtBr } from './messages-pt-br.js';

export const languages = ['en', 'pt-BR'] as const;
export type Lang = (typeof languages)[number];

/** Values filled into a message's `{name}` slots. */
export type MessageParams = Record<string, string | number>;

/** Messages, dates and numbers in one language. */
export interface Translator {
  lang: Lang;
  /** The message for `key` with its `{name}` slots filled. */
  t(key: MessageKey, params?: MessageParams): string;
  /** A stored UTC time for people: date in the language's order, time to the millisecond. */
  time(iso: string | null): string;
  /** A number in the language's notation (at most `digits` decimals). */
  number(value: number | null, digits?: number): string;
}

const catalogues: Record<Lang, Record<MessageKey, string>> = {
  en: messagesEn,
  'pt-BR': messagesPtBr,
};
const locales: Record<Lang, Locale> = { en: enUS, 'pt-BR': ptBR };

/** Fills `{name}` slots; a slot without a value stays as written. Pure. */
export function fillMessage(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) =>
    name in params ? String(params[name]) : slot,
  );
}

/** The translator for a language. Pure. */
export function createTranslator(lang: Lang): Translator {
  const messages = catalogues[lang];
  const locale = locales[lang];
  const numberFormats = new Map<number, Intl.NumberFormat>();
  return {
    lang,
    t: (key, params) => fillMessage(messages[key], params),
    time(iso) {
      if (iso === null) return messages['report.unknownValue'];
      if (Number.isNaN(isoToMillis(iso))) return iso;
      // The calendar date through date-fns (order and separators of the language), built at
      // local noon so no time zone or DST shift can move it; the clock part is the stored UTC.
      const day = new Date(
        Number(iso.slice(0, 4)),
        Number(iso.slice(5, 7)) - 1,
        Number(iso.slice(8, 10)),
        12,
      );
      return `${format(day, 'P', { locale })} ${iso.slice(11, 23)}`;
    },
    number(value, digits = 3) {
      if (value === null) return messages['report.unknownValue'];
      let formatter = numberFormats.get(digits);
      if (!formatter) {
        formatter = new Intl.NumberFormat(lang, { maximumFractionDigits: digits });
        numberFormats.set(digits, formatter);
      }
      return formatter.format(value);
    },
  };
}

/**
 * The language from the environment's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, `LANGUAGE`):
 * `pt_BR.UTF-8` and any `pt…` give pt-BR when it exists; anything else gives English. Pure.
 */
export function langFromEnvironment(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || '';
  const wanted = locale.toLowerCase().replace('_', '-');
  return languages.find((l) => wanted.startsWith(l.toLowerCase().slice(0, 2))) ?? 'en';
}
