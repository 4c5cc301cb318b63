import { open } from 'node:fs/promises';
import type { InputFile, ReadWarning } from '../reader.js';
import {
  defaultZipLimits,
  extractZip,
  isZip,
  makeExtractionFolder,
  type ZipBudget,
  type ZipLimits,
} from './extract-zip.js';

/**
 * Expands a zip (and zips inside it, down to `limits.maxDepth`) into private temp folders and
 * returns the files found, named `bundle.zip!/folder/file` for people. One budget covers the
 * whole tree, so nesting cannot dodge the caps. Throws UserError when a cap is exceeded or
 * the outer archive cannot be opened; problems with single entries become warnings.
 */
export async function expandArchive(
  archive: { path: string; displayPath: string },
  warn: (warning: ReadWarning & { archive: string }) => void,
  limits: ZipLimits = defaultZipLimits,
): Promise<InputFile[]> {
  const budget: ZipBudget = { entries: 0, bytes: 0, declared: 0 };
  const files: InputFile[] = [];
  await expandInto(archive, 1, limits, budget, warn, files);
  return files;
}

async function expandInto(
  archive: { path: string; displayPath: string },
  depth: number,
  limits: ZipLimits,
  budget: ZipBudget,
  warn: (warning: ReadWarning & { archive: string }) => void,
  files: InputFile[],
): Promise<void> {
  const folder = await makeExtractionFolder();
  const extracted = await extractZip(
    archive.path,
    folder,
    limits,
    budget,
    (warning) => warn({ ...warning, archive: archive.displayPath }),
    archive.displayPath,
  );
  for (const entry of extracted) {
    const displayPath = `${archive.displayPath}!/${entry.entryName}`;
    if (entry.size >= 4 && isZip(await readHead(entry.path))) {
      if (depth >= limits.maxDepth) {
        warn({
          archive: archive.displayPath,
          location: `entry ${JSON.stringify(entry.entryName)}`,
          message: `archive nested deeper than ${limits.maxDepth} levels; not opened`,
        });
        continue;
      }
      await expandInto({ path: entry.path, displayPath }, depth + 1, limits, budget, warn, files);
      continue;
    }
    files.push({ path: entry.path, displayPath, size: entry.size });
  }
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4);
    const { bytesRead } = await handle.read(buffer, 0, 4, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
