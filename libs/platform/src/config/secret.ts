import { inspect } from 'node:util';

/**
 * A configuration value that must never reach a log line or an API answer. It prints as a
 * mask everywhere (string conversion, JSON, util.inspect) and only `reveal()` gives the value.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return '[hemlig]';
  }

  toJSON(): string {
    return '[hemlig]';
  }

  [inspect.custom](): string {
    return '[hemlig]';
  }
}
