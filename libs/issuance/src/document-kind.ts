/** The documents the system issues as signed PDFs. */
export enum DocumentKind {
  /** Tjänsteutlåtande, on final approval. */
  OfficialReport = 'official_report',
  /** Missiv, when a remiss is sent. */
  CoveringLetter = 'covering_letter',
  /** Yttrande, when the minutes of an adopting decision are confirmed. */
  BoardStatement = 'board_statement',
  /** Protokollsutdrag, with the board statement. */
  MinutesExtract = 'minutes_extract',
  /** Avstående, when a recipient declines. */
  DeclineLetter = 'decline_letter',
  /** Remissammanställning, on request. */
  Compilation = 'compilation',
}

export const DOCUMENT_KIND_LABEL: Readonly<Record<DocumentKind, string>> = {
  [DocumentKind.OfficialReport]: 'Tjänsteutlåtande',
  [DocumentKind.CoveringLetter]: 'Missiv',
  [DocumentKind.BoardStatement]: 'Yttrande',
  [DocumentKind.MinutesExtract]: 'Protokollsutdrag',
  [DocumentKind.DeclineLetter]: 'Avstående',
  [DocumentKind.Compilation]: 'Remissammanställning',
};

export enum IssueStatus {
  Queued = 'queued',
  Rendering = 'rendering',
  Signed = 'signed',
  Failed = 'failed',
}
