/** JSON text → a value, with the line of a syntax error (rules, scenarios, JSON tables). */
import { StatsbidragError } from '../core/errors.js';
import { formatJsonPath } from './json-path.js';

export interface ParseJsonOptions {
  /** Refuse a key repeated in one object (JSON.parse keeps the last silently): rules and scenario files. */
  uniqueKeys?: boolean;
}

/** Parse JSON with the line of a syntax error where Node tells it. */
export function parseJson(text: string, file: string, options: ParseJsonOptions = {}): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    throw new StatsbidragError('invalid-json', `not valid JSON: ${msg.replace(/^.*?:\s*/, '').split('\n')[0]}`, { file, line });
  }
  if (options.uniqueKeys) {
    const repeated = repeatedKey(text);
    if (repeated) {
      throw new StatsbidragError('duplicate-json-key', `the key "${repeated.key}" appears twice in one object (JSON would keep the last silently); keep one`, { file, line: repeated.line, path: formatJsonPath(repeated.path) });
    }
  }
  return value;
}

type Frame = { object: true; keys: Set<string>; key: string | undefined } | { object: false; index: number };

/** The end (index of the closing quote) of the JSON string starting at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 92) i += 2;
    else if (c === 34 || Number.isNaN(c)) return i;
    else i++;
  }
}

/**
 * The first key repeated within one object of valid JSON `text`: the key, its path (the object's
 * path and the key) and its line. A scan of the text, since JSON.parse keeps only the last.
 */
export function repeatedKey(text: string): { key: string; path: (string | number)[]; line: number } | undefined {
  const stack: Frame[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (expectKey && top?.object) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) {
          const path = stack.slice(0, -1).map((f) => (f.object ? f.key! : f.index));
          return { key, path: [...path, key], line: text.slice(0, i).split('\n').length };
        }
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = end;
    } else if (c === 123 /* { */) {
      stack.push({ object: true, keys: new Set(), key: undefined });
      expectKey = true;
    } else if (c === 91 /* [ */) {
      stack.push({ object: false, index: 0 });
      expectKey = false;
    } else if (c === 125 || c === 93) {
      stack.pop();
      expectKey = false;
    } else if (c === 44 /* , */) {
      const top = stack[stack.length - 1];
      if (top?.object) expectKey = true;
      else if (top) top.index++;
    }
  }
  return undefined;
}
