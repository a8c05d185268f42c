import { Injectable } from '@nestjs/common';

import type { Actor, PersonActor } from '../access/actor.js';
import { type AuditRecordView, AuditService } from './audit.service.js';

/** A text in audit records that a reader may not read, and what the reader sees instead. */
export interface AuditRedaction {
  readonly text: string;
  readonly replacement: string;
}

/**
 * Implemented by a domain library whose records can hold what some readers may not read (the
 * registry: the title, counterpart and file of a document marked secret). Given every text of the
 * records a reader asked for, it names those the reader is kept from.
 */
export interface AuditRedactor {
  redactionsFor(
    actor: PersonActor,
    organisationId: string,
    texts: readonly string[],
  ): Promise<readonly AuditRedaction[]>;
}

/** Every string in a record's before and after, however deep. */
function textsOf(value: unknown, into: string[]): void {
  if (typeof value === 'string') {
    into.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) {
      textsOf(item, into);
    }
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) {
      textsOf(item, into);
    }
  }
}

function redact(value: unknown, redactions: readonly AuditRedaction[]): unknown {
  if (typeof value === 'string') {
    return redactions.reduce((text, r) => text.replaceAll(r.text, r.replacement), value);
  }
  if (Array.isArray(value)) {
    return value.map((item) => redact(item, redactions));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redact(item, redactions)]));
  }
  return value;
}

/**
 * Reads audit records for a person, with what they may not read replaced. The trail is written
 * once and chained, so a secrecy marking made later cannot change it: it is applied when the
 * records are read. The audit trail knows nothing of the domain: the libraries that do register
 * a redactor here. Redactions are by text, not by entity, because a secret title travels into
 * records about other things (a case reopened by the document that arrived in it, a remiss's list
 * of files), and a text-based rule catches it wherever it went.
 */
@Injectable()
export class AuditReader {
  readonly #redactors: AuditRedactor[] = [];

  constructor(private readonly audit: AuditService) {}

  /** Called by a domain library when its module starts. */
  register(redactor: AuditRedactor): void {
    this.#redactors.push(redactor);
  }

  /** The records of the person's organisation about one entity, newest first (the system reads none here). */
  async forEntity(actor: Actor, entityType: string, entityId: string): Promise<AuditRecordView[]> {
    if (actor.kind !== 'person') {
      return [];
    }
    const records = await this.audit.forEntity(actor.organisationId, entityType, entityId);
    const texts: string[] = [];
    for (const r of records) {
      textsOf(r.before, texts);
      textsOf(r.after, texts);
    }
    if (texts.length === 0) {
      return records;
    }
    const distinct = [...new Set(texts)];
    const found = (
      await Promise.all(this.#redactors.map((r) => r.redactionsFor(actor, actor.organisationId, distinct)))
    ).flat();
    if (found.length === 0) {
      return records;
    }
    // The longest first: a title that contains another secret text is replaced whole.
    const redactions = found.filter((r) => r.text !== '').sort((a, b) => b.text.length - a.text.length);
    return records.map((r) => ({ ...r, before: redact(r.before, redactions), after: redact(r.after, redactions) }));
  }
}
