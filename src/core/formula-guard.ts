/**
 * The tool's CSV writer guards a text cell a spreadsheet would run as a formula with a leading
 * "'" (render/csv.ts neutraliseFormula: = + - @, tab, CR and the full-width ＝ ＋ － ＠, at the
 * start of the cell or of a line inside it). Reading a table takes the guard off again (issue 22,
 * round trip), so that what the tool wrote reads back as the same names: "'=SUM(A1)" is the name
 * "=SUM(A1)". A "'" before anything else is part of the name ("'s-Hertogenbosch").
 */
const GUARD = /(?<=^|[\r\n])'(?=[=+\-@\t\r\uff1d\uff0b\uff0d\uff20])/g;

/** A cell with the formula guard taken off (see the module comment). */
export function unguardFormula(cell: string): string {
  return cell.indexOf("'") < 0 ? cell : cell.replace(GUARD, '');
}
