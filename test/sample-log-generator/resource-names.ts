import type { Scenario } from './scenario-types.js';

/** The English names, the only documented ones (events-modern.md §1.1). */
const english = { vm: 'Virtual Machine {vm}', configuration: 'Virtual Machine Configuration {vm}' };

/** A VM's cluster resource name in a scenario (`Virtual Machine X` unless it names it otherwise). */
export function resourceNameOf(
  scenario: Pick<Scenario, 'resourceNames'>,
  vm: string,
  kind: 'vm' | 'configuration' = 'vm',
): string {
  return (scenario.resourceNames ?? english)[kind].replace('{vm}', vm);
}
