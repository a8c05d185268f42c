import { ESLint } from 'eslint';

/*
 * `npm run lint` holds the layering the README describes. These cases lint a file as if it
 * stood at the given path, with the repository's own ESLint configuration: an import against
 * the direction is an error of `boundaries/dependencies`, an import along it none. Only the
 * import rules run, so the files need no type information.
 */
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === 'boundaries/dependencies' || ruleId === 'no-restricted-imports',
});

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\n`, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

describe('dependency direction', () => {
  it.each([
    ['the PDF engine', 'libs/pdf/src/layout/page.ts', `import { DocumentModule } from '@app/document';`],
    ['the issuance record', 'libs/issuance/src/issued.ts', `import { ConsultationModule } from '@app/consultation';`],
    ['the markup', 'libs/markup/src/parse.ts', `import { PdfModule } from '@app/pdf';`],
    ['the platform', 'libs/platform/src/clock.ts', `import { DirectoryModule } from '@app/directory';`],
    ['a library beside it', 'libs/registry/src/case.ts', `import { NotificationModule } from '@app/notification';`],
    ['the directory', 'libs/directory/src/people.ts', `import { RegistryModule } from '@app/registry';`],
    ['a consultation', 'libs/consultation/src/answer.ts', `import { StatementModule } from '@app/statement';`],
    ['production code', 'libs/document/src/render.ts', `import { inspectPdf } from '@app/testing';`],
    ['an application', 'apps/api/src/cases/cases.controller.ts', `import { factories } from '@app/testing';`],
    ['the entity list', 'libs/schema/src/schema.ts', `import { factories } from '@app/testing';`],
  ])('refuses %s an import against the layering', async (_who, filePath, source) => {
    const errors = await importErrors(filePath, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^boundaries\/dependencies: There is no policy allowing dependencies from/);
  });

  it.each([
    [
      'the PDF engine its markup and platform',
      'libs/pdf/src/layout/page.ts',
      `import '@app/markup';\nimport '@app/platform';`,
    ],
    ['the issuance record the platform', 'libs/issuance/src/issued.ts', `import '@app/platform';`],
    [
      'a consultation the libraries below it',
      'libs/consultation/src/answer.ts',
      `import '@app/registry';\nimport '@app/notification';\nimport '@app/issuance';\nimport '@app/pdf';`,
    ],
    [
      'the documents every domain library',
      'libs/document/src/render.ts',
      `import '@app/statement';\nimport '@app/consultation';\nimport '@app/directory';`,
    ],
    [
      'a library its own files and packages',
      'libs/statement/src/approval.ts',
      `import './approval.entity.js';\nimport { Injectable } from '@nestjs/common';\nexport { Injectable };`,
    ],
    ['a library test the test helpers', 'libs/document/src/render.spec.ts', `import '@app/testing';`],
    ['the entity list every library', 'libs/schema/src/schema.ts', `import '@app/document';\nimport '@app/issuance';`],
    [
      'an application the libraries',
      'apps/worker/src/worker.module.ts',
      `import '@app/document';\nimport '@app/schema';`,
    ],
    [
      'a test everything',
      'test/e2e/x.e2e-spec.ts',
      `import '@app/testing';\nimport '../../apps/api/src/api.module.js';`,
    ],
  ])('lets %s', async (_who, filePath, source) => {
    expect(await importErrors(filePath, source)).toEqual([]);
  });

  it('refuses a reach past a library’s index', async () => {
    expect(await importErrors('libs/document/src/render.ts', `import '@app/pdf/src/layout/page.js';`)).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*through its index/),
    ]);
  });
});
