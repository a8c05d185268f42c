export { formatStockholmTime } from './model-checks.js';
export type * from './models.js';
export { renderBoardStatement } from './render-board-statement.js';
export { renderCompilation } from './render-compilation.js';
export { renderCoveringLetter } from './render-covering-letter.js';
export { renderDeclineLetter } from './render-decline-letter.js';
export { renderMinutesExtract } from './render-minutes-extract.js';
export { renderOfficialReport } from './render-official-report.js';
export { type DocumentTemplate, renderTemplate } from './document-template.js';
