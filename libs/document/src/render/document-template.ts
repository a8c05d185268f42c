import type { RenderedPdf } from '@app/pdf';

import type {
  BoardStatementModel,
  CompilationModel,
  CoveringLetterModel,
  DeclineLetterModel,
  MinutesExtractModel,
  OfficialReportModel,
} from './models.js';
import { renderBoardStatement } from './render-board-statement.js';
import { renderCompilation } from './render-compilation.js';
import { renderCoveringLetter } from './render-covering-letter.js';
import { renderDeclineLetter } from './render-decline-letter.js';
import { renderMinutesExtract } from './render-minutes-extract.js';
import { renderOfficialReport } from './render-official-report.js';

/**
 * A document to draw: which layout and its model, as plain data. Being data rather than a
 * closure, it can be handed to a render thread (structured clone) as well as drawn in place.
 */
export type DocumentTemplate =
  | { readonly layout: 'official_report'; readonly model: OfficialReportModel }
  | { readonly layout: 'covering_letter'; readonly model: CoveringLetterModel }
  | { readonly layout: 'board_statement'; readonly model: BoardStatementModel }
  | { readonly layout: 'minutes_extract'; readonly model: MinutesExtractModel }
  | { readonly layout: 'decline_letter'; readonly model: DeclineLetterModel }
  | { readonly layout: 'compilation'; readonly model: CompilationModel };

export function renderTemplate(template: DocumentTemplate): RenderedPdf {
  switch (template.layout) {
    case 'official_report':
      return renderOfficialReport(template.model);
    case 'covering_letter':
      return renderCoveringLetter(template.model);
    case 'board_statement':
      return renderBoardStatement(template.model);
    case 'minutes_extract':
      return renderMinutesExtract(template.model);
    case 'decline_letter':
      return renderDeclineLetter(template.model);
    case 'compilation':
      return renderCompilation(template.model);
  }
}
