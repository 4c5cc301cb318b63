import type { PropertyBag } from './build-config-row.js';

/** One `Format-List` object: its properties and the line it starts on. */
export interface ListBlock {
  properties: PropertyBag;
  line: number;
}

const propertyPattern = /^([A-Za-z_][\w.@-]*)\s*: ?(.*)$/;

/**
 * Incremental parser of PowerShell `Format-List` output (`Name : Value` lines padded to the
 * longest name; objects separated by blank lines; long values wrapped onto indented lines).
 * Property names are lower-cased. A repeated name also starts a new object, for captures
 * whose blank lines were lost.
 */
export class FormatListParser {
  private current: PropertyBag = new Map();
  private currentLine = 0;
  private lastKey: string | null = null;

  constructor(private readonly emit: (block: ListBlock) => void) {}

  /** Feeds one line; returns false when the line is not part of a list (the caller decides). */
  pushLine(text: string, number: number): boolean {
    if (text.trim().length === 0) {
      this.flush();
      return true;
    }
    if (/^\s/.test(text)) {
      if (this.lastKey === null) return false;
      const previous = this.current.get(this.lastKey) ?? '';
      this.current.set(this.lastKey, `${previous} ${text.trim()}`.trim());
      return true;
    }
    const m = propertyPattern.exec(text);
    if (m === null) {
      this.flush();
      return false;
    }
    const key = (m[1] ?? '').toLowerCase();
    if (this.current.has(key)) this.flush();
    if (this.current.size === 0) this.currentLine = number;
    this.current.set(key, (m[2] ?? '').trim());
    this.lastKey = key;
    return true;
  }

  flush(): void {
    if (this.current.size > 0) this.emit({ properties: this.current, line: this.currentLine });
    this.current = new Map();
    this.lastKey = null;
  }
}
