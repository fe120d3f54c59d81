// The annual report of the sample data in English, French and Spanish (--lang): headings, section
// titles, country names (i18n-iso-countries), CITES term names (cites-terms.csv), statuses and numbers
// in each language's format. The figures are the same in every language: only the words change.
// 2024 on the sample data: 945,937.4 kg seized; Thailand (TH) reports 33 seizures; the giant pangolin's
// commonest term is SCA (scales: écaille, escama); every report was loaded after its due date with no received date.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../src/db/database.js';
import { loadPath } from '../src/load/loader.js';
import { buildAnnualReport, type AnnualReport } from '../src/report/annual.js';
import { parseLang } from '../src/report/i18n/index.js';
import { writeAnnualReport } from '../src/report/write.js';
import { REPO, SAMPLE_DATA } from './helpers.js';

let dir: string;
const reports: Record<string, AnnualReport> = {};
const markdown: Record<string, string> = {};
const html: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wen-report-i18n-'));
  const db = await Database.open(join(dir, 'sample.duckdb'));
  try {
    await loadPath(db, SAMPLE_DATA);
    for (const lang of ['en', 'fr', 'es'] as const) {
      reports[lang] = await buildAnnualReport(db, { year: 2024, top: 20, lang });
      await writeAnnualReport(reports[lang], join(dir, lang));
      markdown[lang] = readFileSync(join(dir, lang, 'annual-report-2024.md'), 'utf8');
      html[lang] = readFileSync(join(dir, lang, 'annual-report-2024.html'), 'utf8');
    }
  } finally {
    db.close();
  }
}, 180_000);

const line = (text: string, start: string) => text.split('\n').find((l) => l.startsWith(start));

describe('the annual report in three languages', () => {
  it('is in English by default, numbers as 945,937.4', () => {
    expect(markdown.en.split('\n')[0]).toBe('# Annual illegal trade report summary 2024');
    expect(markdown.en).toContain('## 1. Reports received by Party');
    expect(line(markdown.en, '- **945,937.4** kg seized')).toBe('- **945,937.4** kg seized (−10.1% on 2023)');
    expect(line(markdown.en, '| TH |')).toMatch(/^\| TH \| Thailand \| 33 \| .* \| received date unknown \|/);
    expect(html.en).toContain('<html lang="en">');
    expect(html.en).toContain('content:"Page " counter(page) " of " counter(pages)');
  });

  it('is in French with --lang fr: Parties, saisies, Thaïlande, écaille, 945 937,4', () => {
    expect(markdown.fr.split('\n')[0]).toBe('# Rapport annuel sur le commerce illégal : synthèse 2024');
    expect(markdown.fr).toContain('## 1. Rapports reçus par Partie');
    expect(markdown.fr).toContain('## 3. Principales espèces');
    expect(markdown.fr).toContain('## 11. Annexe : exhaustivité des rapports');
    // French groups thousands with a narrow no-break space and writes a decimal comma.
    expect(line(markdown.fr, '- **945\u202f937,4**')).toBe('- **945\u202f937,4** kg saisis (−10,1\u00a0% par rapport à 2023)');
    expect(line(markdown.fr, '| Partie déclarante |')).toContain('| saisies |');
    expect(line(markdown.fr, '| TH |')).toMatch(/^\| TH \| Thaïlande \| 33 \| .* \| date de réception inconnue \|/);
    expect(line(markdown.fr, '| Smutsia gigantea |')).toContain('| écaille |');
    expect(reports.fr.sections.find((s) => s.id === 'top-routes')!.chart).toMatchObject({
      title: 'Étapes de la chaîne commerciale les plus empruntées, 2024',
    });
    expect(html.fr).toContain('<html lang="fr">');
    expect(html.fr).toContain('content:"Page " counter(page) " sur " counter(pages)');
  });

  it('is in Spanish with --lang es: Partes, incautaciones, Tailandia, escama, 945.937,4', () => {
    expect(markdown.es.split('\n')[0]).toBe('# Informe anual sobre el comercio ilegal: resumen 2024');
    expect(markdown.es).toContain('## 1. Informes recibidos por Parte');
    expect(markdown.es).toContain('## 2. Incautaciones y especímenes por grupo taxonómico');
    expect(line(markdown.es, '- **945.937,4**')).toBe('- **945.937,4** kg incautados (−10,1\u00a0% respecto de 2023)');
    expect(line(markdown.es, '| TH |')).toMatch(/^\| TH \| Tailandia \| 33 \| .* \| fecha de recepción desconocida \|/);
    expect(line(markdown.es, '| Smutsia gigantea |')).toContain('| escama |');
    expect(html.es).toContain('content:"Página " counter(page) " de " counter(pages)');
  });

  it('holds the same figures in every language', () => {
    const figures = (r: AnnualReport) =>
      r.sections.map((s) => s.rows.map((row) => Object.values(row).filter((v) => typeof v === 'number')));
    expect(figures(reports.fr)).toEqual(figures(reports.en));
    expect(figures(reports.es)).toEqual(figures(reports.en));
  });

  it('refuses a language it does not write, with exit 2', () => {
    expect(() => parseLang('de')).toThrow('--lang "de" is not a language wen writes');
    const run = spawnSync(
      process.execPath,
      [
        join(REPO, 'bin', 'wen.js'),
        'report',
        'annual',
        '--year',
        '2024',
        '--lang',
        'de',
        '--out',
        join(dir, 'de'),
        '--db',
        join(dir, 'sample.duckdb'),
      ],
      { encoding: 'utf8' },
    );
    expect([run.status, run.stderr]).toEqual([2, 'wen: --lang "de" is not a language wen writes\nhint: use en, fr or es\n']);
  });
});
