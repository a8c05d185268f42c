// Run: npm run bench:cases [-- --cases=100000 --deep=1000 --repetitions=30]
import 'reflect-metadata';

import { Db, personActor, Role } from '@app/platform';
import { CASE_SORTS, CaseService, type CaseSort, type SortOrder } from '@app/registry';
import { Factories } from '@app/testing';

import { servicesOnly } from './support/apps.js';
import {
  log,
  machineInfo,
  ms,
  positiveInteger,
  withBenchEnvironment,
  writeRawResults,
} from './support/bench-environment.js';
import { median, percentile, round, stopwatch, table } from './support/stats.js';

/**
 * The diary (`GET /api/v1/cases`) on a large registry: one organisation with N cases. For each
 * sort and order, the first page of 50 and page D (D − 1 pages in, reached by following
 * `nextCursor`) are each read R times, alternating, through `CaseService.search`; the same deep
 * page by `offset` is read too, for comparison. The target: the deep page by cursor costs what the
 * first page does (median within 1.5 × plus 2 ms). The check: the deep page by cursor holds the
 * same cases as the deep page by offset.
 */

const casesWanted = positiveInteger('cases', 100_000);
const deepPage = positiveInteger('deep', 1000);
const repetitions = positiveInteger('repetitions', 30);
const LIMIT = 50;

interface Timing {
  readonly sort: CaseSort;
  readonly order: SortOrder;
  readonly page: 'first' | 'deep by cursor' | 'deep by offset';
  readonly ms: number;
}

const ok = await withBenchEnvironment(async (env) => {
  const app = await servicesOnly(env);
  try {
    const factories = new Factories(app);
    const organisation = await factories.organisation({ diaryPrefix: 'HB' });
    const registrarPerson = await factories.person(organisation.id, { roles: [Role.Registrar] });
    const registrar = personActor(registrarPerson.id, organisation.id, [Role.Registrar]);
    const db = app.get(Db);

    log(`filling: ${casesWanted} cases`);
    const fill = stopwatch();
    const words = `ARRAY['Remiss','Bygglov','Detaljplan','Avtal','Budget','Trygghet','Förskola','Hemtjänst','Cykelbana','Tillsyn']`;
    // Years 2020–2025, numbers running within each year; titles from a few words and a number, so
    // that many share their first word (the title index orders them with the id); one case in ten closed.
    await db.transaction((tx) =>
      tx.query(
        `INSERT INTO cases (organisation_id, year, sequence, diary_number, title, counterpart, classification_code,
                            status, closed_at, registered_on, registered_at, last_document_number)
         SELECT $1, y, s, 'HB ' || y || '/' || s,
                (${words})[1 + floor(random() * 10)::int] || ' ' || floor(random() * 1000)::int,
                'Kommunstyrelsen', (ARRAY['2.3', '2.3.1', '2.4', '3.1'])[1 + g % 4],
                CASE WHEN g % 10 = 0 THEN 'closed' ELSE 'open' END,
                CASE WHEN g % 10 = 0 THEN make_date(y, 12, 31)::timestamptz END,
                make_date(y, 1, 1) + (s % 360),
                make_date(y, 1, 1) + (s % 360) + make_interval(secs => g % 86400), 0
         FROM (SELECT g, 2020 + (g % 6) AS y, g / 6 + 1 AS s FROM generate_series(0, $2 - 1) g) n`,
        [organisation.id, casesWanted],
      ),
    );
    await db.reader.query(`ANALYZE cases`);
    log(`filled in ${ms(fill().wallMs)}`);

    const cases = app.get(CaseService);
    const timings: Timing[] = [];
    const problems: string[] = [];
    const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
      const started = performance.now();
      const result = await work();
      return [result, performance.now() - started];
    };
    for (const sort of CASE_SORTS) {
      for (const order of ['asc', 'desc'] as const) {
        // Walk to the deep page once, following the cursors as a registrar paging on would.
        let cursor: string | null = null;
        for (let page = 1; page < deepPage; page++) {
          cursor = (await cases.search(registrar, { sort, order, limit: LIMIT, ...(cursor ? { cursor } : {}) }))
            .nextCursor;
          if (!cursor) {
            throw new Error(`${sort} ${order}: the cases end before page ${deepPage}`);
          }
        }
        const deepCursor = cursor!;
        const byCursor = await cases.search(registrar, { sort, order, limit: LIMIT, cursor: deepCursor });
        const byOffset = await cases.search(registrar, { sort, order, limit: LIMIT, offset: (deepPage - 1) * LIMIT });
        if (byCursor.items.map((c) => c.id).join() !== byOffset.items.map((c) => c.id).join()) {
          problems.push(`${sort} ${order}: page ${deepPage} by cursor differs from the same page by offset`);
        }
        for (let r = 0; r < repetitions; r++) {
          const [, first] = await timed(() => cases.search(registrar, { sort, order, limit: LIMIT }));
          const [, deep] = await timed(() =>
            cases.search(registrar, { sort, order, limit: LIMIT, cursor: deepCursor }),
          );
          const [, offset] = await timed(() =>
            cases.search(registrar, { sort, order, limit: LIMIT, offset: (deepPage - 1) * LIMIT }),
          );
          timings.push(
            { sort, order, page: 'first', ms: first },
            { sort, order, page: 'deep by cursor', ms: deep },
            { sort, order, page: 'deep by offset', ms: offset },
          );
        }
      }
    }
    const samples = (sort: CaseSort, order: SortOrder, page: Timing['page']) =>
      timings.filter((t) => t.sort === sort && t.order === order && t.page === page).map((t) => t.ms);
    const rows = CASE_SORTS.flatMap((sort) =>
      (['asc', 'desc'] as const).map((order) => {
        const first = median(samples(sort, order, 'first'));
        const deep = median(samples(sort, order, 'deep by cursor'));
        const offset = median(samples(sort, order, 'deep by offset'));
        const same = deep <= first * 1.5 + 2;
        if (!same) {
          problems.push(
            `${sort} ${order}: page ${deepPage} by cursor ${round(deep, 1)} ms, the first ${round(first, 1)} ms`,
          );
        }
        return [
          `${sort} ${order}`,
          round(first, 1),
          round(percentile(samples(sort, order, 'first'), 95), 1),
          round(deep, 1),
          round(percentile(samples(sort, order, 'deep by cursor'), 95), 1),
          round(offset, 1),
          same ? 'ja' : 'NEJ',
        ];
      }),
    );
    const info = await machineInfo(env);
    log(`machine: ${JSON.stringify(info)}`);
    log(
      `\n${table(
        [
          'sort',
          'first p50 ms',
          'first p95 ms',
          `page ${deepPage} cursor p50 ms`,
          `page ${deepPage} cursor p95 ms`,
          `page ${deepPage} offset p50 ms`,
          'cursor ≈ first',
        ],
        rows,
      )}`,
    );
    const file = await writeRawResults('case-list', { info, casesWanted, deepPage, repetitions, timings, problems });
    log(`raw results: ${file}`);
    for (const problem of problems) {
      log(`CHECK FAILED: ${problem}`);
    }
    return problems.length === 0;
  } finally {
    await app.close();
  }
});

if (!ok) {
  log('CHECKS FAILED');
  process.exitCode = 1;
}
