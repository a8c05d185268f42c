import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The migrations folder of the source tree (scripts run from the repository root). */
export const MIGRATIONS_DIR = join(process.cwd(), 'migrations');

const MIGRATION_FILE = /^(\d{13})-([A-Za-z0-9]+)\.ts$/;

/** Rewrites migrations/index.ts to list every migration file, oldest first. */
export function writeMigrationIndex(files: readonly string[]): void {
  const migrations = files
    .map((f) => MIGRATION_FILE.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => a[1]!.localeCompare(b[1]!));
  const imports = migrations.map((m) => `import { ${m[2]}${m[1]} } from './${m[1]}-${m[2]}.js';`).join('\n');
  const list = migrations.map((m) => `  ${m[2]}${m[1]},`).join('\n');
  writeFileSync(
    join(MIGRATIONS_DIR, 'index.ts'),
    `${imports}\n\n/** Every migration, oldest first. The only way the schema changes. */\nexport const MIGRATIONS = [\n${list}\n];\n`,
  );
}
