import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

import { API_TYPES_FILE, renderApiTypes } from './api-types-source.js';

/**
 * The API types drift check: fails when the committed web client types differ from what the
 * API's OpenAPI document gives now, i.e. when an API change was not followed by `npm run api:types`.
 */
const file = relative(process.cwd(), API_TYPES_FILE);
const expected = await renderApiTypes();
const committed = existsSync(API_TYPES_FILE) ? readFileSync(API_TYPES_FILE, 'utf8') : undefined;
if (committed !== expected) {
  const committedLines = (committed ?? '').split('\n');
  const expectedLines = expected.split('\n');
  const first = expectedLines.findIndex((line, i) => committedLines[i] !== line);
  process.stderr.write(
    committed === undefined
      ? `API types drift: ${file} is missing. Run npm run api:types and commit it.\n`
      : `API types drift: ${file} differs from what the API documents now (first at line ${first + 1}: ` +
          `${JSON.stringify(expectedLines[first] ?? '')} expected, ${JSON.stringify(committedLines[first] ?? '')} found). ` +
          `Run npm run api:types and commit the result.\n`,
  );
  process.exit(1);
}
process.stdout.write(`api:check – ${file} matches the API's OpenAPI document.\n`);
