import { IssuedDocumentEntity } from './issued-document.entity.js';

/** The tables this library owns, for the schema registry only. */
export const ISSUANCE_ENTITIES = [IssuedDocumentEntity];
