import type { Actor, Tx } from '@app/platform';

import { CaseCoWorkerEntity } from './case-co-worker.entity.js';
import type { CaseEntity } from './case.entity.js';

/**
 * Who writes in a case — its statement, its documents, its particulars: the responsible officer
 * and the co-workers the registrar has added. Everyone else in the organisation reads. (The
 * registrars register documents in every case; their callers say so.)
 */
export async function isCaseWriter(
  manager: Tx,
  actor: Actor,
  kase: Pick<CaseEntity, 'id' | 'responsiblePersonId'>,
): Promise<boolean> {
  if (actor.kind === 'system') {
    return true;
  }
  return (
    kase.responsiblePersonId === actor.personId ||
    manager.existsBy(CaseCoWorkerEntity, { caseId: kase.id, personId: actor.personId })
  );
}
