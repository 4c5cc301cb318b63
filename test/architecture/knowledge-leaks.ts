/**
 * Finds Windows knowledge written outside src/catalog/ (issue 15 item 4, DESIGN §3): an event
 * id written as a literal, and SQL that matches message or data text with LIKE. Reads the
 * TypeScript syntax tree, so comments (which may cite ids freely) are not looked at and
 * numbers are told apart from text.
 *
 * What counts as an event-id literal:
 * - a 4-5 digit number (in code, or as a word of a string or template) that is an id the
 *   catalogue knows: ports (6600, 3343), sizes (4096, 65536), timeouts (60000) and years are
 *   not catalogue ids, so they pass;
 * - any 4-5 digit number compared with something named like an event id (`eventId === 1641`,
 *   `event_id IN (1641, …)` in SQL), catalogued or not.
 * A SQL LIKE on message text: `message`/`data`/`provider` `LIKE '<pattern with a letter>'`
 * (a pattern given as a parameter, or one of punctuation only, names no Windows wording).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/** One finding: where, and what was written. */
export interface KnowledgeLeak {
  path: string;
  line: number;
  kind: 'event-id' | 'message-like';
  text: string;
}

/** A file allowed to write some ids, and why (kept small and explicit). */
export interface AllowedLeak {
  path: string;
  ids: readonly number[];
  reason: string;
}

const idWord = /(?<![\w.:/\\-])(\d{4,5})(?![\w:\\-]|\.\d)/g;
const sqlIdCompare = /\bevent_?id\s*(?:=|==|<>|!=|IN\s*\()\s*(\d{4,5})/gi;
const messageLike = /\b(message|data|provider)\s+(?:NOT\s+)?LIKE\s+'([^']*)'/gi;
const eventIdName = /^(event_?id|eventid)$/i;

function nameOf(node: ts.Node): string | null {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression))
    return node.argumentExpression.text;
  return null;
}

/** The leaks of one source file (`text` as read, `path` as reported). Pure. */
export function findKnowledgeLeaks(
  path: string,
  text: string,
  catalogIds: ReadonlySet<number>,
): KnowledgeLeak[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const leaks: KnowledgeLeak[] = [];
  const add = (node: ts.Node, kind: KnowledgeLeak['kind'], what: string) =>
    leaks.push({
      path,
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      kind,
      text: what,
    });
  const inText = (node: ts.Node, value: string) => {
    for (const m of value.matchAll(idWord))
      if (catalogIds.has(Number(m[1]))) add(node, 'event-id', m[1]!);
    for (const m of value.matchAll(sqlIdCompare)) add(node, 'event-id', m[0]);
    for (const m of value.matchAll(messageLike))
      if (/[A-Za-z]/.test(m[2] ?? '')) add(node, 'message-like', m[0]);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isNumericLiteral(node) && /^\d{4,5}$/.test(node.text)) {
      if (catalogIds.has(Number(node.text))) add(node, 'event-id', node.text);
    } else if (ts.isBinaryExpression(node)) {
      const sides = [node.left, node.right];
      const named = sides.some((s) => eventIdName.test(nameOf(s) ?? ''));
      const number = sides.find((s) => ts.isNumericLiteral(s) && /^\d{4,5}$/.test(s.text));
      if (named && number && !catalogIds.has(Number((number as ts.NumericLiteral).text)))
        add(node, 'event-id', node.getText(source));
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      inText(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      inText(node, [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('${}'));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return leaks;
}

/** The leaks not covered by an allowance (same path, id among its ids). Pure. */
export function unallowed(
  leaks: readonly KnowledgeLeak[],
  allowed: readonly AllowedLeak[],
): KnowledgeLeak[] {
  return leaks.filter(
    (leak) =>
      !allowed.some(
        (a) =>
          a.path === leak.path && leak.kind === 'event-id' && a.ids.includes(Number(leak.text)),
      ),
  );
}

/** The TypeScript files under `dir`, as paths relative to `root` with forward slashes. */
export function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) out.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(join(root, dir));
  return out.sort();
}

/** The leaks of every TypeScript file under `dir` but outside `exempt` (paths from `root`). */
export function scanForLeaks(
  root: string,
  dir: string,
  exempt: string,
  catalogIds: ReadonlySet<number>,
): KnowledgeLeak[] {
  return sourceFiles(root, dir)
    .filter((path) => !path.startsWith(exempt))
    .flatMap((path) =>
      findKnowledgeLeaks(path, readFileSync(join(root, path), 'utf8'), catalogIds),
    );
}
