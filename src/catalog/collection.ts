/**
 * How the logs of a node are collected (guide.md "How the guide collects the logs", DESIGN §2):
 * the channels the collection script exports from every node and the commands that run it on
 * one node. The script (src/collect/) and the diagnosis both read this, so the command a
 * diagnosis names is the one the script runs. Pure data.
 */

/** A channel the script exports from every node with `wevtutil epl` and a QueryList. */
export interface CollectedChannel {
  channel: string;
  /**
   * Analytic and debug channels must be disabled while they are exported; the script
   * enables them (guide: `wevtutil sl … /e:true /q`) and re-enables them after the export.
   */
  analytic: boolean;
}

/** The guide's channel list, then the FailoverClustering channels and System. */
export const collectedChannels: readonly CollectedChannel[] = [
  { channel: 'Microsoft-Windows-Hyper-V-Config-Admin', analytic: false },
  { channel: 'Microsoft-Windows-Hyper-V-High-Availability-Admin', analytic: false },
  { channel: 'Microsoft-Windows-Hyper-V-High-Availability-Analytic', analytic: true },
  { channel: 'Microsoft-Windows-Hyper-V-Hypervisor-Admin', analytic: false },
  { channel: 'Microsoft-Windows-Hyper-V-Integration-Admin', analytic: false },
  { channel: 'Microsoft-Windows-Hyper-V-Network-Admin', analytic: false },
  { channel: 'Microsoft-Windows-Hyper-V-SynthStor-Admin', analytic: false },
  { channel: 'Microsoft-Windows-Hyper-V-SynthNic-Admin', analytic: false },
  { channel: 'Microsoft-Windows-Hyper-V-Image-Management-Service-Admin', analytic: false },
  { channel: 'Microsoft-Windows-Hyper-V-VMMS-Admin', analytic: false },
  { channel: 'Microsoft-Windows-Hyper-V-Worker-Admin', analytic: false },
  { channel: 'Microsoft-Windows-FailoverClustering/Operational', analytic: false },
  { channel: 'Microsoft-Windows-FailoverClustering/Diagnostic', analytic: true },
  { channel: 'System', analytic: false },
];

/** The file name the collect-script examples save the script under. */
export const collectScriptFile = 'collect-lmdoctor.ps1';

/** The channels one node's collection holds, without the `Microsoft-Windows-` prefix. Pure. */
export function nodeChannelNames(): string[] {
  return collectedChannels.map((c) => c.channel.replace(/^Microsoft-Windows-/, ''));
}

/**
 * The exact commands that collect one node's event logs and captures (and every node's cluster
 * log) with the collection script: write it once, run it on that node with -LocalOnly. Pure.
 */
export function collectNodeCommand(node: string): string {
  return `lmdoctor collect-script -o ${collectScriptFile}; then on ${node}, in an elevated PowerShell: powershell.exe -ExecutionPolicy Bypass -File .\\${collectScriptFile} -LocalOnly`;
}
