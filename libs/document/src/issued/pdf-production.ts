import {
  addSignaturePlaceholder,
  createHttpTimestamper,
  finishPdf,
  sha256,
  signatureSha256,
  type SigningIdentity,
  signPdf,
} from '@app/pdf';

import { type DocumentTemplate, renderTemplate } from '../render/document-template.js';

/** Everything the CPU-bound part of issuing a document needs, as plain data. */
export interface PdfProduction {
  readonly template: DocumentTemplate;
  readonly signature: {
    readonly signerName: string;
    readonly reason: string;
    readonly location: string;
    readonly contactInfo: string;
    readonly signingTime: Date;
  };
  readonly tsaUrl?: string;
}

export interface ProducedPdf {
  readonly pdf: Buffer;
  readonly unsigned: Buffer;
  readonly sha256: string;
  readonly signatureSha256: string | null;
}

/** Renders a document, lays a signature field over its signature panel, and signs it. */
export async function produceSignedPdf(production: PdfProduction, identity: SigningIdentity): Promise<ProducedPdf> {
  const rendered = renderTemplate(production.template);
  addSignaturePlaceholder(rendered.doc, {
    ...production.signature,
    ...(rendered.signaturePanel
      ? { widget: { page: rendered.signaturePanel.page, rect: rendered.signaturePanel.rect } }
      : {}),
  });
  const unsigned = await finishPdf(rendered.doc);
  const pdf = await signPdf(
    unsigned,
    identity,
    production.tsaUrl ? { timestamper: createHttpTimestamper(production.tsaUrl) } : {},
  );
  return { pdf, unsigned, sha256: sha256(pdf), signatureSha256: signatureSha256(pdf) ?? null };
}

/** Renders a document without a signature field: the same template always gives the same bytes. */
export function produceUnsignedPdf(template: DocumentTemplate): Promise<Buffer> {
  return finishPdf(renderTemplate(template).doc);
}
