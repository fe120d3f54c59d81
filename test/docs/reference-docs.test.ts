// docs/ is generated (npm run docs, src/docs/): these tests fail when it is stale, so that the
// reference cannot drift from the definitions, the commands and the database it describes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnsFor } from '../../src/analysis/definition.js';
import { ANALYSES } from '../../src/analysis/registry.js';
import { buildProgram } from '../../src/cli/main.js';
import { describeSchema, TABLES } from '../../src/db/schema.js';
import { analysesDoc, commandsDoc, databaseDoc, renderDocs } from '../../src/docs/render.js';
import { REPO } from '../helpers.js';

const DOCS = join(REPO, 'docs');

describe('the generated reference in docs/', () => {
  it('is exactly what npm run docs would write now (run it and commit docs/ when this fails)', async () => {
    const rendered = await renderDocs();
    expect(Object.keys(rendered).sort()).toEqual(['analyses.md', 'commands.md', 'database.md']);
    for (const [name, text] of Object.entries(rendered)) expect(readFileSync(join(DOCS, name), 'utf8'), `docs/${name} is stale: npm run docs`).toBe(text);
    expect(readdirSync(DOCS).sort()).toEqual(Object.keys(rendered).sort());
  });

  it('gives every analysis its question, options and every column of every view with its meaning', () => {
    const text = analysesDoc();
    for (const analysis of ANALYSES) {
      expect(text).toContain(`## ${analysis.name}: ${analysis.title}\n\n${analysis.question}\n`);
      for (const option of analysis.options) expect(text, `${analysis.name} ${option.flags}`).toContain(`| \`${option.flags}\` |`);
      for (const view of ['default', ...Object.keys(analysis.views ?? {})]) {
        for (const [column, meaning] of Object.entries(columnsFor(analysis, view))) {
          expect(text, `${analysis.name} --view ${view}: ${column}`).toContain(`| \`${column}\` | ${meaning.replaceAll('|', '\\|')} |`);
        }
      }
    }
    // By hand, from src/analysis/definitions/routes.ts: the option, a view and a column of that view.
    expect(text).toContain('| `--top <n>` | legs drawn on the chart | `25` |  |');
    expect(text).toContain('| `hotspots` | places and ports with the most seizures, and transit countries most chains pass through |');
    expect(text).toContain('| `first_year` | year the leg first appears |');
  });

  it('holds the help of every command and subcommand, with every one of their options', () => {
    const text = commandsDoc();
    const walk = (command: ReturnType<typeof buildProgram>, path: string[]): void => {
      const here = [...path, command.name()];
      expect(text, here.join(' ')).toContain(`\n## ${here.join(' ')}\n\n\`\`\`text\nUsage: ${here.join(' ')} `);
      for (const option of command.options) expect(text, `${here.join(' ')} ${option.flags}`).toContain(option.flags);
      for (const sub of command.commands) walk(sub, here);
    };
    walk(buildProgram(), []);
    // Help is wrapped at 100 columns whatever the terminal.
    const helpLines = [...text.matchAll(/```text\n([\s\S]*?)\n```/g)].flatMap((m) => m[1].split('\n'));
    expect(helpLines.length).toBeGreaterThan(500);
    expect(Math.max(...helpLines.map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(text).toContain('  --db <path>');
  });

  it('describes every table, view and column of the database with the meaning written in the DDL', async () => {
    const text = await databaseDoc();
    for (const table of TABLES) expect(text).toContain(`\n## ${table}\n`);
    for (const table of describeSchema()) {
      for (const column of table.columns) expect(text, `${table.name}.${column.name}`).toMatch(new RegExp(`\\| \`${column.name}\` \\| [^|]+ \\| ${escape(column.comment.replaceAll('|', '\\|'))} \\|`));
    }
    // By hand, from the DDL: seizures.date_precision VARCHAR, -- day, month, year, range
    expect(text).toContain('| `date_precision` | VARCHAR | day, month, year, range |');
    expect(text).toContain('| `seizure_id` | BIGINT NOT NULL | unique, increasing in file order (not dense): assigned by the loader |');
    expect(text).toContain('| `identity_id` | BIGINT | the one identity that carries it, NULL for namesakes |');
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
