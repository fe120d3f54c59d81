// `wen mapping draft FILE`: a first mapping for a file, as commented YAML on stdout or in --out.
import { Command } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { writeOut } from '../cli/options.js';
import { UsageError } from '../errors.js';

export function mappingCommand(): Command {
  const mapping = new Command('mapping').description('work with mapping files: wen mapping draft FILE > map.yaml');
  mapping.addCommand(
    new Command('draft')
      .description('propose a mapping for a file from its headings and a sample of its values, as commented YAML to check and edit')
      .argument('<file>', 'a CSV, TSV, XLSX, Parquet, JSON or NDJSON file')
      .option('--sheet <name>', 'the sheet of a workbook (default: the first with rows)')
      .option('-o, --out <file>', 'write the draft to this file (default: stdout); an existing file is not overwritten')
      .exitOverride()
      .showHelpAfterError('(add --help for usage)')
      .action(async (file: string, opts) => {
        if (opts.out && existsSync(opts.out))
          throw new UsageError(`--out ${opts.out} exists; wen does not overwrite a mapping that may have been edited`, {
            hint: 'remove it or give another --out',
          });
        const { draftMapping } = await import('../load/mapping-draft.js');
        const draft = await draftMapping(file, { sheet: opts.sheet });
        if (!opts.out) return writeOut(draft.text);
        writeFileSync(opts.out, draft.text);
        process.stderr.write(
          `mapping: wrote ${opts.out}: ${Object.keys(draft.mapping.fields).length} ` +
            `of ${draft.headings.length} headings mapped; check it, then: ` +
            `wen load ${file} --mapping ${opts.out}\n`,
        );
      }),
  );
  return mapping;
}
