/**
 * Workbooks made byte by byte, for the reader's tests and bench/: a zip writer that can lie (sizes,
 * CRCs, entries only in local headers, duplicate names), a minimal valid .xlsx around any sheet
 * XML, and the hostile corpus of issue 21. Nothing here is checked in as a binary: every case is
 * generated when a test or the bench runs.
 */
import { deflateRawSync } from 'node:zlib';
import * as zlib from 'node:zlib';

const crc32 = (data) => zlib.crc32(data) >>> 0;

/**
 * A zip of `entries` ({ name, data, store?, declaredSize?, crc?, onlyLocal? }): deflated unless
 * `store`; `declaredSize` and `crc` replace the true values in both headers; an `onlyLocal` entry
 * has a local header and data but no central directory record.
 */
export function zipBytes(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const packed = e.packed ?? (e.store ? data : deflateRawSync(data));
    const method = e.store ? 0 : 8;
    const crc = e.crc ?? crc32(data);
    const size = e.declaredSize ?? data.length;
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    if (!e.onlyLocal) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4);
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(0x0800, 8);
      record.writeUInt16LE(method, 10);
      record.writeUInt32LE(crc, 16);
      record.writeUInt32LE(packed.length, 20);
      record.writeUInt32LE(size, 24);
      record.writeUInt16LE(name.length, 28);
      record.writeUInt32LE(offset, 42);
      central.push(record, name);
    }
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = entries.filter((e) => !e.onlyLocal).length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const xmlText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Cells of rows ([['name', 'w'], ['a', 1]]) → <sheetData> XML: strings inline, numbers numeric. */
export function sheetData(rows) {
  const body = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((v, c) => {
      const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
      if (v === null || v === undefined) return '';
      return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${xmlText(v)}</t></is></c>`;
    }).join('')}</row>`)
    .join('');
  return `<sheetData>${body}</sheetData>`;
}

/**
 * The parts of a minimal .xlsx: `sheets` ({ name, data: '<sheetData>…</sheetData>' or whole XML, state? }),
 * `sharedStrings` (array of strings) when given. Returns zip entries, for zipBytes.
 */
export function workbookEntries(sheets, options = {}) {
  const entries = [
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>' },
    { name: '_rels/.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets>${sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}${options.sharedStrings ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    },
  ];
  sheets.forEach((s, i) => {
    const data = s.data.startsWith('<sheetData') ? `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${s.data}</worksheet>` : s.data;
    entries.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data, ...(s.entry ?? {}) });
  });
  if (options.sharedStrings) {
    entries.push({ name: 'xl/sharedStrings.xml', data: `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${options.sharedStrings.length}" uniqueCount="${options.sharedStrings.length}">${options.sharedStrings.map((s) => `<si><t xml:space="preserve">${xmlText(s)}</t></si>`).join('')}</sst>` });
  }
  return entries;
}

/** A minimal valid .xlsx of one or more sheets. */
export function xlsx(sheets, options = {}) {
  return zipBytes(workbookEntries(sheets, options));
}

const GOOD_ROWS = [['name', 'weight'], ['a', 1], ['b', 2]];

/** An OLE compound file header followed by stream names, as a .xls or an encrypted .xlsx holds them. */
function compoundFile(names) {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const dir = Buffer.alloc(512);
  let at = 0;
  for (const n of names) {
    Buffer.from(n, 'utf16le').copy(dir, at);
    at += 128;
  }
  return Buffer.concat([header, dir]);
}

/** `n` bytes of sheet XML that compress about a thousand times: rows of empty, styled cells. */
function bombXml(n) {
  const head = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`;
  return Buffer.concat([Buffer.from(head), Buffer.alloc(n - head.length, 0x20)]);
}

/**
 * The hostile corpus: { name, bytes, code (exit), message (RegExp on the one stderr line) }.
 * Each must end with exit 2 and one line, fast and within a small memory budget.
 */
export function hostileCorpus() {
  const cases = [];
  const add = (name, bytes, message) => cases.push({ name, bytes, message });
  const sheet = (data, entry) => ({ name: 'S', data, ...(entry ? { entry } : {}) });

  // A bomb whose header tells the truth: 4 GiB declared, refused before a byte is inflated.
  const bomb = deflateRawSync(bombXml(64 * 1024 * 1024), { level: 9 });
  add('bomb, size declared', zipBytes(workbookEntries([sheet('', { packed: bomb, declaredSize: 0xfffffff0, crc: 0 })])), /inflates to more than 1024 MiB/);
  // The same bomb declared at its true 64 MiB: under the size bound, stopped by the ratio while inflating.
  add('bomb, ratio', zipBytes(workbookEntries([sheet('', { packed: bomb, declaredSize: 64 * 1024 * 1024, crc: 0 })])), /inflates more than 200 times its compressed size/);
  // Declared small, inflating large: caught the moment it passes its declared size.
  add('bomb, size understated', zipBytes(workbookEntries([sheet('', { packed: bomb, declaredSize: 1000, crc: 0 })])), /damaged zip: .*too many bytes/i);
  add('row beyond 1 048 576', xlsx([sheet('<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>')]), /row 1048577 lies beyond row 1 048 576/);
  add('row number of 30 digits', xlsx([sheet('<sheetData><row r="999999999999999999999999999999"><c><v>1</v></c></row></sheetData>')]), /not a row number/);
  add('column beyond XFD', xlsx([sheet('<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>')]), /cell XFE1 lies beyond column XFD/);
  // A header A…XFD, then rows whose one cell is at XFD: 16 384 cells a row once padded, past the cell cap (2^24) within 1 030 rows.
  let header = '';
  for (let c = 0; c < 16_384; c++) header += `<c t="inlineStr"><is><t>h${c}</t></is></c>`;
  const wide = `<row r="1">${header}</row>${Array.from({ length: 1300 }, (_, i) => `<row r="${i + 2}"><c r="XFD${i + 2}"><v>1</v></c></row>`).join('')}`;
  add('cells past the cap', xlsx([sheet(`<sheetData>${wide}</sheetData>`)]), /more than 16777216 cells/);
  const good = xlsx([sheet(sheetData(GOOD_ROWS))]);
  add('truncated zip', good.subarray(0, Math.floor(good.length / 2)), /truncated or damaged zip/);
  const badCrc = workbookEntries([sheet(sheetData(GOOD_ROWS))]);
  badCrc[badCrc.length - 1].crc = 0x12345678;
  add('CRC mismatch', zipBytes(badCrc), /fails its CRC-32 check/);
  const dup = workbookEntries([sheet(sheetData(GOOD_ROWS))]);
  dup.push({ ...dup[dup.length - 1], name: 'XL/worksheets/sheet1.xml', data: sheetData([['name', 'weight'], ['evil', 666]]) });
  add('two entries, one name', zipBytes(dup), /two entries named/);
  add('encrypted workbook', compoundFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']), /encrypted \(password-protected\) workbook/);
  add('old .xls', compoundFile(['Root Entry', 'Workbook', 'SummaryInformation']), /Excel 97–2003 workbook \(\.xls\)/);
  add('.ods', zipBytes([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true }, { name: 'content.xml', data: '<office:document-content/>' }]), /OpenDocument spreadsheet \(\.ods\)/);
  add('formula without a value', xlsx([sheet('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1" t="inlineStr"><is><t>w</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c><c r="B2"><f>SUM(C1:C9)</f><v></v></c></row></sheetData>')]), /cell B2 holds the formula =SUM\(C1:C9\) with no computed value/);
  add('formula error value', xlsx([sheet('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1" t="inlineStr"><is><t>w</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row></sheetData>')]), /cell B2 holds the error #DIV\/0!/);
  add('entity expansion', xlsx([sheet(`<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "${'x'.repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;&b;&b;</t></is></c></row></sheetData></worksheet>`)]), /not well-formed XML/);
  add('XML cut off', xlsx([sheet(`<?xml version="1.0"?><worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c>`)]), /not well-formed XML|ends inside its data/);
  add('shared string out of range', xlsx([sheet('<sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData>')], { sharedStrings: ['only'] }), /points at shared string 7/);
  add('a zip that is no workbook', zipBytes([{ name: 'hello.txt', data: 'hi' }]), /a zip without a workbook part/);
  return cases;
}

const STYLES_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const inlineCell = (ref, text) => `<c r="${ref}" t="inlineStr"><is><t>${xmlText(text)}</t></is></c>`;

/**
 * A sheet whose year headers are numbers in date formats, as Excel stores a year typed into a
 * date-formatted cell (tests/fixtures/real/README.md): B1 43101 in "yyyy" (2018), C1 43466 in the
 * built-in date format 14 (2019-01-01), D1 a plain 2020; Alfa and Beta below. `date1904`: the
 * workbook counts from 1904 (B1 41639 is then 2018-01-01).
 */
export function yearHeaderWorkbook(options = {}) {
  const b1 = options.date1904 ? 41639 : 43101;
  const sheet = `<sheetData><row r="1">${inlineCell('A1', 'Kommun')}<c r="B1" s="1"><v>${b1}</v></c><c r="C1" s="2"><v>43466</v></c><c r="D1"><v>2020</v></c></row><row r="2">${inlineCell('A2', 'Alfa')}<c r="B2"><v>100</v></c><c r="C2"><v>110</v></c><c r="D2"><v>120</v></c></row><row r="3">${inlineCell('A3', 'Beta')}<c r="B3"><v>300</v></c><c r="C3"><v>330</v></c><c r="D3"><v>360</v></c></row></sheetData>`;
  const entries = workbookEntries([{ name: 'Blad1', data: sheet }]);
  if (options.date1904) {
    const wb = entries.find((e) => e.name === 'xl/workbook.xml');
    wb.data = wb.data.replace('<sheets>', '<workbookPr date1904="1"/><sheets>');
  }
  entries.push({
    name: 'xl/styles.xml',
    data: `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${STYLES_NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-41D]yyyy"/></numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  });
  return zipBytes(entries);
}

/** A sheet whose header is two rows with merged cells: A1:A2 "Kommun", B1:C1 "Belopp (kr)" over 2018 and 2019. */
export function mergedHeaderWorkbook() {
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${STYLES_NS}><sheetData><row r="1">${inlineCell('A1', 'Kommun')}${inlineCell('B1', 'Belopp (kr)')}</row><row r="2">${inlineCell('B2', '2018')}${inlineCell('C2', '2019')}</row><row r="3">${inlineCell('A3', 'Alfa')}<c r="B3"><v>100</v></c><c r="C3"><v>110</v></c></row><row r="4">${inlineCell('A4', 'Beta')}<c r="B4"><v>300</v></c><c r="C4"><v>330</v></c></row></sheetData><mergeCells count="2"><mergeCell ref="A1:A2"/><mergeCell ref="B1:C1"/></mergeCells></worksheet>`;
  return zipBytes(workbookEntries([{ name: 'Blad1', data: sheet }]));
}
