/**
 * Whether to colour: decided here, not by chalk, which ignores NO_COLOR (chalk#547).
 * Off for a non-TTY stream, NO_COLOR set and non-empty, TERM=dumb, --no-color, or FORCE_COLOR=0
 * (or false); any other non-empty FORCE_COLOR turns it on. Data formats (csv, json, md) are never coloured.
 */
import type { Paint } from '../render/grid.js';
import { NO_PAINT } from '../render/grid.js';
import { PLAIN_REPORT, type ReportPaint } from '../render/report-paint.js';

export function colourLevel(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, flag: boolean | undefined): 0 | 1 {
  if (flag === false) return 0;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return 0;
  const force = env['FORCE_COLOR'];
  if (force === '0' || force === 'false') return 0;
  if (force !== undefined && force !== '') return 1;
  if (env['TERM'] === 'dumb') return 0;
  return stream.isTTY ? 1 : 0;
}

export async function paintFor(level: 0 | 1): Promise<Paint> {
  if (level === 0) return NO_PAINT;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level });
  return { header: chalk.bold, footer: chalk.bold, negative: chalk.red, dim: chalk.dim };
}

export async function reportPaintFor(level: 0 | 1): Promise<ReportPaint> {
  if (level === 0) return PLAIN_REPORT;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level });
  return { bold: chalk.bold, error: chalk.red, warning: chalk.yellow, ok: chalk.green, dim: chalk.dim };
}
