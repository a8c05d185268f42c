import { Injectable } from '@nestjs/common';

/**
 * Where every domain date comes from. Production uses the system time; tests and the demo
 * inject a clock set to the dates they need, never fake global timers (which break pg and BullMQ).
 */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands at a set instant and moves only when told, used by tests and rehearsals. */
export class SettableClock extends Clock {
  #offsetMs = 0;
  #frozenAt: number | undefined;

  /** Stand at `instant`; with `running` the clock keeps ticking from there. */
  set(instant: Date | string, { running = false }: { running?: boolean } = {}): void {
    const at = new Date(instant).getTime();
    if (running) {
      this.#frozenAt = undefined;
      this.#offsetMs = at - Date.now();
    } else {
      this.#frozenAt = at;
    }
  }

  advance(ms: number): void {
    if (this.#frozenAt === undefined) {
      this.#offsetMs += ms;
    } else {
      this.#frozenAt += ms;
    }
  }

  reset(): void {
    this.#frozenAt = undefined;
    this.#offsetMs = 0;
  }

  now(): Date {
    return new Date(this.#frozenAt ?? Date.now() + this.#offsetMs);
  }
}
