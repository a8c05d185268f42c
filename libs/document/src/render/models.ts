import type { RichText } from '@app/markup';
import type { PdfIdentity } from '@app/pdf';

/**
 * The plain models the renderers take. Every field is data the caller already holds (a
 * statement revision, a board decision, a compilation); nothing is looked up while rendering.
 *
 * Dates are `YYYY-MM-DD` strings and are printed exactly so, as the city's documents do. Text
 * fields that the case officer writes are `RichText` (parsed statement markup); names, titles
 * and other one-line fields are plain strings.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** The municipality and administration a document comes from: letterhead and page-1 footer. */
export interface Issuer {
  /** Top left on page 1: the municipality (`Stockholms stad`), or a company its own name. */
  readonly municipality: string;
  /** The administration (förvaltning) or office: `Hägersten-Älvsjö stadsdelsförvaltning`. */
  readonly administration: string;
  /** The department (avdelning), when the document comes from one. */
  readonly department?: string | null;
  readonly streetAddress: string;
  readonly postalCode: string;
  readonly postalTown: string;
  /** The e-mail address printed in the footer. */
  readonly email: string;
  /** The web address printed in the footer: `start.stockholm`. */
  readonly website: string;
}

/**
 * How the deciding body speaks of itself, its office and its meetings (all lower case): a nämnd
 * (`nämndens`, `förvaltningens`, `sammanträde`) or a company's board (`styrelsens`, `bolagets`,
 * `styrelsemöte`). Left out, a document speaks as a nämnd.
 */
export interface BodyWords {
  readonly bodyGenitive: string;
  readonly officeGenitive: string;
  readonly meeting: string;
}

/** A person who signs a document, printed as name over title over organisation. */
export interface Signatory {
  readonly name: string;
  /** In lower case as the city prints it: `stadsdelsdirektör`. */
  readonly title: string;
  readonly organisation: string;
  /** A substitute (ersättare) signs for someone: printed `för Lee Orberson, stadsdelsdirektör` under the title. */
  readonly onBehalfOf?: PersonTitled | null;
}

/** A person as a signature names them. */
export interface PersonTitled {
  readonly name: string;
  readonly title: string;
}

/** One entry of the visible signature panel: who approved or decided, and when. */
export interface Approval {
  /** A person, or a board: `Hägersten-Älvsjö stadsdelsnämnd`. */
  readonly name: string;
  /** A person's title, or a board decision's paragraph: `§ 12`. */
  readonly title: string;
  /**
   * Swedish local time of an approval, `YYYY-MM-DD HH:MM` (see `formatStockholmTime`), or the
   * day of a board's meeting, `YYYY-MM-DD`.
   */
  readonly approvedAt: string;
}

/**
 * The visible signature panel: in whose name the PDF is signed (as its certificate says), and
 * who approved or decided what it records.
 */
export interface SignaturePanelModel {
  /** The signing certificate's name: `Hägersten-Älvsjö stadsdelsförvaltning`. */
  readonly organisation: string;
  /** What the entries did, printed before each: `Godkänt av`, `Beslutat av`, `Rätt utdraget intygar`. */
  readonly caption?: string | null;
  readonly approvals: readonly Approval[];
}

/** The consulted body's position on one section of a remiss. */
export type SectionPosition = 'endorse' | 'endorse_in_part' | 'oppose' | 'no_objection';

/** The statement's view on one section of the remiss. */
export interface SectionView {
  /** The section's title as the remiss names it: `Kunskap och information`. */
  readonly title: string;
  readonly position?: SectionPosition | null;
  readonly comment?: RichText | null;
}

/**
 * The structured parts of a statement (tjänsteutlåtande), printed in this order under their
 * Swedish headings. An empty part is left out.
 */
export interface StatementParts {
  /** Förvaltningens förslag till beslut: one or more decision points, numbered when more than one. */
  readonly proposedDecision: readonly RichText[];
  /** Sammanfattning. */
  readonly summary: RichText;
  /** Bakgrund. */
  readonly background: RichText;
  /** Ärendet. */
  readonly matter: RichText;
  /** Ärendets beredning. */
  readonly preparation: RichText;
  /** Förvaltningens synpunkter och förslag. */
  readonly views: RichText;
  /** Synpunkter på remissens delar; only sections with a position or a comment are printed. */
  readonly sectionViews?: readonly SectionView[];
}

/** A tjänsteutlåtande: the administration's report and proposal to its board. */
export interface OfficialReportModel {
  readonly pdf: PdfIdentity;
  readonly issuer: Issuer;
  /** `HÄ 2025/578`. */
  readonly diaryNumber: string;
  readonly date: IsoDate;
  /** The case officer (handläggare). */
  readonly officer: { readonly name: string; readonly phone: string };
  /**
   * The board the report is put before, and its meeting: part of what was approved. A draft may
   * not have a meeting yet.
   */
  readonly addressee: { readonly board: string; readonly meetingDate: IsoDate | null };
  /** The matter's title, printed large: `Handlingsplan för romsk inkludering`. */
  readonly title: string;
  /** The heading under the title: `Yttrande till kommunstyrelsen`. */
  readonly heading: string;
  readonly parts: StatementParts;
  /** The signature block, in print order (the last approver first). */
  readonly signatories: readonly Signatory[];
  /** Bilagor: attachment titles. */
  readonly attachments: readonly string[];
  /** The visible signature panel; without it no panel is drawn and none is returned. */
  readonly signaturePanel?: SignaturePanelModel | null;
  /** The body's own words for itself; a nämnd's when left out. */
  readonly words?: BodyWords;
  /** A preview of a text not yet approved: `UTKAST` across every page, and no signature panel. */
  readonly draft?: boolean;
}

/** One section of a remiss that the recipients are asked to comment on. */
export interface RemissSection {
  readonly title: string;
  readonly description: RichText;
}

/** A missiv: the covering letter sent out with a remiss. */
export interface CoveringLetterModel {
  readonly pdf: PdfIdentity;
  /** The sending office, e.g. Stadsledningskontoret, with its address. */
  readonly issuer: Issuer;
  /** The body in whose name the remiss is sent: `Kommunstyrelsen`. */
  readonly senderOrganisation: string;
  readonly diaryNumber: string;
  readonly date: IsoDate;
  /** One addressee, or the list of remissinstanser (a long list is printed as a sändlista). */
  readonly addressees: readonly string[];
  /** The remiss title; printed as `Remiss av <title>`. */
  readonly remissTitle: string;
  readonly body: RichText;
  readonly sections: readonly RemissSection[];
  readonly responseDeadline: IsoDate;
  /** The registry address the answers go to. */
  readonly registryEmail: string;
  readonly contact: {
    readonly name: string;
    readonly title?: string | null;
    readonly phone?: string | null;
    readonly email?: string | null;
  };
  /** Remissunderlag: the documents sent with the remiss. */
  readonly documents: readonly string[];
  readonly signatories?: readonly Signatory[];
}

/** A yttrande: the board's statement, sent to the sender of the remiss. */
export interface BoardStatementModel {
  readonly pdf: PdfIdentity;
  /** The board's administration (address and footer). */
  readonly issuer: Issuer;
  /** The board that adopted the statement: `Hägersten-Älvsjö stadsdelsnämnd`. */
  readonly board: string;
  readonly diaryNumber: string;
  readonly date: IsoDate;
  /** Who the statement is sent to: `Kommunstyrelsen`. */
  readonly addressee: string;
  /** The addressee's postal address lines, for a sender outside the municipality. */
  readonly addresseeAddress?: readonly string[];
  /** The sender's reference (`Ku2025/01234`, `KS 2026/1`), printed "Er referens"; ours is the diary number. */
  readonly theirReference?: string | null;
  readonly title: string;
  readonly heading?: string | null;
  /** The board's decision: meeting, paragraph number (12 prints `§ 12`) and the decision as adopted. */
  readonly decision: { readonly meetingDate: IsoDate; readonly paragraph: number; readonly text: RichText };
  readonly parts: StatementParts;
  readonly signatories: readonly Signatory[];
  readonly attachments?: readonly string[];
  readonly signaturePanel?: SignaturePanelModel | null;
  /** The body's own words for itself; a nämnd's when left out. */
  readonly words?: BodyWords;
}

/** How the minutes were confirmed (justering). */
export type MinutesAdjustment = { readonly kind: 'adjusted'; readonly date: IsoDate } | { readonly kind: 'immediate' };

/** A protokollsutdrag: the board's recorded decision on one matter. */
export interface MinutesExtractModel {
  readonly pdf: PdfIdentity;
  readonly issuer: Issuer;
  readonly board: string;
  readonly meetingDate: IsoDate;
  /** The paragraph number in the minutes, printed as `§ <n>`. */
  readonly paragraph: number;
  readonly title: string;
  readonly diaryNumber: string;
  readonly decision: RichText;
  readonly reservations?: RichText | null;
  readonly specialStatements?: RichText | null;
  readonly adjustment: MinutesAdjustment;
  /** Rätt utdraget intygar: the registrar who certifies the extract. */
  readonly certifiedBy: { readonly name: string; readonly title: string };
  readonly signaturePanel?: SignaturePanelModel | null;
  /** The body's own words for itself; a nämnd's when left out. */
  readonly words?: BodyWords;
}

/**
 * Who decided that the board declines: its administration on its behalf (delegation), with the
 * person who decided; or the board itself at a meeting.
 */
export type DeclineDecision =
  | {
      readonly by: 'administration';
      /** `Hägersten-Älvsjö stadsdelsförvaltning`. */
      readonly administration: string;
      readonly name: string;
      readonly title: string;
      readonly date: IsoDate;
    }
  | { readonly by: 'board'; readonly meetingDate: IsoDate; readonly paragraph: number };

/** An avstående: the board's short letter declining to answer a remiss. */
export interface DeclineLetterModel {
  readonly pdf: PdfIdentity;
  readonly issuer: Issuer;
  readonly board: string;
  readonly diaryNumber: string;
  readonly senderDiaryNumber: string;
  readonly date: IsoDate;
  /** Who the letter goes to: `Kommunstyrelsen`. */
  readonly addressee: string;
  readonly remissTitle: string;
  readonly reason: RichText;
  readonly decision: DeclineDecision;
  readonly signatories: readonly Signatory[];
  readonly signaturePanel?: SignaturePanelModel | null;
  /** The body's own words for itself; a nämnd's when left out. */
  readonly words?: BodyWords;
}

/** A position and comment, on the whole remiss or on one section. */
export interface CompiledPosition {
  readonly position?: SectionPosition | null;
  readonly comment?: RichText | null;
}

/** One recipient's answer in a compilation. */
export interface CompilationResponse {
  readonly recipient: string;
  /** The recipient's own diary number, when known. */
  readonly diaryNumber?: string | null;
  /** The position on the remiss as a whole, and its comment. */
  readonly overall: CompiledPosition;
  /**
   * One entry per remiss section, in the order of `CompilationModel.sections`: null where the
   * answer takes up no position or comment on that section.
   */
  readonly sections: readonly (CompiledPosition | null)[];
}

/** A remissammanställning: all answers to a remiss, for the sender. */
export interface CompilationModel {
  readonly pdf: PdfIdentity;
  /** The sending office. */
  readonly issuer: Issuer;
  readonly remissTitle: string;
  /** The sender's diary number. */
  readonly diaryNumber: string;
  readonly date: IsoDate;
  readonly responseDeadline: IsoDate;
  readonly sections: readonly { readonly title: string }[];
  readonly responses: readonly CompilationResponse[];
  readonly declined: readonly { readonly recipient: string; readonly reason?: string | null }[];
  readonly notAnswered: readonly string[];
}
