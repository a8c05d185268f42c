import {
  type Compilation,
  CompilationService,
  ConsultationService,
  Position,
  RecipientService,
} from '@app/consultation';
import { PersonService } from '@app/directory';
import { DocumentKind, IssuanceService, type IssuedDocumentView } from '@app/issuance';
import { parseMarkup, type RichText } from '@app/markup';
import { localDate, systemActor, type Tx } from '@app/platform';
import { CaseService } from '@app/registry';
import { type FrozenStatement, FrozenStatementService } from '@app/statement';
import { Injectable } from '@nestjs/common';

import { formatStockholmTime } from '../render/model-checks.js';
import type { SectionPosition, SignaturePanelModel, StatementParts as PrintedParts } from '../render/models.js';
import type { DocumentTemplate } from '../render/document-template.js';
import { LetterheadService } from './letterhead.service.js';

const PRINTED_POSITION: Readonly<Record<Position, SectionPosition>> = {
  [Position.Supports]: 'endorse',
  [Position.SupportsInPart]: 'endorse_in_part',
  [Position.Opposes]: 'oppose',
  [Position.NoComment]: 'no_objection',
};

/** How a signed document is entered in its case. */
export interface Registration {
  readonly direction: 'incoming' | 'outgoing' | 'internal';
  readonly kind: string;
  readonly title: string;
  readonly counterpart: string | null;
  readonly documentDate: string;
  readonly fileName: string;
}

/** A document ready to render: how to draw it, in whose name it is signed, and how it is registered. */
export interface PreparedDocument {
  readonly template: DocumentTemplate;
  readonly signerName: string;
  readonly reason: string;
  readonly location: string;
  readonly contactInfo: string;
  readonly registration: Registration;
  readonly signatories: readonly { name: string; title: string; approvedAt: string }[];
}

const system = systemActor('worker:documents');

function text(markup: string): RichText {
  return parseMarkup(markup);
}

function safeFileName(name: string): string {
  return name
    .replace(/[/\\:*?"<>|]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Builds each kind of document's model from the domain (a frozen revision, a decision, a remiss). */
@Injectable()
export class DocumentModelsService {
  constructor(
    private readonly letterheads: LetterheadService,
    private readonly frozen: FrozenStatementService,
    private readonly consultations: ConsultationService,
    private readonly recipients: RecipientService,
    private readonly compilations: CompilationService,
    private readonly cases: CaseService,
    private readonly people: PersonService,
    private readonly issuance: IssuanceService,
  ) {}

  async prepare(document: IssuedDocumentView, tx?: Tx): Promise<PreparedDocument> {
    switch (document.kind) {
      case DocumentKind.OfficialReport:
        return this.#officialReport(document, tx);
      case DocumentKind.CoveringLetter:
        return this.#coveringLetter(document, tx);
      case DocumentKind.BoardStatement:
        return this.#boardStatement(document, tx);
      case DocumentKind.MinutesExtract:
        return this.#minutesExtract(document, tx);
      case DocumentKind.DeclineLetter:
        return this.#declineLetter(document, tx);
      case DocumentKind.Compilation:
        return this.#compilation(document, tx);
    }
  }

  /** The deterministic identity of a rendering: the same revision renders to the same bytes. */
  #identity(document: IssuedDocumentView, producedAt: Date): { documentId: string; producedAt: string } {
    return {
      documentId: `${document.kind}:${document.subjectId}:${document.revision}`,
      producedAt: producedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
  }

  #printedParts(s: FrozenStatement): PrintedParts {
    const sectionTitle = new Map(s.remissSections.map((x) => [x.id, x.title]));
    return {
      proposedDecision: s.parts.proposedDecision.map(text),
      summary: text(s.parts.summary),
      background: text(s.parts.background),
      matter: text(s.parts.matter),
      preparation: text(s.parts.preparation.text),
      views: text(s.parts.views),
      sectionViews: s.remissSections
        .map((section) => s.parts.sections.find((x) => x.sectionId === section.id))
        .filter((x) => x !== undefined && (x.position !== null || x.comment !== ''))
        .map((x) => ({
          title: sectionTitle.get(x!.sectionId) ?? '',
          position: x!.position ? PRINTED_POSITION[x!.position] : null,
          comment: x!.comment ? text(x!.comment) : null,
        })),
    };
  }

  #panel(organisation: string, s: FrozenStatement): SignaturePanelModel {
    return {
      organisation,
      approvals: s.approvals.map((a) => ({
        name: a.name,
        title: a.title,
        approvedAt: formatStockholmTime(a.approvedAt),
      })),
    };
  }

  async #officialReport(document: IssuedDocumentView, tx?: Tx): Promise<PreparedDocument> {
    const s = await this.frozen.frozen(document.subjectId, document.revision, tx);
    const { organisation, issuer } = await this.letterheads.letterhead(
      s.organisationId,
      { name: s.officer.departmentName, email: s.officer.departmentEmail },
      tx,
    );
    const panel = this.#panel(issuer.administration, s);
    return {
      template: {
        layout: 'official_report',
        model: {
          pdf: this.#identity(document, s.approvedAt),
          issuer,
          diaryNumber: s.diaryNumber,
          date: s.parts.documentDate,
          officer: { name: s.officer.name, phone: s.officer.phone },
          addressee: { board: organisation.name, meetingDate: s.meetingDate },
          title: s.parts.title,
          heading: s.parts.heading,
          parts: this.#printedParts(s),
          signatories: s.signatories,
          attachments: s.attachmentTitles,
          signaturePanel: panel,
        },
      },
      signerName: issuer.administration,
      reason: `Tjänsteutlåtande ${s.diaryNumber}, godkänt i alla steg`,
      location: issuer.postalTown,
      contactInfo: issuer.email,
      registration: {
        direction: 'internal',
        kind: 'tjänsteutlåtande',
        title: `Tjänsteutlåtande: ${s.parts.title}`,
        counterpart: null,
        documentDate: s.parts.documentDate,
        fileName: safeFileName(`Tjänsteutlåtande ${s.diaryNumber.replace('/', '-')} ${s.parts.title}.pdf`),
      },
      signatories: panel.approvals,
    };
  }

  async #coveringLetter(document: IssuedDocumentView, tx?: Tx): Promise<PreparedDocument> {
    const c = (await this.consultations.findById(document.subjectId, tx))!;
    const officer = await this.people.findById(c.createdBy, tx);
    const { organisation, issuer } = await this.letterheads.letterhead(c.organisationId, null, tx);
    const sentAt = c.sentAt ? new Date(c.sentAt) : new Date(document.requestedAt);
    const date = localDate(sentAt);
    return {
      template: {
        layout: 'covering_letter',
        model: {
          pdf: this.#identity(document, sentAt),
          issuer,
          senderOrganisation: c.senderName,
          diaryNumber: c.senderDiaryNumber,
          date,
          addressees: c.recipients.map((r) => r.name),
          remissTitle: c.title,
          body: text(c.description),
          sections: c.sections.map((x) => ({ title: x.title, description: text(x.description) })),
          responseDeadline: c.responseDeadline,
          registryEmail: organisation.registryEmail ?? '',
          contact: {
            name: officer?.name ?? '',
            title: officer?.title ?? null,
            phone: officer?.phone ?? null,
            email: officer?.email ?? null,
          },
          // A signed missiv is a public record: a secret file is named by its masked title.
          documents: (await this.consultations.outgoingDocuments(c.id, document.revision, tx)).map((d) => d.title),
        },
      },
      signerName: issuer.administration,
      reason: `Remiss ${c.senderDiaryNumber}`,
      location: issuer.postalTown,
      contactInfo: issuer.email,
      registration: {
        direction: 'outgoing',
        kind: 'missiv',
        title: `Missiv: Remiss av ${c.title}`,
        counterpart: 'Remissinstanserna',
        documentDate: date,
        fileName: safeFileName(`Missiv ${c.senderDiaryNumber.replace('/', '-')} ${c.title}.pdf`),
      },
      signatories: [],
    };
  }

  async #boardStatement(document: IssuedDocumentView, tx?: Tx): Promise<PreparedDocument> {
    const d = await this.frozen.decided(document.subjectId, tx);
    const s = d.statement;
    const { issuer } = await this.letterheads.letterhead(
      s.organisationId,
      { name: s.officer.departmentName, email: s.officer.departmentEmail },
      tx,
    );
    const decisionText = d.decision.amendedText
      ? `${d.decision.decisionText}\n\n${d.decision.amendedText}`
      : d.decision.decisionText;
    const confirmedAt = d.decision.confirmed
      ? new Date(`${d.decision.confirmationDate}T12:00:00Z`)
      : new Date(d.decision.recordedAt);
    const panel = this.#panel(issuer.administration, s);
    return {
      template: {
        layout: 'board_statement',
        model: {
          pdf: this.#identity(document, confirmedAt),
          issuer,
          board: d.boardName,
          diaryNumber: s.diaryNumber,
          date: d.decision.confirmationDate,
          addressee: s.senderName ?? '',
          title: s.parts.title,
          heading: s.parts.heading,
          decision: { meetingDate: d.decision.meetingDate, paragraph: d.decision.paragraph, text: text(decisionText) },
          parts: this.#printedParts(s),
          signatories: s.signatories,
          attachments: s.attachmentTitles,
          signaturePanel: panel,
        },
      },
      signerName: issuer.administration,
      reason: `Yttrande ${s.diaryNumber}, ${d.boardName} ${d.decision.paragraph} ${d.decision.meetingDate}`,
      location: issuer.postalTown,
      contactInfo: issuer.email,
      registration: {
        direction: 'outgoing',
        kind: 'yttrande',
        title: `Yttrande: ${s.parts.title}`,
        counterpart: s.senderName,
        documentDate: d.decision.confirmationDate,
        fileName: safeFileName(`Yttrande ${s.diaryNumber.replace('/', '-')} ${s.parts.title}.pdf`),
      },
      signatories: panel.approvals,
    };
  }

  async #minutesExtract(document: IssuedDocumentView, tx?: Tx): Promise<PreparedDocument> {
    const d = await this.frozen.decided(document.subjectId, tx);
    const s = d.statement;
    const { issuer } = await this.letterheads.letterhead(s.organisationId, null, tx);
    const decisionText = d.decision.amendedText
      ? `${d.decision.decisionText}\n\n${d.decision.amendedText}`
      : d.decision.decisionText;
    const confirmedAt = new Date(`${d.decision.confirmationDate}T12:00:00Z`);
    return {
      template: {
        layout: 'minutes_extract',
        model: {
          pdf: this.#identity(document, confirmedAt),
          issuer,
          board: d.boardName,
          meetingDate: d.decision.meetingDate,
          paragraph: d.decision.paragraph.replace(/^§\s*/, ''),
          title: s.parts.title,
          diaryNumber: s.diaryNumber,
          decision: text(decisionText),
          reservations: d.decision.reservations ? text(d.decision.reservations) : null,
          specialStatements: d.decision.memberStatements ? text(d.decision.memberStatements) : null,
          adjustment: d.decision.confirmedImmediately
            ? { kind: 'immediate' }
            : { kind: 'adjusted', date: d.decision.confirmationDate },
          certifiedBy: d.registrar,
        },
      },
      signerName: d.boardName,
      reason: `Protokollsutdrag ${d.decision.paragraph} ${d.decision.meetingDate}`,
      location: issuer.postalTown,
      contactInfo: issuer.email,
      registration: {
        direction: 'internal',
        kind: 'protokollsutdrag',
        title: `Protokollsutdrag ${d.decision.paragraph} ${d.decision.meetingDate}: ${s.parts.title}`,
        counterpart: null,
        documentDate: d.decision.confirmationDate,
        fileName: safeFileName(
          `Protokollsutdrag ${d.decision.meetingDate} ${d.decision.paragraph} ${s.diaryNumber.replace('/', '-')}.pdf`,
        ),
      },
      signatories: [],
    };
  }

  async #declineLetter(document: IssuedDocumentView, tx?: Tx): Promise<PreparedDocument> {
    const context = (await this.recipients.contextFor(document.subjectId, tx))!;
    const r = context.recipient;
    const { organisation, issuer } = await this.letterheads.letterhead(r.organisationId!, null, tx);
    const own = await this.cases.findById(context.caseId, tx);
    const senderCase = await this.cases.findById(context.senderCaseId, tx);
    const declinedAt = r.declinedAt ? new Date(r.declinedAt) : new Date(document.requestedAt);
    const date = localDate(declinedAt);
    return {
      template: {
        layout: 'decline_letter',
        model: {
          pdf: this.#identity(document, declinedAt),
          issuer,
          board: organisation.name,
          diaryNumber: own?.diaryNumber ?? '',
          senderDiaryNumber: senderCase?.diaryNumber ?? '',
          date,
          addressee: context.senderName,
          remissTitle: context.consultationTitle,
          reason: text(r.declineReason ?? ''),
          decisionDate: date,
          signatories: [],
        },
      },
      signerName: issuer.administration,
      reason: `Avstående ${own?.diaryNumber ?? ''}`,
      location: issuer.postalTown,
      contactInfo: issuer.email,
      registration: {
        direction: 'outgoing',
        kind: 'avstående',
        title: `Avstår från att yttra sig: ${context.consultationTitle}`,
        counterpart: context.senderName,
        documentDate: date,
        fileName: safeFileName(
          `Avstående ${(own?.diaryNumber ?? '').replace('/', '-')} ${context.consultationTitle}.pdf`,
        ),
      },
      signatories: [],
    };
  }

  async #compilation(document: IssuedDocumentView, tx?: Tx): Promise<PreparedDocument> {
    // As it stood when asked for; a request from before snapshots were kept is compiled now.
    const c =
      ((await this.issuance.snapshotOf(document.id, tx)) as Compilation | undefined) ??
      (await this.compilations.compile(system, document.subjectId));
    const consultation = (await this.consultations.findById(document.subjectId, tx))!;
    const { issuer } = await this.letterheads.letterhead(consultation.organisationId, null, tx);
    const requestedAt = new Date(document.requestedAt);
    const date = localDate(requestedAt);
    const answersBySection = c.sections.map((x) => new Map(x.answers.map((a) => [a.recipientId, a])));
    return {
      template: {
        layout: 'compilation',
        model: {
          pdf: this.#identity(document, requestedAt),
          issuer,
          remissTitle: c.title,
          diaryNumber: c.senderDiaryNumber,
          date,
          responseDeadline: c.responseDeadline,
          sections: c.sections.map((x) => ({ title: x.title })),
          responses: c.overall.map((o) => ({
            recipient: o.name,
            sections: answersBySection.map((answers) => {
              const a = answers.get(o.recipientId);
              return {
                position: a?.position ? PRINTED_POSITION[a.position] : null,
                comment: a?.comment ? text(a.comment) : null,
              };
            }),
          })),
          declined: c.declined.map((x) => ({ recipient: x.name, reason: x.reason })),
          notAnswered: c.notAnswered.map((x) => x.name),
        },
      },
      signerName: issuer.administration,
      reason: `Remissammanställning ${c.senderDiaryNumber}`,
      location: issuer.postalTown,
      contactInfo: issuer.email,
      registration: {
        direction: 'internal',
        kind: 'remissammanställning',
        title: `Remissammanställning: ${c.title}`,
        counterpart: null,
        documentDate: date,
        fileName: safeFileName(`Remissammanställning ${c.senderDiaryNumber.replace('/', '-')} ${c.title}.pdf`),
      },
      signatories: [],
    };
  }
}
