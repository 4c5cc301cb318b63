/**
 * Coverage advisories: nodes whose logs are missing, and the High-Availability analytic
 * channel when a diagnosis could use it (guide.md "How the guide collects the logs"). Pure.
 */
import type { EvidenceRef, Finding } from '../model/diagnosis.js';
import { advisoryFinding as finding } from './advisory-finding.js';
import type { Advisory } from './advisories.js';
import { configEvidence, text } from './check-helpers.js';
import { missingInputs, missingNodeLogs } from './collect-commands.js';

export const coverageAdvisory: Advisory = (input, diagnoses) => {
  const out: Finding[] = [];
  const withLogs = new Set(input.nodesWithLogs.map((n) => n.toUpperCase()));
  const known = new Map<string, EvidenceRef[]>();
  for (const r of input.config.cluster_nodes) {
    const name = text(r, 'name');
    if (name && typeof r.values.node_number === 'number')
      known.set(name.toUpperCase(), [configEvidence(r, `cluster node ${name}`)]);
  }
  for (const m of input.migrations) {
    for (const node of [m.sourceNode, m.destinationNode]) {
      if (node && !known.has(node.toUpperCase()) && m.steps[0])
        known.set(node.toUpperCase(), [
          {
            table: m.steps[0].evidenceTable,
            id: m.steps[0].evidenceId,
            node: m.steps[0].node,
            time: m.steps[0].time,
            note: `migration #${m.id} involves ${node}`,
          },
        ]);
    }
  }
  for (const [node, evidence] of known) {
    if (withLogs.has(node)) continue;
    const missing = missingNodeLogs(node);
    out.push({
      ...finding('node-logs-missing', `${node} sent no logs: missing ${missing.input}`, evidence),
      remediation: `Collect them: ${missing.collect}; then analyse the case again with its files.`,
    });
  }
  const hasAnalytic = Object.values(input.channelsByNode).some((cs) =>
    cs.some((c) => /High-Availability.Analytic/i.test(c)),
  );
  if (!hasAnalytic && diagnoses.some((d) => d.verdict !== 'confirmed'))
    out.push({
      ...finding(
        'analytic-channel-missing',
        'a diagnosis is not confirmed and the High-Availability analytic channel was not collected',
        [],
      ),
      remediation: `Enable and collect it: ${missingInputs.analyticChannel.collect}`,
    });
  return out;
};
