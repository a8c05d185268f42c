/** A problem+json answer from the API, kept whole so the demo can say exactly what went wrong. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly problem: { code?: string; detail?: string; title?: string } | string,
  ) {
    super(
      `${method} ${path} → ${status}: ${
        typeof problem === 'string' ? problem : (problem.detail ?? problem.title ?? problem.code ?? '')
      }`,
    );
  }

  get code(): string | undefined {
    return typeof this.problem === 'string' ? undefined : this.problem.code;
  }
}

export interface RequestOptions {
  readonly json?: unknown;
  readonly form?: FormData;
  readonly query?: Readonly<Record<string, string>>;
}

/**
 * Talks to the running system over HTTP as one logged-in person at a time (the demo plays every
 * role, so it keeps one token per e-mail address).
 */
export class ApiClient {
  readonly #tokens = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly password: string,
  ) {}

  /** Waits until the system answers its health check. */
  async waitUntilUp(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const response = await fetch(new URL('/health', this.baseUrl));
        if (response.ok) {
          return;
        }
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new Error(`Remiss svarar inte på ${this.baseUrl}/health. Starta systemet med npm start och försök igen.`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  as(email: string): PersonSession {
    return new PersonSession(this, email);
  }

  async token(email: string): Promise<string> {
    const known = this.#tokens.get(email);
    if (known) {
      return known;
    }
    const body = await this.send<{ accessToken: string }>(undefined, 'POST', '/api/v1/auth/login', {
      json: { email, password: this.password },
    });
    this.#tokens.set(email, body.accessToken);
    return body.accessToken;
  }

  async send<T>(email: string | undefined, method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.#fetch(email, method, path, options);
    const type = response.headers.get('content-type') ?? '';
    const text = await response.text();
    if (!response.ok) {
      throw new ApiProblem(response.status, method, path, type.includes('json') ? (JSON.parse(text) as object) : text);
    }
    return (text && type.includes('json') ? JSON.parse(text) : undefined) as T;
  }

  async download(email: string, path: string): Promise<Buffer> {
    const response = await this.#fetch(email, 'GET', path, {});
    if (!response.ok) {
      throw new ApiProblem(response.status, 'GET', path, await response.text());
    }
    return Buffer.from(await response.arrayBuffer());
  }

  async #fetch(email: string | undefined, method: string, path: string, options: RequestOptions): Promise<Response> {
    const url = new URL(path, this.baseUrl);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      url.searchParams.set(key, value);
    }
    const headers: Record<string, string> = {};
    if (email) {
      headers.authorization = `Bearer ${await this.token(email)}`;
    }
    let body: string | FormData | undefined;
    if (options.form) {
      body = options.form;
    } else if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    return fetch(url, { method, headers, body });
  }
}

/** Requests as one person. */
export class PersonSession {
  constructor(
    private readonly client: ApiClient,
    readonly email: string,
  ) {}

  get<T>(path: string, query?: Record<string, string>): Promise<T> {
    return this.client.send<T>(this.email, 'GET', path, query ? { query } : {});
  }

  post<T>(path: string, json: unknown = {}): Promise<T> {
    return this.client.send<T>(this.email, 'POST', path, { json });
  }

  put<T>(path: string, json: unknown): Promise<T> {
    return this.client.send<T>(this.email, 'PUT', path, { json });
  }

  upload<T>(path: string, form: FormData): Promise<T> {
    return this.client.send<T>(this.email, 'POST', path, { form });
  }

  download(path: string): Promise<Buffer> {
    return this.client.download(this.email, path);
  }
}
