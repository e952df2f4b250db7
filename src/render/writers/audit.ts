/** audit's row of the format table (render/formats.ts). */
import { auditJson } from '../audit/json.js';
import { auditText } from '../audit/text.js';
import { provenanceOf } from '../output.js';
import { json, type KindWriters } from './shared.js';

export const writers: KindWriters<'audit'> = {
  text: (a, o) => auditText(a, o.paint, o.locale),
  json: (a, o) => json(auditJson(a, provenanceOf(a.source, o), o.locale)),
};
