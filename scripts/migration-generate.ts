import { loadProcessConfigOrExit, pendingSchemaChanges, runMigrationsLocked } from '@app/platform';
import { createDataSource } from '@app/schema';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { withScratchDatabase } from './database-admin.js';
import { MIGRATIONS_DIR, writeMigrationIndex } from './migration-index.js';

/**
 * Writes a migration with the SQL that brings a database built by the existing migrations in
 * line with the entities. Read and edit it by hand before committing it.
 */
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  process.stderr.write('Usage: npm run migration:generate -- <PascalCaseName>\n');
  process.exit(64);
}
const config = loadProcessConfigOrExit();
const sql = await withScratchDatabase(config.database.url.reveal(), async (url) => {
  const dataSource = await createDataSource(config, {
    url,
    applicationName: 'remiss-migration-generate',
    poolSize: 2,
  }).initialize();
  try {
    await runMigrationsLocked(dataSource);
    return await pendingSchemaChanges(dataSource);
  } finally {
    await dataSource.destroy();
  }
});
if (sql.up.length === 0) {
  process.stdout.write('No schema changes: nothing to generate.\n');
  process.exit(0);
}
const timestamp = Date.now();
const className = `${name}${timestamp}`;
const body = (queries: readonly string[]): string =>
  queries
    .map(
      (q) =>
        `    await queryRunner.query(\`${q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\`);`,
    )
    .join('\n');
const file = `${timestamp}-${name}.ts`;
writeFileSync(
  join(MIGRATIONS_DIR, file),
  `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${body(sql.up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${body([...sql.down].reverse())}
  }
}
`,
);
writeMigrationIndex(readdirSync(MIGRATIONS_DIR));
process.stdout.write(`Wrote migrations/${file}. Read it, edit it if needed, and run npm run format.\n`);
