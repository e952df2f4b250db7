/** A JSON path for error messages, kept apart from the schemas so that reporting one needs no zod. */

/** "programmes[0].periods[1].unit" from a zod issue path. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}
