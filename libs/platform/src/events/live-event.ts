/**
 * What changed, as the web application is told it live: ids and states only, never a title or a
 * text, so that the app asks the API (which applies every access rule) for anything to show.
 */
export type LiveEvent =
  /** A notification arrived in, or was read from, the person's inbox of the organisation. */
  | { readonly type: 'notifications'; readonly organisationId: string; readonly reason: 'created' | 'read' }
  /** Something "my work" is made from changed in the organisation: ask for it again. */
  | { readonly type: 'work'; readonly organisationId: string }
  /** A statement changed (saved, submitted, approved, decided, …); its status when the change set one. */
  | { readonly type: 'statement'; readonly id: string; readonly status: string | null }
  /** An issued document moved on: queued, rendering, signed or failed. */
  | {
      readonly type: 'issued-document';
      readonly id: string;
      readonly status: string;
      readonly kind: string;
      readonly subjectId: string;
    };

export type LiveEventType = LiveEvent['type'];

/** Who is told: named people, and everyone logged in for named organisations. */
export interface LiveAudience {
  readonly personIds?: readonly string[];
  readonly organisationIds?: readonly string[];
}

/** The Redis channels of a deployment's live events (under its key prefix, like every key). */
export function personChannel(prefix: string, personId: string): string {
  return `${prefix}:events:person:${personId}`;
}

export function organisationChannel(prefix: string, organisationId: string): string {
  return `${prefix}:events:organisation:${organisationId}`;
}
