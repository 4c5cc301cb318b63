import { NodeNames } from '../model/node-name.js';
import {
  decideNode,
  nodeFromNamePattern,
  pathPieces,
  type NodeBasis,
  type NodeMapRule,
} from '../readers/attribute-node.js';
import {
  canonicalizeStoredNodes,
  clearNodeProblem,
  recordNodeProblem,
  saveSourceNode,
  selectSourcesToAttribute,
  selectStoredNodeNames,
} from '../store/node-attribution.js';
import type { Store } from '../store/open-database.js';
import type { CaseProgress } from './progress.js';

/** How one file's node was decided in this run. */
export interface NodeAttribution {
  path: string;
  kind: string;
  node: string | null;
  basis: NodeBasis;
  evidence: string;
}

/**
 * Decides the node of every stored file whose content does not settle it (readers/
 * attribute-node.ts), once every file of the run is stored: the node names of the whole case
 * are known by then, so a plain `Cluster.log` in a folder named after a node gets that node.
 * Touches only file-level rows (sources, the cluster log's file row, configuration rows that
 * do not name their node); no record is read again. Says once per file when the node cannot
 * be decided, and records it in `ingest_errors`. Then writes every stored node name the way
 * the cluster spells that node. Returns the decisions of this run.
 */
export function attributeNodes(
  db: Store,
  rules: readonly NodeMapRule[],
  progress: CaseProgress,
): NodeAttribution[] {
  const sources = selectSourcesToAttribute(db);
  const known = new NodeNames(selectStoredNodeNames(db));
  for (const rule of rules) known.learn(rule.node, 'user');
  for (const source of sources) {
    const name = pathPieces(source.path).pop() ?? '';
    const named = nodeFromNamePattern(name, source.kind);
    if (named !== null) known.learn(named, 'path');
  }
  const decisions: NodeAttribution[] = [];
  db.transaction(() => {
    for (const source of sources) {
      const decision = decideNode(
        {
          displayPath: source.path,
          kind: source.kind,
          contentNode: source.contentNode,
          needsNode: source.needsNode,
        },
        known,
        rules,
      );
      const node = decision.node === null ? null : known.canonical(decision.node);
      saveSourceNode(db, {
        id: source.id,
        kind: source.kind,
        node,
        basis: decision.basis,
        evidence: decision.evidence,
        previousNode: source.previousNode,
      });
      if (decision.basis === 'unknown') {
        recordNodeProblem(db, source.id, `the node of this file is unknown: ${decision.evidence}`);
        progress.warn(`${source.path}: node unknown; ${decision.evidence}`);
      } else if (decision.conflict !== null) {
        recordNodeProblem(db, source.id, decision.conflict);
        progress.warn(`${source.path}: ${decision.conflict}`);
      } else clearNodeProblem(db, source.id);
      decisions.push({
        path: source.path,
        kind: source.kind,
        node,
        basis: decision.basis,
        evidence: decision.evidence,
      });
    }
  })();
  // One node, one spelling everywhere: the cluster's own (see model/node-name.ts).
  canonicalizeStoredNodes(db, (name) => (known.has(name) ? known.canonical(name) : name));
  return decisions;
}
