/// <reference lib="dom" />
/**
 * The allocation report's own script (bundled by scripts/report-script.mjs, inline in the page,
 * allowed by its hash). It reads the page's data (WhatIfData, JSON in the page), and on every
 * change of a control splits again with the project's exact core — allocate(), the same module
 * `statsbidrag allocate` runs — and redraws the summary, charts and table with the same
 * renderers the CLI used to write the page. It fetches nothing and writes HTML only through
 * those renderers, which escape every name.
 */
import type { Allocation } from '../../core/allocate.js';
import { Decimal } from '../../core/decimal.js';
import { describeError, StatsbidragError } from '../../core/errors.js';
import type { Recipient } from '../../core/split.js';
import { allocationColumns } from '../allocation-columns.js';
import { allocationCsvChunks } from '../allocation-csv.js';
import { allocationWorkbook, workbookParts, ZIP_LEVEL, ZIP_MTIME } from '../xlsx.js';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { allocationParts, EXPLAIN_LIMIT, keptIndex, type TableView } from './allocation.js';
import { whatIfLabels } from './whatif-labels.js';
import { commandLine, recipientsCsv, recipientsOf, RECIPIENTS_FILE, SETTING_NAMES, SettingError, whatIfAllocation, type Settings, type WhatIfData } from './whatif.js';

const dataElement = document.getElementById('report-data');
const data: WhatIfData | undefined = dataElement ? (JSON.parse(dataElement.textContent ?? 'null') as WhatIfData) : undefined;
const collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });

/** Sortable tables drawn whole (the explanations): sort their rows in the page, by data-sort or text. */
function sortableInPlace(table: HTMLTableElement): void {
  const body = table.tBodies[0];
  if (!table.tHead || !body || table.hasAttribute('data-paged')) return;
  const heads = table.tHead.rows[table.tHead.rows.length - 1]!.cells;
  Array.prototype.forEach.call(heads, (th: HTMLTableCellElement, i: number) => {
    const button = buttonIn(th);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(heads, (h: HTMLElement) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const numeric = th.classList.contains('num');
      const key = (row: HTMLTableRowElement): string => {
        const cell = row.cells[i];
        return cell ? (cell.getAttribute('data-sort') ?? (cell.textContent ?? '').trim()) : '';
      };
      const rows = Array.from(body.rows).map((row, n) => ({ row, n, k: key(row) }));
      rows.sort((a, b) => {
        let c = numeric ? Number(a.k) - Number(b.k) : collator.compare(a.k, b.k);
        if (!(c === c)) c = 0;
        return (ascending ? c : -c) || a.n - b.n;
      });
      rows.forEach((r) => body.appendChild(r.row));
    });
  });
}

/** The header's content moved into a button (the header keeps aria-sort). */
function buttonIn(th: HTMLTableCellElement): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  while (th.firstChild) button.appendChild(th.firstChild);
  th.appendChild(button);
  return button;
}

if (!data) {
  document.querySelectorAll<HTMLTableElement>('table[data-sortable]').forEach(sortableInPlace);
} else {
  whatIf(data);
}

function whatIf(data: WhatIfData): void {
  const w = whatIfLabels(data.locale);
  const form = document.getElementById('whatif-form') as HTMLFormElement;
  const status = document.getElementById('wi-status')!;
  const command = document.getElementById('wi-command')!;
  const commandNote = document.getElementById('wi-command-note')!;
  const recipientsButton = document.getElementById('wi-recipients') as HTMLButtonElement;
  let recipients: Recipient[] | undefined;
  const all = (): Recipient[] => (recipients ??= recipientsOf(data));
  const out = new Set<number>();
  const indexOf = new Map<string, number>();
  data.ids.forEach((id, i) => indexOf.set(id, i));
  let page = 0;
  let sorted: { column: string; descending: boolean } | undefined;
  let order: number[] | undefined;
  /** The split shown, made on first need (the page arrives drawn). */
  let current: { allocation: Allocation; settings: Settings } | undefined;

  const settingsNow = (): Settings => {
    const s = {} as Settings;
    for (const name of SETTING_NAMES) {
      const control = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      s[name] = control ? control.value : '';
    }
    return s;
  };

  function say(text: string, error: boolean): void {
    status.textContent = text;
    status.className = error ? 'status error' : 'status';
    form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  }

  function split(settings: Settings): Allocation | undefined {
    try {
      return whatIfAllocation(data!, all(), settings, out);
    } catch (e) {
      if (e instanceof SettingError || e instanceof StatsbidragError) {
        // The CLI's own line (describeError: the field too), so the page says what the command says.
        say(`${w.error}: statsbidrag: ${e instanceof StatsbidragError ? describeError(e) : e.message}`, true);
        const name = e instanceof SettingError ? e.control : fieldOf(e);
        const control = name ? (form.elements.namedItem(name) as HTMLElement | null) : null;
        control?.setAttribute('aria-invalid', 'true');
        return undefined;
      }
      throw e;
    }
  }

  /** The control a core error names (its field, "--unit"), if any. */
  function fieldOf(e: StatsbidragError): string | undefined {
    const field = e.location.field;
    return field?.startsWith('--') ? field.slice(2) : undefined;
  }

  /** The order of the rows when sorted by a column: exact comparisons, the left-out rows last. */
  function orderBy(a: Allocation, column: string, descending: boolean): number[] {
    const rs = all();
    const kept = keptIndex(rs.length, out);
    const amountOf = (k: number): Decimal | undefined => {
      if (k < 0) return undefined;
      if (column === 'total') return a.periodTotals[k];
      const pi = Number(column.replace('period-', ''));
      return a.periods[pi]!.split.rows[k]!.amount;
    };
    const keys: (Decimal | string | undefined)[] = rs.map((r, i) =>
      column === 'recipient' ? r.id : column === 'code' ? (r.code ?? '') : column === 'weight' ? r.weight : amountOf(kept[i]!),
    );
    const sign = descending ? -1 : 1;
    return rs
      .map((_, i) => i)
      .sort((x, y) => {
        const a = keys[x];
        const b = keys[y];
        if (a === undefined || b === undefined) return a === b ? x - y : a === undefined ? 1 : -1;
        const c = typeof a === 'string' ? collator.compare(a, b as string) : a.comparedTo(b as Decimal);
        return sign * c || x - y;
      });
  }

  function draw(a: Allocation): void {
    const focused = document.activeElement;
    const focusKey =
      focused instanceof HTMLInputElement && focused.name === 'recipient'
        ? `input[name="recipient"][value="${CSS.escape(focused.value)}"]`
        : focused instanceof HTMLElement && focused.closest('.pager')
          ? `.pager button[data-dir="${focused.getAttribute('data-dir')}"]`
          : focused instanceof HTMLElement && focused.closest('#full-table thead')
            ? `#full-table thead th[data-column-key="${CSS.escape(focused.closest('th')?.getAttribute('data-column-key') ?? '')}"] button`
            : undefined;
    const view: TableView = { all: all(), out, page, ...(order ? { order } : {}), ...(sorted ? { sorted } : {}) };
    const parts = allocationParts(a, data!.locale, view, { whatIf: true, explainLimited: !data!.explain && data!.ids.length > EXPLAIN_LIMIT });
    document.getElementById('summary-body')!.innerHTML = parts.summary;
    document.getElementById('charts-body')!.innerHTML = parts.charts;
    document.getElementById('table-body')!.innerHTML = parts.table;
    enhanceTable();
    if (focusKey) (document.querySelector(focusKey) as HTMLElement | null)?.focus();
  }

  function showCommand(settings: Settings): void {
    command.textContent = commandLine(data!, settings, out.size > 0);
    commandNote.textContent = out.size > 0 ? (data!.scenario ? w.scenarioOutNote : w.recipientsNote(RECIPIENTS_FILE)) : '';
    recipientsButton.hidden = out.size === 0 || data!.scenario;
  }

  /** Split with the controls as they are and redraw; on a refused setting, say why and leave the page as it was. */
  function recalculate(): void {
    const settings = settingsNow();
    const a = split(settings);
    if (!a) return;
    current = { allocation: a, settings };
    order = sorted ? orderBy(a, sorted.column, sorted.descending) : undefined;
    draw(a);
    showCommand(settings);
    say(w.changed, false);
  }

  /** The split shown: the page's own until a control changed. */
  function shown(): Allocation | undefined {
    if (current) return current.allocation;
    const a = split(data!.settings);
    if (a) current = { allocation: a, settings: { ...data!.settings } };
    return a;
  }

  function enhanceTable(): void {
    document.querySelectorAll<HTMLTableElement>('#table-body table[data-sortable]').forEach(sortableInPlace);
    const full = document.getElementById('full-table') as HTMLTableElement | null;
    full?.tHead?.querySelectorAll<HTMLTableCellElement>('th[data-column-key]').forEach((th) => {
      const button = buttonIn(th);
      button.addEventListener('click', () => {
        const a = shown();
        if (!a) return;
        const column = th.getAttribute('data-column-key')!;
        const descending = sorted?.column === column ? !sorted.descending : false;
        sorted = { column, descending };
        order = orderBy(a, column, descending);
        page = 0;
        draw(a);
      });
    });
    document.querySelectorAll<HTMLButtonElement>('.pager button[data-page]').forEach((button, i) => {
      button.setAttribute('data-dir', i === 0 ? 'previous' : 'next');
      button.addEventListener('click', () => {
        const a = shown();
        if (!a) return;
        page = Number(button.getAttribute('data-page'));
        draw(a);
      });
    });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    recalculate();
  });
  // The recipients' checkboxes are in the table, owned by the form through their form attribute.
  document.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.form !== form) return;
    if (target.name === 'recipient') {
      const i = indexOf.get(target.value);
      if (i === undefined) return;
      if (target.checked) out.delete(i);
      else out.add(i);
    }
    recalculate();
  });
  document.getElementById('wi-reset')!.addEventListener('click', () => {
    for (const name of SETTING_NAMES) {
      const control = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (control) control.value = data.settings[name];
    }
    out.clear();
    page = 0;
    sorted = undefined;
    order = undefined;
    recalculate();
  });
  document.getElementById('wi-csv')!.addEventListener('click', () => {
    const a = shown();
    if (!a) return;
    // The CLI's own CSV writer (render/allocation-csv.ts), on the same columnar model.
    download('fordelning.csv', [...allocationCsvChunks(allocationColumns(a), { delimiter: ',', decimalMark: '.', bom: false, eol: '\n', headers: 'en' })]);
  });
  document.getElementById('wi-xlsx')!.addEventListener('click', () => {
    if (!shown()) return;
    try {
      // The split shown, without the page's explanations: the command has no --explain.
      const a = whatIfAllocation({ ...data, explain: false }, all(), current?.settings ?? data.settings, out);
      download('fordelning.xlsx', xlsxOf(a, command.textContent ?? ''), XLSX_TYPE);
    } catch (e) {
      // A limit of Excel (core/excel.ts), as the CLI refuses it.
      if (e instanceof StatsbidragError) say(e.message, true);
      else throw e;
    }
  });
  recipientsButton.addEventListener('click', () => download(RECIPIENTS_FILE, recipientsCsv(data, out)));
  enhanceTable();
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The split shown as the workbook `allocate --format xlsx` writes for `command`: the same sheets
 * and XML (render/xlsx.ts, the CLI's code), zipped here by fflate at the CLI's level and entry time.
 */
function xlsxOf(a: Allocation, command: string): Uint8Array {
  const d = data!;
  const view = {
    allocation: a,
    programme: d.programme ? { name: d.programme.name, agency: d.programme.agency } : undefined,
    scenario: d.scenarioName === null ? undefined : { name: d.scenarioName },
    recipientCount: a.recipients.length,
  };
  const workbook = allocationWorkbook(view, d.locale, { tool: 'statsbidrag', ...d.source, command });
  const files: Zippable = {};
  for (const part of workbookParts(workbook)) files[part.name] = [strToU8([...part.chunks()].join('')), { level: ZIP_LEVEL, mtime: ZIP_MTIME }];
  return zipSync(files);
}

/** Save text or bytes (whole, or in chunks) as a file: a Blob in this page, nothing fetched. */
function download(name: string, content: string | Uint8Array | Uint8Array[], type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob((Array.isArray(content) ? content : [content]) as BlobPart[], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
