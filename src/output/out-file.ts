// The file given with --out or --chart: its folder must exist and be writable, checked before any work
// is done, so that a mistyped path is the user's one-line error (exit 3), never an "internal error".
import { accessSync, constants, type Stats, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';

/** Throws an InputError when `path` cannot be written: missing folder, not a folder, not writable. */
export function checkOutputFile(path: string, flag = '--out'): void {
  const dir = dirname(resolve(path));
  let folder: Stats;
  try {
    folder = statSync(dir);
  } catch (cause) {
    throw new InputError(`${flag} ${path}: the folder ${dir} does not exist`, {
      hint: 'create it first, or give a path in an existing folder',
      cause,
    });
  }
  if (!folder.isDirectory())
    throw new InputError(`${flag} ${path}: ${dir} is a file, not a folder`, { hint: 'give a path in an existing folder' });
  try {
    accessSync(dir, constants.W_OK);
  } catch (cause) {
    throw new InputError(`${flag} ${path}: the folder ${dir} is not writable`, {
      hint: 'check its permissions, or give another path',
      cause,
    });
  }
  let target: Stats;
  try {
    target = statSync(path);
  } catch {
    return; // a new file
  }
  if (target.isDirectory()) throw new InputError(`${flag} ${path} is a folder`, { hint: 'give a file name' });
  try {
    accessSync(path, constants.W_OK);
  } catch (cause) {
    throw new InputError(`${flag} ${path}: the file is not writable`, { hint: 'check its permissions, or give another path', cause });
  }
}

/** Writes `data` to `path`, turning a file-system refusal into the user's error. */
export function writeOutputFile(path: string, data: string | Buffer, flag = '--out'): void {
  try {
    writeFileSync(path, data);
  } catch (cause) {
    checkOutputFile(path, flag); // names the reason when it is one of ours
    throw new InputError(`${flag} ${path}: cannot write the file (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`, {
      hint: 'check the path and its permissions',
      cause,
    });
  }
}
