/**
 * A GitHub Actions annotation for an input error (exit 2) under `--format github`: the pull
 * request then shows where the table could not be read, as it shows validate's findings
 * (render/report.ts validationGithub, whose escaping this repeats: GitHub's rules).
 */
import type { StatsbidragError } from '../core/errors.js';

/** Workflow-command data: "%", CR and LF escaped. */
const githubData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A workflow-command property value: as data, and ":" and "," too. */
const githubProperty = (s: string): string => githubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…,title=CODE::message` for one error (its file and line, where known; the message already made printable). */
export function errorAnnotation(error: Pick<StatsbidragError, 'code' | 'location'>, message: string): string {
  const { file, line, field } = error.location;
  const props = [
    ...(file !== undefined && file !== '-' ? [`file=${githubProperty(file)}`] : []),
    ...(line !== undefined ? [`line=${line}`] : []),
    `title=${githubProperty(error.code)}`,
  ];
  return `::error ${props.join(',')}::${githubData(`${field ? `${field}: ` : ''}${message}`)}\n`;
}
