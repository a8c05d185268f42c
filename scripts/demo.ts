import { DEMO_PASSWORD } from '@app/directory';
import { loadProcessConfigOrExit } from '@app/platform';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

import { ApiClient } from './demo/api-client.js';
import { formatSummary, ReferenceDemo } from './demo/reference-demo.js';

/**
 * `npm run demo`: runs the reference case against the running system (start it with npm start)
 * and writes the signed PDFs to ./out/; the messages the system sent are under ./out/mail/ when
 * no SMTP server is configured. `DEMO_API_URL` points elsewhere; `DEMO_OUT_DIR` changes
 * the folder.
 */
const config = loadProcessConfigOrExit();
// eslint-disable-next-line no-restricted-properties -- the demo's own two settings, not the system's
const { DEMO_API_URL, DEMO_OUT_DIR } = process.env;
const client = new ApiClient(DEMO_API_URL ?? `http://${config.http.host}:${config.http.port}`, DEMO_PASSWORD);
const demo = new ReferenceDemo({
  client,
  outDir: resolve(DEMO_OUT_DIR ?? 'out'),
  log: (line) => process.stdout.write(`${line}\n`),
});
try {
  process.stdout.write(formatSummary(await demo.run()));
  // Without an SMTP server the worker writes each message it would send as an .eml file.
  if (!config.mail.smtpUrl) {
    const messages = existsSync(config.mail.directory)
      ? readdirSync(config.mail.directory).filter((f) => f.endsWith('.eml'))
      : [];
    process.stdout.write(
      `E-post som skulle ha skickats (SMTP_URL är inte satt): ${messages.length} meddelanden som .eml-filer i ${config.mail.directory}\n`,
    );
  }
} catch (error) {
  process.stderr.write(`\nDemot avbröts: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
