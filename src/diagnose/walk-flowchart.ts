import type {
  Diagnosis,
  EvidenceRef,
  Finding,
  MissingInput,
  PathStep,
} from '../model/diagnosis.js';
import { hasLogsFrom, type Check, type CheckContext } from './check-helpers.js';
import { missingNodeLogs } from './collect-commands.js';
import type { ConclusionNode, Flowchart, QuestionNode } from './flowchart.js';
import { nextNode } from './flowchart.js';

/** Evidence without duplicates (same table and id), first occurrence kept. Pure. */
export function uniqueEvidence(evidence: readonly EvidenceRef[]): EvidenceRef[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.table}:${e.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function ask(
  node: QuestionNode,
  id: string,
  checks: Readonly<Record<string, Check>>,
  context: CheckContext,
): PathStep {
  const check = checks[node.check];
  if (!check) throw new Error(`flowchart node "${id}" names unknown check "${node.check}"`);
  const result = check(context);
  return {
    node: id,
    check: node.check,
    question: node.question,
    answer: result.answer,
    summary: result.summary,
    evidence: result.evidence,
    missing: result.missing ?? null,
  };
}

/**
 * Walks the flowchart for one migration, from the start to a conclusion, asking each
 * question's check. A `confirmed` conclusion with no evidence on the path is reported as
 * `likely`. Pure (the checks are pure); throws when the chart loops.
 */
export function walkFlowchart(
  chart: Flowchart,
  checks: Readonly<Record<string, Check>>,
  context: CheckContext,
): Diagnosis {
  const path: PathStep[] = [];
  let id = chart.start;
  const visited = new Set<string>();
  for (;;) {
    if (visited.has(id)) throw new Error(`flowchart ${chart.id} loops at node "${id}"`);
    visited.add(id);
    const node = chart.nodes[id];
    if (!node) throw new Error(`flowchart ${chart.id} has no node "${id}"`);
    if (node.kind === 'conclusion') return conclude(id, node, path, context);
    const step = ask(node, id, checks, context);
    path.push(step);
    id = nextNode(node, step.answer);
  }
}

function conclude(
  id: string,
  node: ConclusionNode,
  path: PathStep[],
  context: CheckContext,
): Diagnosis {
  // The step whose edge led here decides; its records come first, then the rest of the path's.
  const decisive = path.at(-1);
  const evidence = uniqueEvidence([
    ...(decisive?.evidence ?? []),
    ...path.flatMap((s) => s.evidence),
  ]);
  const missing: MissingInput[] = [];
  const addMissing = (input: MissingInput) => {
    if (!missing.some((m) => m.input === input.input)) missing.push(input);
  };
  for (const step of path) if (step.missing) addMissing(step.missing);
  // When one side's logs are missing only the other side speaks: never more than likely.
  const { sourceNode, destinationNode } = context.migration;
  const silent = [sourceNode, destinationNode].filter(
    (n): n is string => n !== null && !hasLogsFrom(context.input, n),
  );
  for (const n of silent) addMissing(missingNodeLogs(n));
  let verdict =
    node.verdict === 'confirmed' && (decisive?.evidence.length ?? 0) === 0
      ? 'likely'
      : node.verdict;
  if (verdict === 'confirmed' && silent.length > 0) verdict = 'likely';
  const summary = decisive?.summary ?? 'no question was asked';
  const remediation =
    missing.length > 0 && verdict !== 'confirmed'
      ? `${node.remediation} Missing: ${missing.map((m) => `${m.input} (${m.collect})`).join('; ')}.`
      : node.remediation;
  return {
    migrationId: context.migration.id,
    conclusion: id,
    cause: node.cause,
    verdict,
    summary:
      silent.length > 0 && node.cause !== 'unknown'
        ? `${summary} (only one side speaks: no logs from ${silent.join(', ')})`
        : summary,
    remediation,
    source: node.source,
    path,
    evidence,
    missing,
  };
}

/**
 * Other causes present in the same failed migration: every `probe` question off the path
 * whose check answers yes, as a `related` finding with the verdict `likely`. Pure.
 */
export function relatedFindings(
  chart: Flowchart,
  checks: Readonly<Record<string, Check>>,
  context: CheckContext,
  diagnosis: Diagnosis,
): Finding[] {
  const asked = new Set(diagnosis.path.map((s) => s.node));
  const causes = new Set<string>([diagnosis.cause]);
  const findings: Finding[] = [];
  for (const [id, node] of Object.entries(chart.nodes)) {
    if (node.kind !== 'question' || !node.probe || asked.has(id)) continue;
    const target = chart.nodes[node.yes];
    if (target?.kind !== 'conclusion' || causes.has(target.cause)) continue;
    const step = ask(node, id, checks, context);
    if (step.answer !== 'yes' || step.evidence.length === 0) continue;
    causes.add(target.cause);
    findings.push({
      migrationId: context.migration.id,
      scope: 'related',
      cause: target.cause,
      verdict: 'likely',
      summary: step.summary,
      remediation: target.remediation,
      evidence: step.evidence,
      path: [step],
    });
  }
  return findings;
}
