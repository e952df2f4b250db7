/**
 * "What if": a scenario starts from a programme and its recipients and changes some of them —
 * recipients added, removed or re-weighted, totals per year, administrative costs, unit, method,
 * floors and ceilings, the years shown. applyScenario returns the changed programme, recipients
 * and allocate() options; allocation itself is allocate()'s job, so a scenario is split by exactly
 * the same rules as the baseline.
 *
 * A change to some years of a range period (2020 of 2020–2027) cuts the period into pieces, so the
 * other years keep their figures. Years no period covers become new periods, which need a total.
 *
 * Errors carry the JSON path of the entry at fault (`recipients.remove[0]`); the loader adds the file.
 */
import type { AdminSpec, AllocateOptions } from './allocate.js';
import type { Decimal } from './decimal.js';
import { recipientKey } from './recipient-key.js';
import { StatsbidragError } from './errors.js';
import type { Period, Programme, Sourced } from './programme.js';
import type { FigureKind, FigureStatus, LocalText } from './sourced.js';
import { formatYearRange, intersect, uncoveredYears, type YearRange } from './schedule.js';
import type { Recipient } from './split.js';

interface ScenarioRecipientAdd {
  id: string;
  code?: string;
  basis: Decimal;
  floor?: Decimal;
  ceiling?: Decimal;
}

interface ScenarioRecipientChange {
  /** Name or code of an existing recipient. */
  id: string;
  basis?: Decimal;
  floor?: Decimal;
  ceiling?: Decimal;
}

interface ScenarioPeriod {
  years: YearRange;
  /** Money per year before administrative costs. */
  total?: Decimal;
  admin?: AdminSpec;
  unit?: Decimal;
  method?: string;
  source?: string;
  note?: LocalText;
  /** What the total is (default: stated). */
  kind?: FigureKind;
  status?: FigureStatus[];
  /** Other values sources give for the total. */
  alternatives?: { value: Decimal; source: string; note?: LocalText }[];
}

export interface Scenario {
  name: string;
  description?: LocalText;
  /** Programme id in the rules; default: the first with a recipient list. */
  programme?: string;
  /** Years to allocate (and compare); default every year of the (changed) programme. */
  years?: YearRange;
  recipients: { remove: string[]; add: ScenarioRecipientAdd[]; change: ScenarioRecipientChange[] };
  periods: ScenarioPeriod[];
  /** For every period without its own. */
  unit?: Decimal;
  method?: string;
  admin?: AdminSpec;
  /** Per-year minimum and maximum for every recipient. */
  floor?: Decimal;
  ceiling?: Decimal;
  /** Key → citation, for the figures' `source`. */
  sources: Record<string, string>;
}

export interface AppliedScenario {
  programme: Programme;
  recipients: Recipient[];
  options: AllocateOptions;
}


function findRecipient(recipients: readonly Recipient[], key: string): number {
  const k = recipientKey(key);
  const byId = recipients.findIndex((r) => recipientKey(r.id) === k);
  return byId >= 0 ? byId : recipients.findIndex((r) => r.code !== undefined && recipientKey(r.code) === k);
}

function adminOf(total: Decimal, spec: AdminSpec): Decimal {
  return spec.kind === 'amount' ? spec.value : total.times(spec.value).div(100);
}

/** Cut `period` so that no piece straddles a boundary of `range`. */
function cut(period: Period, range: YearRange): Period[] {
  const inside = intersect(period.years, range);
  if (!inside) return [period];
  const out: Period[] = [];
  if (period.years.from < inside.from) out.push({ ...period, years: { from: period.years.from, to: inside.from - 1 } });
  out.push({ ...period, years: inside });
  if (inside.to < period.years.to) out.push({ ...period, years: { from: inside.to + 1, to: period.years.to } });
  return out;
}

function applyRecipientChanges(base: readonly Recipient[], scenario: Scenario): Recipient[] {
  let recipients = base.map((r) => ({ ...r }));
  const removed = new Set<number>();
  scenario.recipients.remove.forEach((key, i) => {
    const at = findRecipient(recipients, key);
    const path = `recipients.remove[${i}]`;
    if (at < 0) throw new StatsbidragError('unknown-recipient', `no recipient "${key}" to remove`, { path });
    if (removed.has(at)) throw new StatsbidragError('duplicate-change', `"${key}" is removed twice`, { path });
    removed.add(at);
  });
  // One change a recipient: a second (under any spelling of its name or its code) would silently replace what the first set.
  const changed = new Map<number, number>();
  scenario.recipients.change.forEach((c, i) => {
    const at = findRecipient(recipients, c.id);
    const path = `recipients.change[${i}].id`;
    if (at < 0) throw new StatsbidragError('unknown-recipient', `no recipient "${c.id}" to change`, { path });
    if (removed.has(at)) throw new StatsbidragError('changed-removed-recipient', `"${c.id}" is also removed`, { path });
    const first = changed.get(at);
    if (first !== undefined) {
      throw new StatsbidragError('duplicate-change', `"${c.id}" is changed twice (recipients.change[${first}] changes "${scenario.recipients.change[first]!.id}", the same recipient): give one change with every field`, { path });
    }
    changed.set(at, i);
    const r = recipients[at]!;
    recipients[at] = {
      ...r,
      ...(c.basis !== undefined ? { weight: c.basis } : {}),
      ...(c.floor !== undefined ? { floor: c.floor } : {}),
      ...(c.ceiling !== undefined ? { ceiling: c.ceiling } : {}),
    };
  });
  recipients = recipients.filter((_, i) => !removed.has(i));
  scenario.recipients.add.forEach((a, i) => {
    const path = `recipients.add[${i}].id`;
    if (findRecipient(recipients, a.id) >= 0 || (a.code !== undefined && findRecipient(recipients, a.code) >= 0)) {
      throw new StatsbidragError('duplicate-recipient', `"${a.id}" is already a recipient`, { path });
    }
    recipients.push({
      id: a.id,
      ...(a.code !== undefined ? { code: a.code } : {}),
      weight: a.basis,
      ...(a.floor !== undefined ? { floor: a.floor } : {}),
      ...(a.ceiling !== undefined ? { ceiling: a.ceiling } : {}),
    });
  });
  if (recipients.length === 0) throw new StatsbidragError('no-recipients', 'the scenario removes every recipient', { path: 'recipients.remove' });
  return recipients;
}

/** What a scenario sets in a period, for the note it leaves (in English, and the Swedish below). */
type SetByScenario = 'total' | 'amount split' | 'unit' | 'method';
const SET_BY_SCENARIO_SV: Record<SetByScenario, string> = { total: 'totalen', 'amount split': 'beloppet att fördela', unit: 'avrundningsenheten', method: 'metoden' };

function applyPeriodChanges(programme: Programme, scenario: Scenario): Period[] {
  let periods = [...programme.periods].sort((a, b) => a.years.from - b.years.from);
  const sourcedOf = <T>(value: T, change: ScenarioPeriod | undefined, what: SetByScenario): Sourced<T> => ({
    value,
    source: change?.source ?? 'scenario',
    note: change?.note ?? { sv: `${SET_BY_SCENARIO_SV[what]} satt av scenariot "${scenario.name}"`, en: `${what} set by scenario "${scenario.name}"` },
  });

  scenario.periods.forEach((change, i) => {
    const path = `periods[${i}]`;
    periods = periods.flatMap((p) => cut(p, change.years));
    // Years no period covers yet become new periods (they need a total).
    const uncovered = uncoveredYears(change.years, periods);
    if (uncovered.length) {
      if (change.total === undefined) {
        throw new StatsbidragError(
          'period-needs-total',
          `programme "${programme.id}" has no money for ${uncovered.map(formatYearRange).join(', ')}; give a total for these years`,
          { path: `${path}.total` },
        );
      }
      const template = [...periods].reverse().find((p) => p.years.to < uncovered[0]!.from) ?? periods[0]!;
      const { publishedColumn: _published, ...rest } = template;
      void _published;
      for (const years of uncovered) periods.push({ ...rest, years });
      periods.sort((a, b) => a.years.from - b.years.from);
    }
    periods = periods.map((p) => {
      if (!intersect(p.years, change.years)) return p;
      const next: Period = { ...p };
      if (change.total !== undefined) {
        const admin = change.admin ?? scenario.admin;
        const adminAmount = admin ? adminOf(change.total, admin) : undefined;
        if (adminAmount && adminAmount.gt(change.total)) {
          throw new StatsbidragError('admin-exceeds-total', `administrative costs (${adminAmount.toFixed()}) exceed the total (${change.total.toFixed()})`, { path: `${path}.admin` });
        }
        next.statedTotal = {
          ...sourcedOf(change.total, change, 'total'),
          ...(change.kind ? { kind: change.kind } : {}),
          ...(change.alternatives ? { alternatives: change.alternatives } : {}),
        };
        if (change.status) next.status = change.status;
        else delete next.status;
        next.amountSplit = sourcedOf(adminAmount ? change.total.minus(adminAmount) : change.total, change, 'amount split');
        next.includesAdmin = adminAmount !== undefined && !adminAmount.isZero();
      } else if (change.admin) {
        const adminAmount = adminOf(p.statedTotal.value, change.admin);
        if (adminAmount.gt(p.statedTotal.value)) {
          throw new StatsbidragError('admin-exceeds-total', `administrative costs (${adminAmount.toFixed()}) exceed the total (${p.statedTotal.value.toFixed()})`, { path: `${path}.admin` });
        }
        next.amountSplit = sourcedOf(p.statedTotal.value.minus(adminAmount), change, 'amount split');
        next.includesAdmin = !adminAmount.isZero();
      }
      if (change.unit !== undefined) next.unit = sourcedOf(change.unit, change, 'unit');
      if (change.method !== undefined) next.method = sourcedOf(change.method, change, 'method');
      // Figures no longer match a published column once the money changes.
      if (change.total !== undefined || change.admin !== undefined) delete next.publishedColumn;
      return next;
    });
  });

  // Scenario-wide settings apply to every period that did not set its own.
  const own = (p: Period, key: 'unit' | 'method' | 'admin'): boolean =>
    scenario.periods.some((c) => intersect(p.years, c.years) && (key === 'admin' ? c.admin !== undefined || c.total !== undefined : c[key] !== undefined));
  return periods.map((p) => {
    const next: Period = { ...p };
    if (scenario.unit !== undefined && !own(p, 'unit')) next.unit = sourcedOf(scenario.unit, undefined, 'unit');
    if (scenario.method !== undefined && !own(p, 'method')) next.method = sourcedOf(scenario.method, undefined, 'method');
    if (scenario.admin !== undefined && !own(p, 'admin')) {
      const adminAmount = adminOf(p.statedTotal.value, scenario.admin);
      if (adminAmount.gt(p.statedTotal.value)) {
        throw new StatsbidragError('admin-exceeds-total', `administrative costs (${adminAmount.toFixed()}) exceed the total for ${formatYearRange(p.years)}`, { path: 'admin' });
      }
      next.amountSplit = sourcedOf(p.statedTotal.value.minus(adminAmount), undefined, 'amount split');
      next.includesAdmin = !adminAmount.isZero();
      delete next.publishedColumn;
    }
    return next;
  });
}

/** Programme + a scenario → the changed programme and allocate()'s options: applyScenario without the recipients. */
export function scenarioAllocation(programme: Programme, scenario: Scenario): { programme: Programme; options: AllocateOptions } {
  const r = scenario.recipients;
  const sameData = r.remove.length === 0 && r.add.length === 0 && r.change.length === 0;
  // An amount split's range (the amounts that give the published column) holds for the rules' own
  // recipients, money, unit and method only.
  const periods = applyPeriodChanges(programme, scenario).map((p) => {
    const own = programme.periods.find((q) => q.years.from <= p.years.from && p.years.to <= q.years.to);
    const keep = sameData && own && own.amountSplit === p.amountSplit && own.unit === p.unit && own.method === p.method;
    if (keep || !p.amountSplit.range) return p;
    const { range: _range, ...amountSplit } = p.amountSplit;
    void _range;
    return { ...p, amountSplit };
  });
  const changed: Programme = { ...programme, periods };
  const options: AllocateOptions = {
    programme: changed,
    ...(scenario.years ? { years: scenario.years } : {}),
    ...(scenario.floor ? { floor: scenario.floor } : {}),
    ...(scenario.ceiling ? { ceiling: scenario.ceiling } : {}),
  };
  return { programme: changed, options };
}

/** Programme + its recipients + a scenario → what to hand allocate(). */
export function applyScenario(programme: Programme, recipients: readonly Recipient[], scenario: Scenario): AppliedScenario {
  const { programme: changed, options } = scenarioAllocation(programme, scenario);
  return { programme: changed, recipients: applyRecipientChanges(recipients, scenario), options };
}

/** The baseline: the programme as the rules have it, as a scenario that changes nothing. */
export function baselineScenario(programme?: string): Scenario {
  return {
    name: 'baseline',
    description: { sv: 'programmet som de medföljande reglerna har det', en: 'the programme as the bundled rules have it' },
    ...(programme ? { programme } : {}),
    recipients: { remove: [], add: [], change: [] },
    periods: [],
    sources: {},
  };
}
