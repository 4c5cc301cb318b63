import type { FieldRole, RecordCategory, RecordRole, Side } from '../catalog/types.js';
import type { EvidenceTable } from '../model/migration.js';

/**
 * One event or cluster log line as replay sees it: already classified by the catalog, with
 * its fields pulled out by role. Replay never looks at raw provider ids or message text.
 */
export interface ReplayRecord {
  table: EvidenceTable;
  /** Row id in `table` (the evidence reference). */
  id: number;
  /** Stored UTC time text. */
  time: string;
  /** Short node name of the node that logged it. */
  node: string;
  role: RecordRole;
  category: RecordCategory;
  /** Side the record speaks for, when the catalog or its text says. */
  side: Side | null;
  /** Field values by role; cluster log patterns add `moveType`, `destinationNodeId` and `nodeId`. */
  fields: Partial<Record<FieldRole | 'moveType' | 'destinationNodeId' | 'nodeId', string>>;
  /** Short label for people: `21502`, `RCM`, … */
  label: string;
  text: string;
}
