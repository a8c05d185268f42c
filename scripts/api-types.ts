import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

import { API_TYPES_FILE, renderApiTypes } from './api-types-source.js';

const types = await renderApiTypes();
mkdirSync(dirname(API_TYPES_FILE), { recursive: true });
writeFileSync(API_TYPES_FILE, types);
process.stdout.write(`api:types – wrote ${relative(process.cwd(), API_TYPES_FILE)}.\n`);
