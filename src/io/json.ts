/** JSON text → a value, with the line of a syntax error (rules, scenarios, JSON tables). */
import { StatsbidragError } from '../core/errors.js';

/** Parse JSON with the line of a syntax error where Node tells it. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    throw new StatsbidragError('invalid-json', `not valid JSON: ${msg.replace(/^.*?:\s*/, '').split('\n')[0]}`, { file, line });
  }
}
