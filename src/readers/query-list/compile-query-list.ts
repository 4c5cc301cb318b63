import { readFile } from 'node:fs/promises';
import { XMLParser } from 'fast-xml-parser';
import { errorMessage, UserError } from '../../errors.js';
import type { LogEvent } from '../../model/log-event.js';
import { detectEncoding } from '../text/detect-encoding.js';
import { compileXPath, type NodeTest } from './compile-xpath.js';
import { eventDocument } from './event-node.js';
import { UnsupportedXPathError } from './tokenize-xpath.js';

/** A compiled QueryList: which events it keeps. */
export interface EventFilter {
  matches(event: LogEvent): boolean;
  /** Channels named by the Select elements, as written. */
  channels: string[];
}

interface Clause {
  channel: string | null;
  test: NodeTest;
}

interface CompiledQuery {
  selects: Clause[];
  suppresses: Clause[];
}

const supportedHint =
  'Supported: <QueryList><Query Path="…"><Select Path="…">XPath</Select><Suppress …>…</Suppress></Query></QueryList> ' +
  'with element tests on System and EventData, @attributes, = != < <= > >=, and/or/not(), band(), timediff(@SystemTime).';

/** `Microsoft-Windows-Hyper-V-VMMS/Admin` and `…-VMMS-Admin` name the same channel. Pure. */
export function channelKey(channel: string): string {
  return channel.trim().toLowerCase().replace(/\//g, '-');
}

/**
 * Compiles QueryList XML (as given to `wevtutil epl /sq:true` or Event Viewer's XML filter)
 * into an event filter: an event is kept when, in some Query, a Select for its channel
 * matches and no Suppress for its channel does (a clause without Path uses its Query's).
 * Pure; throws UserError naming the file, the clause and the unsupported construct.
 */
export function compileQueryList(xml: string, options: { now: Date; source: string }): EventFilter {
  let document: unknown;
  try {
    document = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      textNodeName: '#text',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      isArray: (name) => name === 'Query' || name === 'Select' || name === 'Suppress',
    }).parse(xml, true);
  } catch (error) {
    throw new UserError(
      `${options.source}: not well-formed XML (${errorMessage(error)})`,
      supportedHint,
    );
  }
  const root = asRecord(asRecord(document)?.QueryList);
  const queries = Array.isArray(root?.Query) ? (root.Query as unknown[]) : null;
  if (queries === null || queries.length === 0) {
    throw new UserError(`${options.source}: no <QueryList><Query> found`, supportedHint);
  }
  const channels: string[] = [];
  const compiled = queries.map((query, index) => {
    const q = asRecord(query) ?? {};
    const queryPath = typeof q['@_Path'] === 'string' ? q['@_Path'] : null;
    const clauses = (kind: 'Select' | 'Suppress'): Clause[] =>
      (Array.isArray(q[kind]) ? (q[kind] as unknown[]) : []).map((element) => {
        const e = typeof element === 'string' ? { '#text': element } : (asRecord(element) ?? {});
        const path = typeof e['@_Path'] === 'string' ? e['@_Path'] : queryPath;
        const text = typeof e['#text'] === 'string' ? e['#text'] : '';
        const where = `<${kind}${path === null ? '' : ` Path="${path}"`}> of query ${index}`;
        if (path !== null && /^file:/i.test(path)) {
          throw new UserError(
            `${options.source}: unsupported construct: a file path (${path}) in ${where}`,
            'Give the exported file to lmdoctor directly and use the channel name as Path.',
          );
        }
        if (kind === 'Select' && path !== null) channels.push(path);
        return { channel: path === null ? null : channelKey(path), test: compile(text, where) };
      });
    return { selects: clauses('Select'), suppresses: clauses('Suppress') };
  });

  function compile(text: string, where: string): NodeTest {
    try {
      return compileXPath(text.length === 0 ? '*' : text, { now: options.now });
    } catch (error) {
      if (error instanceof UnsupportedXPathError) {
        throw new UserError(
          `${options.source}: ${error.message} in ${where}: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`,
          supportedHint,
        );
      }
      throw error;
    }
  }

  return { matches: (event) => matchesAny(compiled, event), channels };
}

function matchesAny(queries: CompiledQuery[], event: LogEvent): boolean {
  const channel = channelKey(event.channel);
  const applies = (clause: Clause): boolean =>
    clause.channel === null || clause.channel === channel;
  let document: ReturnType<typeof eventDocument> | null = null;
  const test = (clause: Clause): boolean => clause.test((document ??= eventDocument(event)));
  return queries.some(
    (query) =>
      query.selects.some((c) => applies(c) && test(c)) &&
      !query.suppresses.some((c) => applies(c) && test(c)),
  );
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

/** Reads a QueryList file (UTF-8 or UTF-16, as Notepad and PowerShell write them) and compiles it. */
export async function readQueryListFile(
  path: string,
  now: Date = new Date(),
): Promise<EventFilter> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UserError(`cannot read the query file ${path}: ${errorMessage(error)}`);
  }
  const { encoding, bomLength } = detectEncoding(bytes);
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(bomLength));
  return compileQueryList(text, { now, source: path });
}
