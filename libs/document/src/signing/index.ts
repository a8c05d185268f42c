export { generateDevelopmentCertificate } from './development-certificate.js';
export type { DevelopmentCertificate, DevelopmentCertificateInput } from './development-certificate.js';
export { createHttpTimestamper } from './http-timestamper.js';
export type { HttpTimestamperOptions } from './http-timestamper.js';
export { PadesSigner, signPdf } from './pades-signer.js';
export type { PadesSignOptions } from './pades-signer.js';
export { inspectPdfSignature } from './signature-inspection.js';
export type {
  InspectedSignature,
  MalformedSignature,
  MalformedSignatureProblem,
  NoSignature,
  SignatureInspection,
  SignerCertificate,
  SigningCertificateCheck,
} from './signature-inspection.js';
export { addSignaturePlaceholder, pdfRectFromTopLeft, SIGNATURE_LENGTH } from './signature-placeholder.js';
export type { PdfRect, SignaturePlaceholderOptions } from './signature-placeholder.js';
export { SigningError, signingErrors } from './signing-errors.js';
export type { SigningErrorCode } from './signing-errors.js';
export { loadSigningIdentity, SigningIdentity } from './signing-identity.js';
export type { SigningIdentitySummary } from './signing-identity.js';
export type { Timestamper } from './timestamper.js';
