/**
 * What every FailoverClustering catalogue entry shares: provider, channels and the helper that
 * fills them in. System-log events carry `<Channel>System</Channel>` (S3); ids that S2 lists
 * but S3 does not are probably in the Operational channel (not confirmed, events.md §1d).
 */
import type { CatalogEvent } from '../types.js';

export const failoverClusteringProvider = 'Microsoft-Windows-FailoverClustering';
export const systemChannel = 'System';
/** Normalised spelling (`…/Operational` as Windows writes it becomes `…-Operational`). */
export const operationalChannel = 'Microsoft-Windows-FailoverClustering-Operational';

/** S3 applies to Windows Server 2016, 2019, 2022 and Azure Stack HCI. */
export const s3Versions = ['2016+'];

export type FailoverClusteringEntry = Omit<
  CatalogEvent,
  'provider' | 'channels' | 'versions' | 'verified' | 'symbolicName'
> &
  Partial<Pick<CatalogEvent, 'channels' | 'versions' | 'verified' | 'symbolicName'>>;

/** A FailoverClustering System-log entry (defaults: System channel, 2016+, verified). */
export function failoverClustering(entry: FailoverClusteringEntry): CatalogEvent {
  return {
    provider: failoverClusteringProvider,
    channels: [systemChannel],
    versions: s3Versions,
    verified: true,
    symbolicName: null,
    ...entry,
  };
}
