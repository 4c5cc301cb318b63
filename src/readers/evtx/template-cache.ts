import type { Template } from './binxml-nodes.js';
import { crc32 } from './crc32.js';
import { maxSharedTemplates } from './limits.js';

/**
 * Compiled templates shared across the chunks of a file (and across files), keyed by GUID,
 * data size and CRC-32 of the definition bytes, so an identical definition is compiled once.
 * Bounded: cleared when it grows past `maxSharedTemplates` entries, keeping memory flat.
 */
export class TemplateCache {
  private readonly byKey = new Map<string, Template>();
  compiled = 0;
  reused = 0;

  /** The template for the definition at `offset` in `chunk`, compiling it on a miss. */
  lookup(
    chunk: Uint8Array,
    offset: number,
    guid: string,
    dataSize: number,
    compile: () => Template,
  ): Template {
    const key = `${guid}/${dataSize}/${crc32(chunk, offset + 24, offset + 24 + dataSize)}`;
    const known = this.byKey.get(key);
    if (known) {
      this.reused++;
      return known;
    }
    const template = compile();
    this.compiled++;
    if (this.byKey.size >= maxSharedTemplates) this.byKey.clear();
    this.byKey.set(key, template);
    return template;
  }
}
