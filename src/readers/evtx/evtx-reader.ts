import type { Reader } from '../reader.js';
import { hasFileMagic } from './file-header.js';
import { readEvtxEvents } from './read-evtx-events.js';

/**
 * Binary Windows event logs (`.evtx`), recognised by the `ElfFile\0` signature whatever the file
 * is called. Records become LogEvents straight from the BinXML templates; damaged records and
 * chunks become warnings and the rest of the file is read.
 */
export const evtxReader: Reader = {
  kind: 'evtx',
  description: 'Windows event log file (.evtx, binary)',

  sniff(head) {
    return hasFileMagic(head);
  },

  async read(file, sink) {
    readEvtxEvents(file.path, {
      event: (event) => sink.event(event),
      warning: (warning) => sink.warning(warning),
      progress: (bytes) => sink.progress(bytes),
    });
  },
};
