/** The allocation's row of the format table (render/formats.ts). */
import { allocationCsv, allocationGrids, allocationJsonDocument } from '../allocation.js';
import { provenanceOf } from '../output.js';
import { allocationWorkbook } from '../xlsx.js';
import { xlsxChunks } from '../xlsx-zip.js';
import { sourced, type KindWriters } from './shared.js';

export const writers: KindWriters<'allocation'> = {
  table: allocationGrids,
  md: allocationGrids,
  csv: allocationCsv,
  json: allocationJsonDocument,
  xlsx: (view, o) => xlsxChunks(allocationWorkbook(view, o.locale, provenanceOf(sourced(view.source), o))),
};
