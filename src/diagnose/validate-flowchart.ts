import { InternalError } from '../errors.js';
import type { Flowchart } from './flowchart.js';

/**
 * Problems in a flowchart: unknown check names, edges to missing nodes or back to the same
 * node, and nodes that cannot be reached from the start. Each message names the node. Pure.
 */
export function flowchartProblems(chart: Flowchart, checkNames: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const nodes = chart.nodes;
  if (!(chart.start in nodes))
    problems.push(`${chart.id}: start node "${chart.start}" does not exist`);
  for (const [id, node] of Object.entries(nodes)) {
    if (node.kind !== 'question') continue;
    if (!checkNames.has(node.check))
      problems.push(
        `${chart.id}: node "${id}" names check "${node.check}", which is not in the check registry (src/diagnose/checks.ts)`,
      );
    for (const edge of ['yes', 'no', 'unknown'] as const) {
      if (!(node[edge] in nodes))
        problems.push(
          `${chart.id}: node "${id}" ${edge} edge leads to "${node[edge]}", which is not a node`,
        );
      if (node[edge] === id)
        problems.push(`${chart.id}: node "${id}" ${edge} edge leads back to itself`);
    }
  }
  for (const id of unreachableNodes(chart))
    problems.push(
      `${chart.id}: node "${id}" cannot be reached from "${chart.start}"; link it or remove it`,
    );
  return problems;
}

/** Nodes no path from the start reaches. Pure. */
export function unreachableNodes(chart: Flowchart): string[] {
  const seen = new Set<string>();
  const queue = [chart.start];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = chart.nodes[id];
    if (node?.kind === 'question') queue.push(node.yes, node.no, node.unknown);
  }
  return Object.keys(chart.nodes).filter((id) => !seen.has(id));
}

/** Throws InternalError listing every problem; returns the chart when it is sound. */
export function validateFlowchart<T extends Flowchart>(
  chart: T,
  checkNames: ReadonlySet<string>,
): T {
  const problems = flowchartProblems(chart, checkNames);
  if (problems.length > 0)
    throw new InternalError(`invalid flowchart:\n  ${problems.join('\n  ')}`);
  return chart;
}
