import {
  type Compilation,
  CompilationService,
  consultationErrors,
  ConsultationService,
  Position,
  RecipientService,
} from '@app/consultation';
import { PersonService, wordingOf } from '@app/directory';
import { DocumentKind, IssuanceService, type IssuedDocumentView } from '@app/issuance';
import { parseMarkup, type RichText } from '@app/markup';
import { DomainError, ErrorKind, localDate, mustFind, type Reader, systemActor } from '@app/platform';
import { CaseService } from '@app/registry';
import { type DecisionView, type FrozenStatement, FrozenStatementService } from '@app/statement';
import { Injectable } from '@nestjs/common';

import { formatStockholmTime } from '../render/model-checks.js';
import type {
  CompiledPosition,
  DeclineDecision,
  Issuer,
  OfficialReportModel,
  SectionPosition,
  SignaturePanelModel,
  StatementParts as PrintedParts,
} from '../render/models.js';
import type { DocumentTemplate } from '../render/document-template.js';
import { onBehalfOfLabel } from '../render/swedish.js';
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

/**
 * What a rendering knows of its own making: when the file is made (its creation date), and the
 * name its signing certificate bears — the name the signature panel and the signature's `/Name`
 * print, so that the three agree.
 */
export interface Making {
  readonly producedAt: Date;
  readonly signer: string | null;
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

/** Documents whose facts the system does not hold cannot be made: said so, once and for all. */
const documentModelErrors = {
  meetingMissing: () =>
    new DomainError(
      'document.meeting_missing',
      ErrorKind.Unprocessable,
      'Tjänsteutlåtandet är inte ställt till något sammanträde. En registrator ställer det till ett (POST /statements/:id/meeting).',
    ),
  declineDecisionMissing: () =>
    new DomainError(
      'document.decline_decision_missing',
      ErrorKind.Unprocessable,
      'Det finns inget registrerat beslut om att avstå (vem som beslutade), så avståendet kan inte skrivas.',
    ),
};

/** The decision as the board adopted it: with amendments, the amended text alone. */
function decisionAsAdopted(decision: DecisionView): string {
  return decision.amendedText ?? decision.decisionText;
}

function text(markup: string): RichText {
  return parseMarkup(markup);
}

/** A moment as a rendering's identity holds it: to the second. */
function pdfMoment(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
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

  async prepare(document: IssuedDocumentView, making: Making, reader?: Reader): Promise<PreparedDocument> {
    switch (document.kind) {
      case DocumentKind.OfficialReport:
        return this.#officialReport(document, making, reader);
      case DocumentKind.CoveringLetter:
        return this.#coveringLetter(document, making, reader);
      case DocumentKind.BoardStatement:
        return this.#boardStatement(document, making, reader);
      case DocumentKind.MinutesExtract:
        return this.#minutesExtract(document, making, reader);
      case DocumentKind.DeclineLetter:
        return this.#declineLetter(document, making, reader);
      case DocumentKind.Compilation:
        return this.#compilation(document, making, reader);
    }
  }

  /**
   * The identity of a rendering: the document and the moment the file is made. The same
   * revision made at the same moment renders to the same bytes.
   */
  #identity(document: IssuedDocumentView, making: Making): { documentId: string; producedAt: string } {
    return {
      documentId: `${document.kind}:${document.subjectId}:${document.revision}${document.edition > 1 ? `:${document.edition}` : ''}`,
      producedAt: pdfMoment(making.producedAt),
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
      sectionViews: s.remissSections.flatMap((section) => {
        const x = s.parts.sections.find((v) => v.sectionId === section.id);
        return x && (x.position !== null || x.comment !== '')
          ? [
              {
                title: sectionTitle.get(x.sectionId) ?? '',
                position: x.position ? PRINTED_POSITION[x.position] : null,
                comment: x.comment ? text(x.comment) : null,
              },
            ]
          : [];
      }),
    };
  }

  #approvalPanel(signer: string, s: FrozenStatement): SignaturePanelModel {
    return {
      organisation: signer,
      caption: 'Godkänt av',
      approvals: s.approvals.map((a) => ({
        name: a.name,
        title: a.onBehalfOf ? `${a.title}, ${onBehalfOfLabel(a.onBehalfOf)}` : a.title,
        approvedAt: formatStockholmTime(a.approvedAt),
      })),
    };
  }

  /** A board's decision as the panel lists it: the board, the paragraph, the meeting's day. */
  #decisionPanel(signer: string, boardName: string, decision: DecisionView): SignaturePanelModel {
    return {
      organisation: signer,
      caption: 'Beslutat av',
      approvals: [{ name: boardName, title: decision.paragraph, approvedAt: decision.meetingDate }],
    };
  }

  async #officialReport(document: IssuedDocumentView, making: Making, reader?: Reader): Promise<PreparedDocument> {
    // The meeting as it was when this edition was asked for: moving the statement later issues another.
    const snapshot = (await this.issuance.snapshotOf(document.id, reader)) as { meetingId?: string | null } | undefined;
    const s = await this.frozen.frozen(document.subjectId, document.revision, reader, snapshot?.meetingId);
    if (!s.meetingDate) {
      throw documentModelErrors.meetingMissing();
    }
    const { model, issuer } = await this.#officialReportModel(s, this.#identity(document, making), reader);
    const signer = making.signer ?? issuer.administration;
    const panel = this.#approvalPanel(signer, s);
    const moved = document.edition > 1 ? ` (till sammanträdet ${s.meetingDate})` : '';
    return {
      template: { layout: 'official_report', model: { ...model, signaturePanel: panel } },
      signerName: signer,
      reason: `Tjänsteutlåtande ${s.diaryNumber}, godkänt i alla steg`,
      location: issuer.postalTown,
      contactInfo: issuer.email,
      registration: {
        direction: 'internal',
        kind: 'tjänsteutlåtande',
        title: `Tjänsteutlåtande: ${s.parts.title}${moved}`,
        counterpart: null,
        documentDate: s.parts.documentDate,
        fileName: safeFileName(`Tjänsteutlåtande ${s.diaryNumber.replace('/', '-')} ${s.parts.title}${moved}.pdf`),
      },
      signatories: panel.approvals,
    };
  }

  /**
   * A revision of a tjänsteutlåtande printed as a draft: the real layout with `UTKAST` across
   * every page, unsigned and with no signature panel, whether or not it has been approved.
   */
  async draftOfficialReport(
    statementId: string,
    revision: number,
    producedAt: Date,
    reader?: Reader,
  ): Promise<{ readonly template: DocumentTemplate; readonly fileName: string }> {
    const s = await this.frozen.draft(statementId, revision, reader);
    const identity = {
      documentId: `draft:${statementId}:${revision}`,
      producedAt: pdfMoment(producedAt),
    };
    const { model } = await this.#officialReportModel(s, identity, reader);
    return {
      template: { layout: 'official_report', model: { ...model, draft: true } },
      fileName: safeFileName(`Utkast ${s.diaryNumber.replace('/', '-')} version ${revision} ${s.parts.title}.pdf`),
    };
  }

  async #officialReportModel(
    s: FrozenStatement,
    identity: { readonly documentId: string; readonly producedAt: string },
    reader?: Reader,
  ): Promise<{ readonly model: OfficialReportModel; readonly issuer: Issuer }> {
    const { organisation, issuer } = await this.letterheads.letterhead(
      s.organisationId,
      { name: s.officer.departmentName, email: s.officer.departmentEmail },
      reader,
    );
    return {
      issuer,
      model: {
        pdf: identity,
        issuer,
        diaryNumber: s.diaryNumber,
        date: s.parts.documentDate,
        officer: { name: s.officer.name, phone: s.officer.phone },
        addressee: { board: organisation.name, meetingDate: s.meetingDate },
        title: s.parts.title,
        heading: s.parts.heading,
        parts: this.#printedParts(s),
        words: wordingOf(organisation.kind),
        signatories: s.signatories,
        attachments: s.attachmentTitles,
      },
    };
  }

  async #coveringLetter(document: IssuedDocumentView, making: Making, reader?: Reader): Promise<PreparedDocument> {
    const c = await mustFind(this.consultations.findById(document.subjectId, reader), consultationErrors.notFound);
    const officer = await this.people.findById(c.createdBy, reader);
    const { organisation, issuer } = await this.letterheads.letterhead(c.organisationId, null, reader);
    const sentAt = c.sentAt ? new Date(c.sentAt) : new Date(document.requestedAt);
    const date = localDate(sentAt);
    return {
      template: {
        layout: 'covering_letter',
        model: {
          pdf: this.#identity(document, making),
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
          documents: (await this.consultations.outgoingDocuments(c.id, document.revision, reader)).map((d) => d.title),
        },
      },
      signerName: making.signer ?? issuer.administration,
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

  async #boardStatement(document: IssuedDocumentView, making: Making, reader?: Reader): Promise<PreparedDocument> {
    const d = await this.frozen.decided(document.subjectId, reader);
    const s = d.statement;
    const { organisation, issuer } = await this.letterheads.letterhead(
      s.organisationId,
      { name: s.officer.departmentName, email: s.officer.departmentEmail },
      reader,
    );
    const signer = making.signer ?? issuer.administration;
    // The board's statement is what the board decided: its meeting and paragraph say so, not
    // the administration's approvers of the report it was made from.
    const panel = this.#decisionPanel(signer, d.boardName, d.decision);
    return {
      template: {
        layout: 'board_statement',
        model: {
          pdf: this.#identity(document, making),
          issuer,
          board: d.boardName,
          diaryNumber: s.diaryNumber,
          date: d.decision.confirmationDate,
          addressee: s.senderName ?? '',
          addresseeAddress: s.senderAddress,
          theirReference: s.senderReference,
          title: s.parts.title,
          heading: s.parts.heading,
          decision: {
            meetingDate: d.decision.meetingDate,
            paragraph: d.decision.paragraphNumber,
            text: text(decisionAsAdopted(d.decision)),
          },
          // The board's decision takes the place of the administration's proposal.
          parts: { ...this.#printedParts(s), proposedDecision: [] },
          words: wordingOf(organisation.kind),
          signatories: [],
          attachments: s.attachmentTitles,
          signaturePanel: panel,
        },
      },
      signerName: signer,
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

  async #minutesExtract(document: IssuedDocumentView, making: Making, reader?: Reader): Promise<PreparedDocument> {
    const d = await this.frozen.decided(document.subjectId, reader);
    const s = d.statement;
    const { organisation, issuer } = await this.letterheads.letterhead(s.organisationId, null, reader);
    const signer = making.signer ?? issuer.administration;
    // The extract is the registrar's certified copy of the minutes: the panel says who certified it.
    const panel: SignaturePanelModel = {
      organisation: signer,
      caption: 'Rätt utdraget intygar',
      approvals: [
        {
          name: d.registrar.name,
          title: d.registrar.title,
          approvedAt: formatStockholmTime(d.confirmedAt ?? d.recordedAt),
        },
      ],
    };
    return {
      template: {
        layout: 'minutes_extract',
        model: {
          pdf: this.#identity(document, making),
          issuer,
          board: d.boardName,
          meetingDate: d.decision.meetingDate,
          paragraph: d.decision.paragraphNumber,
          title: s.parts.title,
          diaryNumber: s.diaryNumber,
          decision: text(decisionAsAdopted(d.decision)),
          reservations: d.decision.reservations ? text(d.decision.reservations) : null,
          specialStatements: d.decision.memberStatements ? text(d.decision.memberStatements) : null,
          adjustment: d.decision.confirmedImmediately
            ? { kind: 'immediate' }
            : { kind: 'adjusted', date: d.decision.confirmationDate },
          certifiedBy: d.registrar,
          words: wordingOf(organisation.kind),
          signaturePanel: panel,
        },
      },
      signerName: signer,
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
      signatories: panel.approvals,
    };
  }

  async #declineLetter(document: IssuedDocumentView, making: Making, reader?: Reader): Promise<PreparedDocument> {
    const context = await mustFind(
      this.recipients.contextFor(document.subjectId, reader),
      consultationErrors.recipientNotFound,
    );
    const r = context.recipient;
    if (r.organisationId === null) {
      throw consultationErrors.recipientNotFound(); // an external recipient declines by letter of its own
    }
    const { organisation, issuer } = await this.letterheads.letterhead(r.organisationId, null, reader);
    const own = await this.cases.findById(context.caseId, reader);
    const declinedAt = r.declinedAt ? new Date(r.declinedAt) : new Date(document.requestedAt);
    const date = localDate(declinedAt);
    const signer = making.signer ?? issuer.administration;
    const decided = r.declineDecision;
    if (!decided) {
      throw documentModelErrors.declineDecisionMissing();
    }
    const board = decided.by === 'board' ? await this.frozen.decision(decided.decisionId, reader) : undefined;
    let decision: DeclineDecision;
    let panel: SignaturePanelModel;
    if (board) {
      decision = { by: 'board', meetingDate: board.decision.meetingDate, paragraph: board.decision.paragraphNumber };
      panel = this.#decisionPanel(signer, organisation.name, board.decision);
    } else {
      const name = decided.by === 'administration' ? decided.person.name : '';
      const title = (decided.by === 'administration' ? decided.person.title : null) ?? '';
      decision = { by: 'administration', administration: issuer.administration, name, title, date };
      panel = {
        organisation: signer,
        caption: 'Beslutat av',
        approvals: [{ name, title, approvedAt: formatStockholmTime(declinedAt) }],
      };
    }
    return {
      template: {
        layout: 'decline_letter',
        model: {
          pdf: this.#identity(document, making),
          issuer,
          board: organisation.name,
          diaryNumber: own?.diaryNumber ?? '',
          // Their diary number, or the reference a sender outside the directory gave.
          senderDiaryNumber: context.senderReference ?? '',
          date,
          addressee: context.senderName,
          remissTitle: context.consultationTitle,
          reason: text(r.declineReason ?? ''),
          decision,
          words: wordingOf(organisation.kind),
          signatories:
            decision.by === 'administration'
              ? [{ name: decision.name, title: decision.title, organisation: issuer.administration }]
              : [],
          signaturePanel: panel,
        },
      },
      signerName: signer,
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
      signatories: panel.approvals,
    };
  }

  async #compilation(document: IssuedDocumentView, making: Making, reader?: Reader): Promise<PreparedDocument> {
    // As it stood when asked for; a request from before snapshots were kept is compiled now.
    const c =
      ((await this.issuance.snapshotOf(document.id, reader)) as Compilation | undefined) ??
      (await this.compilations.compile(system, document.subjectId));
    const consultation = await mustFind(
      this.consultations.findById(document.subjectId, reader),
      consultationErrors.notFound,
    );
    const { issuer } = await this.letterheads.letterhead(consultation.organisationId, null, reader);
    // Dated the day it was asked for: it compiles the answers as they stood then.
    const date = localDate(new Date(document.requestedAt));
    const answersBySection = c.sections.map((x) => new Map(x.answers.map((a) => [a.recipientId, a])));
    const printed = (a: { position: Position | null; comment: string }): CompiledPosition => ({
      position: a.position ? PRINTED_POSITION[a.position] : null,
      comment: a.comment ? text(a.comment) : null,
    });
    return {
      template: {
        layout: 'compilation',
        model: {
          pdf: this.#identity(document, making),
          issuer,
          remissTitle: c.title,
          diaryNumber: c.senderDiaryNumber,
          date,
          responseDeadline: c.responseDeadline,
          sections: c.sections.map((x) => ({ title: x.title })),
          // The same answers as the JSON: the position on the whole remiss, and a section only
          // where the answer takes it up.
          responses: c.overall.map((o) => ({
            recipient: o.name,
            overall: printed(o),
            sections: answersBySection.map((answers) => {
              const a = answers.get(o.recipientId);
              return a ? printed(a) : null;
            }),
          })),
          declined: c.declined.map((x) => ({ recipient: x.name, reason: x.reason })),
          notAnswered: c.notAnswered.map((x) => x.name),
        },
      },
      signerName: making.signer ?? issuer.administration,
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
