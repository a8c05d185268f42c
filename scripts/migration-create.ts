import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { MIGRATIONS_DIR, writeMigrationIndex } from './migration-index.js';

/** Writes an empty migration to fill in by hand (data changes, triggers, functions). */
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  process.stderr.write('Usage: npm run migration:create -- <PascalCaseName>\n');
  process.exit(64);
}
const timestamp = Date.now();
const file = `${timestamp}-${name}.ts`;
writeFileSync(
  join(MIGRATIONS_DIR, file),
  `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(queryRunner: QueryRunner): Promise<void> {}

  async down(queryRunner: QueryRunner): Promise<void> {}
}
`,
);
writeMigrationIndex(readdirSync(MIGRATIONS_DIR));
process.stdout.write(`Wrote migrations/${file}.\n`);
