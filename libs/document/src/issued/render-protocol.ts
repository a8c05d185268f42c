import { DomainError, ErrorKind, NotFoundError } from '@app/platform';
import type { KeyObject } from 'node:crypto';

import type { DocumentTemplate } from '../render/document-template.js';
import type { PdfProduction, ProducedPdf } from './pdf-production.js';

/** The signing identity's parts; KeyObject crosses to the thread as a cloned handle, never as bytes in a job. */
export interface IdentityParts {
  readonly fingerprintSha256: string;
  readonly certificateDer: Uint8Array;
  readonly chainDer: readonly Uint8Array[];
  readonly privateKey: KeyObject;
}

/** What a render thread is given: a production to sign with an identity, or a template to draw unsigned. */
export type RenderWork =
  | { readonly kind: 'signed'; readonly production: PdfProduction; readonly identity: IdentityParts }
  | { readonly kind: 'unsigned'; readonly template: DocumentTemplate };

export type RenderRequest = { readonly id: number } & RenderWork;

export interface SerialisedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly domain?: {
    readonly code: string;
    readonly kind: ErrorKind;
    readonly detail: string;
    readonly extensions: Readonly<Record<string, unknown>>;
  };
}

/** What a thread posts once, first, when it has loaded the renderer and parsed the fonts. */
export const THREAD_READY = 'ready';

export type RenderReply =
  | ({ readonly id: number; readonly ok: true } & ProducedPdf)
  | { readonly id: number; readonly ok: false; readonly error: SerialisedError };

/**
 * Keeps what the job needs to judge a failure (lasting or passing) across the thread boundary: a
 * domain error, with its kind and code, stays one; anything else comes back as a plain error.
 */
export function serialiseError(error: unknown): SerialisedError {
  if (error instanceof DomainError) {
    const domainError = error as DomainError<string>;
    return {
      name: error.name,
      message: error.message,
      ...(error.stack ? { stack: error.stack } : {}),
      domain: {
        code: domainError.code,
        kind: domainError.kind,
        detail: domainError.detail,
        extensions: { ...domainError.extensions },
      },
    };
  }
  if (error instanceof Error) {
    return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

export function restoreError(error: SerialisedError): Error {
  let restored: Error;
  if (error.domain?.kind === ErrorKind.NotFound) {
    restored = new NotFoundError(error.domain.code, error.domain.detail, error.domain.extensions);
  } else if (error.domain) {
    restored = new DomainError(error.domain.code, error.domain.kind, error.domain.detail, error.domain.extensions);
  } else {
    restored = new Error(error.message);
  }
  if (error.stack) {
    restored.stack = error.stack;
  }
  return restored;
}
