import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { errorMessage, UserError } from '../../errors.js';
import type { ReadWarning } from '../reader.js';
import { sanitizeEntryName } from './sanitize-entry-name.js';

/** Caps that keep a hostile or mistaken archive from filling the disk. */
export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** Zips inside zips are opened down to this depth. */
  maxDepth: number;
}

export const defaultZipLimits: ZipLimits = {
  maxEntries: 20_000,
  maxTotalBytes: 4 * 1024 ** 3,
  maxDepth: 4,
};

/** What one expansion has used so far, shared by nested archives. */
export interface ZipBudget {
  entries: number;
  /** Bytes actually inflated. */
  bytes: number;
  /** Sum of the sizes the entries declare (a first, cheap check). */
  declared: number;
}

/** A file written into the extraction folder. */
export interface ExtractedFile {
  /** Path on disk, inside the extraction folder. */
  path: string;
  /** The sanitised name inside the archive (`folder/file.evtx`). */
  entryName: string;
  size: number;
}

const symlinkMode = 0o120000;
const fileTypeMask = 0o170000;

/** True when the bytes start like a zip archive (a local file header or an empty archive). */
export function isZip(head: Uint8Array): boolean {
  return (
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    ((head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06))
  );
}

/**
 * Extracts every regular file of a zip into `destination` (which must exist), never outside
 * it. Unsafe names, links and unreadable entries are skipped with a warning. Throws UserError
 * when the archive would exceed the entry or size caps (checked against declared sizes
 * first, then against the bytes actually inflated), and when it cannot be opened at all.
 */
export async function extractZip(
  zipPath: string,
  destination: string,
  limits: ZipLimits,
  budget: ZipBudget,
  warn: (warning: ReadWarning) => void,
  /** How messages name the archive (a nested one lies in a temp folder nobody should see). */
  shownAs: string = zipPath,
): Promise<ExtractedFile[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, {
      lazyEntries: true,
      decodeStrings: false,
      validateEntrySizes: true,
      autoClose: false,
    });
  } catch (error) {
    throw new UserError(
      `cannot open ${shownAs} as a zip archive: ${errorMessage(error)}`,
      'Check that the file is a complete .zip (re-copy it if it was truncated).',
    );
  }
  try {
    if (budget.entries + zip.entryCount > limits.maxEntries) {
      throw capError(
        shownAs,
        `holds ${zip.entryCount} entries, more than`,
        `${limits.maxEntries} entries`,
      );
    }
    budget.entries += zip.entryCount;
    const root = resolve(destination);
    const used = new Set<string>();
    const files: ExtractedFile[] = [];
    // The whole central directory first: the sizes it declares are checked against the cap
    // before a single byte is written.
    const listed: yauzl.Entry[] = [];
    for await (const entry of entries(zip, warn)) {
      budget.declared += entry.uncompressedSize;
      if (budget.bytes + budget.declared > limits.maxTotalBytes)
        throw capError(shownAs, 'expands beyond', `${limits.maxTotalBytes} bytes`);
      listed.push(entry);
    }
    for (const entry of listed) {
      const rawName = yauzl.getFileNameLowLevel(
        entry.generalPurposeBitFlag,
        entry.fileNameRaw,
        entry.extraFields,
        false,
      );
      if (rawName.endsWith('/') || rawName.endsWith('\\')) continue;
      const where = `entry ${JSON.stringify(rawName)}`;
      const name = sanitizeEntryName(rawName);
      if (name === null) {
        warn({ location: where, message: 'entry name points outside the archive folder; skipped' });
        continue;
      }
      if (((entry.externalFileAttributes >>> 16) & fileTypeMask) === symlinkMode) {
        warn({ location: where, message: 'symbolic link inside the archive; skipped' });
        continue;
      }
      if (entry.isEncrypted()) {
        warn({ location: where, message: 'encrypted entry; skipped' });
        continue;
      }
      const target = uniquePath(join(root, ...name.split('/')), used);
      if (!target.startsWith(root + sep)) {
        warn({ location: where, message: 'entry name points outside the archive folder; skipped' });
        continue;
      }
      try {
        budget.declared -= entry.uncompressedSize; // now counted as it is written
        const size = await writeEntry(zip, entry, target, budget, limits, shownAs);
        files.push({ path: target, entryName: name, size });
      } catch (error) {
        if (error instanceof UserError) throw error;
        warn({ location: where, message: `cannot extract: ${errorMessage(error)}` });
      }
    }
    return files;
  } finally {
    zip.close();
  }
}

async function writeEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  target: string,
  budget: ZipBudget,
  limits: ZipLimits,
  zipPath: string,
): Promise<number> {
  await mkdir(dirname(target), { recursive: true });
  const stream = await zip.openReadStreamPromise(entry);
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      budget.bytes += chunk.length;
      if (budget.bytes > limits.maxTotalBytes) {
        callback(capError(zipPath, 'expands beyond', `${limits.maxTotalBytes} bytes`));
        return;
      }
      callback(null, chunk);
    },
  });
  await pipeline(stream, counter, createWriteStream(target, { flags: 'wx' }));
  return size;
}

/**
 * Entries of a lazily read zip, one at a time. A damaged central directory record (or one
 * yauzl refuses, such as strong encryption) ends the listing with a warning: the entries
 * before it are kept.
 */
async function* entries(
  zip: yauzl.ZipFile,
  warn: (warning: ReadWarning) => void,
): AsyncGenerator<yauzl.Entry> {
  for (let index = 0; ; index++) {
    const entry = await new Promise<yauzl.Entry | null>((resolveEntry, reject) => {
      const onEntry = (e: yauzl.Entry): void => {
        cleanup();
        resolveEntry(e);
      };
      const onEnd = (): void => {
        cleanup();
        resolveEntry(null);
      };
      const onError = (error: Error): void => {
        cleanup();
        reject(error);
      };
      const cleanup = (): void => {
        zip.off('entry', onEntry);
        zip.off('end', onEnd);
        zip.off('error', onError);
      };
      zip.on('entry', onEntry);
      zip.on('end', onEnd);
      zip.on('error', onError);
      zip.readEntry();
    }).catch((error: unknown) => {
      warn({
        location: `central directory entry ${index + 1}`,
        message: `damaged; this and later entries not read: ${errorMessage(error)}`,
      });
      return null;
    });
    if (entry === null) return;
    yield entry;
  }
}

/** Two entries that sanitise to the same path (case, replaced characters) both survive. */
function uniquePath(path: string, used: Set<string>): string {
  let candidate = path;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${path}~${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

function capError(zipPath: string, what: string, cap: string): UserError {
  return new UserError(
    `${zipPath} ${what} the cap of ${cap}; it was not read (a zip bomb or an unusually large bundle)`,
    'Unzip it yourself and pass the folder, or pass only the files you need.',
  );
}

const extractionFolders = new Set<string>();
let exitHookInstalled = false;
let swept = false;
const folderPrefix = 'lmdoctor-zip-';

/** Whether a process with this id is running (on this machine). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes extraction folders that runs killed before their exit cleanup left behind: the
 * process named in the folder (`lmdoctor-zip-<pid>-…`) no longer runs. Never throws.
 */
export async function sweepStaleExtractionFolders(): Promise<void> {
  let names: string[];
  try {
    names = await readdir(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^lmdoctor-zip-(\d+)-/.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    await rm(join(tmpdir(), name), { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Removes every extraction folder of this process, whichever thread made it, at once: for the
 * main thread when a signal ends the run (the command thread's exit hook does not run then).
 */
export function removeProcessExtractionFolders(): void {
  let names: string[] = [];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  const own = `${folderPrefix}${process.pid}-`;
  for (const name of names) {
    if (name.startsWith(own)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

/** Removes the extraction folders of this process at once (exit, signals). */
export function removeExtractionFoldersNow(): void {
  for (const dir of extractionFolders) rmSync(dir, { recursive: true, force: true });
  extractionFolders.clear();
}

/**
 * A new private folder for one archive under the system temp folder, named after this process
 * so a later run can sweep it if this one is killed; removed at exit. The first call sweeps
 * the folders of earlier runs that were killed.
 */
export async function makeExtractionFolder(): Promise<string> {
  if (!swept) {
    swept = true;
    await sweepStaleExtractionFolders();
  }
  const folder = await mkdtemp(join(tmpdir(), `${folderPrefix}${process.pid}-`));
  extractionFolders.add(folder);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', removeExtractionFoldersNow);
  }
  return folder;
}

/** Removes every extraction folder made so far (the exit hook does it too). */
export async function removeExtractionFolders(): Promise<void> {
  for (const dir of [...extractionFolders]) {
    await rm(dir, { recursive: true, force: true });
    extractionFolders.delete(dir);
  }
}
