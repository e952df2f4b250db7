/** validate's row of the format table (render/formats.ts). */
import { provenanceOf } from '../output.js';
import { validationGithub } from '../validation/github.js';
import { validationJson } from '../validation/json.js';
import { validationSummaryLine, validationText } from '../validation/text.js';
import { json, type KindWriters } from './shared.js';

export const writers: KindWriters<'validation'> = {
  text: (v, o) => (o.summaryOnly ? `${validationSummaryLine(v.report, o.paint, o.locale)}\n` : validationText(v.report, o.paint, o.locale)),
  json: (v, o) => json(validationJson(v.report, o.locale, provenanceOf(v.source, o))),
  github: (v, o) => validationGithub(v.report, v.headers, o.locale),
};
