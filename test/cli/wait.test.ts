// --wait on the commands that open the database: while another process holds the file for writing
// (DuckDB then lets no other process open it, not even to read), a reader waits for it to let go,
// by default 10 s, and a writer fails at once unless given --wait. The holder here is a small node
// process that opens the file read-write, says "held", and closes it when told on stdin: the test
// lets go only once wen has said that it waits, so no outcome depends on how fast anything runs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, REPO, tempDir } from '../helpers.js';

const BIN = join(REPO, 'bin', 'wen.js');
const ENV = { ...process.env, NO_COLOR: '1', WEN_DB: '' };

function wen(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: ENV });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs wen in the background; `said(text)` resolves once its stderr contains text. */
function wenAsync(args: string[], cwd: string) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: ENV });
  let stdout = '';
  let stderr = '';
  const waiting: Array<{ text: string; resolve: () => void }> = [];
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const w of waiting) if (stderr.includes(w.text)) w.resolve();
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  const said = (text: string) =>
    new Promise<void>((resolve, reject) => {
      if (stderr.includes(text)) return resolve();
      waiting.push({ text, resolve });
      done.then((r) => reject(new Error(`wen ended (${r.code}) without saying "${text}": ${r.stderr}`)));
    });
  return { done, said };
}

const HOLD = `
const { DuckDBInstance } = require('@duckdb/node-api');
DuckDBInstance.create(process.argv[1]).then((instance) => {
  process.stdout.write('held\\n');
  process.stdin.once('data', () => { instance.closeSync(); process.exit(0); });
});`;

const holders: ChildProcess[] = [];
afterEach(() => {
  for (const holder of holders.splice(0)) if (holder.exitCode === null) holder.kill();
});

/** Starts a process that holds `dbPath` for writing until release() is called; resolves once it holds it. */
async function hold(dbPath: string): Promise<{ pid: number; release: () => Promise<void> }> {
  const holder = spawn(process.execPath, ['-e', HOLD, dbPath], { cwd: REPO, stdio: ['pipe', 'pipe', 'inherit'] });
  holders.push(holder);
  const exited = new Promise<void>((resolve) => holder.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    holder.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
    holder.on('exit', (code) => reject(new Error(`the holder ended (${code}) before it held the database`)));
  });
  return {
    pid: holder.pid!,
    release: async () => {
      holder.stdin!.write('go\n');
      await exited;
    },
  };
}

/** A folder with ./wen.duckdb loaded from one small fixture (4 seizures). */
function loaded(): string {
  const cwd = tempDir();
  expect(wen(['load', join(FIXTURES, 'aitr-small.csv'), '-q'], cwd).code).toBe(0);
  return cwd;
}

const WAITING = 'waiting for the database: another wen process';
const T = 60000; // each test spawns several node processes

describe('wen waits for a database another process holds', () => {
  it(
    'wen info --wait 10 says once that it waits, then reads the database when the holder lets go',
    async () => {
      const cwd = loaded();
      const holder = await hold(join(cwd, 'wen.duckdb'));
      const info = wenAsync(['info', '--format', 'json', '--wait', '10'], cwd);
      await info.said(WAITING);
      await holder.release();
      const result = await info.done;
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(`waiting for the database: another wen process is loading (process ${holder.pid}); up to 10 s\n`);
      expect(JSON.parse(result.stdout).tables.find((t: { table: string }) => t.table === 'seizures').rows).toBe(4);
    },
    T,
  );

  it(
    'wen info --wait 0 exits 5 at once, naming the holding process, with a hint',
    async () => {
      const cwd = loaded();
      const holder = await hold(join(cwd, 'wen.duckdb'));
      const info = wen(['info', '--wait', '0'], cwd);
      expect(info.code).toBe(5);
      expect(info.stdout).toBe('');
      expect(info.stderr).toBe(
        `wen: cannot open database wen.duckdb (held by process ${holder.pid}): another wen run holds the database\n` +
          'hint: runs do not overlap: try again when the load ends, or give --wait 600\n',
      );
    },
    T,
  );

  it(
    'a reader without --wait waits by default (up to 10 s) and succeeds when the holder lets go',
    async () => {
      const cwd = loaded();
      const holder = await hold(join(cwd, 'wen.duckdb'));
      const rejects = wenAsync(['rejects', '--format', 'csv'], cwd);
      await rejects.said(WAITING);
      await holder.release();
      const result = await rejects.done;
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(`waiting for the database: another wen process is loading (process ${holder.pid}); up to 10 s\n`);
      expect(result.stdout.trim().split('\n')).toHaveLength(2); // the header and the fixture's one rejected row
    },
    T,
  );

  it(
    'a load without --wait fails at once while another process holds the database, and waits when given --wait',
    async () => {
      const cwd = loaded();
      const holder = await hold(join(cwd, 'wen.duckdb'));
      const refused = wen(['load', join(FIXTURES, 'aitr-small.csv'), '-q', '--replace'], cwd);
      expect(refused.code).toBe(5);
      expect(refused.stderr).toContain(`(held by process ${holder.pid}): another wen run holds the database\n`);
      expect(refused.stderr).not.toContain(WAITING);
      const load = wenAsync(['load', join(FIXTURES, 'aitr-small.csv'), '--replace', '--wait', '10'], cwd);
      await load.said(WAITING);
      await holder.release();
      const result = await load.done;
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(
        /^waiting for the database: another wen process is using it \(process \d+\); up to 10 s\n.*aitr-small\.csv: loaded as source/s,
      );
    },
    T,
  );

  it(
    '--wait takes a number of seconds ≥ 0 (exit 2 otherwise)',
    () => {
      const cwd = tempDir();
      const bad = wen(['info', '--wait', 'soon'], cwd);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--wait "soon" is not a number of seconds');
    },
    T,
  );
});
