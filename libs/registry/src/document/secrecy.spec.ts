import { personActor, Role, systemActor } from '@app/platform';

import { isWithheldFrom, secretFileName, secretTitle } from './secrecy.js';

const organisation = '00000000-0000-4000-8000-000000000001';
const responsible = '00000000-0000-4000-8000-000000000002';
const secret = { organisationId: organisation, secrecyGround: 'OSL 21 kap. 3 §', responsiblePersonId: responsible };

describe(isWithheldFrom.name, () => {
  const person = (id: string, roles: Role[], org = organisation) => personActor(id, org, roles);

  it('withholds nothing of a document that is not marked', () => {
    expect(isWithheldFrom(person('x', []), { ...secret, secrecyGround: null })).toBe(false);
  });

  it('shows a secret document to the system, the organisation’s registrars and the case’s responsible officer', () => {
    expect(isWithheldFrom(systemActor('test'), secret)).toBe(false);
    expect(isWithheldFrom(person('r', [Role.Registrar]), secret)).toBe(false);
    expect(isWithheldFrom(person(responsible, [Role.CaseOfficer]), secret)).toBe(false);
  });

  it('withholds it from everyone else in the organisation, whatever their role', () => {
    for (const role of [Role.CaseOfficer, Role.HeadOfDepartment, Role.Director, Role.Administrator]) {
      expect(isWithheldFrom(person('other', [role]), secret)).toBe(true);
    }
  });

  it('withholds it from anyone in another organisation, its registrars too', () => {
    const elsewhere = '00000000-0000-4000-8000-000000000009';
    expect(isWithheldFrom(person('r', [Role.Registrar], elsewhere), secret)).toBe(true);
    expect(isWithheldFrom(person(responsible, [Role.CaseOfficer], elsewhere), secret)).toBe(true);
  });
});

describe('masked texts', () => {
  it('names the ground in the masked title', () => {
    expect(secretTitle('OSL 26 kap. 1 §')).toBe('Sekretessmarkerad handling (OSL 26 kap. 1 §)');
  });

  it('keeps a file’s extension and nothing else of its name', () => {
    expect(secretFileName('Anmälan från Anna Andersson.pdf')).toBe('Sekretessmarkerad handling.pdf');
    expect(secretFileName('utan-filändelse')).toBe('Sekretessmarkerad handling');
  });
});
