// Layout: text flow, line breaking, pagination, tables, tagging and fonts.
export { finishPdf } from './render/finish-pdf.js';
export { FlowBuilder, spanPieces } from './render/flow-builder.js';
export type { Column, FlowTypography, ListItem, TextOptions } from './render/flow-builder.js';
export { assertPrintable, documentFonts, printable, unprintableCharacters } from './render/fonts.js';
export type { FontFace } from './render/fonts.js';
export type { Box, Placement } from './render/layout-box.js';
export type { Line, Piece } from './render/line-breaker.js';
export { paginate } from './render/paginator.js';
export type { BodyArea, PageFrame } from './render/paginator.js';
export { createPdfDocument } from './render/pdf-document.js';
export type { DocumentMetadata, PdfIdentity } from './render/pdf-document.js';
export type { RenderedPdf, SignaturePanelPlacement } from './render/rendered-pdf.js';
export { asArtifact, StructNode } from './render/struct-node.js';
export type { StructParent } from './render/struct-node.js';
export { addTable } from './render/table.js';
export { textErrors } from './render/text-errors.js';
export type { UnprintableText } from './render/text-errors.js';
export type { TableColumn, TableStyles } from './render/table.js';
export { drawLine, measureWith, plainLines } from './render/text-drawing.js';
export type { TextStyle } from './render/text-style.js';

// Signing: placeholders, CMS and PAdES signatures, time stamps, certificates, inspection.
export { generateDevelopmentCertificate } from './signing/development-certificate.js';
export type { DevelopmentCertificate, DevelopmentCertificateInput } from './signing/development-certificate.js';
export { createHttpTimestamper } from './signing/http-timestamper.js';
export type { HttpTimestamperOptions } from './signing/http-timestamper.js';
export { PadesSigner, signPdf } from './signing/pades-signer.js';
export type { PadesSignOptions } from './signing/pades-signer.js';
export { sha256, signatureSha256, signatureSha256s } from './signing/pdf-signature.js';
export { inspectPdfSignature } from './signing/signature-inspection.js';
export type {
  InspectedSignature,
  MalformedSignature,
  MalformedSignatureProblem,
  NoSignature,
  SignatureInspection,
  SignerCertificate,
  SigningCertificateCheck,
} from './signing/signature-inspection.js';
export { addSignaturePlaceholder, pdfRectFromTopLeft, SIGNATURE_LENGTH } from './signing/signature-placeholder.js';
export type { PdfRect, SignaturePlaceholderOptions } from './signing/signature-placeholder.js';
export { SigningError, signingErrors } from './signing/signing-errors.js';
export type { SigningErrorCode } from './signing/signing-errors.js';
export { loadSigningIdentity, SigningIdentity } from './signing/signing-identity.js';
export type { SigningIdentitySummary } from './signing/signing-identity.js';
export type { Timestamper } from './signing/timestamper.js';
