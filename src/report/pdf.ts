// The annual report as PDF: the HTML page printed by Debian's Chromium (`chromium --headless
// --print-to-pdf`), so the PDF is the page the reader already trusts, with no browser downloaded and no
// PDF library of our own. Page numbers come from the page's CSS (@page margin boxes, which Chromium
// prints since version 131), so Chromium's own header and footer (date, file address) are turned off.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../errors.js';

/** Where Chromium is: WEN_CHROMIUM, else Debian's package. */
function chromiumPath(): string {
  return process.env.WEN_CHROMIUM || '/usr/bin/chromium';
}

/** Prints `htmlFile` to `pdfFile` (A4, as the page's @page rule says). */
export async function printToPdf(htmlFile: string, pdfFile: string): Promise<void> {
  const chromium = chromiumPath();
  if (!existsSync(chromium)) {
    throw new UsageError(`--pdf needs Chromium, and ${chromium} is not there`, {
      hint: "install Debian's chromium package (apt-get install chromium), or set WEN_CHROMIUM to a Chromium or Chrome binary",
    });
  }
  // Its own profile folder, so that a Chromium already open (or another wen printing) is not in the way.
  const profile = mkdtempSync(join(tmpdir(), 'wen-chromium-'));
  const args = [
    '--headless',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-pdf-header-footer',
    `--user-data-dir=${profile}`,
    `--print-to-pdf=${resolve(pdfFile)}`,
    // As root (a container) Chromium refuses to start sandboxed.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    pathToFileURL(resolve(htmlFile)).href,
  ];
  try {
    await new Promise<void>((done, fail) => {
      execFile(chromium, args, { timeout: 120_000 }, (error, _stdout, stderr) => {
        // Not a bug in wen: the browser beside it failed (its last line of stderr says why).
        if (error)
          fail(
            new UsageError(`${chromium} could not print ${htmlFile}: ${String(stderr).trim().split('\n').pop() || error.message}`, {
              hint: 'check that Chromium starts: chromium --headless --version',
            }),
          );
        else done();
      });
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  if (!existsSync(pdfFile) || statSync(pdfFile).size === 0)
    throw new UsageError(`${chromium} wrote no PDF for ${htmlFile}`, { hint: 'check that Chromium starts: chromium --headless --version' });
}
