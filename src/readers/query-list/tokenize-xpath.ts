/** A token of the event-log XPath subset. */
export interface Token {
  kind: 'name' | 'string' | 'number' | 'op' | 'punct' | 'end';
  text: string;
  /** 0-based character position in the expression. */
  position: number;
}

/** An XPath expression lmdoctor does not evaluate; names the construct and where it is. */
export class UnsupportedXPathError extends Error {
  constructor(
    readonly construct: string,
    readonly position: number,
  ) {
    super(`unsupported XPath construct ${construct} at character ${position + 1}`);
    this.name = 'UnsupportedXPathError';
  }
}

const namePattern = /[A-Za-z_][\w.-]*/y;
const numberPattern = /(?:0x[0-9A-Fa-f]+|\d+(?:\.\d+)?)/y;

/** Splits an XPath expression into tokens. Pure; throws UnsupportedXPathError. */
export function tokenizeXPath(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw new UnsupportedXPathError('an unterminated string', i);
      tokens.push({ kind: 'string', text: text.slice(i + 1, end), position: i });
      i = end + 1;
      continue;
    }
    numberPattern.lastIndex = i;
    const number = /\d/.test(c) ? numberPattern.exec(text) : null;
    if (number !== null) {
      tokens.push({ kind: 'number', text: number[0], position: i });
      i += number[0].length;
      continue;
    }
    namePattern.lastIndex = i;
    const name = namePattern.exec(text);
    if (name !== null) {
      tokens.push({ kind: 'name', text: name[0], position: i });
      i += name[0].length;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '!=' || two === '<=' || two === '>=') {
      tokens.push({ kind: 'op', text: two, position: i });
      i += 2;
      continue;
    }
    if (two === '//') throw new UnsupportedXPathError('"//" (descendant axis)', i);
    if (c === '=' || c === '<' || c === '>') {
      tokens.push({ kind: 'op', text: c, position: i });
      i++;
      continue;
    }
    if ('[]()@,/*'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, position: i });
      i++;
      continue;
    }
    throw new UnsupportedXPathError(`"${c}"`, i);
  }
  tokens.push({ kind: 'end', text: '', position: text.length });
  return tokens;
}
