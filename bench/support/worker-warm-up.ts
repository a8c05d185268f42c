// Loaded with `node --import` into the benchmark's worker processes, before the worker's own code.
import 'reflect-metadata';

import { finishPdf } from '../../libs/document/src/render/finish-pdf.js';
import { documentFonts } from '../../libs/document/src/render/fonts.js';
import { renderOfficialReport } from '../../libs/document/src/render/render-official-report.js';
import { referenceReport } from '../../libs/document/src/render/testing/reference-report.js';
import { addSignaturePlaceholder } from '../../libs/document/src/signing/signature-placeholder.js';

/**
 * Part of the worker's start-up in the documents benchmark: parses the Arimo faces (the worker
 * would do it on its first document; the module caches them for the process, and the worker
 * imports the very same module) and renders the reference report a few times unsigned, so
 * the timed documents meet a warm renderer as the floor does. Logs one JSON line with the times.
 */
const fontsStarted = performance.now();
documentFonts();
const fontsMs = performance.now() - fontsStarted;
const renders: number[] = [];
for (let i = 0; i < 3; i++) {
  const started = performance.now();
  const rendered = renderOfficialReport(referenceReport());
  addSignaturePlaceholder(rendered.doc, {
    signerName: 'Uppvärmning',
    reason: 'Uppvärmning',
    location: 'Stockholm',
    contactInfo: 'uppvarmning@example.invalid',
    signingTime: new Date(),
  });
  await finishPdf(rendered.doc);
  renders.push(Math.round(performance.now() - started));
}
process.stdout.write(
  `${JSON.stringify({ msg: 'bench warm-up', pid: process.pid, fontsMs: Math.round(fontsMs), renderMs: renders })}\n`,
);
