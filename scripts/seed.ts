import 'reflect-metadata';

import { DEMO_PASSWORD, DirectoryModule, DirectorySeeder, STOCKHOLM } from '@app/directory';
import { type AppConfig, ConfigModule, loadProcessConfigOrExit, PlatformModule } from '@app/platform';
import { DatabaseModule } from '@app/schema';
import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Module({})
class SeedModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SeedModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config, { applicationName: 'remiss-seed', poolSize: 2 }),
        PlatformModule.forRoot(),
        DirectoryModule,
      ],
    };
  }
}

/** Why the demo directory is never loaded into a production database. */
export const SEED_REFUSED_IN_PRODUCTION =
  'Demokatalogen läses aldrig in i produktion: dess konton har ett publicerat lösenord (NODE_ENV=production).';

/**
 * Loads the City of Stockholm and prints the demo accounts. Running it again changes nothing.
 * Refused in production: every demo account shares a published password.
 */
export async function seed(config: AppConfig, { quiet = false } = {}): Promise<void> {
  if (config.env === 'production') {
    throw new Error(SEED_REFUSED_IN_PRODUCTION);
  }
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const report = await app.get(DirectorySeeder).seed(STOCKHOLM, DEMO_PASSWORD);
    const out = process.stdout;
    out.write(
      `Katalogen: ${report.organisations} organisationer, ${report.departments} avdelningar, ${report.people} personer ` +
        `(${report.created} nya, ${report.updated} ändrade poster).\n`,
    );
    if (!quiet) {
      out.write(`\nDemokonton – lösenord för alla: ${DEMO_PASSWORD}\n`);
      let current = '';
      for (const a of report.accounts) {
        if (a.organisation !== current) {
          current = a.organisation;
          out.write(`\n  ${current}\n`);
        }
        out.write(`    ${a.email.padEnd(44)} ${a.name} (${a.roleLabels.join(', ')})\n`);
      }
      out.write('\n');
    }
  } finally {
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadProcessConfigOrExit();
  if (config.env === 'production') {
    process.stderr.write(`${SEED_REFUSED_IN_PRODUCTION}\n`);
    process.exit(1);
  }
  await seed(config);
}
