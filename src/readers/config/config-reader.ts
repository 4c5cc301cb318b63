import { basename } from 'node:path';
import type { ConfigRow } from '../../model/config-row.js';
import type { InputFile, Reader, ReadOptions, ReadWarning, RecordSink } from '../reader.js';
import { detectEncoding } from '../text/detect-encoding.js';
import { readTextLines } from '../text/read-text-lines.js';
import { buildConfigRow, type PropertyBag } from './build-config-row.js';
import { classifyProperties, hintFromText, type ConfigKind } from './classify-config.js';
import { FormatListParser } from './parse-format-list.js';
import { buildTextTable, isUnderline } from './parse-format-table.js';
import { pivotParameters, type ParameterEntry } from './pivot-parameters.js';
import { textValue } from './config-values.js';

/** Configuration captures are small; a bigger "capture" is something else. */
const maxConfigLines = 500_000;
const maxConfigCharacters = 64 * 1024 * 1024;
const promptPattern = /^PS [^>]*>\s*(.*)$/;
const coreGroups = new Set(['cluster group', 'available storage']);

/**
 * Turns the lines of one configuration capture into rows: `Format-List` objects and
 * `Format-Table` tables of the Get-Cluster* cmdlets, Get-ClusterParameter, cluster.exe
 * property listings, Win32_Processor and virtual switch listings. Pure apart from the callbacks.
 */
export function parseConfigLines(
  lines: { text: string; number: number }[],
  fileName: string,
  emit: (row: ConfigRow) => void,
  warn: (warning: ReadWarning) => void,
): number {
  const fileHint = hintFromText(fileName);
  let hint = fileHint;
  const parameters: ParameterEntry[] = [];
  const unrecognised: number[] = [];
  let rows = 0;

  const handle = (bag: PropertyBag, line: number): void => {
    const kind: ConfigKind = classifyProperties(bag, hint);
    if (kind === 'parameters' || kind === 'cluster_exe_properties') {
      parameters.push({ kind, properties: bag });
      return;
    }
    if (kind === 'ignored') return;
    if (kind === null) {
      unrecognised.push(line);
      return;
    }
    const row = toRow(kind, bag);
    if (row !== null) {
      emit(row);
      rows++;
    }
  };

  const list = new FormatListParser((block) => handle(block.properties, block.line));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined) continue;
    const prompt = promptPattern.exec(line.text);
    if (prompt !== null) {
      list.flush();
      hint = hintFromText(prompt[1] ?? '') ?? fileHint;
      continue;
    }
    const next = lines[i + 1];
    if (
      line.text.trim().length > 0 &&
      !isUnderline(line.text) &&
      next !== undefined &&
      isUnderline(next.text)
    ) {
      list.flush();
      const rowLines: string[] = [];
      let j = i + 2;
      for (; j < lines.length; j++) {
        const text = lines[j]?.text ?? '';
        if (text.trim().length === 0 || promptPattern.test(text)) break;
        rowLines.push(text);
      }
      const table = buildTextTable(line.text, next.text, rowLines, line.number);
      table.rows.forEach((bag, k) => handle(bag, line.number + 2 + k));
      i = j - 1;
      continue;
    }
    if (/^Listing (private )?properties for /i.test(line.text)) continue;
    list.pushLine(line.text, line.number);
  }
  list.flush();

  for (const pivoted of pivotParameters(parameters)) {
    const row = toRow(pivoted.kind, pivoted.properties);
    if (row !== null) {
      emit(row);
      rows++;
    }
  }
  if (unrecognised.length > 0) {
    warn({
      location: `line ${unrecognised.slice(0, 5).join(', ')}`,
      message: `${unrecognised.length} object(s) were not recognised as any configuration listing and were skipped`,
    });
  }
  return rows;
}

/**
 * A classified object → a row, keeping only the resources and groups of virtual machines. A row
 * that does not name its node keeps it null; ingest gives it the file's node once that is
 * decided (readers/attribute-node.ts: content, --node-map, file name, folders).
 */
function toRow(kind: ConfigKind, bag: PropertyBag): ConfigRow | null {
  if (
    kind === null ||
    kind === 'ignored' ||
    kind === 'parameters' ||
    kind === 'cluster_exe_properties'
  )
    return null;
  if (kind === 'cluster_groups') {
    const type = textValue(bag.get('grouptype'))?.toLowerCase();
    const name = textValue(bag.get('name'))?.toLowerCase() ?? '';
    if (type !== undefined ? type !== 'virtualmachine' : coreGroups.has(name)) return null;
    bag.set('__kind', 'group');
    return buildConfigRow('vm_resources', bag, null);
  }
  if (kind === 'vm_resources') {
    if (!bag.has('__kind')) {
      const type = textValue(bag.get('resourcetype') ?? bag.get('name'))?.toLowerCase() ?? '';
      if (!type.startsWith('virtual machine')) return null;
      bag.set('__kind', 'resource');
    }
    return buildConfigRow('vm_resources', bag, null);
  }
  return buildConfigRow(kind, bag, null);
}

/**
 * True when the first bytes hold a configuration capture lmdoctor understands: a list or
 * table of known properties, or a cluster.exe property listing. Pure.
 */
export function sniffConfig(head: Uint8Array, fileName: string): boolean {
  const { encoding, bomLength } = detectEncoding(head);
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(
    head.subarray(bomLength),
  );
  if (text.includes('\0') || /^\s*</.test(text)) return false;
  const lines = text
    .split('\n')
    .slice(0, 400)
    .map((t, i) => ({ text: t.replace(/\r$/, ''), number: i + 1 }));
  let found = false;
  parseConfigLines(
    lines,
    fileName,
    () => (found = true),
    () => undefined,
  );
  return found || /^Listing (private )?properties for /im.test(text);
}

/** Reads a whole capture (they are small; capped at 500,000 lines and 64 Mi characters) into the sink. */
export async function readConfig(file: InputFile, sink: RecordSink): Promise<number> {
  const collected: { text: string; number: number }[] = [];
  let capped = false;
  let characters = 0;
  const { lines } = await readTextLines(file.path, {
    maxLineLength: 64 * 1024,
    onProgress: (bytes) => sink.progress(bytes),
  });
  for await (const batch of lines) {
    for (const line of batch) {
      if (capped || collected.length >= maxConfigLines || characters > maxConfigCharacters) {
        capped = true;
        continue;
      }
      characters += line.text.length;
      collected.push(line);
    }
  }
  if (capped) {
    sink.warning({
      location: `line ${collected.length + 1}`,
      message: `configuration capture longer than ${maxConfigLines} lines or 64 Mi characters; the rest was skipped`,
    });
  }
  return parseConfigLines(
    collected,
    basename(file.displayPath),
    (row) => sink.configRow(row),
    (warning) => sink.warning(warning),
  );
}

/** The configuration-capture Reader. */
export const configReader: Reader = {
  kind: 'config',
  description:
    'configuration capture (Get-Cluster* | fl, Get-ClusterParameter, cluster.exe, processors, switches)',
  sniff: (head, fileName) => sniffConfig(head, fileName),
  async read(file: InputFile, sink: RecordSink, _options: ReadOptions): Promise<void> {
    await readConfig(file, sink);
  },
};
