/** The comparison's row of the format table (render/formats.ts). */
import { comparisonCsvBytes, comparisonGrids, comparisonJsonDocument } from '../compare.js';
import { provenanceOf } from '../output.js';
import { comparisonWorkbook } from '../xlsx.js';
import { xlsxChunks } from '../xlsx-zip.js';
import { sourced, type KindWriters } from './shared.js';

export const writers: KindWriters<'comparison'> = {
  table: comparisonGrids,
  md: comparisonGrids,
  csv: comparisonCsvBytes,
  json: comparisonJsonDocument,
  xlsx: (view, o) => xlsxChunks(comparisonWorkbook(view.comparison, o.locale, provenanceOf(sourced(view.source), o), view.layout)),
};
