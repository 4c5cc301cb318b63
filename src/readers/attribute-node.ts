import { UsageError } from '../errors.js';
import { shortNodeName, type NodeNames } from '../model/node-name.js';
import type { SourceKind } from './reader.js';

/**
 * Which node wrote a file, decided the same way for every input kind: what the content says
 * (the `Computer` of its events, a cluster log's `Current node` header, the node its
 * configuration rows name), then a `--node-map` rule, then the file name, then the folders and
 * zip files above it, the last two matched against the node names the case knows. Pure.
 */

/** How a file's node was decided (`sources.node_basis`). */
export type NodeBasis = 'content' | 'node-map' | 'file-name' | 'folder' | 'not-needed' | 'unknown';

/** What is known about one stored file before its node is decided. */
export interface AttributionInput {
  displayPath: string;
  kind: SourceKind | string;
  /** The node the content names; null when it names none. */
  contentNode: string | null;
  /** Whether the file holds records that take the file's node (cluster log lines, config rows). */
  needsNode: boolean;
}

export interface NodeDecision {
  node: string | null;
  basis: NodeBasis;
  /** In words: where the node came from, or what was tried. */
  evidence: string;
  /** The file or folder name names another node than the content (content wins). */
  conflict: string | null;
}

/** One `--node-map FILE=NODE` rule. */
export interface NodeMapRule {
  /** As written, for messages. */
  spec: string;
  node: string;
  pattern: RegExp;
}

/** `HV01.contoso.com_cluster.log` → `HV01`; null for names without a node (`Cluster.log`). Pure. */
export function nodeFromFileName(fileName: string): string | null {
  const m = /^(.+?)_cluster\.log$/i.exec(fileName);
  return m === null ? null : shortNodeName(m[1] ?? '');
}

/**
 * `HV01_Get-ClusterNetwork.txt`, `HV01-processors.txt`, `HV01-System.evtx` (the collect
 * script's names) → `HV01`; null when the name does not start with a node. Pure.
 */
export function nodeFromConfigFileName(fileName: string): string | null {
  const m =
    /^([A-Za-z0-9][A-Za-z0-9.-]*?)[_-](?=get-|cluster|processor|cpu|win32|msvm|vmswitch|switch|network|node|vm)/i.exec(
      fileName,
    );
  const node = m?.[1];
  if (node === undefined || /^(get|cluster|win32|msvm)$/i.test(node)) return null;
  return shortNodeName(node);
}

/**
 * The node a file name names by a documented naming pattern, whatever the case knows:
 * `<node>_cluster.log`, and for configuration captures `<node>-Get-….txt` and the like.
 */
export function nodeFromNamePattern(fileName: string, kind: string): string | null {
  return (
    nodeFromFileName(fileName) ?? (kind === 'config' ? nodeFromConfigFileName(fileName) : null)
  );
}

/** `a/b/ELM-HV1.zip!/logs/Cluster.log` → pieces `['a','b','ELM-HV1.zip','logs','Cluster.log']`. */
export function pathPieces(displayPath: string): string[] {
  return displayPath.split(/[\\/!]+/).filter((p) => p !== '' && p !== '.' && p !== '..');
}

/** Parses `FILE=NODE` (FILE a path or glob: `*`, `?`, `**`); throws a UsageError when malformed. */
export function parseNodeMap(spec: string): NodeMapRule {
  const at = spec.lastIndexOf('=');
  const glob = at > 0 ? spec.slice(0, at).trim() : '';
  const node = at > 0 ? shortNodeName(spec.slice(at + 1)) : '';
  if (glob === '' || node === '')
    throw new UsageError(
      `--node-map ${spec}: expected FILE=NODE`,
      "for example --node-map 'ELM-HV1/Cluster.log=ELM-HV1' or --node-map '*hv2*=ELM-HV2'",
    );
  return { spec, node, pattern: globPattern(glob) };
}

/**
 * A glob as a regular expression over `/`-separated paths, case-blind: `**` any run of
 * pieces, `*` and `?` within one piece. It matches a whole path or its last pieces
 * (`ELM-HV1/Cluster.log` matches `case/ELM-HV1/Cluster.log`).
 */
function globPattern(glob: string): RegExp {
  const pieces = pathPieces(glob.replace(/\\/g, '/'));
  let source = '';
  pieces.forEach((piece, i) => {
    if (piece === '**') {
      // Any number of pieces, none included.
      source += i === pieces.length - 1 ? '.*' : '(?:[^/]+/)*';
      return;
    }
    for (const c of piece) {
      if (c === '*') source += '[^/]*';
      else if (c === '?') source += '[^/]';
      else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    if (i < pieces.length - 1) source += '/';
  });
  return new RegExp(`(^|/)${source}$`, 'i');
}

/** The first rule whose pattern matches the file's path. */
export function matchNodeMap(
  displayPath: string,
  rules: readonly NodeMapRule[],
): NodeMapRule | null {
  const path = pathPieces(displayPath).join('/');
  return rules.find((rule) => rule.pattern.test(path)) ?? null;
}

const contentWords: Record<string, string> = {
  evtx: 'the Computer of its events',
  'xml-events': 'the Computer of its events',
  'cluster-log': 'the "Current node" line of its header',
  config: 'the node its rows name',
};

/** Decides one file's node (see the module comment). Pure. */
export function decideNode(
  input: AttributionInput,
  known: NodeNames,
  rules: readonly NodeMapRule[],
): NodeDecision {
  const pieces = pathPieces(input.displayPath);
  const fileName = pieces[pieces.length - 1] ?? input.displayPath;
  const fromName =
    nodeFromNamePattern(fileName, input.kind) ?? known.findIn(stripExtension(fileName));
  if (input.contentNode !== null) {
    const conflict =
      fromName !== null && !sameNode(fromName, input.contentNode)
        ? `the file name names node ${fromName} but its content says ${input.contentNode}; using ${input.contentNode}`
        : null;
    return {
      node: input.contentNode,
      basis: 'content',
      evidence: contentWords[input.kind] ?? 'its content',
      conflict,
    };
  }
  const rule = matchNodeMap(input.displayPath, rules);
  if (rule !== null)
    return {
      node: rule.node,
      basis: 'node-map',
      evidence: `--node-map ${rule.spec}`,
      conflict: null,
    };
  if (fromName !== null)
    return {
      node: fromName,
      basis: 'file-name',
      evidence: `the file name ${fileName}`,
      conflict: null,
    };
  const folders = pieces.slice(0, -1).reverse();
  for (const folder of folders) {
    const node = known.findIn(stripExtension(folder));
    if (node !== null) {
      const what = /\.zip$/i.test(folder) ? 'the zip file' : 'the folder';
      return { node, basis: 'folder', evidence: `${what} ${folder}`, conflict: null };
    }
  }
  if (!input.needsNode)
    return {
      node: null,
      basis: 'not-needed',
      evidence: 'cluster-wide: no record of it belongs to one node',
      conflict: null,
    };
  const names = known.list();
  const tried = [
    `its content (${contentWords[input.kind] ?? 'no node named'}: none)`,
    `the file name ${fileName}`,
    folders.length > 0
      ? `the folders ${folders.slice(0, 4).join(', ')}${folders.length > 4 ? ', …' : ''}`
      : 'no folders',
  ];
  return {
    node: null,
    basis: 'unknown',
    evidence: `tried ${tried.join('; ')}; ${
      names.length > 0
        ? `none names a known node (${names.join(', ')})`
        : 'the case names no nodes to match them against'
    }; give --node-map '${fileName}=NODE'`,
    conflict: null,
  };
}

function sameNode(a: string, b: string): boolean {
  return shortNodeName(a).toUpperCase() === shortNodeName(b).toUpperCase();
}

/** `ELM-HV1.zip` → `ELM-HV1`, `hv1-system.evtx` → `hv1-system`; a name without one stays. */
function stripExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && name.length - dot <= 5 ? name.slice(0, dot) : name;
}
