/**
 * The child process that runs one `lmdoctor query` (see run-query.ts): a query SQLite is
 * running cannot be stopped from JavaScript (better-sqlite3 has no interrupt), so it runs in a
 * process its parent can end when `--timeout` passes. The job comes as JSON in argv[2]; rows
 * go straight to stdout as they come; errors are written as the CLI writes them.
 */
import { UserError } from '../errors.js';
import { openStoreReadOnly } from '../store/open-database.js';
import { writeAll } from './direct-stdio.js';
import { reportInternalError } from './internal-error.js';
import type { QueryJob } from './run-query.js';
import { writeQueryRows } from './query-rows.js';

const job = JSON.parse(process.argv[2] ?? '{}') as QueryJob;
/** Thrown out of the row loop once the reader of stdout has gone (`| head`): stop quietly. */
const outputClosed = new Error('stdout closed');
try {
  const db = openStoreReadOnly(job.db);
  writeQueryRows(db, job.sql, job.params, job.format, (text) => {
    if (!writeAll(1, Buffer.from(text))) throw outputClosed;
  });
  db.close();
} catch (error) {
  // A reader that went away wants nothing more: that is not a failure (closed-output.ts).
  if (error !== outputClosed) {
    if (error instanceof UserError) {
      process.stderr.write(`lmdoctor: ${error.message}\n`);
      if (error.hint) process.stderr.write(`  hint: ${error.hint}\n`);
    } else reportInternalError(error);
    process.exitCode = 1;
  }
}
