import { api } from '../../../api/client';
import type { components } from '../../../api/openapi';
import { unwrap } from '../../../api/problem';
import { todayInStockholm } from '../../../ui/format';
import type { FormProblems, FormField } from '../../../ui/form-problems';
import type { SummaryItem } from '../../../ui/ErrorSummary';
import { newRemissMessages as t } from './messages';

export type RecipientGroup = components['schemas']['RecipientGroup'];

export const STEPS = ['basics', 'sections', 'deadline', 'recipients', 'attachments', 'review'] as const;
export type Step = (typeof STEPS)[number];

/** The remiss as the sender fills it in, kept in the browser until it is sent. */
export interface RemissDraft {
  readonly title: string;
  readonly description: string;
  readonly sections: readonly { readonly key: number; readonly title: string; readonly description: string }[];
  readonly responseDeadline: string;
  readonly groups: readonly RecipientGroup[];
  readonly organisationIds: readonly string[];
  readonly external: readonly { readonly key: number; readonly name: string; readonly email: string }[];
  readonly files: readonly { readonly key: number; readonly file: File; readonly title: string }[];
}

export const EMPTY_DRAFT: RemissDraft = {
  title: '',
  description: '',
  sections: [],
  responseDeadline: '',
  groups: [],
  organisationIds: [],
  external: [],
  files: [],
};

/** The file types the registry takes, by their endings. */
const FILE_ENDINGS = ['.pdf', '.docx', '.odt', '.xlsx', '.txt', '.png', '.jpg', '.jpeg'];
export const FILE_ACCEPT = FILE_ENDINGS.join(',');

export function fileTypeAllowed(name: string): boolean {
  const lower = name.toLowerCase();
  return FILE_ENDINGS.some((ending) => lower.endsWith(ending));
}

export function titleOfFile(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A step's problems: each message next to its field (by the field's element id) and in the summary. */
class Problems {
  readonly #summary: SummaryItem[] = [];
  readonly #fields = new Map<string, string[]>();

  add(fieldId: string, message: string): void {
    this.#summary.push({ message, fieldId });
    this.#fields.set(fieldId, [...(this.#fields.get(fieldId) ?? []), message]);
  }

  get result(): FormProblems {
    return { summary: this.#summary, fields: this.#fields };
  }
}

/** What is wrong with the step as filled in, before going on; no problem: an empty summary. */
export function checkStep(step: Step, draft: RemissDraft, today = todayInStockholm()): FormProblems {
  const problems = new Problems();
  if (step === 'basics') {
    const title = draft.title.trim();
    if (title.length === 0) {
      problems.add(FIELD_IDS.title, t.titleMissing);
    } else if (title.length < 2) {
      problems.add(FIELD_IDS.title, t.titleTooShort);
    }
  }
  if (step === 'sections') {
    draft.sections.forEach((s, i) => {
      if (s.title.trim().length < 2) {
        problems.add(sectionTitleId(i), t.sectionTitleMissing);
      }
    });
  }
  if (step === 'deadline') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.responseDeadline)) {
      problems.add(FIELD_IDS.responseDeadline, t.deadlineMissing);
    } else if (draft.responseDeadline <= today) {
      problems.add(FIELD_IDS.responseDeadline, t.deadlinePast(today));
    }
  }
  if (step === 'recipients') {
    draft.external.forEach((e, i) => {
      if (e.name.trim().length < 2) {
        problems.add(externalNameId(i), t.externalNameMissing);
      }
      if (!EMAIL.test(e.email.trim())) {
        problems.add(externalEmailId(i), t.externalEmailInvalid);
      }
    });
    if (draft.groups.length + draft.organisationIds.length + draft.external.length === 0) {
      problems.add(FIELD_IDS.recipients, t.noRecipients);
    }
  }
  if (step === 'attachments') {
    draft.files.forEach((f, i) => {
      if (f.title.trim().length < 2) {
        problems.add(fileTitleId(i), t.fileTitleMissing);
      }
    });
  }
  return problems.result;
}

export const FIELD_IDS = {
  title: 'remiss-title',
  description: 'remiss-description',
  responseDeadline: 'remiss-deadline',
  recipients: 'remiss-groups',
  files: 'remiss-files',
} as const;

export const sectionTitleId = (i: number) => `remiss-section-${i}-title`;
export const externalNameId = (i: number) => `remiss-external-${i}-name`;
export const externalEmailId = (i: number) => `remiss-external-${i}-email`;
export const fileTitleId = (i: number) => `remiss-file-${i}-title`;

/** The API's field names on the review page: each problem links to the "Ändra" of its step. */
export const REVIEW_FIELDS: Readonly<Record<string, FormField>> = {
  title: { id: 'andra-basics', label: t.remissTitle },
  description: { id: 'andra-basics', label: t.description },
  sections: { id: 'andra-sections', label: t.steps.sections },
  responseDeadline: { id: 'andra-deadline', label: t.deadline },
  recipients: { id: 'andra-recipients', label: t.steps.recipients },
  file: { id: 'andra-attachments', label: t.steps.attachments },
};

/** Where a half-sent remiss stands, so that trying again neither drafts it twice nor repeats a file. */
export interface SendProgress {
  draftId: string | null;
  readonly uploaded: Set<number>;
}

/**
 * Sends the remiss: drafts it (or updates the draft an earlier attempt left), adds each file of
 * the remissunderlag, then sends it to its recipients.
 */
export async function sendRemiss(draft: RemissDraft, progress: SendProgress) {
  const body = {
    title: draft.title.trim(),
    description: draft.description,
    responseDeadline: draft.responseDeadline,
    sections: draft.sections.map((s) => ({ title: s.title.trim(), description: s.description })),
    recipients: {
      groups: [...draft.groups],
      organisationIds: [...draft.organisationIds],
      external: draft.external.map((e) => ({ name: e.name.trim(), email: e.email.trim() })),
    },
  };
  const id = progress.draftId
    ? (await unwrap(api.PATCH('/api/v1/consultations/{id}', { params: { path: { id: progress.draftId } }, body }))).id
    : (await unwrap(api.POST('/api/v1/consultations', { body }))).id;
  progress.draftId = id;
  for (const f of draft.files) {
    if (progress.uploaded.has(f.key)) {
      continue;
    }
    const form = new FormData();
    form.append('title', f.title.trim());
    form.append('file', f.file, f.file.name);
    await unwrap(
      api.POST('/api/v1/consultations/{id}/documents', {
        params: { path: { id } },
        body: { title: f.title.trim(), file: f.file },
        bodySerializer: () => form,
      }),
    );
    progress.uploaded.add(f.key);
  }
  return unwrap(api.POST('/api/v1/consultations/{id}/send', { params: { path: { id } } }));
}
