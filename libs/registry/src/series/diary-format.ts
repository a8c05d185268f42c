import { registryErrors } from '../registry.errors.js';

/**
 * How a diary series writes its numbers: a template over the organisation's prefix
 * (`{prefix}`), the year in four or two digits (`{yyyy}`, `{yy}`), the running number
 * (`{n}`, or `{n:4}` zero-padded to four digits), the classification code from the records plan
 * (`{class}`) and literal separators; and the separator between a case's number and the running
 * number of a document in it.
 */
export interface DiaryFormatSpec {
  readonly template: string;
  readonly documentSeparator: string;
}

/** `HÄ 2025/578`, `HÄ 2025/578-3`: the format every series has until its registrar sets another. */
export const DEFAULT_DIARY_FORMAT: DiaryFormatSpec = { template: '{prefix} {yyyy}/{n}', documentSeparator: '-' };

/** What a diary number is made of. */
export interface DiaryNumberParts {
  readonly prefix: string;
  readonly year: number;
  readonly sequence: number;
  /** The classification code, for a template that holds one. */
  readonly classification?: string | null;
}

type Token =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'prefix' }
  | { readonly kind: 'year'; readonly digits: 2 | 4 }
  | { readonly kind: 'number'; readonly pad: number }
  | { readonly kind: 'class' };

/** A classification code as the records plan writes them: `1.5.1`, `KS.2`. */
const CLASS_PATTERN = '[\\p{L}\\p{N}]+(?:\\.[\\p{L}\\p{N}]+)*';
const LITERAL = /^[^{}\p{Cc}\p{Cf}]+$/u;
const SEPARATOR = /^[^\p{L}\p{N}\s{}\p{Cc}\p{Cf}]{1,3}$/u;
const TEMPLATE_MAX = 60;
/** Every registration reads its series' format: the valid ones are kept, a few hundred at most. */
const CHECKED_MAX = 500;
const checked = new Map<string, DiaryFormat>();

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function tokenize(template: string): Token[] {
  const tokens: Token[] = [];
  let rest = template;
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    if (open !== 0) {
      const text = open < 0 ? rest : rest.slice(0, open);
      if (!LITERAL.test(text)) {
        throw registryErrors.formatInvalid(template, `tecknen ”${text}” kan inte stå i ett diarienummer`);
      }
      tokens.push({ kind: 'literal', text });
      rest = open < 0 ? '' : rest.slice(open);
      continue;
    }
    const close = rest.indexOf('}');
    if (close < 0) {
      throw registryErrors.formatInvalid(template, 'en { saknar sin }');
    }
    const name = rest.slice(1, close);
    rest = rest.slice(close + 1);
    const padded = /^n:(\d)$/.exec(name);
    if (name === 'prefix') {
      tokens.push({ kind: 'prefix' });
    } else if (name === 'yyyy' || name === 'yy') {
      tokens.push({ kind: 'year', digits: name === 'yyyy' ? 4 : 2 });
    } else if (name === 'n') {
      tokens.push({ kind: 'number', pad: 0 });
    } else if (padded && Number(padded[1]) >= 2) {
      tokens.push({ kind: 'number', pad: Number(padded[1]) });
    } else if (name === 'class') {
      tokens.push({ kind: 'class' });
    } else {
      throw registryErrors.formatInvalid(
        template,
        `{${name}} är ingen del av ett diarienummer (använd {prefix}, {yyyy}, {yy}, {n}, {n:4}, {class})`,
      );
    }
  }
  return tokens;
}

/**
 * A validated diary format: writes numbers and reads them back. Every number it writes reads
 * back to the same parts (checked when the format is made), so a number printed on a document
 * can always be looked up.
 */
export class DiaryFormat {
  readonly template: string;
  readonly documentSeparator: string;
  readonly #tokens: readonly Token[];
  readonly #pattern: RegExp;

  private constructor(spec: DiaryFormatSpec, tokens: readonly Token[]) {
    this.template = spec.template;
    this.documentSeparator = spec.documentSeparator;
    this.#tokens = tokens;
    const body = tokens
      .map((t) => {
        switch (t.kind) {
          case 'literal':
            return escape(t.text).replace(/ /g, '\\s+');
          case 'prefix':
            return '([\\p{L}\\p{N}]{1,12})';
          case 'year':
            return `(\\d{${t.digits}})`;
          case 'number':
            return t.pad > 0 ? `(\\d{${t.pad},9})` : '([1-9]\\d{0,8})';
          case 'class':
            return `(${CLASS_PATTERN})`;
        }
      })
      .join('');
    this.#pattern = new RegExp(`^${body}(?:${escape(spec.documentSeparator)}([1-9]\\d{0,5}))?$`, 'iu');
  }

  /** Validates a template and separator: 422 naming what is wrong. Formats are checked once and kept. */
  static of(spec: DiaryFormatSpec): DiaryFormat {
    const key = `${spec.template}\u0000${spec.documentSeparator}`;
    const known = checked.get(key);
    if (known) {
      return known;
    }
    const format = DiaryFormat.#check(spec);
    if (checked.size >= CHECKED_MAX) {
      checked.clear();
    }
    checked.set(key, format);
    return format;
  }

  static #check(spec: DiaryFormatSpec): DiaryFormat {
    const template = spec.template.trim();
    if (template.length === 0 || template.length > TEMPLATE_MAX) {
      throw registryErrors.formatInvalid(spec.template, `mallen ska ha 1–${TEMPLATE_MAX} tecken`);
    }
    if (!SEPARATOR.test(spec.documentSeparator)) {
      throw registryErrors.formatInvalid(
        spec.template,
        'handlingsavskiljaren ska vara 1–3 skiljetecken (till exempel - eller :)',
      );
    }
    const tokens = tokenize(template);
    const count = (kind: Token['kind']): number => tokens.filter((t) => t.kind === kind).length;
    if (count('number') !== 1) {
      throw registryErrors.formatInvalid(template, 'mallen ska ha löpnumret {n} en gång');
    }
    if (count('year') !== 1) {
      throw registryErrors.formatInvalid(
        template,
        'mallen ska ha året ({yyyy} eller {yy}) en gång: serien börjar om varje år',
      );
    }
    if (count('prefix') > 1 || count('class') > 1) {
      throw registryErrors.formatInvalid(template, '{prefix} och {class} kan stå högst en gång var');
    }
    const format = new DiaryFormat({ template, documentSeparator: spec.documentSeparator }, tokens);
    format.#assertReadsBack();
    return format;
  }

  get holdsClassification(): boolean {
    return this.#tokens.some((t) => t.kind === 'class');
  }

  /** Whether a classification code can be written in a number and read back (`1.5.1`, not `1-5`). */
  fitsClassification(code: string): boolean {
    return new RegExp(`^${CLASS_PATTERN}$`, 'u').test(code);
  }

  get spec(): DiaryFormatSpec {
    return { template: this.template, documentSeparator: this.documentSeparator };
  }

  format(parts: DiaryNumberParts): string {
    return this.#tokens
      .map((t) => {
        switch (t.kind) {
          case 'literal':
            return t.text;
          case 'prefix':
            return parts.prefix;
          case 'year':
            return t.digits === 4 ? String(parts.year).padStart(4, '0') : String(parts.year % 100).padStart(2, '0');
          case 'number':
            return String(parts.sequence).padStart(t.pad, '0');
          case 'class':
            if (!parts.classification) {
              throw registryErrors.classificationRequired(this.template);
            }
            return parts.classification;
        }
      })
      .join('');
  }

  formatDocument(diaryNumber: string, documentNumber: number): string {
    return `${diaryNumber}${this.documentSeparator}${documentNumber}`;
  }

  /**
   * Reads a number written in this format (and a document's number after the separator), or
   * undefined when it is not one. A two-digit year is read in the century that makes it no later
   * than `currentYear`.
   */
  parse(
    text: string,
    currentYear: number,
  ): (DiaryNumberParts & { readonly document?: number; readonly yearDigits: 2 | 4 }) | undefined {
    const match = this.#pattern.exec(text.trim().replace(/\s+/g, ' '));
    if (!match) {
      return undefined;
    }
    let group = 1;
    let prefix = '';
    let year = 0;
    let yearDigits: 2 | 4 = 4;
    let sequence = 0;
    let classification: string | null = null;
    for (const t of this.#tokens) {
      if (t.kind === 'literal') {
        continue;
      }
      const value = match[group++] ?? '';
      if (t.kind === 'prefix') {
        prefix = value.toLocaleUpperCase('sv-SE');
      } else if (t.kind === 'year') {
        yearDigits = t.digits;
        const century = Math.floor(currentYear / 100) * 100;
        year =
          t.digits === 4 ? Number(value) : century + Number(value) - (century + Number(value) > currentYear ? 100 : 0);
      } else if (t.kind === 'number') {
        sequence = Number(value);
      } else {
        classification = value;
      }
    }
    if (sequence < 1) {
      return undefined;
    }
    const document = match[group];
    return {
      prefix,
      year,
      yearDigits,
      sequence,
      classification,
      ...(document ? { document: Number(document) } : {}),
    };
  }

  /** Writes samples and reads them back: a format whose numbers read back otherwise is refused. */
  #assertReadsBack(): void {
    const samples: DiaryNumberParts[] = [
      { prefix: 'HÄ', year: 2025, sequence: 578, classification: '1.5.1' },
      { prefix: 'KS', year: 2012, sequence: 1, classification: '302' },
      { prefix: 'AB', year: 2004, sequence: 123_456, classification: 'A.2' },
    ];
    for (const sample of samples) {
      const written = this.format(sample);
      for (const document of [undefined, 7]) {
        const text = document === undefined ? written : this.formatDocument(written, document);
        const read = this.parse(text, 2026);
        const same =
          read !== undefined &&
          this.format({ ...read, prefix: sample.prefix }) === written &&
          read.sequence === sample.sequence &&
          read.document === document &&
          (!this.holdsClassification || read.classification === sample.classification);
        if (!same) {
          throw registryErrors.formatInvalid(
            this.template,
            `numret ${text} går inte att läsa tillbaka entydigt; välj andra skiljetecken`,
          );
        }
      }
    }
  }
}
