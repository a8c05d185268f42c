import { personActor, systemActor } from '../access/actor.js';
import { AuditReader, type AuditRedactor } from './audit-reader.service.js';
import type { AuditRecordView, AuditService } from './audit.service.js';

function record(after: unknown): AuditRecordView {
  return {
    id: '1',
    seq: 1,
    organisationId: 'org',
    actorPersonId: null,
    actingOrganisationId: null,
    actorProcess: 'test',
    action: 'document.registered',
    entityType: 'registered_document',
    entityId: 'doc',
    before: null,
    after,
    occurredAt: '2025-01-01T00:00:00.000Z',
    hash: 'h',
  };
}

function auditWith(records: AuditRecordView[]): AuditService {
  return { forEntity: () => Promise.resolve(records) } as unknown as AuditService;
}

describe(AuditReader.name, () => {
  const actor = personActor('p', 'org', []);

  it('replaces every text a redactor names, however deep, the longest first', async () => {
    const sut = new AuditReader(
      auditWith([
        record({ title: 'Hot mot Anna Andersson', counterpart: 'Anna Andersson', files: ['anna.pdf', 'x.pdf'] }),
      ]),
    );
    const asked: string[][] = [];
    const redactor: AuditRedactor = {
      redactionsFor: (_actor, organisationId, texts) => {
        asked.push([organisationId, ...texts]);
        return Promise.resolve([
          { text: 'Anna Andersson', replacement: 'Sekretessmarkerad uppgift' },
          { text: 'Hot mot Anna Andersson', replacement: 'Sekretessmarkerad handling (OSL 21 kap. 3 §)' },
          { text: 'anna.pdf', replacement: 'Sekretessmarkerad handling.pdf' },
        ]);
      },
    };
    sut.register(redactor);
    const [read] = await sut.forEntity(actor, 'registered_document', 'doc');
    expect(read!.after).toEqual({
      title: 'Sekretessmarkerad handling (OSL 21 kap. 3 §)',
      counterpart: 'Sekretessmarkerad uppgift',
      files: ['Sekretessmarkerad handling.pdf', 'x.pdf'],
    });
    expect(asked).toEqual([['org', 'Hot mot Anna Andersson', 'Anna Andersson', 'anna.pdf', 'x.pdf']]);
  });

  it('hands records back untouched when no redactor names anything', async () => {
    const records = [record({ title: 'Öppen handling' })];
    const sut = new AuditReader(auditWith(records));
    sut.register({ redactionsFor: () => Promise.resolve([]) });
    expect(await sut.forEntity(actor, 'registered_document', 'doc')).toEqual(records);
  });

  it('reads nothing for the system, which belongs to no organisation', async () => {
    const sut = new AuditReader(auditWith([record({ title: 'x' })]));
    expect(await sut.forEntity(systemActor('test'), 'registered_document', 'doc')).toEqual([]);
  });
});
