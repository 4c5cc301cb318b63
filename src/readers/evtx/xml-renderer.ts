import type { BinXmlVisitor } from './walk-binxml.js';

// eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot carry are what this matches
const needsEscape = /[&<>"\t\n\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot carry are what this matches
const escapePattern = /\r\n?|[&<>"\t\n\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const replacements: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#10;',
  '\r\n': '&#10;',
};

/**
 * Text → XML character data / attribute value, on one line: line ends become `&#10;` (CR LF
 * and CR too, which is what any XML parser would make of them: XML 1.0 §2.11), tabs `&#9;`.
 * Characters XML 1.0 cannot carry at all (other C0 controls, U+FFFE/U+FFFF) become U+FFFD so
 * the output stays well formed. Pure.
 */
export function escapeXml(text: string): string {
  if (text.length <= 32) {
    // Short texts: a character loop is cheaper than a regex.
    let clean = true;
    for (let i = 0; clean && i < text.length; i++) {
      const c = text.charCodeAt(i);
      clean =
        c >= 0x20 ? c !== 0x26 && c !== 0x3c && c !== 0x3e && c !== 0x22 && c < 0xfffe : false;
    }
    if (clean) return text;
  } else if (!needsEscape.test(text)) return text;
  return text.replace(escapePattern, (c) => replacements[c] ?? '\ufffd');
}

/**
 * Renders one record as XML text the way Windows does (`wevtutil qe /f:xml`), on one line: no
 * XML declaration, no indentation, empty elements as `<Name/>`, entity references as written.
 */
export class XmlRenderer implements BinXmlVisitor {
  private out = '';
  private openTag = false;

  /** Returns the XML collected since the last call and starts afresh. */
  take(): string {
    this.closeOpenTag();
    const xml = this.out;
    this.out = '';
    return xml;
  }

  private closeOpenTag(): void {
    if (this.openTag) {
      this.out += '>';
      this.openTag = false;
    }
  }

  startElement(name: string): void {
    this.closeOpenTag();
    this.out += `<${name}`;
    this.openTag = true;
  }

  attribute(name: string, _localName: string | null, value: string, markupSafe = false): void {
    this.out += ` ${name}="${markupSafe ? value : escapeXml(value)}"`;
  }

  text(text: string, markupSafe = false): void {
    if (text === '') return;
    this.closeOpenTag();
    this.out += markupSafe ? text : escapeXml(text);
  }

  entityRef(name: string): void {
    this.closeOpenTag();
    this.out += `&${name};`;
  }

  charRef(code: number): void {
    this.closeOpenTag();
    this.out += `&#${code};`;
  }

  cdata(text: string): void {
    this.closeOpenTag();
    this.out += `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
  }

  processingInstruction(target: string, data: string): void {
    this.closeOpenTag();
    this.out += data === '' ? `<?${target}?>` : `<?${target} ${data}?>`;
  }

  endElement(name: string): void {
    if (this.openTag) {
      this.out += '/>';
      this.openTag = false;
    } else {
      this.out += `</${name}>`;
    }
  }
}
