/**
 * Unsaved text kept in the browser, per person and statement, so that nothing typed is lost to
 * a reload, a closed tab or an expired session. Removed once saved, and all of a person's when
 * they log out.
 */
const PREFIX = 'remiss.utkast';

function keyOf(personId: string, statementId: string): string {
  return `${PREFIX}.${personId}.${statementId}`;
}

export interface StoredDraft<T> {
  /** The revision the text was written on. */
  readonly baseRevision: number;
  readonly savedAt: string;
  readonly value: T;
}

export function readDraft<T>(personId: string, statementId: string): StoredDraft<T> | null {
  const raw = localStorage.getItem(keyOf(personId, statementId));
  if (!raw) {
    return null;
  }
  try {
    return JSON.parse(raw) as StoredDraft<T>;
  } catch {
    return null;
  }
}

export function writeDraft<T>(personId: string, statementId: string, baseRevision: number, value: T): void {
  const draft: StoredDraft<T> = { baseRevision, savedAt: new Date().toISOString(), value };
  localStorage.setItem(keyOf(personId, statementId), JSON.stringify(draft));
}

export function removeDraft(personId: string, statementId: string): void {
  localStorage.removeItem(keyOf(personId, statementId));
}

export function removeDraftsOf(personId: string): void {
  const mine = `${PREFIX}.${personId}.`;
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(mine)) {
      localStorage.removeItem(key);
    }
  }
}
