/** Colours for the validate and audit reports: only on a terminal, decided by cli/color.ts. */
import type { ReportPaint } from '../../render/report.js';
import { PLAIN_REPORT } from '../../render/report.js';
import { colourLevel } from '../color.js';

export async function reportPaint(out: string | undefined, flag: boolean | undefined): Promise<ReportPaint> {
  const toStdout = out === undefined || out === '-';
  const level = toStdout ? colourLevel(process.stdout, process.env, flag) : 0;
  if (level === 0) return PLAIN_REPORT;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level });
  return { bold: chalk.bold, error: chalk.red, warning: chalk.yellow, ok: chalk.green, dim: chalk.dim };
}
