// Reads one raw row (a CSV record of strings, or a JSON object) field by field, collecting a reason
// per bad field instead of throwing, so a report can name every problem of the row at once.
export interface FieldIssue {
  field: string;
  reason: string;
}

const MAX_TEXT = 4000;

// Put in place of a value whose shape was already found wrong (e.g. a JSON list that is not an array).
export class InvalidField {
  constructor(readonly reason: string) {}
}

export class RowReader {
  readonly issues: FieldIssue[] = [];

  constructor(private readonly data: Record<string, unknown>) {}

  fail(field: string, reason: string): undefined {
    this.issues.push({ field, reason });
    return undefined;
  }

  has(field: string): boolean {
    return !isBlank(this.data[field]);
  }

  str(
    field: string,
    opts: { required?: boolean; max?: number; pattern?: RegExp; patternReason?: string } = {},
  ): string | undefined {
    const value = this.data[field];
    if (value instanceof InvalidField) return this.fail(field, value.reason);
    if (isBlank(value)) return opts.required ? this.fail(field, 'is required') : undefined;
    if (typeof value !== 'string') return this.fail(field, 'must be a string');
    const text = value.trim();
    if (text.length > (opts.max ?? MAX_TEXT))
      return this.fail(field, `must be at most ${opts.max ?? MAX_TEXT} characters`);
    if (opts.pattern && !opts.pattern.test(text))
      return this.fail(field, opts.patternReason ?? 'has an invalid format');
    return text;
  }

  num(
    field: string,
    opts: { required?: boolean; min?: number; max?: number; integer?: boolean } = {},
  ): number | undefined {
    const value = this.data[field];
    if (value instanceof InvalidField) return this.fail(field, value.reason);
    if (isBlank(value)) return opts.required ? this.fail(field, 'is required') : undefined;
    const n =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)
          ? Number(value)
          : NaN;
    if (!Number.isFinite(n)) return this.fail(field, 'must be a number');
    if (opts.integer && !Number.isInteger(n)) return this.fail(field, 'must be an integer');
    if (opts.min !== undefined && n < opts.min)
      return this.fail(field, `must be at least ${opts.min}`);
    if (opts.max !== undefined && n > opts.max)
      return this.fail(field, `must be at most ${opts.max}`);
    return n;
  }

  bool(field: string): boolean | undefined {
    const value = this.data[field];
    if (value instanceof InvalidField) return this.fail(field, value.reason);
    if (isBlank(value)) return undefined;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' && /^(true|false|1|0|yes|no)$/i.test(value.trim())) {
      return /^(true|1|yes)$/i.test(value.trim());
    }
    return this.fail(field, 'must be true or false');
  }

  oneOf<T extends string>(field: string, values: readonly T[], fallback?: T): T | undefined {
    const text = this.str(field, { required: fallback === undefined });
    if (text === undefined) return fallback;
    const match = values.find((v) => v.toLowerCase() === text.toLowerCase());
    return match ?? this.fail(field, `must be one of: ${values.join(', ')}`);
  }

  // A list: a JSON array of strings, or a CSV cell separated by ";" (or "," when `commas`).
  list(field: string, opts: { commas?: boolean } = {}): string[] {
    const value = this.data[field];
    if (value instanceof InvalidField) {
      this.fail(field, value.reason);
      return [];
    }
    if (isBlank(value)) return [];
    const items = Array.isArray(value)
      ? value
      : typeof value === 'string'
        ? value.split(opts.commas ? /[;,]/ : ';')
        : null;
    if (!items || items.some((item) => typeof item !== 'string')) {
      this.fail(field, 'must be a list of strings');
      return [];
    }
    return (items as string[]).map((item) => item.trim()).filter((item) => item.length > 0);
  }
}

export function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}
