import type { EvtxRecord } from '../binary/scan-evtx.js';
import { ByteWriter } from './xml-bytes.js';
import { XmlRecordWriter } from './xml-record-writer.js';

const lineEnd = 0x0a;

/** A record handler that gathers its output, and `flush` to pass on what it holds. */
export interface ChunkedOutput {
  onRecord(record: EvtxRecord): void;
  flush(): void;
}

/**
 * Records as XML, each followed by a line end, gathered into UTF-8 chunks that go to `emit`
 * once about `chunkSize` bytes are written, and on `flush`. Each chunk owns its memory
 * (ByteWriter.take), so it can be kept or moved to another thread. Kept apart from the other
 * output modes (record-output.ts) so that `evtx dump` loads only what XML needs.
 */
export function xmlChunks(emit: (chunk: Buffer) => void, chunkSize: number): ChunkedOutput {
  const out = new ByteWriter(chunkSize + (chunkSize >> 1));
  const writer = new XmlRecordWriter(out);
  const flush = () => {
    if (out.pos > 0) emit(out.take());
  };
  return {
    onRecord(record) {
      writer.write(record.decoder, record.nodes);
      out.byte(lineEnd);
      if (out.pos >= chunkSize) flush();
    },
    flush,
  };
}
