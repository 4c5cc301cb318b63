import type { LogEvent } from '../../model/log-event.js';
import { nodeKind } from './binxml-nodes.js';
import { JsonRenderer } from './json-renderer.js';
import { LogEventBuilder } from './log-event-builder.js';
import type { EvtxRecord } from './scan-evtx.js';
import { buildPlannedEvent, systemPlan } from './system-plan.js';
import { BinXmlWalker } from './walk-binxml.js';
import { XmlRenderer } from './xml-renderer.js';

/** What a scan turns records into: LogEvents (ingest), or XML / JSON text (dump). */
export type OutputMode = 'events' | 'xml' | 'json';
export type OutputItem = LogEvent | string;

/**
 * A record handler for `mode` that passes each finished item to `emit`. A record that fails
 * half-way leaves nothing behind and rethrows (the scan reports it as skipped).
 */
export function recordOutput(
  mode: OutputMode,
  emit: (item: OutputItem) => void,
): (record: EvtxRecord) => void {
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
  const xml = new XmlRenderer();
  const json = new JsonRenderer();
  const take = mode === 'xml' ? () => xml.take() : () => JSON.stringify(json.take());
  const walker = new BinXmlWalker(mode === 'xml' ? xml : json);
  return (record) => {
    try {
      walker.walk(record.decoder, record.nodes);
    } catch (error) {
      take();
      throw error;
    }
    emit(take());
  };
}
