/**
 * Errors as data: every problem a user can cause is a StatsbidragError with a stable
 * kebab-case code and, where known, a location. Only the CLI turns one into text and an
 * exit code; the core never prints or exits.
 */
export interface Location {
  /** File path as the user gave it ("-" for stdin). */
  file?: string;
  /** 1-based physical line in the file. */
  line?: number;
  /** Column header or option name the problem is in. */
  field?: string;
  /** Path inside a JSON document, e.g. `programmes[0].periods[1].unit`. */
  path?: string;
}

export type ErrorKind = 'input' | 'usage' | 'io';

export class StatsbidragError extends Error {
  override readonly name = 'StatsbidragError';
  constructor(
    readonly code: string,
    message: string,
    readonly location: Location = {},
    readonly kind: ErrorKind = 'input',
  ) {
    super(message);
  }

  /** Same error, with location facts filled in by an outer layer that knows them. */
  at(location: Location): StatsbidragError {
    const own = Object.fromEntries(Object.entries(this.location).filter(([, v]) => v !== undefined));
    return new StatsbidragError(this.code, this.message, { ...location, ...own }, this.kind);
  }
}

/**
 * `e` with location facts added where it has none of its own (an error that already names a
 * file keeps it); anything that is not a StatsbidragError passes through unchanged.
 */
export function located(e: unknown, location: Location): unknown {
  return e instanceof StatsbidragError ? e.at(location) : e;
}

/** "file:line: field "X": message" — the one line the CLI prints. */
export function formatLocation(loc: Location): string {
  const parts: string[] = [];
  let head = loc.file ?? '';
  if (loc.line !== undefined) head += `${head ? ':' : 'line '}${loc.line}`;
  if (head) parts.push(head);
  if (loc.path) parts.push(loc.path);
  if (loc.field) parts.push(`field "${loc.field}"`);
  return parts.join(': ');
}

export function describeError(err: StatsbidragError): string {
  const where = formatLocation(err.location);
  return where ? `${where}: ${err.message}` : err.message;
}
