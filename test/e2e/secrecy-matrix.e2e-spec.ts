import type { TestPerson } from '@app/testing';
import type { Response } from 'superagent';

import { readEmail } from '../support/email.js';
import { asBytes } from '../support/files.js';
import { pdfText } from '../support/pdf-tools.js';
import { everyone, type SecrecyWorld, secrecyWorld } from '../support/secrecy-world.js';
import { TestContext } from '../support/test-context.js';

/** The secrets of the world: what would give each away, and whom the registry's rule admits. */
type SecretKey = 'remiss' | 'senderLetter' | 'recipientLetter' | 'minutes';

interface Secret {
  readonly ground: string;
  /** Texts that give it away: title, counterpart, file name, file identity and hash, telling words. */
  readonly texts: readonly string[];
  readonly bytes: Buffer;
  readonly admitted: ReadonlySet<TestPerson>;
}

/** One person of the world and the organisation they act for. */
interface Who {
  readonly label: string;
  readonly person: TestPerson;
  readonly side: 'sender' | 'district';
}

/** An answer, read the way its reader would: JSON and CSV as text, PDFs by their text, e-mail decoded. */
interface Answer {
  readonly status: number;
  readonly text: string;
  readonly bytes: Buffer;
}

/**
 * One path that can show a registered document's title, counterpart or file, asked by one person.
 * `rule`: the path holds these secrets (for this person's side) and shows them exactly to those
 * the registry's rule admits, who DO see them there. Any secret not listed is shown to no one on
 * this path. `masks`: secrets the answer
 * names by their masked title, to everyone it answers (a printed or sent document lists them).
 */
interface Probe {
  readonly route: string;
  readonly label: string;
  readonly ask: (who: Who) => Promise<Answer | undefined>;
  readonly rule?: readonly SecretKey[] | ((who: Who) => readonly SecretKey[]);
  readonly masks?: readonly SecretKey[];
}

/**
 * The secrecy matrix: every person of the sender (kommunstyrelsen) and of a recipient district,
 * in every role, asks every path that can show a registered document's title, counterpart or
 * file; no secret shows to anyone the rule excludes, and those it admits see it where the path
 * shows it. The route test below keeps the table whole: a route must be in it, or be declared.
 */
describe('the secrecy matrix', () => {
  let ctx: TestContext;
  let world: SecrecyWorld;
  let secrets: Record<SecretKey, Secret>;
  let people: Who[];
  let probes: Probe[];
  const headers = new Map<TestPerson, Record<string, string>>();
  let issued: { missiv: string; report: string; statement: string; minutes: string; compilation: string };

  async function as(person: TestPerson): Promise<Record<string, string>> {
    if (!headers.has(person)) {
      headers.set(person, await ctx.as(person));
    }
    return headers.get(person)!;
  }

  function read(response: Response): Answer {
    const type = String(response.headers['content-type'] ?? '');
    const bytes = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.text ?? '', 'utf8');
    if (type.startsWith('application/pdf') && response.status === 200) {
      return { status: response.status, text: pdfText(bytes), bytes };
    }
    if (type.startsWith('message/rfc822') && response.status === 200) {
      const email = readEmail(bytes.toString('utf8'));
      return {
        status: response.status,
        text: [email.headers, email.text, ...email.attachments.map((a) => a.fileName)].join('\n'),
        bytes: Buffer.concat(email.attachments.map((a) => a.content)),
      };
    }
    return { status: response.status, text: bytes.toString('utf8'), bytes };
  }

  async function ask(
    who: Who,
    method: 'get' | 'post',
    path: string,
    query: Record<string, string | number> = {},
  ): Promise<Answer> {
    const response = await ctx
      .http()
      [method](path)
      .query(query)
      .set(await as(who.person))
      .buffer(true)
      .parse(asBytes);
    return read(response);
  }

  /** The id a path takes for each side, asked by everyone: the other side's answer must leak nothing either. */
  function bySide(who: Who, ids: { sender: string; district: string }): string {
    return ids[who.side];
  }

  beforeAll(async () => {
    ctx = await TestContext.create();
    world = await secrecyWorld(ctx);
    people = everyone(world).map((w) => ({
      label: w.label,
      person: w.person,
      side: w.organisationId === world.sender.id ? 'sender' : 'district',
    }));
    const kinds = await ctx.query<{ id: string; kind: string; subject_id: string }>(
      `SELECT id, kind, subject_id FROM issued_documents WHERE subject_id = ANY($1::uuid[])`,
      [[world.remiss.consultationId, world.statementId, world.decisionId]],
    );
    const of = (kind: string) => kinds.find((k) => k.kind === kind)!.id;
    issued = {
      missiv: of('covering_letter'),
      report: of('official_report'),
      statement: of('board_statement'),
      minutes: of('minutes_extract'),
      compilation: world.compilationId,
    };
    // The district's registrar marks the minutes extract secret: a signed document withheld.
    const [minutes] = await ctx.query<{ registered_document_id: string; file_name: string; sha256: string }>(
      `SELECT registered_document_id, file_name, sha256 FROM issued_documents WHERE id = $1`,
      [issued.minutes],
    );
    await ctx
      .http()
      .put(`/api/v1/documents/${minutes!.registered_document_id}/secrecy`)
      .set(await as(world.district.registrar))
      .send({ ground: 'OSL 39 kap. 3 §' })
      .expect(200);
    const [minutesEntry] = await ctx.query<{ title: string }>(`SELECT title FROM registered_documents WHERE id = $1`, [
      minutes!.registered_document_id,
    ]);
    const minutesFile = await ctx
      .http()
      .get(`/api/v1/issued-documents/${issued.minutes}/file`)
      .set(await as(world.district.registrar))
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    const fileFacts = async (id: string) =>
      (
        await ctx.query<{ file_blob_id: string; sha256: string }>(
          `SELECT d.file_blob_id, b.sha256 FROM registered_documents d JOIN file_blobs b ON b.id = d.file_blob_id
           WHERE d.id = $1`,
          [id],
        )
      )[0]!;
    const facts = {
      remiss: await fileFacts(world.registered.senderRemiss),
      senderLetter: await fileFacts(world.registered.senderLetter),
      recipientLetter: await fileFacts(world.registered.districtLetter),
    };
    const s = world.secrets;
    const texts = (
      secret: SecrecyWorld['secrets']['remiss'],
      file: { file_blob_id: string; sha256: string },
    ): string[] => [
      secret.title,
      ...(secret.counterpart ? [secret.counterpart] : []),
      secret.fileName,
      file.file_blob_id,
      file.sha256,
      ...secret.words,
    ];
    secrets = {
      remiss: {
        ground: s.remiss.ground,
        texts: texts(s.remiss, facts.remiss),
        bytes: s.remiss.bytes,
        admitted: new Set([
          world.sender.registrar,
          world.sender.responsibleOfficer,
          world.district.registrar,
          world.district.responsibleOfficer,
        ]),
      },
      senderLetter: {
        ground: s.senderLetter.ground,
        texts: texts(s.senderLetter, facts.senderLetter),
        bytes: s.senderLetter.bytes,
        admitted: new Set([world.sender.registrar, world.sender.responsibleOfficer]),
      },
      recipientLetter: {
        ground: s.recipientLetter.ground,
        texts: texts(s.recipientLetter, facts.recipientLetter),
        bytes: s.recipientLetter.bytes,
        admitted: new Set([world.district.registrar, world.district.responsibleOfficer]),
      },
      minutes: {
        ground: 'OSL 39 kap. 3 §',
        texts: [minutesEntry!.title, minutes!.file_name, minutes!.sha256],
        bytes: minutesFile.body as Buffer,
        admitted: new Set([world.district.registrar, world.district.responsibleOfficer]),
      },
    };
    const w = world;
    const r = w.remiss;
    const cases = { sender: r.senderCaseId, district: r.districtCaseId };
    probes = [
      // The registry: lists, the case, search, one document, its file.
      {
        route: 'GET /api/v1/cases/:id/documents',
        label: 'the case’s documents',
        ask: (who) => ask(who, 'get', `/api/v1/cases/${bySide(who, cases)}/documents`),
        rule: ['remiss', 'senderLetter', 'recipientLetter', 'minutes'],
      },
      {
        route: 'GET /api/v1/cases/:id',
        label: 'the case',
        ask: (who) => ask(who, 'get', `/api/v1/cases/${bySide(who, cases)}`),
      },
      { route: 'GET /api/v1/cases', label: 'the case list', ask: (who) => ask(who, 'get', '/api/v1/cases') },
      {
        route: 'GET /api/v1/documents',
        label: 'the document list',
        ask: (who) => ask(who, 'get', '/api/v1/documents', { limit: 200 }),
        rule: ['remiss', 'senderLetter', 'recipientLetter', 'minutes'],
      },
      ...(
        [
          ['Lindgården', 'remiss'],
          ['Andersson', 'senderLetter'],
          ['Bertil', 'recipientLetter'],
          ['Protokollsutdrag', 'minutes'],
        ] as const
      ).flatMap(([q, key]): Probe[] => [
        {
          route: 'GET /api/v1/documents',
          label: `search for ${q}`,
          ask: (who) => ask(who, 'get', '/api/v1/documents', { q }),
          rule: [key],
        },
        {
          route: 'GET /api/v1/search',
          label: `Sök i diariet for ${q}`,
          ask: (who) => ask(who, 'get', '/api/v1/search', { q }),
          rule: [key],
        },
      ]),
      ...(
        [
          ['remiss', { sender: w.registered.senderRemiss, district: w.registered.districtRemissCopy }],
          ['senderLetter', { sender: w.registered.senderLetter, district: w.registered.senderLetter }],
          ['recipientLetter', { sender: w.registered.districtLetter, district: w.registered.districtLetter }],
        ] as const
      ).flatMap(([key, ids]): Probe[] => [
        {
          route: 'GET /api/v1/documents/:id',
          label: `the ${key} document`,
          ask: (who) => ask(who, 'get', `/api/v1/documents/${bySide(who, ids)}`),
          rule: [key],
        },
        {
          route: 'GET /api/v1/documents/:id/file',
          label: `the ${key} document’s file`,
          ask: (who) => ask(who, 'get', `/api/v1/documents/${bySide(who, ids)}/file`),
          rule: [key],
        },
      ]),
      // The remiss, as its sender and its recipient see it.
      {
        route: 'GET /api/v1/consultations/:id',
        label: 'the remiss',
        ask: (who) => ask(who, 'get', `/api/v1/consultations/${r.consultationId}`),
        rule: ['remiss'],
      },
      {
        route: 'GET /api/v1/consultations',
        label: 'the remisses sent or received',
        ask: (who) => ask(who, 'get', '/api/v1/consultations', { role: who.side === 'sender' ? 'sent' : 'received' }),
        rule: ['remiss'],
      },
      {
        route: 'GET /api/v1/consultations/:id/documents/:documentId/file',
        label: 'the remiss’s secret file',
        ask: (who) =>
          ask(
            who,
            'get',
            `/api/v1/consultations/${r.consultationId}/documents/${r.consultationDocumentIds.secret}/file`,
          ),
        rule: ['remiss'],
      },
      {
        route: 'GET /api/v1/consultations/:id/covering-letter',
        label: 'the signed missiv',
        ask: (who) => ask(who, 'get', `/api/v1/consultations/${r.consultationId}/covering-letter`),
        masks: ['remiss'],
      },
      {
        route: 'GET /api/v1/consultation-recipients/:id/letter',
        label: 'the letter to the external recipient',
        ask: (who) => ask(who, 'get', `/api/v1/consultation-recipients/${r.externalRecipientId}/letter`),
        masks: ['remiss'],
      },
      {
        route: 'GET /api/v1/consultation-recipients/:id',
        label: 'the district as recipient',
        ask: (who) => ask(who, 'get', `/api/v1/consultation-recipients/${r.recipientId}`),
      },
      {
        route: 'GET /api/v1/consultation-recipients/:id/extension-requests',
        label: 'the district’s extension requests',
        ask: (who) => ask(who, 'get', `/api/v1/consultation-recipients/${r.recipientId}/extension-requests`),
      },
      {
        route: 'GET /api/v1/consultations/:id/status-board',
        label: 'the status board',
        ask: (who) => ask(who, 'get', `/api/v1/consultations/${r.consultationId}/status-board`),
      },
      {
        route: 'GET /api/v1/consultations/:id/status-board.csv',
        label: 'the status board as CSV',
        ask: (who) => ask(who, 'get', `/api/v1/consultations/${r.consultationId}/status-board.csv`),
      },
      {
        route: 'GET /api/v1/consultations/:id/compilation',
        label: 'the compilation',
        ask: (who) => ask(who, 'get', `/api/v1/consultations/${r.consultationId}/compilation`),
      },
      {
        route: 'GET /api/v1/consultations/:id/compilation.csv',
        label: 'the compilation as CSV',
        ask: (who) => ask(who, 'get', `/api/v1/consultations/${r.consultationId}/compilation.csv`),
      },
      {
        route: 'POST /api/v1/consultations/:id/compilation.pdf',
        label: 'asking for the compilation PDF',
        ask: (who) => ask(who, 'post', `/api/v1/consultations/${r.consultationId}/compilation.pdf`),
      },
      // The statement: its pre-fill, its views, its revisions.
      {
        route: 'POST /api/v1/statements',
        label: 'the statement’s pre-fill (the first revision, as its officer made it)',
        // One pre-fill per case, asked by the officer who may read every secret of it.
        ask: (who) =>
          Promise.resolve(
            who.person === w.district.responsibleOfficer
              ? { status: 201, text: w.prefill, bytes: Buffer.from(w.prefill) }
              : undefined,
          ),
        masks: ['remiss'],
      },
      {
        route: 'GET /api/v1/statements/:id',
        label: 'the statement',
        ask: (who) => ask(who, 'get', `/api/v1/statements/${w.statementId}`),
        masks: ['remiss'],
      },
      {
        route: 'GET /api/v1/meetings/:id/statements',
        label: 'the statements before the board’s meeting',
        ask: (who) => ask(who, 'get', `/api/v1/meetings/${w.meetingId}/statements`),
        masks: ['remiss'],
      },
      {
        route: 'GET /api/v1/statements/by-case/:caseId',
        label: 'the statement of the case',
        ask: (who) => ask(who, 'get', `/api/v1/statements/by-case/${r.districtCaseId}`),
        masks: ['remiss'],
      },
      {
        route: 'GET /api/v1/statements/:id/revisions',
        label: 'the statement’s revisions',
        ask: (who) => ask(who, 'get', `/api/v1/statements/${w.statementId}/revisions`),
        masks: ['remiss'],
      },
      {
        route: 'GET /api/v1/statements/:id/revisions/:number',
        label: 'the statement’s first revision',
        ask: (who) => ask(who, 'get', `/api/v1/statements/${w.statementId}/revisions/1`),
        masks: ['remiss'],
      },
      {
        route: 'GET /api/v1/statements/:id/revisions/:number/preview',
        label: 'the first revision printed as a draft',
        ask: (who) => ask(who, 'get', `/api/v1/statements/${w.statementId}/revisions/1/preview`),
        masks: ['remiss'],
      },
      {
        route: 'GET /api/v1/statements/:id/compare',
        label: 'two revisions compared',
        ask: (who) => ask(who, 'get', `/api/v1/statements/${w.statementId}/compare`, { from: 1, to: 1 }),
        masks: ['remiss'],
      },
      {
        route: 'GET /api/v1/statements/:id/preparation-requests',
        label: 'the statement’s preparation questions',
        ask: (who) => ask(who, 'get', `/api/v1/statements/${w.statementId}/preparation-requests`),
      },
      // Issued documents: lists, views and signed files.
      ...[r.consultationId, w.statementId, w.decisionId, r.recipientId].map((subjectId, i): Probe => ({
        route: 'GET /api/v1/issued-documents',
        label: `the documents issued for ${['the remiss', 'the statement', 'the decision', 'the recipient'][i]}`,
        ask: (who) => ask(who, 'get', '/api/v1/issued-documents', { subjectId }),
        rule: subjectId === w.decisionId ? ['minutes'] : [],
      })),
      ...(Object.keys({ missiv: 0, report: 0, statement: 0, minutes: 0, compilation: 0 }) as (keyof typeof issued)[])
        .map((name) => [name, issued[name]] as const)
        .flatMap(([name, id]): Probe[] => [
          {
            route: 'GET /api/v1/issued-documents/:id',
            label: `the issued ${name}`,
            ask: (who) => ask(who, 'get', `/api/v1/issued-documents/${id}`),
            rule: name === 'minutes' ? ['minutes'] : [],
          },
          {
            route: 'GET /api/v1/issued-documents/:id/file',
            label: `the signed ${name}`,
            ask: (who) => ask(who, 'get', `/api/v1/issued-documents/${id}/file`),
            rule: name === 'minutes' ? ['minutes'] : [],
            masks: name === 'report' || name === 'statement' || name === 'missiv' ? ['remiss'] : [],
          },
        ]),
      // The audit trail, entity by entity.
      ...(
        [
          [
            'the remiss’s secret document',
            'registered_document',
            { sender: w.registered.senderRemiss, district: w.registered.districtRemissCopy },
            () => ['remiss'],
          ],
          [
            'the secret letter',
            'registered_document',
            { sender: w.registered.senderLetter, district: w.registered.districtLetter },
            () => ['senderLetter', 'recipientLetter'],
          ],
          ['the case', 'case', cases, () => []],
          // The remiss's records list its files (on the sender's side, where they are kept).
          [
            'the remiss',
            'consultation',
            { sender: r.consultationId, district: r.consultationId },
            (who: Who) => (who.side === 'sender' ? ['remiss'] : []),
          ],
          ['the recipient', 'consultation_recipient', { sender: r.recipientId, district: r.recipientId }, () => []],
          ['the statement', 'statement', { sender: w.statementId, district: w.statementId }, () => []],
        ] as const
      ).map(([label, entityType, ids, rule]): Probe => ({
        route: 'GET /api/v1/audit/records',
        label: `the audit records of ${label}`,
        ask: (who) => ask(who, 'get', '/api/v1/audit/records', { entityType, entityId: bySide(who, ids) }),
        rule: rule as (who: Who) => readonly SecretKey[],
      })),
      {
        route: 'GET /api/v1/audit/records',
        label: 'audit records of the minutes extract',
        ask: async (who) => {
          const [entry] = await ctx.query<{ registered_document_id: string }>(
            `SELECT registered_document_id FROM issued_documents WHERE id = $1`,
            [issued.minutes],
          );
          return who.side === 'district'
            ? ask(who, 'get', '/api/v1/audit/records', {
                entityType: 'registered_document',
                entityId: entry!.registered_document_id,
              })
            : undefined;
        },
        rule: ['minutes'],
      },
      // What tells people of things: notifications and the work list.
      {
        route: 'GET /api/v1/notifications',
        label: 'the inbox',
        ask: (who) => ask(who, 'get', '/api/v1/notifications'),
      },
      { route: 'GET /api/v1/my-work', label: 'my work', ask: (who) => ask(who, 'get', '/api/v1/my-work') },
    ];
  }, 180_000);

  afterAll(() => ctx.close());

  function shows(answer: Answer, secret: Secret): string | undefined {
    const text = answer.text;
    const found = secret.texts.find((t) => text.includes(t));
    if (found) {
      return `”${found}”`;
    }
    return secret.bytes.length > 0 && answer.bytes.includes(secret.bytes) ? 'the file' : undefined;
  }

  it('shows no secret to anyone the rule excludes, and each to those it admits where the path shows it', async () => {
    const leaks: string[] = [];
    const missing: string[] = [];
    // A path nobody gets an answer from, or whose secrets nobody sees, would pass without testing anything.
    const idle: string[] = [];
    for (const probe of probes) {
      let answers = 0;
      const seen = new Set<SecretKey>();
      for (const who of people) {
        const answer = await probe.ask(who);
        if (!answer) {
          continue;
        }
        const answered = answer.status >= 200 && answer.status < 300;
        answers += answered ? 1 : 0;
        const rule = typeof probe.rule === 'function' ? probe.rule(who) : (probe.rule ?? []);
        for (const [key, secret] of Object.entries(secrets) as [SecretKey, Secret][]) {
          const shown = shows(answer, secret);
          const admitted = rule.includes(key) && secret.admitted.has(who.person);
          if (shown && !admitted) {
            leaks.push(`${probe.label} (${probe.route}) shows ${key} ${shown} to ${who.label} (${answer.status})`);
          }
          // Those the rule admits see it, where the path is theirs to ask (a case officer reads no audit).
          if (admitted && answered && !shown) {
            missing.push(`${probe.label} (${probe.route}) hides ${key} from ${who.label}`);
          }
          if (admitted && shown) {
            seen.add(key);
          }
        }
        if (answered) {
          for (const key of probe.masks ?? []) {
            const title = `Sekretessmarkerad handling (${secrets[key].ground})`;
            if (!answer.text.includes(title)) {
              missing.push(`${probe.label} (${probe.route}) does not name ${key} masked to ${who.label}`);
            }
          }
        }
      }
      const held = new Set(
        people.flatMap((who) => (typeof probe.rule === 'function' ? probe.rule(who) : (probe.rule ?? []))),
      );
      if (answers === 0 || [...held].some((key) => !seen.has(key))) {
        idle.push(`${probe.label} (${probe.route}): ${answers} answers, seen ${[...seen].join(', ') || 'nothing'}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(missing).toEqual([]);
    expect(idle).toEqual([]);
  }, 300_000);

  /**
   * Routes outside the matrix, each with why: it answers with no registered document's title,
   * counterpart or file, or with a view that a route of the matrix reads (named, so that the
   * matrix covers it).
   */
  const outsideTheMatrix: Record<string, string | { readonly sameViewAs: string }> = {
    'GET /health': 'the state of the database and Redis',
    'GET /api/v1/me/notification-preferences': 'the person’s own choices of e-mail',
    'PUT /api/v1/me/notification-preferences': 'the person’s own choices of e-mail',
    'PUT /api/v1/consultation-recipients/:id/email':
      'the sender’s registrar corrects an external address; answers that recipient’s deliveries (test/e2e/mail.e2e-spec.ts)',
    'GET /api/v1/remissunderlag/:recipientId':
      'an external recipient’s own remiss by the key in its e-mail; never a secret-marked file (test/e2e/mail.e2e-spec.ts)',
    'GET /api/v1/remissunderlag/:recipientId/filer/:index':
      'an external recipient’s own remiss by the key in its e-mail; never a secret-marked file (test/e2e/mail.e2e-spec.ts)',
    'GET /api/v1/auth/me': 'the person and their roles',
    'POST /api/v1/auth/login': 'a token',
    'POST /api/v1/auth/password': 'nothing',
    'POST /api/v1/auth/logout': 'nothing',
    'POST /api/v1/auth/session': 'the person and their roles (the session itself only as cookies)',
    'DELETE /api/v1/auth/session': 'nothing',
    'PUT /api/v1/auth/session/organisation': 'the person and their roles (the session itself only as cookies)',
    'GET /api/v1/events': 'ids and states of what changed, never a title or a text',
    'GET /*': 'the web application’s own static files',
    'GET /api/v1/audit/verify': 'the chain’s verdict: sequence numbers and hashes of records, no content',
    'GET /api/v1/organisations': 'the directory',
    'GET /api/v1/organisations/:id': 'the directory',
    'POST /api/v1/organisations': 'the directory',
    'PATCH /api/v1/organisations/:id': 'the directory',
    'GET /api/v1/departments': 'the directory',
    'GET /api/v1/departments/:id': 'the directory',
    'POST /api/v1/departments': 'the directory',
    'PATCH /api/v1/departments/:id': 'the directory',
    'GET /api/v1/people': 'the directory',
    'GET /api/v1/people/:id': 'the directory',
    'POST /api/v1/people': 'the directory',
    'PATCH /api/v1/people/:id': 'the directory',
    'POST /api/v1/people/:id/disable': 'the directory',
    'POST /api/v1/people/:id/enable': 'the directory',
    'PUT /api/v1/people/:id/password': 'nothing',
    'POST /api/v1/people/:id/roles': 'a role held',
    'DELETE /api/v1/people/:id/roles/:roleId': 'nothing',
    'POST /api/v1/notifications/:id/read': 'nothing',
    'POST /api/v1/notifications/read-all': 'a count',
    'GET /api/v1/registry/series': 'the diary series',
    'PUT /api/v1/registry/series/:year': 'the diary series',
    'PUT /api/v1/registry/series/format': 'the diary series',
    'GET /api/v1/registry/records-plan': 'the records plan',
    'POST /api/v1/registry/records-plan': 'the records plan',
    'PATCH /api/v1/registry/records-plan/:id': 'the records plan',
    'POST /api/v1/cases': { sameViewAs: 'GET /api/v1/cases/:id' },
    'PATCH /api/v1/cases/:id': { sameViewAs: 'GET /api/v1/cases/:id' },
    'POST /api/v1/cases/:id/assign': { sameViewAs: 'GET /api/v1/cases/:id' },
    'POST /api/v1/cases/:id/close': { sameViewAs: 'GET /api/v1/cases/:id' },
    'POST /api/v1/cases/:id/reopen': { sameViewAs: 'GET /api/v1/cases/:id' },
    'GET /api/v1/cases/:id/co-workers': 'the case’s co-workers: names and e-mail addresses of staff',
    'PUT /api/v1/cases/:id/co-workers/:personId': 'the case’s co-workers: names and e-mail addresses of staff',
    'DELETE /api/v1/cases/:id/co-workers/:personId': 'nothing',
    'POST /api/v1/cases/:id/documents': { sameViewAs: 'GET /api/v1/documents/:id' },
    'POST /api/v1/documents/:id/annul': { sameViewAs: 'GET /api/v1/documents/:id' },
    'PUT /api/v1/documents/:id/secrecy': { sameViewAs: 'GET /api/v1/documents/:id' },
    'POST /api/v1/documents/:id/secrecy/lift': { sameViewAs: 'GET /api/v1/documents/:id' },
    'POST /api/v1/consultations': { sameViewAs: 'GET /api/v1/consultations/:id' },
    'POST /api/v1/incoming-remisses': { sameViewAs: 'GET /api/v1/consultations/:id' },
    'PATCH /api/v1/consultations/:id': { sameViewAs: 'GET /api/v1/consultations/:id' },
    'POST /api/v1/consultations/:id/documents': { sameViewAs: 'GET /api/v1/consultations/:id' },
    'DELETE /api/v1/consultations/:id/documents/:documentId': 'nothing',
    'POST /api/v1/consultations/:id/send': { sameViewAs: 'GET /api/v1/consultations/:id' },
    'POST /api/v1/consultations/:id/corrections': { sameViewAs: 'GET /api/v1/consultations/:id' },
    'POST /api/v1/consultation-recipients/:id/assign': { sameViewAs: 'GET /api/v1/consultation-recipients/:id' },
    'POST /api/v1/consultation-recipients/:id/decline': { sameViewAs: 'GET /api/v1/consultation-recipients/:id' },
    'POST /api/v1/consultation-recipients/:id/external-answer': {
      sameViewAs: 'GET /api/v1/consultation-recipients/:id',
    },
    'POST /api/v1/consultation-recipients/:id/extension-requests': {
      sameViewAs: 'GET /api/v1/consultation-recipients/:id/extension-requests',
    },
    'POST /api/v1/extension-requests/:id/decision': {
      sameViewAs: 'GET /api/v1/consultation-recipients/:id/extension-requests',
    },
    'PUT /api/v1/statements/:id': { sameViewAs: 'GET /api/v1/statements/:id' },
    'POST /api/v1/statements/:id/submit': { sameViewAs: 'GET /api/v1/statements/:id' },
    'POST /api/v1/statements/:id/approve': { sameViewAs: 'GET /api/v1/statements/:id' },
    'POST /api/v1/statements/:id/request-changes': { sameViewAs: 'GET /api/v1/statements/:id' },
    'POST /api/v1/statements/:id/decision': { sameViewAs: 'GET /api/v1/statements/:id' },
    'POST /api/v1/statements/:id/meeting': { sameViewAs: 'GET /api/v1/statements/:id' },
    'POST /api/v1/statements/:id/preliminary-answer': { sameViewAs: 'GET /api/v1/statements/:id' },
    'POST /api/v1/statements/:id/preparation-requests': {
      sameViewAs: 'GET /api/v1/statements/:id/preparation-requests',
    },
    'POST /api/v1/preparation-requests/:id/answer': {
      sameViewAs: 'GET /api/v1/statements/:id/preparation-requests',
    },
    'POST /api/v1/board-decisions/:id/confirm': 'the board’s decision: meeting, paragraph, decision text',
    'GET /api/v1/approval-chain': 'the approval chain',
    'PUT /api/v1/approval-chain': 'the approval chain',
    'GET /api/v1/substitutes': 'substitutes',
    'POST /api/v1/substitutes': 'a substitute',
    'POST /api/v1/substitutes/:id/revoke': 'nothing',
    'GET /api/v1/meetings': 'board meetings',
    'POST /api/v1/meetings': 'a board meeting',
    'POST /api/v1/meetings/:id/cancel': 'a board meeting',
    'POST /api/v1/issued-documents/:id/retry': { sameViewAs: 'GET /api/v1/issued-documents/:id' },
    'POST /api/v1/verification':
      'a verdict on a PDF the asker already holds: its kind, diary number and signatories, never a title or file',
    'GET /api/v1/signing-certificate': 'the certificate (never its key)',
    'PUT /api/v1/signing-certificate': 'the certificate (never its key)',
  };

  /** Served by plugins: the API documentation and the queue dashboard (job payloads are ids). */
  const pluginPrefixes = ['/api/docs', '/api/queues'];

  it('has every route in the matrix or declared outside it, so that a new route must be classified', () => {
    const inMatrix = new Set(probes.map((p) => p.route));
    const unclassified = ctx.api.routes
      .filter((r) => r.method !== 'HEAD' && !pluginPrefixes.some((p) => r.url === p || r.url.startsWith(`${p}/`)))
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !inMatrix.has(key) && !(key in outsideTheMatrix));
    expect(unclassified).toEqual([]);
    // A view read elsewhere must be read by the matrix; a declaration names no route that is gone.
    const known = new Set(ctx.api.routes.map((r) => `${r.method} ${r.url}`));
    const dangling = Object.entries(outsideTheMatrix).flatMap(([key, why]) => [
      ...(known.has(key) ? [] : [`${key} is no route`]),
      ...(typeof why === 'object' && !inMatrix.has(why.sameViewAs)
        ? [`${key}: ${why.sameViewAs} is not in the matrix`]
        : []),
    ]);
    expect(dangling).toEqual([]);
    expect([...inMatrix].filter((key) => !known.has(key))).toEqual([]);
  });
});
