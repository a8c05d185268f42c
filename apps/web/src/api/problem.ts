import type { components } from './openapi';

type ProblemBody = components['schemas']['ProblemResponse'];

/**
 * An error answer of the API (application/problem+json), or a failure to reach it. The Swedish
 * `detail` is what the person reads; `fieldErrors` places per-field problems next to their field.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<ProblemBody>,
    /** Seconds until a new attempt may succeed (Retry-After), when the API says so. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  /** The one field a domain rule concerns, when the answer names it (`field`: `documentDate`). */
  get problemField(): string | undefined {
    const field = (this.problem as { field?: unknown }).field;
    return typeof field === 'string' ? field : undefined;
  }

  /** The problems of each named field: `parts.summary` → ['får inte vara tom']. */
  get fieldErrors(): ReadonlyMap<string, readonly string[]> {
    return new Map((this.problem.errors ?? []).map((e) => [e.field, e.problems]));
  }
}

/** Turns an openapi-fetch result into its data, or throws the API's problem. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<Exclude<T, undefined>> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(0, { detail: '' });
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiError(
      response.status,
      typeof error === 'object' && error !== null ? error : {},
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
  return data as Exclude<T, undefined>;
}
