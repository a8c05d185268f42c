import { SigningCertificateEntity } from './certificates/signing-certificate.entity.js';

/** The tables this library owns, for the schema registry only. */
export const DOCUMENT_ENTITIES = [SigningCertificateEntity];
