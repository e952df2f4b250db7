/** The colours of validate's and audit's text reports (decided by the CLI, cli/color.ts; none elsewhere). */
export interface ReportPaint {
  bold(s: string): string;
  error(s: string): string;
  warning(s: string): string;
  ok(s: string): string;
  dim(s: string): string;
}

const id = (s: string): string => s;
export const PLAIN_REPORT: ReportPaint = { bold: id, error: id, warning: id, ok: id, dim: id };
