import { open, readdir, stat, symlink } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { errorMessage } from '../errors.js';
import { expandArchive } from './archive/expand-archive.js';
import { isZip, makeExtractionFolder } from './archive/extract-zip.js';
import type { InputFile, Reader } from './reader.js';
import { pickReader } from './registry.js';

/** A file discovery accepted, with the reader that will read it. */
export interface DiscoveredFile {
  file: InputFile;
  reader: Reader;
}

/** A path discovery passed over, and why. */
export interface SkippedPath {
  path: string;
  reason: string;
}

export interface Discovery {
  files: DiscoveredFile[];
  skipped: SkippedPath[];
}

export const sniffSizeInBytes = 64 * 1024;

/**
 * Expands files, folders (recursively, in name order, not following links to folders) and
 * zip archives into the files lmdoctor can read, recognised by content. Unreadable, empty and unknown
 * files are listed as skipped with the reason; nothing stops the walk.
 */
export async function discoverFiles(paths: readonly string[]): Promise<Discovery> {
  const discovery: Discovery = { files: [], skipped: [] };
  for (const path of paths) {
    await visit(path, discovery);
  }
  return discovery;
}

/**
 * Visits `path`; `shownAs` is how people see it (differs for an alias of a name that is not
 * valid UTF-8, see `entryPath`).
 */
async function visit(path: string, discovery: Discovery, shownAs = path): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    discovery.skipped.push({ path: shownAs, reason: describeFsError(error) });
    return;
  }
  if (info.isDirectory()) {
    let entries;
    try {
      entries = await readdir(path, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      discovery.skipped.push({ path: shownAs, reason: describeFsError(error) });
      return;
    }
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    for (const entry of entries) {
      const name = entry.name.toString('utf8');
      const shownChild = join(shownAs, name);
      let child: string;
      try {
        child = await entryPath(path, entry.name, name);
      } catch (error) {
        discovery.skipped.push({ path: shownChild, reason: describeFsError(error) });
        continue;
      }
      if (entry.isSymbolicLink()) {
        const target = await stat(child).catch(() => null);
        if (target?.isDirectory()) {
          discovery.skipped.push({ path: shownChild, reason: 'link to a folder (not followed)' });
          continue;
        }
      }
      await visit(child, discovery, shownChild);
    }
    return;
  }
  if (!info.isFile()) {
    discovery.skipped.push({ path: shownAs, reason: 'not a regular file' });
    return;
  }
  if (info.size === 0) {
    discovery.skipped.push({ path: shownAs, reason: 'empty file' });
    return;
  }
  let head: Buffer;
  try {
    head = await readHead(path);
  } catch (error) {
    discovery.skipped.push({ path: shownAs, reason: describeFsError(error) });
    return;
  }
  const displayPath = relative(process.cwd(), shownAs) || shownAs;
  const file = {
    path,
    displayPath: displayPath.startsWith('..') ? shownAs : displayPath,
    size: info.size,
  };
  if (isZip(head)) {
    await visitArchive(file, discovery);
    return;
  }
  addFile(file, head, discovery, shownAs);
}

/**
 * A path by which node's string paths reach the entry `raw` of folder `folder`: the name as
 * text when it is valid UTF-8; otherwise (text would turn it into another name, U+FFFD, and
 * the file would look missing) a link to it, under a private temp folder removed at exit.
 */
async function entryPath(folder: string, raw: Buffer, name: string): Promise<string> {
  if (Buffer.from(name, 'utf8').equals(raw)) return join(folder, name);
  const aliases = await makeExtractionFolder();
  const alias = join(aliases, name.replace(/[\uFFFD/\\]/g, '_') || 'entry');
  await symlink(Buffer.concat([Buffer.from(`${folder}${sep}`), raw]), alias);
  return alias;
}

/** Picks the reader for one file by its first bytes, or lists it (as `shownAs`) as skipped. */
function addFile(file: InputFile, head: Uint8Array, discovery: Discovery, shownAs: string): void {
  const reader = pickReader(head, basename(file.displayPath));
  if (!reader) {
    discovery.skipped.push({ path: shownAs, reason: 'not a recognised log format' });
    return;
  }
  discovery.files.push({ file, reader });
}

/**
 * A zip is read in place: expanded (with its nested zips) into private temp folders and its
 * files discovered like any others, named `bundle.zip!/inner/path`. An archive over the caps
 * or unreadable is skipped with the reason; bad entries are listed as skipped.
 */
async function visitArchive(archive: InputFile, discovery: Discovery): Promise<void> {
  let files: InputFile[];
  try {
    files = await expandArchive(archive, (warning) =>
      discovery.skipped.push({
        path: `${warning.archive} (${warning.location})`,
        reason: warning.message,
      }),
    );
  } catch (error) {
    discovery.skipped.push({ path: archive.displayPath, reason: errorMessage(error) });
    return;
  }
  for (const file of files) {
    if (file.size === 0) {
      discovery.skipped.push({ path: file.displayPath, reason: 'empty file' });
      continue;
    }
    try {
      addFile(file, await readHead(file.path), discovery, file.displayPath);
    } catch (error) {
      discovery.skipped.push({ path: file.displayPath, reason: describeFsError(error) });
    }
  }
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(sniffSizeInBytes);
    const { bytesRead } = await handle.read(buffer, 0, sniffSizeInBytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return errorMessage(error);
}
