// One error type per kind of failure, each mapped to a documented exit code in one place,
// so that scripts can tell a user mistake from bad data from a wen bug.

export const EXIT = {
  ok: 0,
  internal: 1, // a bug in wen: please report it
  usage: 2, // bad flag, unknown command or option value
  input: 3, // a file is missing, unreadable or not in a format wen can read
  rejected: 4, // --strict and at least one row was rejected
  database: 5, // the database cannot be opened (locked, corrupt, newer schema)
  nothingNew: 6, // wen bulletin: nothing new since the last bulletin
} as const;

export class WenError extends Error {
  readonly exitCode: number = EXIT.internal;
  readonly hint?: string;
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.hint = options.hint;
  }
}

/** The user asked for something wen does not understand. */
export class UsageError extends WenError {
  override readonly exitCode = EXIT.usage;
}

/** A file given to wen cannot be read as asked; the message names the file (and row and column when known). */
export class InputError extends WenError {
  override readonly exitCode = EXIT.input;
}

/** The database file cannot be used. */
export class DatabaseError extends WenError {
  override readonly exitCode = EXIT.database;
}

/** --strict was given and rows were rejected; the load itself was fine. */
export class RejectedRowsError extends WenError {
  override readonly exitCode = EXIT.rejected;
}

/** Writes one line (plus a hint) to stderr and returns the exit code; a stack trace only with --debug. */
export function reportError(error: unknown, debug = false, write = (s: string) => process.stderr.write(s)): number {
  if (error instanceof WenError) {
    write(`wen: ${error.message}\n`);
    if (error.hint) write(`hint: ${error.hint}\n`);
    if (debug && error.stack) write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(`wen: internal error: ${message}\n`);
  if (debug && error instanceof Error && error.stack) write(`${error.stack}\n`);
  else write('hint: run again with --debug for details, and report it if it persists\n');
  return EXIT.internal;
}
