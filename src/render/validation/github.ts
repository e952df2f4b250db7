/** validate's report as GitHub workflow annotations, one per finding, then the summary line. */
import type { NumberLocale } from '../../core/amount.js';
import type { ValidationReport } from '../../core/validate.js';
import { findingMessage, referenceText } from './messages.js';
import { validationSummaryLine } from './text.js';
import { validationWords } from './words.js';

/** Workflow-command data: "%", CR and LF escaped (GitHub's rules). */
const githubData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A workflow-command property value: as data, and ":" and "," too. */
const githubProperty = (s: string): string => githubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Annotations at most this many to a chunk. */
const ANNOTATIONS_A_CHUNK = 4096;

/**
 * First a `::notice` naming what the table is checked against; then one GitHub Actions annotation
 * per finding (`::error file=…,line=…,col=…,title=CODE::message`), so a failing check points at
 * the cell in a pull request; then the summary line. `col` is the
 * 1-based position of the finding's column in `headers`; a finding about a column alone points at
 * the header line. In chunks, each annotation made as it is written.
 */
export function* validationGithubChunks(report: ValidationReport, headers: readonly string[], locale: NumberLocale = 'sv'): Generator<string> {
  const w = validationWords(locale);
  let text = `::notice title=statsbidrag validate::${githubData(w.checkedAgainst(report.file ?? w.theTable, referenceText(report, locale)))}\n`;
  const file = report.file !== null && report.file !== '-' ? [`file=${githubProperty(report.file)}`] : [];
  const { errors } = report;
  for (let i = 0; i < errors.length; i++) {
    const f = errors[i]!;
    const index = f.column === null ? -1 : columnIndex(headers, f.column);
    const props = [...file, ...(f.row !== null ? [`line=${f.row}`] : index >= 0 ? ['line=1'] : []), ...(index >= 0 ? [`col=${index + 1}`] : []), `title=${githubProperty(f.code)}`];
    const where = [f.recipient, f.column].filter((x) => x !== null).join(', ');
    text += `::${f.severity} ${props.join(',')}::${githubData(`${where ? `${where}: ` : ''}${findingMessage(f, locale)}`)}\n`;
    if ((i + 1) % ANNOTATIONS_A_CHUNK === 0) {
      yield text;
      text = '';
    }
  }
  yield `${text}${validationSummaryLine(report, undefined, locale)}\n`;
}

/** A finding's column in the header: by name, or a range column's segment ("Belopp 2020–2027 (2020)") by its header. */
function columnIndex(headers: readonly string[], column: string): number {
  const i = headers.indexOf(column);
  return i >= 0 ? i : headers.indexOf(column.replace(/ \(.*\)$/, ''));
}
