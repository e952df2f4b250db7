/** The awards' row of the format table (render/formats.ts). */
import { awardsCsv, awardsGrids, awardsJsonDocument } from '../award.js';
import { provenanceOf } from '../output.js';
import { awardsWorkbook } from '../xlsx.js';
import { xlsxChunks } from '../xlsx-zip.js';
import { sourced, type KindWriters } from './shared.js';

export const writers: KindWriters<'awards'> = {
  table: awardsGrids,
  md: awardsGrids,
  csv: awardsCsv,
  json: awardsJsonDocument,
  xlsx: (view, o) => xlsxChunks(awardsWorkbook(view, o.locale, provenanceOf(sourced(view.source), o))),
};
