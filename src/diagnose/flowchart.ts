import type { Answer, FailureCause, Verdict } from '../model/diagnosis.js';

/** A question: a named check (see checks.ts) and where each answer leads. */
export interface QuestionNode {
  kind: 'question';
  /** The check's name in the check registry. */
  check: string;
  /** The question as a person would ask it. */
  question: string;
  yes: string;
  no: string;
  unknown: string;
  /**
   * Also asked of every failed migration off the path: a `yes` there means this cause is
   * present too, and becomes a `related` finding.
   */
  probe?: boolean;
  /** The document the step comes from (source keys of events.md §0, or guide.md). */
  source: string;
}

/** A conclusion: the cause, how sure, and what to do. */
export interface ConclusionNode {
  kind: 'conclusion';
  cause: FailureCause;
  verdict: Verdict;
  remediation: string;
  source: string;
}

export type FlowchartNode = QuestionNode | ConclusionNode;

/** The troubleshooting flowchart as data: validated by validateFlowchart, walked by walkFlowchart. */
export interface Flowchart {
  id: string;
  title: string;
  /** The first question asked of a migration. */
  start: string;
  nodes: Readonly<Record<string, FlowchartNode>>;
}

/** The edge a question takes for an answer. Pure. */
export function nextNode(node: QuestionNode, answer: Answer): string {
  return answer === 'yes' ? node.yes : answer === 'no' ? node.no : node.unknown;
}
