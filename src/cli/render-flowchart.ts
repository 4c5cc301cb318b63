import type { Flowchart } from '../diagnose/flowchart.js';

/** The flowchart as text: each node, its question or conclusion, edges and source. Pure. */
export function renderFlowchartText(chart: Flowchart): string {
  const lines = [`${chart.title} (flowchart ${chart.id}, starts at "${chart.start}")`, ''];
  for (const [id, node] of Object.entries(chart.nodes)) {
    if (node.kind === 'question') {
      lines.push(`[${id}] ${node.question}`);
      lines.push(
        `    check ${node.check}${node.probe ? ' (also asked off the path)' : ''}; source ${node.source}`,
      );
      lines.push(`    yes -> ${node.yes}; no -> ${node.no}; unknown -> ${node.unknown}`);
    } else {
      lines.push(`[${id}] conclusion: ${node.cause} (${node.verdict}); source ${node.source}`);
      lines.push(`    do: ${node.remediation}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Mermaid node ids: letters, digits and underscores only. */
function mermaidId(id: string): string {
  return id.replace(/[^A-Za-z0-9_]/g, '_');
}

/** Mermaid label text: quotes and angle brackets as entity codes. */
function mermaidLabel(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

/** The flowchart as a Mermaid `flowchart TD` diagram; sources in the labels. Pure. */
export function renderFlowchartMermaid(chart: Flowchart): string {
  const lines = ['flowchart TD'];
  for (const [id, node] of Object.entries(chart.nodes)) {
    const key = mermaidId(id);
    if (node.kind === 'question') {
      lines.push(
        `  ${key}{"${mermaidLabel(node.question)}<br/><small>${mermaidLabel(node.source)}</small>"}`,
      );
    } else {
      lines.push(
        `  ${key}["${mermaidLabel(`${node.cause} (${node.verdict})`)}<br/><small>${mermaidLabel(node.source)}</small>"]`,
      );
    }
  }
  for (const [id, node] of Object.entries(chart.nodes)) {
    if (node.kind !== 'question') continue;
    const from = mermaidId(id);
    if (node.unknown === node.no) {
      lines.push(`  ${from} -- yes --> ${mermaidId(node.yes)}`);
      lines.push(`  ${from} -- no / unknown --> ${mermaidId(node.no)}`);
    } else {
      lines.push(`  ${from} -- yes --> ${mermaidId(node.yes)}`);
      lines.push(`  ${from} -- no --> ${mermaidId(node.no)}`);
      lines.push(`  ${from} -- unknown --> ${mermaidId(node.unknown)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
