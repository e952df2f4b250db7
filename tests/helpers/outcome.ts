/** What `f` returns, or the message of the error it throws: for a property that two readings end the same way, in a value or the same error. */
export function outcome<T>(f: () => T): { ok: T } | { error: string } {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: String((e as Error).message) };
  }
}

/** The delimiters the CSV readers are held to one another on. */
export const DELIMS = [',', ';', '\t', '|'] as const;
