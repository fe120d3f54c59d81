// The fuzzer must survive the failures it looks for: a worker killed by a signal (DuckDB segfaulting on
// a file) or one that never answers is charged to its case as a crash or a hang, killed, and replaced
// by a fresh worker for the next case. A stand-in worker that misbehaves on purpose, by the name of
// the case's file, stands for the real one (whose crashes cannot be made on demand).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FuzzCase } from '../src/fuzz/cases.js';
import { runCase, Slot } from '../src/fuzz/slot.js';
import { tempDir } from './helpers.js';

const STAND_IN = `
process.on('message', (c) => {
  const name = require('node:fs').readFileSync(c.file, 'utf8');
  if (name === 'crash') process.kill(process.pid, 'SIGSEGV');
  else if (name === 'hang') for (;;);
  else if (name === 'refuse')
    process.send({ caseNumber: c.caseNumber, code: 3, stdout: '', stderr: 'wen: ' + c.file + ': not a table\\n' });
  else if (name === 'mumble') process.send({ caseNumber: c.caseNumber, code: 3, stdout: '', stderr: 'something failed\\nat line 2\\n' });
  else process.send({ caseNumber: c.caseNumber, code: 0, stdout: '[{"rows_in_file": 1, "read": 1, "loaded": 1, "rejected": 0,' +
    ' "blank": 0, "totals": 0, "filtered": 0}]', stderr: '', sources: [] });
});
process.send({ ready: true });
`;

const fuzzCase = (caseNumber: number, text: string): FuzzCase => ({
  seed: 1,
  caseNumber,
  base: 'stand-in',
  mutations: [],
  ext: '.csv',
  bytes: Buffer.from(text),
});

/** A slot whose worker is the stand-in. */
function standInSlot(): Slot {
  const worker = join(tempDir(), 'stand-in.cjs');
  writeFileSync(worker, STAND_IN);
  return new Slot(worker);
}

describe('a fuzz worker that fails', () => {
  let slot: Slot;
  afterEach(() => slot.close());

  it('is charged with a crash when a signal kills it, and a new worker takes the next case', async () => {
    slot = standInSlot();
    const crashed = await runCase(fuzzCase(1, 'crash'), slot, '', 30_000);
    expect(crashed.outcome).toBe('crash');
    expect(crashed.detail).toContain('SIGSEGV');
    const refused = await runCase(fuzzCase(2, 'refuse'), slot, '', 30_000);
    expect(refused.outcome).toBe('refusal');
  });

  it('is charged with a hang when it does not answer within the bound, and is replaced', async () => {
    slot = standInSlot();
    const hung = await runCase(fuzzCase(1, 'hang'), slot, '', 500);
    expect(hung.outcome).toBe('hang');
    expect(hung.detail).toMatch(/^no answer in 0.5 s/);
    // The hung worker (busy for ever) was killed: the next case gets an answer from a new one.
    const next = await runCase(fuzzCase(2, 'refuse'), slot, '', 30_000);
    expect(next.outcome).toBe('refusal');
  });

  it('tells a one-line refusal naming the file from one that does not', async () => {
    slot = standInSlot();
    expect((await runCase(fuzzCase(1, 'mumble'), slot, '', 30_000)).outcome).toBe('bad-refusal');
  });
});
