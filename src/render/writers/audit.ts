/** audit's row of the format table (render/formats.ts). */
import { auditJsonChunks } from '../audit/json.js';
import { auditTextChunks } from '../audit/text.js';
import { provenanceOf } from '../output.js';
import type { KindWriters } from './shared.js';

export const writers: KindWriters<'audit'> = {
  text: (a, o) => auditTextChunks(a, o.paint, o.locale),
  json: (a, o) => auditJsonChunks(a, provenanceOf(a.source, o), o.locale),
};
