import type { Template } from './binxml-nodes.js';
import { maxSharedTemplates } from './limits.js';

interface CachedTemplate {
  /** The definition's BinXML, copied: an identical definition in another chunk reuses this. */
  definition: Uint8Array;
  template: Template;
}

/**
 * Compiled templates shared across the chunks of a file (and across files), keyed by GUID and
 * data size and confirmed by comparing the definition bytes, so an identical definition is
 * compiled once. Bounded: cleared when it grows past `maxSharedTemplates` entries, keeping
 * memory flat.
 */
export class TemplateCache {
  private readonly byKey = new Map<string, CachedTemplate[]>();
  private size = 0;
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
    const key = `${guid}/${dataSize}`;
    const definition = chunk.subarray(offset + 24, offset + 24 + dataSize);
    const candidates = this.byKey.get(key);
    if (candidates) {
      for (const candidate of candidates) {
        if (Buffer.compare(candidate.definition, definition) === 0) {
          this.reused++;
          return candidate.template;
        }
      }
    }
    const template = compile();
    this.compiled++;
    if (this.size >= maxSharedTemplates) {
      this.byKey.clear();
      this.size = 0;
    }
    const entry = { definition: new Uint8Array(definition), template };
    const list = this.byKey.get(key);
    if (list) list.push(entry);
    else this.byKey.set(key, [entry]);
    this.size++;
    return template;
  }
}
