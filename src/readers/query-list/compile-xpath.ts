import { normalizeIsoTime } from '../../model/time.js';
import type { EventNode } from './event-node.js';
import { tokenizeXPath, UnsupportedXPathError, type Token } from './tokenize-xpath.js';

/** A compiled test on an element (the context node). */
export type NodeTest = (node: EventNode) => boolean;

type Step =
  { kind: 'child'; name: string; predicates: NodeTest[] } | { kind: 'attribute'; name: string };
type Operand =
  | { kind: 'path'; steps: Step[] }
  | { kind: 'band'; steps: Step[]; mask: bigint }
  | { kind: 'timediff'; steps: Step[] };

/** Predicates and parentheses nest at most this deep (real queries use two or three). */
const maxNestingDepth = 64;
/**
 * Comparisons and tests in one expression. Windows' own event log refuses far smaller
 * queries; a 50,000-term `or` chain once overflowed the stack and 20,000 took 33 s.
 */
const maxTerms = 1000;

export interface XPathOptions {
  /** The moment `timediff()` measures from. */
  now: Date;
}

/**
 * Compiles the XPath subset Windows event-log queries accept (element tests, `@attribute`,
 * comparisons `= != < <= > >=`, `and`/`or`/`not()`, parentheses, `band()`, `timediff()`)
 * into a test of the document node. Pure; throws UnsupportedXPathError naming any other
 * construct (axes, positions, unions, other functions).
 */
export function compileXPath(text: string, options: XPathOptions): NodeTest {
  const parser = new XPathParser(tokenizeXPath(text), options);
  const steps = parser.parsePath();
  parser.expectEnd();
  return (document) => selectNodes(document, steps).length > 0;
}

class XPathParser {
  private index = 0;
  private depth = 0;
  private terms = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly options: XPathOptions,
  ) {}

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'end') throw unsupported(token);
  }

  parsePath(): Step[] {
    const steps: Step[] = [this.parseStep()];
    while (this.isPunct('/')) {
      this.index++;
      steps.push(this.parseStep());
    }
    return steps;
  }

  private parseStep(): Step {
    const token = this.next();
    if (token.kind === 'punct' && token.text === '@') {
      const name = this.next();
      if (name.kind !== 'name') throw unsupported(name);
      return { kind: 'attribute', name: name.text };
    }
    const isName = token.kind === 'name' || (token.kind === 'punct' && token.text === '*');
    if (!isName) throw unsupported(token);
    if (this.isPunct('('))
      throw new UnsupportedXPathError(`function ${token.text}()`, token.position);
    const predicates: NodeTest[] = [];
    while (this.isPunct('[')) {
      this.index++;
      if (this.peek().kind === 'number') {
        throw new UnsupportedXPathError('a position predicate', this.peek().position);
      }
      predicates.push(this.parseOr());
      this.expectPunct(']');
    }
    return { kind: 'child', name: token.text, predicates };
  }

  private parseOr(): NodeTest {
    if (++this.depth > maxNestingDepth) {
      throw new UnsupportedXPathError(
        `nesting deeper than ${maxNestingDepth} levels`,
        this.peek().position,
      );
    }
    const terms = [this.parseAnd()];
    while (this.isName('or')) {
      this.index++;
      terms.push(this.parseAnd());
    }
    this.depth--;
    // A loop, not nested closures: a long chain must not deepen the stack when evaluated.
    return terms.length === 1 ? terms[0]! : (node) => terms.some((test) => test(node));
  }

  private parseAnd(): NodeTest {
    const terms = [this.parseUnary()];
    while (this.isName('and')) {
      this.index++;
      terms.push(this.parseUnary());
    }
    return terms.length === 1 ? terms[0]! : (node) => terms.every((test) => test(node));
  }

  private parseUnary(): NodeTest {
    if (this.isName('not') && this.tokens[this.index + 1]?.text === '(') {
      this.index += 2;
      const inner = this.parseOr();
      this.expectPunct(')');
      return (node) => !inner(node);
    }
    if (this.isPunct('(')) {
      this.index++;
      const inner = this.parseOr();
      this.expectPunct(')');
      return inner;
    }
    return this.parseComparison();
  }

  private parseComparison(): NodeTest {
    if (++this.terms > maxTerms)
      throw new UnsupportedXPathError(
        `an expression of more than ${maxTerms} terms`,
        this.peek().position,
      );
    const operand = this.parseOperand();
    const op = this.peek();
    if (op.kind !== 'op')
      return (node) => operandValues(node, operand, this.options).some(isTruthy);
    this.index++;
    const literal = this.next();
    if (literal.kind !== 'string' && literal.kind !== 'number') throw unsupported(literal);
    return (node) =>
      operandValues(node, operand, this.options).some((value) => compare(value, op.text, literal));
  }

  private parseOperand(): Operand {
    const token = this.peek();
    if (token.kind === 'name' && this.tokens[this.index + 1]?.text === '(') {
      if (token.text === 'band') {
        this.index += 2;
        const steps = this.parsePath();
        this.expectPunct(',');
        const mask = this.next();
        if (mask.kind !== 'number') throw unsupported(mask);
        this.expectPunct(')');
        return { kind: 'band', steps, mask: BigInt(mask.text) };
      }
      if (token.text === 'timediff') {
        this.index += 2;
        const steps = this.parsePath();
        this.expectPunct(')');
        return { kind: 'timediff', steps };
      }
      throw new UnsupportedXPathError(`function ${token.text}()`, token.position);
    }
    return { kind: 'path', steps: this.parsePath() };
  }

  private peek(): Token {
    return this.tokens[this.index] ?? { kind: 'end', text: '', position: 0 };
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private isPunct(text: string): boolean {
    const token = this.peek();
    return token.kind === 'punct' && token.text === text;
  }

  private isName(text: string): boolean {
    const token = this.peek();
    return token.kind === 'name' && token.text === text;
  }

  private expectPunct(text: string): void {
    const token = this.next();
    if (token.kind !== 'punct' || token.text !== text) {
      if (token.kind === 'end')
        throw new UnsupportedXPathError(`a missing "${text}"`, token.position);
      throw unsupported(token);
    }
  }
}

function unsupported(token: Token): UnsupportedXPathError {
  const what = token.kind === 'end' ? 'the end of the expression' : `"${token.text}"`;
  return new UnsupportedXPathError(what, token.position);
}

type Value = string | bigint | number;

/** Nodes (or attribute values) a path selects from `context`, XPath style. */
function selectNodes(context: EventNode, steps: Step[]): (EventNode | string)[] {
  let current: (EventNode | string)[] = [context];
  for (const step of steps) {
    const next: (EventNode | string)[] = [];
    for (const item of current) {
      if (typeof item === 'string') continue;
      if (step.kind === 'attribute') {
        const value = item.attributes[step.name];
        if (value !== undefined) next.push(value);
        continue;
      }
      for (const child of item.children()) {
        if (step.name !== '*' && child.name !== step.name) continue;
        if (step.predicates.every((test) => test(child))) next.push(child);
      }
    }
    current = next;
  }
  return current;
}

function operandValues(node: EventNode, operand: Operand, options: XPathOptions): Value[] {
  const items = selectNodes(node, operand.steps);
  if (operand.kind === 'path') {
    return items.map((item) => (typeof item === 'string' ? item : (item.text ?? '')));
  }
  const texts = items.map((item) => (typeof item === 'string' ? item : (item.text ?? '')));
  if (operand.kind === 'band') {
    return texts.flatMap((text) => {
      const number = toBigInt(text);
      return number === null ? [] : [number & operand.mask];
    });
  }
  return texts.flatMap((text) => {
    const iso = normalizeIsoTime(text);
    return iso === null ? [] : [options.now.getTime() - Date.parse(iso)];
  });
}

/** A bare operand is true when it selected something (band: when the result is not zero). */
function isTruthy(value: Value): boolean {
  return typeof value === 'bigint' ? value !== 0n : true;
}

function compare(value: Value, op: string, literal: Token): boolean {
  if (typeof value === 'bigint') {
    const right = toBigInt(literal.text);
    return right !== null && ordered(value === right ? 0 : value < right ? -1 : 1, op);
  }
  if (typeof value === 'number' || literal.kind === 'number') {
    const left = typeof value === 'number' ? value : toNumber(value);
    const right = toNumber(literal.text);
    if (left === null || right === null) return op === '!=';
    return ordered(left === right ? 0 : left < right ? -1 : 1, op);
  }
  const leftTime = normalizeIsoTime(value);
  const rightTime = leftTime === null ? null : normalizeIsoTime(literal.text);
  const [a, b] =
    leftTime !== null && rightTime !== null ? [leftTime, rightTime] : [value, literal.text];
  return ordered(a === b ? 0 : a < b ? -1 : 1, op);
}

function ordered(order: number, op: string): boolean {
  switch (op) {
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    default:
      return order >= 0;
  }
}

function toNumber(text: string): number | null {
  const trimmed = text.trim();
  if (/^0x[0-9a-f]+$/i.test(trimmed)) return parseInt(trimmed.slice(2), 16);
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

function toBigInt(text: string): bigint | null {
  const trimmed = text.trim();
  if (!/^(0x[0-9a-f]+|\d+)$/i.test(trimmed)) return null;
  return BigInt(trimmed);
}
