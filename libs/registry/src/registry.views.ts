/** A case as services hand it out. */
export interface CaseView {
  readonly id: string;
  readonly organisationId: string;
  readonly diaryNumber: string;
  readonly year: number;
  readonly sequence: number;
  readonly title: string;
  readonly description: string | null;
  readonly status: 'open' | 'closed';
  readonly classificationCode: string | null;
  readonly responsibleDepartmentId: string | null;
  readonly responsiblePersonId: string | null;
  readonly counterpart: string | null;
  readonly linkedDiaryNumber: string | null;
  readonly registeredOn: string;
  readonly registeredAt: string;
  readonly registeredBy: string | null;
  readonly closedAt: string | null;
  readonly closedBy: string | null;
  readonly documentCount: number;
}

/** Someone the registrar added to a case to write in it beside its responsible officer. */
export interface CaseCoWorkerView {
  readonly personId: string;
  readonly name: string;
  readonly addedBy: string | null;
  readonly addedAt: string;
}

export type DocumentDirection = 'incoming' | 'outgoing' | 'internal';

/** A registered document. For a reader without access to a secret one, the title and counterpart are masked and no file is offered. */
export interface RegisteredDocumentView {
  readonly id: string;
  readonly caseId: string;
  readonly organisationId: string;
  readonly number: number;
  /** `HÄ 2025/578-3` */
  readonly documentNumber: string;
  readonly direction: DocumentDirection;
  readonly kind: string;
  readonly title: string;
  readonly documentDate: string;
  readonly registeredOn: string;
  readonly registeredAt: string;
  readonly registeredBy: string | null;
  readonly counterpart: string | null;
  readonly file: {
    readonly name: string;
    readonly size: number;
    readonly mediaType: string;
    readonly sha256: string;
  } | null;
  readonly secrecy: { readonly ground: string } | null;
  /** True when the title, counterpart and file are withheld from this reader. */
  readonly masked: boolean;
  readonly annulled: { readonly at: string; readonly by: string | null; readonly reason: string } | null;
}

export interface Page<T> {
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly items: readonly T[];
}

/** A page of cases in the diary, with where the next one starts (keyset: a deep page costs what the first does). */
export interface CaseListPage extends Page<CaseView> {
  /** Opaque: the sort, its direction and the last row's sort key and id. Null on the last page. */
  readonly nextCursor: string | null;
}

export interface DiarySeriesView {
  readonly organisationId: string;
  readonly prefix: string;
  readonly year: number;
  /** The number the next case registered this year gets. */
  readonly nextNumber: number;
  /** The format numbers are written in: `{prefix} {yyyy}/{n}` unless the registrar set another. */
  readonly template: string;
  /** Between a case's number and a document's running number in it. */
  readonly documentSeparator: string;
  /** The classification the numbers shown run within, when the format numbers per classification. */
  readonly classificationCode: string | null;
  /** The next case's number as written; null when the format needs a classification not given. */
  readonly nextDiaryNumber: string | null;
}

export interface RecordsPlanEntryView {
  readonly id: string;
  readonly code: string;
  readonly title: string;
  readonly active: boolean;
}

/** A case the registry's search found. */
export interface CaseHit {
  readonly id: string;
  readonly diaryNumber: string;
  readonly title: string;
  readonly counterpart: string | null;
  readonly status: 'open' | 'closed';
  readonly registeredOn: string;
}

/** A document the registry's search found; a secret one as the reader may see it. */
export interface DocumentHit {
  readonly id: string;
  readonly caseId: string;
  readonly diaryNumber: string;
  /** The document's number in its case (`HÄ 2025/578-3`). */
  readonly documentNumber: string;
  readonly title: string;
  readonly counterpart: string | null;
  readonly direction: DocumentDirection;
  readonly registeredOn: string;
  readonly secret: boolean;
  /** Where the words were found in the file's text, the words marked «so»; none where withheld. */
  readonly excerpt: string | null;
}

export interface RegistrySearchResult {
  readonly cases: readonly CaseHit[];
  readonly documents: readonly DocumentHit[];
}
