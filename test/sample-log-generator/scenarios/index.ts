/**
 * The scenario folders of sample-logs/, in the order the index README lists them: cluster,
 * configuration, timeline and the verdict lmdoctor should reach. Names, addresses and ids are
 * invented.
 */
import type { Scenario } from '../scenario-types.js';
import { architectureMix } from './architecture-mismatch.js';
import { authentication } from './authentication-failed.js';
import { badDay } from './bad-day.js';
import { cleanupNotFinished } from './cleanup-not-finished.js';
import { clockSkewRhs } from './clock-skew-rhs-deadlock.js';
import { concurrent } from './concurrent-migration.js';
import { csvPausedAcrossMove } from './csv-paused-across-move.js';
import { csvRedirected } from './csv-redirected-io.js';
import { damaged } from './damaged-evtx-chunk.js';
import { defaultScenario } from './default.js';
import { halfCollected } from './half-collected.js';
import { healthy } from './healthy-live-migrations.js';
import { inventedLanguage } from './invented-language.js';
import { localizedNamesPtBr } from './localized-names-pt-br.js';
import { notReadyAfterRestart } from './network-not-ready-after-restart.js';
import { networkDownClusterLogOnly } from './network-down-cluster-log-only.js';
import { noMigrationNetwork } from './no-migration-network.js';
import { nodeDown } from './node-down-during-migration.js';
import { portugueseRenderedOnly } from './portuguese-rendered-only.js';
import { processorIncompatible } from './processor-incompatible.js';
import { quickMigration } from './quick-migration.js';
import { portConflict } from './switch-port-name-conflict.js';
import { systemDrive } from './system-drive-mismatch.js';
import { nameMismatch } from './virtual-network-name-mismatch.js';
import { ws2022Mixed } from './ws2022-evtx-and-xml.js';

export const scenarios: Scenario[] = [
  defaultScenario,
  healthy,
  noMigrationNetwork,
  notReadyAfterRestart,
  nameMismatch,
  portConflict,
  processorIncompatible,
  concurrent,
  authentication,
  nodeDown,
  csvRedirected,
  damaged,
  quickMigration,
  cleanupNotFinished,
  systemDrive,
  architectureMix,
  badDay,
  localizedNamesPtBr,
  inventedLanguage,
  halfCollected,
  ws2022Mixed,
  portugueseRenderedOnly,
  clockSkewRhs,
  csvPausedAcrossMove,
  networkDownClusterLogOnly,
];
