import { toPlainText, parseMarkup } from '@app/markup';

import type { ConsultationView } from '../consultation.views.js';

/** How the remissunderlag reaches the recipient: attached, or behind a download link. */
export type Delivery =
  | { readonly kind: 'attached'; readonly documents: readonly { title: string; fileName: string }[] }
  | { readonly kind: 'link'; readonly url: string; readonly until: string };

export interface LetterTextInput {
  readonly recipientName: string;
  readonly responseDeadline: string;
  readonly view: ConsultationView;
  readonly senderName: string;
  readonly registry: string;
  readonly officer: { name: string; title: string | null; phone: string | null; email: string } | undefined;
  readonly administrationName: string | null;
  readonly delivery: Delivery;
  /** The masked titles of secret-marked files, never attached. */
  readonly withheld: readonly string[];
}

/**
 * The letter to an external recipient, in Swedish: the remiss, what to answer, the remissunderlag
 * (attached or to download), and the secret-marked files it withholds under OSL.
 */
export function letterText(input: LetterTextInput): string {
  const { view, registry, senderName, officer, delivery, withheld } = input;
  return [
    `Till ${input.recipientName}`,
    '',
    `${senderName} skickar ${view.title} på remiss (${view.senderDiaryNumber}).`,
    '',
    toPlainText(parseMarkup(view.description)),
    '',
    ...(view.sections.length
      ? [
          'Vi vill särskilt ha era synpunkter på:',
          ...view.sections.map((s) => `${s.position}. ${s.title}${s.description ? ` – ${s.description}` : ''}`),
          '',
        ]
      : []),
    `Svar senast ${input.responseDeadline}.`,
    `Skicka svaret till ${registry} och ange diarienummer ${view.senderDiaryNumber} i ämnesraden.`,
    '',
    ...(delivery.kind === 'attached'
      ? delivery.documents.length
        ? ['Remissunderlag (bifogat):', ...delivery.documents.map((d) => `– ${d.title} (${d.fileName})`), '']
        : []
      : [
          'Missivet och remissunderlaget är för stora för att skickas med e-post. Hämta dem här, utan inloggning:',
          delivery.url,
          `Länken är personlig för er och gäller till och med ${delivery.until}.`,
          '',
        ]),
    ...(withheld.length
      ? [
          'Sekretessmarkerade handlingar (bifogas inte):',
          ...withheld.map((title) => `– ${title}`),
          `De är sekretessmarkerade enligt offentlighets- och sekretesslagen (OSL) och skickas därför inte med. Vill ni ta del av dem, begär det hos ${senderName}${registry ? ` via ${registry}` : ''} och ange diarienummer ${view.senderDiaryNumber}. Vi prövar då om handlingarna kan lämnas ut.`,
          '',
        ]
      : []),
    'Med vänlig hälsning',
    officer?.name ?? '',
    [officer?.title, input.administrationName ?? senderName].filter(Boolean).join(', '),
    [officer?.phone, officer?.email].filter(Boolean).join(' · '),
  ].join('\n');
}
