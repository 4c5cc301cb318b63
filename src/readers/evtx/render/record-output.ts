import { ingestRow } from '../../../catalog/catalog-message.js';
import type { EventRow } from '../../../model/event-row.js';
import type { LogEvent } from '../../../model/log-event.js';
import { nodeKind } from '../binary/binxml-nodes.js';
import { JsonRenderer } from './json-renderer.js';
import { LogEventBuilder } from './log-event-builder.js';
import type { EvtxRecord } from '../binary/scan-evtx.js';
import { buildPlannedEvent, systemPlan } from './system-plan.js';
import { BinXmlWalker } from '../binary/walk-binxml.js';
import { ByteWriter } from './xml-bytes.js';
import { xmlChunks, type ChunkedOutput } from './xml-chunks.js';
import { XmlRecordWriter } from './xml-record-writer.js';

/**
 * What a scan turns records into: LogEvents; store rows (`ingestRow` of each LogEvent: what
 * ingest stores); or XML / JSON text (dump).
 */
export type OutputMode = 'events' | 'rows' | 'xml' | 'json';
/**
 * A LogEvent or an EventRow; or, for the text modes, text: one string per record from
 * `recordOutput`, and from `chunkedOutput` chunks of many records, each record followed by a
 * line end (XML as UTF-8 bytes, JSON as a string).
 */
export type OutputItem = LogEvent | EventRow | string | Uint8Array;

/**
 * A record handler for `mode` that passes each finished item to `emit`. A record that fails
 * half-way leaves nothing behind and rethrows (the scan reports it as skipped).
 */
export function recordOutput(
  mode: OutputMode,
  emit: (item: OutputItem) => void,
): (record: EvtxRecord) => void {
  if (mode === 'rows') return recordOutput('events', (event) => emit(ingestRow(event as LogEvent)));
  if (mode === 'events') {
    const builder = new LogEventBuilder();
    const walker = new BinXmlWalker(builder);
    return (record) => {
      try {
        const only = record.nodes.length === 1 ? record.nodes[0] : undefined;
        const plan = only?.kind === nodeKind.instance ? systemPlan(only.template) : null;
        const planned =
          plan !== null &&
          only?.kind === nodeKind.instance &&
          buildPlannedEvent(plan, only.values, record.decoder, walker, builder);
        if (!planned) walker.walk(record.decoder, record.nodes);
        emit(builder.take());
      } catch (error) {
        builder.reset();
        throw error;
      }
    };
  }
  if (mode === 'xml') {
    const out = new ByteWriter(1 << 16);
    const writer = new XmlRecordWriter(out);
    return (record) => {
      writer.write(record.decoder, record.nodes);
      const text = out.bytes.toString('utf8', 0, out.pos);
      out.pos = 0;
      emit(text);
    };
  }
  const json = new JsonRenderer();
  const walker = new BinXmlWalker(json);
  return (record) => {
    try {
      walker.walk(record.decoder, record.nodes);
    } catch (error) {
      json.take();
      throw error;
    }
    emit(JSON.stringify(json.take()));
  };
}

/**
 * Like `recordOutput`, but text modes gather records (each followed by a line end) and emit
 * them about `chunkSize` bytes (or characters) at a time, and on `flush`. LogEvents and rows
 * are emitted one by one as they come.
 */
export function chunkedOutput(
  mode: OutputMode,
  emit: (item: OutputItem) => void,
  chunkSize: number,
): ChunkedOutput {
  if (mode === 'events' || mode === 'rows') {
    return { onRecord: recordOutput(mode, emit), flush: () => {} };
  }
  if (mode === 'xml') return xmlChunks(emit, chunkSize);
  let batch = '';
  const flush = () => {
    if (batch !== '') emit(batch);
    batch = '';
  };
  const onText = recordOutput(mode, (text) => {
    batch += `${text as string}\n`;
    if (batch.length >= chunkSize) flush();
  });
  return { onRecord: onText, flush };
}
