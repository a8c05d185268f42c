import { DEMO_PASSWORD } from '@app/directory';
import { VerificationService } from '@app/document';
import { sha256 } from '@app/pdf';
import { localDate } from '@app/platform';
import { inspectPdf, missingInOrder, normalise, REFERENCE_CASE, referenceBodyParts, sentences } from '@app/testing';
import { simpleParser } from 'mailparser';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ApiClient } from '../../scripts/demo/api-client.js';
import { type DemoSummary, formatSummary, ReferenceDemo } from '../../scripts/demo/reference-demo.js';
import { seedStockholm } from '../support/stockholm.js';
import { TestContext } from '../support/test-context.js';

/** `npm run demo` against a listening system: the reference case in the present, twice. */
describe('the demo', () => {
  let ctx: TestContext;
  let outDir: string;
  let baseUrl: string;
  const year = Number(localDate(new Date()).slice(0, 4));

  beforeAll(async () => {
    ctx = await TestContext.create();
    await seedStockholm(ctx);
    await ctx.api.app.listen({ port: 0, host: '127.0.0.1' });
    const address = ctx.api.app.getHttpServer().address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    outDir = mkdtempSync(join(tmpdir(), 'remiss-demo-'));
  });

  afterAll(async () => {
    rmSync(outDir, { recursive: true, force: true });
    await ctx.close();
  });

  async function runDemo(): Promise<{ summary: DemoSummary; log: string[] }> {
    const log: string[] = [];
    const demo = new ReferenceDemo({
      client: new ApiClient(baseUrl, DEMO_PASSWORD),
      outDir,
      log: (line) => log.push(line),
      timeoutMs: 60_000,
    });
    return { summary: await demo.run(), log };
  }

  let first: DemoSummary;

  it('runs the reference case and writes every signed PDF with its hash', async () => {
    const { summary, log } = await runDemo();
    first = summary;
    expect(log.join('\n')).toContain('Remissen är skickad till de elva stadsdelsnämnderna.');
    expect(summary.recipients).toHaveLength(11);
    const state = Object.fromEntries(summary.recipients.map((r) => [r.name, r]));
    expect(state['Hägersten-Älvsjö stadsdelsnämnd']).toEqual({
      name: 'Hägersten-Älvsjö stadsdelsnämnd',
      diaryNumber: `HÄ ${year}/578`,
      state: 'answered',
    });
    expect(state['Farsta stadsdelsnämnd']!.state).toBe('answered');
    expect(state['Södermalms stadsdelsnämnd']!.state).toBe('answered');
    expect(state['Bromma stadsdelsnämnd']!.state).toBe('declined');
    expect(summary.recipients.filter((r) => r.state === 'registered')).toHaveLength(7);

    const kinds = summary.files.map((f) => `${f.organisation}: ${f.kind}`).sort();
    expect(kinds).toEqual(
      [
        'Kommunstyrelsen: covering_letter',
        'Kommunstyrelsen: compilation',
        'Hägersten-Älvsjö stadsdelsnämnd: official_report',
        'Hägersten-Älvsjö stadsdelsnämnd: board_statement',
        'Hägersten-Älvsjö stadsdelsnämnd: minutes_extract',
        'Farsta stadsdelsnämnd: official_report',
        'Farsta stadsdelsnämnd: board_statement',
        'Farsta stadsdelsnämnd: minutes_extract',
        'Södermalms stadsdelsnämnd: official_report',
        'Södermalms stadsdelsnämnd: board_statement',
        'Södermalms stadsdelsnämnd: minutes_extract',
        'Bromma stadsdelsnämnd: decline_letter',
      ].sort(),
    );
    expect(readdirSync(outDir).sort()).toEqual(summary.files.map((f) => f.file).sort());
    const verification = ctx.get(VerificationService);
    for (const file of summary.files) {
      const bytes = readFileSync(join(outDir, file.file));
      expect(sha256(bytes)).toBe(file.sha256);
      expect((await verification.verify(bytes)).verdict).toBe('issued_unaltered');
    }

    // The tjänsteutlåtande: this year's number, every sentence of the original.
    const report = summary.files.find(
      (f) => f.organisation === 'Hägersten-Älvsjö stadsdelsnämnd' && f.kind === 'official_report',
    )!;
    const text = normalise(inspectPdf(readFileSync(join(outDir, report.file))).text);
    expect(text).toContain(`Dnr HÄ ${year}/578`);
    const r = REFERENCE_CASE.recipient;
    const footer = `${r.administration} ${r.department} ${r.streetAddress} ${r.postalCode} ${r.postalTown} ${r.footerEmail} ${r.website}`;
    const body = text
      .split(footer)
      .join(' ')
      .split(`${r.administration} Tjänsteutlåtande Dnr HÄ ${year}/578 Sida 2 (2)`)
      .join(' ');
    expect(missingInOrder(normalise(body), referenceBodyParts().flatMap(sentences))).toEqual([]);

    const printed = formatSummary(summary);
    expect(printed).toContain(`HÄ ${year}/578`);
    expect(printed).toContain(report.sha256);
  });

  it('leaves the messages the reference case sends as .eml files, Jens Westlund’s assignment among them', async () => {
    const dir = ctx.config.mail.directory;
    const subjects = async (): Promise<string[]> =>
      Promise.all(
        (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.eml')) : []).map(
          async (f) => (await simpleParser(readFileSync(join(dir, f)))).subject ?? '',
        ),
      );
    const assignment = `HÄ ${year}/578 Du har fått remissen ${REFERENCE_CASE.sender.remissTitle}`;
    const deadline = Date.now() + 30_000;
    while (!(await subjects()).includes(assignment) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const all = await subjects();
    expect(all).toContain(assignment);
    expect(all.some((s) => s.startsWith(`HÄ ${year}/578 Att godkänna: `))).toBe(true);
  });

  it('runs again without repeating anything', async () => {
    const counts = async (): Promise<unknown> =>
      ctx.query(
        `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM consultations)::int AS consultations,
                (SELECT count(*) FROM statements)::int AS statements, (SELECT count(*) FROM issued_documents)::int AS issued,
                (SELECT count(*) FROM board_decisions)::int AS decisions`,
      );
    const before = await counts();
    const { summary, log } = await runDemo();
    expect(log).toEqual([]);
    expect(await counts()).toEqual(before);
    expect(summary.recipients).toEqual(first.recipients);
    expect(summary.files).toEqual(first.files);
  });
});
