import type { RichText } from '@app/markup';
import { addTable, type FlowBuilder, type RenderedPdf, spanPieces, type TableColumn } from '@app/pdf';

import { beginCityDocument, completeCityDocument } from './city-document.js';
import { BODY_COLUMN, STYLES, TABLE_STYLES } from './city-styles.js';
import { checkDate } from './model-checks.js';
import type { CompilationModel, CompilationResponse, CompiledPosition } from './models.js';
import { hasText } from './statement-parts.js';
import { POSITIONS, capitalised, positionLabel } from './swedish.js';

const DOCUMENT_TYPE = 'Remissammanställning';
const LABEL_COLUMN_WIDTH = 150;

/**
 * Renders a remissammanställning for the sender: the counts per position on the whole remiss and
 * on each section, then every answering recipient's position and comment on the whole remiss,
 * then per remiss section the recipients who took a position on it or commented it, then who
 * declined (with their reasons) and who has not answered. Built for hundreds of recipients over
 * many pages.
 */
export function renderCompilation(model: CompilationModel): RenderedPdf {
  const deadline = checkDate(model.responseDeadline, 'responseDeadline');
  const issuer = model.issuer;
  const document = beginCityDocument(
    {
      identity: model.pdf,
      title: `${DOCUMENT_TYPE}: ${model.remissTitle}`,
      author: issuer.administration,
      subject: `${DOCUMENT_TYPE} ${model.diaryNumber}`,
      keywords: [model.diaryNumber, DOCUMENT_TYPE, model.remissTitle],
    },
    {
      municipality: issuer.municipality,
      senderLines: [issuer.administration, ...(issuer.department ? [issuer.department] : [])],
      documentType: DOCUMENT_TYPE,
      diaryNumber: model.diaryNumber,
      date: model.date,
      right: { label: 'Svar senast', lines: [deadline] },
      issuer,
    },
  );
  const { doc, flow } = document;
  const total = model.responses.length + model.declined.length + model.notAnswered.length;
  flow.heading(model.remissTitle, 'H1', { style: STYLES.title, spaceBefore: 0 });
  flow.text('Sammanställning av remissvar', { style: STYLES.subtitle, spaceBefore: 6 });
  flow.text(
    `Remissen sändes till ${total} remissinstanser med svar senast ${deadline}. ` +
      `${model.responses.length} har svarat, ${model.declined.length} har avstått och ` +
      `${model.notAnswered.length} har inte svarat.`,
    { spaceBefore: 12 },
  );

  flow.heading('Ställningstaganden', 'H2');
  // Positions down, the whole remiss and each section across: position names never need
  // breaking, section titles break between words.
  const parts: { readonly title: string; readonly of: (r: CompilationResponse) => CompiledPosition | null }[] = [
    { title: 'Hela remissen', of: (r) => r.overall },
    ...model.sections.map((section, s) => ({
      title: section.title,
      of: (r: CompilationResponse) => r.sections[s] ?? null,
    })),
  ];
  const partWidth = (BODY_COLUMN.width - LABEL_COLUMN_WIDTH) / parts.length;
  const columns: TableColumn[] = [
    { header: 'Ställningstagande', width: LABEL_COLUMN_WIDTH, align: 'left' },
    ...parts.map((part) => ({ header: part.title, width: partWidth, align: 'right' as const })),
  ];
  const count = (test: (answer: CompiledPosition | null) => boolean): string[] =>
    parts.map((part) => String(model.responses.filter((r) => test(part.of(r))).length));
  const rows = [
    ...POSITIONS.map((p) => [capitalised(positionLabel(p)), ...count((a) => a?.position === p)]),
    ['Kommentar utan ställningstagande', ...count((a) => a !== null && !a.position)],
    ['Svarat, men inte om delen', ...count((a) => a === null)],
    ['Avstår', ...parts.map(() => String(model.declined.length))],
    ['Ej svarat', ...parts.map(() => String(model.notAnswered.length))],
  ];
  addTable(doc, flow, columns, rows, 8, TABLE_STYLES);

  flow.heading('Hela remissen', 'H2', { spaceBefore: 20 });
  if (model.responses.length === 0) {
    flow.text('Ingen remissinstans har svarat än.');
  }
  model.responses.forEach((response, r) => {
    addResponse(flow, response, response.overall, r === 0);
  });
  model.sections.forEach((section, s) => {
    flow.heading(section.title, 'H2', { spaceBefore: 20 });
    const answering = model.responses.flatMap((response) => {
      const answer = response.sections[s];
      return answer ? [{ response, answer }] : [];
    });
    if (answering.length === 0) {
      flow.text('Ingen remissinstans har tagit ställning till eller kommenterat denna del.');
    }
    answering.forEach(({ response, answer }, r) => {
      addResponse(flow, response, answer, r === 0);
    });
  });

  if (model.declined.length > 0) {
    flow.heading('Remissinstanser som avstått', 'H2', { spaceBefore: 20 });
    flow.list(
      model.declined.map((d) => ({
        label: '•',
        content: [
          {
            kind: 'paragraph',
            spans: d.reason?.trim()
              ? [{ text: `${d.recipient}: ` }, { text: d.reason.trim(), emphasis: true }]
              : [{ text: d.recipient }],
          },
        ],
      })),
    );
  }
  if (model.notAnswered.length > 0) {
    flow.heading('Remissinstanser som inte svarat', 'H2', { spaceBefore: 20 });
    flow.list(model.notAnswered.map((n) => ({ label: '•', content: [{ kind: 'paragraph', spans: [{ text: n }] }] })));
  }
  return completeCityDocument(document, { placement: null });
}

/** One recipient on the whole remiss or one section: name (and diary number), then position and comment. */
function addResponse(flow: FlowBuilder, response: CompilationResponse, answer: CompiledPosition, first: boolean): void {
  const name = response.diaryNumber ? `${response.recipient} (dnr ${response.diaryNumber})` : response.recipient;
  flow.heading(name, 'H3', { spaceBefore: first ? 6 : 10 });
  const position = answer.position ? `${capitalised(positionLabel(answer.position))}.` : 'Inget ställningstagande.';
  const comment: RichText = hasText(answer.comment) ? answer.comment : [];
  const [head, ...rest] = comment;
  const style = STYLES.body;
  if (head?.kind === 'paragraph') {
    // The position leads the first paragraph of the comment, to keep hundreds of answers compact.
    flow.paragraph([{ text: `${position} `, face: 'italic' }, ...spanPieces(head.spans, style)]);
    if (rest.length > 0) {
      flow.richText(rest, { spaceBefore: 4 });
    }
  } else {
    flow.paragraph([{ text: position, face: 'italic' }]);
    if (comment.length > 0) {
      flow.richText(comment, { spaceBefore: 4 });
    }
  }
}
