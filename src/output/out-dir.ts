// The folder given with --out for commands that write several files (report, bulletin, batch):
// created when missing; a path that is a file, or a folder wen may not create, is the user's to fix.
import { mkdirSync } from 'node:fs';
import { InputError, UsageError } from '../errors.js';

export function makeOutputFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR')
      throw new UsageError(`--out ${dir}: a file is in the way of this folder`, {
        hint: 'give a folder path (it is created when missing)',
        cause,
      });
    throw new InputError(`--out ${dir}: cannot create the folder (${code ?? (cause as Error).message})`, {
      hint: 'check the path and its permissions',
      cause,
    });
  }
}
