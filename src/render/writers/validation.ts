/** validate's row of the format table (render/formats.ts). */
import { provenanceOf } from '../output.js';
import { validationGithubChunks } from '../validation/github.js';
import { validationJsonChunks } from '../validation/json.js';
import { validationSummaryLine, validationTextChunks } from '../validation/text.js';
import type { KindWriters } from './shared.js';

export const writers: KindWriters<'validation'> = {
  text: (v, o) => (o.summaryOnly ? `${validationSummaryLine(v.report, o.paint, o.locale)}\n` : validationTextChunks(v.report, o.paint, o.locale)),
  json: (v, o) => validationJsonChunks(v.report, o.locale, provenanceOf(v.source, o)),
  github: (v, o) => validationGithubChunks(v.report, v.headers, o.locale),
};
