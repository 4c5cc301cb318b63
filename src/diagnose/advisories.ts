import type { Finding } from '../model/diagnosis.js';
import type { CaseInput } from './case-input.js';

/** Cluster-wide advisories, checked once per case. Pure. */
export function clusterAdvisories(input: CaseInput): Finding[] {
  void input;
  return [];
}
