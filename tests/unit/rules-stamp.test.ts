/**
 * The build's stamp of the bundled rules (io/rules-stamp.ts): what the schema made of the file,
 * encoded as JSON, decodes to exactly that; bytes other than the stamped ones get nothing from it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { DATA_DIR, DEFAULT_RULES, loadRules } from '../../src/io/load.js';
import { decodeValue, encodeValue, stampedRules, stampedScenario, type RulesStamp, type ScenarioStamp } from '../../src/io/rules-stamp.js';
import { scenarioFromJson } from '../../src/io/scenario-schema.js';

async function stampOfBundledRules(): Promise<{ stamp: RulesStamp; bytes: Buffer }> {
  const bytes = readFileSync(DEFAULT_RULES);
  const { rules, sha256 } = await loadRules(DEFAULT_RULES);
  return { bytes, stamp: { bytes: bytes.toString('base64'), sha256, rules: JSON.parse(JSON.stringify(encodeValue(rules))) } };
}

describe('rules stamp', () => {
  it('decodes to exactly what the schema returns for the bundled rules: Decimals, year ranges, a null-prototype sources', async () => {
    const { rules } = await loadRules(DEFAULT_RULES);
    const { stamp, bytes } = await stampOfBundledRules();
    const stamped = stampedRules(bytes, stamp);
    expect(stamped).toBeDefined();
    expect(stamped!.rules).toStrictEqual(rules);
    expect(Object.getPrototypeOf(stamped!.rules.sources)).toBeNull();
    const period = stamped!.rules.programmes[0]!.periods[0]!;
    expect(period.statedTotal.value).toBeInstanceOf(Decimal);
    expect(period.statedTotal.value.eq(rules.programmes[0]!.periods[0]!.statedTotal.value)).toBe(true);
    expect(stamped!.sha256).toBe((await loadRules(DEFAULT_RULES)).sha256);
  });

  it('gives nothing for other bytes (an edited rules file is validated as any other), or without a stamp', async () => {
    const { stamp, bytes } = await stampOfBundledRules();
    const edited = Buffer.from(bytes.toString('utf8').replace('"version": 1', '"version": 2'));
    expect(edited.equals(bytes)).toBe(false);
    expect(stampedRules(edited, stamp)).toBeUndefined();
    expect(stampedRules(Buffer.concat([bytes, Buffer.from('\n')]), stamp)).toBeUndefined();
    expect(stampedRules(bytes.subarray(1), stamp)).toBeUndefined();
    // Tests run the sources, which no build has stamped.
    expect(stampedRules(bytes)).toBeUndefined();
  });

  it('keeps undefined values, negative zero Decimals and keys such as __proto__ as they were', () => {
    const record = Object.create(null) as Record<string, unknown>;
    Object.defineProperty(record, '__proto__', { value: 'a text', enumerable: true, writable: true, configurable: true });
    const value = { a: undefined, b: [1, 'x', null, true], zero: new Decimal('-0'), big: new Decimal('123456789012345678901234567890.25'), record };
    const decoded = decodeValue(JSON.parse(JSON.stringify(encodeValue(value)))) as typeof value;
    expect(decoded).toStrictEqual(value);
    expect(Object.hasOwn(decoded, 'a')).toBe(true);
    expect(decoded.zero.isNegative()).toBe(true);
    expect(Object.hasOwn(decoded.record, '__proto__')).toBe(true);
  });

  it('refuses what it cannot encode exactly, so the build fails rather than bake something else', () => {
    expect(() => encodeValue(new Map())).toThrow(/class Map/);
    expect(() => encodeValue(new Date(0))).toThrow(/class Date/);
    expect(() => encodeValue(Number.NaN)).toThrow(/number/);
    expect(() => encodeValue(-0)).toThrow(/number/);
    expect(() => encodeValue(10n)).toThrow(/bigint/);
    expect(() => encodeValue({ [Symbol('s')]: 1 })).toThrow(/symbol/);
  });
});

describe('scenario stamps', () => {
  const folder = join(DATA_DIR, 'scenarios');
  const files = readdirSync(folder).filter((f) => f.endsWith('.json'));

  it('decode to exactly what the schema makes of each bundled scenario; other bytes get nothing', async () => {
    expect(files.length).toBeGreaterThan(0);
    const stamps: ScenarioStamp[] = [];
    for (const name of files) {
      const bytes = readFileSync(join(folder, name));
      const scenario = scenarioFromJson(JSON.parse(bytes.toString('utf8')), name);
      stamps.push({ bytes: bytes.toString('base64'), scenario: JSON.parse(JSON.stringify(encodeValue(scenario))) });
    }
    for (const [i, name] of files.entries()) {
      const bytes = readFileSync(join(folder, name));
      const expected = scenarioFromJson(JSON.parse(bytes.toString('utf8')), name);
      expect(stampedScenario(bytes, stamps)).toStrictEqual(expected);
      expect(stampedScenario(bytes, [stamps[i]!])).toStrictEqual(expected);
      // One byte more, one less, one changed: validated as any other file.
      expect(stampedScenario(Buffer.concat([bytes, Buffer.from(' ')]), stamps)).toBeUndefined();
      expect(stampedScenario(bytes.subarray(1), stamps)).toBeUndefined();
      const changed = Buffer.from(bytes);
      changed[changed.indexOf('"version"')] = 0x20;
      expect(stampedScenario(changed, stamps)).toBeUndefined();
    }
    // Tests run the sources, which no build has stamped.
    expect(stampedScenario(readFileSync(join(folder, files[0]!)))).toBeUndefined();
  });
});
