var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res) => function __init() {
  return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __reExport = (target, mod, secondTarget) => (__copyProps(target, mod, "default"), secondTarget && __copyProps(secondTarget, mod, "default"));

// src/core/decimal.ts
import { Decimal as DecimalJs } from "decimal.js";
function decimalsOf(d) {
  return Math.max(0, d.decimalPlaces());
}
function maxDecimals(values) {
  let max = 0;
  for (const v of values) {
    const dp = v.decimalPlaces();
    if (dp > max) max = dp;
  }
  return max;
}
var Decimal;
var init_decimal = __esm({
  "src/core/decimal.ts"() {
    "use strict";
    Decimal = DecimalJs.clone({
      precision: 60,
      rounding: DecimalJs.ROUND_HALF_UP,
      toExpPos: 9e15,
      toExpNeg: -9e15
    });
  }
});

// src/core/errors.ts
function csvErrorCode(kebabCsvParseCode) {
  return CSV_SYNTAX_CODES[kebabCsvParseCode] ?? "csv-syntax";
}
function located(e, location) {
  return e instanceof StatsbidragError ? e.at(location) : e;
}
var CSV_SYNTAX_CODES, StatsbidragError;
var init_errors = __esm({
  "src/core/errors.ts"() {
    "use strict";
    CSV_SYNTAX_CODES = {
      "quote-not-closed": "csv-quote-not-closed",
      "invalid-closing-quote": "csv-invalid-closing-quote",
      "invalid-opening-quote": "csv-invalid-opening-quote",
      "non-trimable-char-after-closing-quote": "csv-non-trimable-char-after-closing-quote",
      "record-inconsistent-fields-length": "csv-record-inconsistent-fields-length"
    };
    StatsbidragError = class extends Error {
      constructor(code, message, location = {}, kind2 = "input") {
        super(message);
        this.code = code;
        this.location = location;
        this.kind = kind2;
      }
      name = "StatsbidragError";
      /**
       * Same error, with location facts filled in by an outer layer that knows them (the error's own
       * facts win). A copy of the same class with the same own fields (an AmountParseError keeps its
       * text and grouping candidates) and the original stack.
       */
      at(location) {
        const own = Object.fromEntries(Object.entries(this.location).filter(([, v]) => v !== void 0));
        const fields = Object.getOwnPropertyDescriptors(this);
        return Object.create(Object.getPrototypeOf(this), {
          ...fields,
          location: { ...fields.location, value: { ...location, ...own } }
        });
      }
    };
  }
});

// src/core/amount.ts
function swedishReading(d) {
  const [int3 = "", frac] = d.toFixed().split(".");
  return frac ? `${groupDigits(int3, " ")},${frac}` : groupDigits(int3, " ");
}
function amountProblemEnglish(p) {
  switch (p.kind) {
    case "no-digits":
      return "no digits";
    case "not-finite":
      return "not a finite number";
    case "exponent":
      return "exponent notation is not accepted for money";
    case "not-digits":
      return "contains characters that are not digits";
    case "separators":
      return "unexpected separators";
    case "decimal-marks":
      return `more than one decimal mark "${p.mark}"`;
    case "grouping":
      return p.readings.length ? `digit groups after the first must have three digits (most likely ${p.readings.map(swedishReading).join(" or ")})` : "digit groups after the first must have three digits";
    case "ambiguous":
      return `could mean ${p.intPart}${p.frac} or ${p.intPart}.${p.frac}; write it without the separator, or with a decimal mark and grouping spaces`;
    case "mixed-marks":
      return 'mixes "," and "." ambiguously';
    case "too-large":
      return `more than ${p.digits} digits`;
    case "too-precise":
      return `more than ${p.decimals} decimals`;
    case "percent-with-scale":
      return "a percentage cannot carry a scale word";
    case "percent-not-amount":
      return "a percentage where an amount is expected";
  }
}
function fail(code, text, problem, grouping) {
  throw new AmountParseError(code, `"${text}" is not an amount: ${amountProblemEnglish(problem)}`, text, grouping, problem);
}
function isAmbiguousSeparator(intPart, frac) {
  return frac.length === 3 && /^[1-9]\d{0,2}$/.test(intPart);
}
function splitWords(text) {
  let body = text.replace(SPACE_LIKE, " ").replace(/\u2212/g, "-").trim();
  let exponent = 0;
  let percent = false;
  if (body.endsWith("%")) {
    percent = true;
    body = body.slice(0, -1).trim();
  }
  let currency = false;
  for (; ; ) {
    const m = /^(.*?)\s*([A-Za-zåäöÅÄÖ.:-]+)$/.exec(body);
    if (!m || m[1] === void 0 || m[2] === void 0 || /^[-.]+$/.test(m[2])) break;
    const word = m[2];
    if (CURRENCY_WORDS.test(word) && !currency) {
      currency = true;
      body = m[1];
      continue;
    }
    const scale = SCALE_WORDS.find(([re]) => re.test(word));
    if (scale && exponent === 0) {
      exponent = scale[1];
      body = m[1];
      continue;
    }
    break;
  }
  return { body: body.trim(), exponent, percent };
}
function groupingCandidates(intPart, frac) {
  const groups = intPart.split(" ");
  const fixes = [[], []];
  groups.forEach((g, i) => {
    const short2 = i > 0 && g.length < 3;
    fixes[0].push(short2 ? g.padEnd(3, "0") : g);
    fixes[1].push(short2 ? g.padStart(3, "0") : g);
  });
  const texts = [fixes[0].join(""), fixes[1].join(""), groups.join("")];
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const t2 of texts) {
    const d = new Decimal(frac ? `${t2}.${frac}` : t2);
    if (!seen.has(d.toString())) {
      seen.add(d.toString());
      out.push(d);
    }
  }
  return out;
}
function parseNumberBody(original, body, decimalMark) {
  let sign = "";
  if (/^[-+]/.test(body)) {
    sign = body[0] === "-" ? "-" : "";
    body = body.slice(1).trim();
  }
  if (body === "") fail("invalid-amount", original, { kind: "no-digits" });
  if (/^(nan|infinity|inf)$/i.test(body)) fail("invalid-amount", original, { kind: "not-finite" });
  if (/\d[eE][-+]?\d/.test(body)) fail("invalid-amount", original, { kind: "exponent" });
  if (/[^\d ,.]/.test(body)) fail("invalid-amount", original, { kind: "not-digits" });
  let intPart;
  let frac = "";
  if (body.includes(" ")) {
    const m = /^([\d ]+?)(?:[,.](\d+))?$/.exec(body);
    if (!m || m[1] === void 0) fail("invalid-amount", original, { kind: "separators" });
    intPart = m[1].trim();
    frac = m[2] ?? "";
    const groups = intPart.split(/ +/);
    const ok = groups[0].length >= 1 && groups[0].length <= 3 && groups.slice(1).every((g) => g.length === 3);
    if (!ok) {
      const candidates = groupingCandidates(groups.join(" "), frac);
      fail("broken-digit-grouping", original, { kind: "grouping", readings: candidates }, { candidates: sign ? candidates.map((c) => c.neg()) : candidates });
    }
    intPart = groups.join("");
  } else {
    const commas = (body.match(/,/g) ?? []).length;
    const dots = (body.match(/\./g) ?? []).length;
    if (commas + dots === 0) {
      intPart = body;
    } else if (decimalMark && !(decimalMark === "," && dots === 1 && commas === 0)) {
      const group = decimalMark === "," ? "." : ",";
      const parts = body.split(decimalMark);
      if (parts.length > 2) fail("invalid-amount", original, { kind: "decimal-marks", mark: decimalMark });
      const groups = parts[0].split(group);
      const ok = groups.length === 1 || groups[0].length >= 1 && groups[0].length <= 3 && groups.slice(1).every((g) => g.length === 3);
      if (!ok) fail("broken-digit-grouping", original, { kind: "grouping", readings: [] });
      intPart = groups.join("");
      frac = parts[1] ?? "";
    } else if (commas + dots === 1) {
      [intPart, frac] = body.split(/[,.]/);
      if (isAmbiguousSeparator(intPart, frac)) {
        fail("ambiguous-amount", original, { kind: "ambiguous", intPart, frac });
      }
    } else {
      const last = body[Math.max(body.lastIndexOf(","), body.lastIndexOf("."))];
      let head = body;
      let groupMark = last;
      if (commas > 0 && dots > 0) {
        if ((last === "," ? commas : dots) !== 1) fail("invalid-amount", original, { kind: "mixed-marks" });
        const at = body.lastIndexOf(last);
        head = body.slice(0, at);
        frac = body.slice(at + 1);
        groupMark = last === "," ? "." : ",";
      }
      const groups = head.split(groupMark);
      const ok = groups[0].length >= 1 && groups[0].length <= 3 && groups.slice(1).every((g) => g.length === 3);
      if (!ok) fail("broken-digit-grouping", original, { kind: "grouping", readings: [] });
      intPart = groups.join("");
    }
  }
  if (!/^\d+$/.test(intPart) || frac !== "" && !/^\d+$/.test(frac)) {
    fail("invalid-amount", original, { kind: "separators" });
  }
  if (intPart.replace(/^0+/, "").length > MAX_INTEGER_DIGITS) {
    fail("amount-too-large", original, { kind: "too-large", digits: MAX_INTEGER_DIGITS });
  }
  if (frac.length > MAX_DECIMALS) fail("amount-too-precise", original, { kind: "too-precise", decimals: MAX_DECIMALS });
  return new Decimal(`${sign}${intPart}${frac ? `.${frac}` : ""}`);
}
function parseAmountOrPercent(text, options = {}) {
  if (PLAIN.test(text)) return { value: new Decimal(text), percent: false };
  if (GROUPED.test(text)) return { value: new Decimal(text.replace(/ /g, "")), percent: false };
  const { body, exponent, percent } = splitWords(text);
  if (percent && exponent) fail("invalid-amount", text, { kind: "percent-with-scale" });
  const value = parseNumberBody(text, body, options.decimalMark);
  const scaled = exponent ? value.times(new Decimal(`1e${exponent}`)) : value;
  if (scaled.abs().gte(TOO_LARGE)) {
    fail("amount-too-large", text, { kind: "too-large", digits: MAX_INTEGER_DIGITS });
  }
  return { value: scaled, percent };
}
function parseAmount(text, options = {}) {
  const parsed = parseAmountOrPercent(text, options);
  if (parsed.percent) fail("invalid-amount", text, { kind: "percent-not-amount" });
  return parsed.value;
}
function groupDigits(digits, group) {
  const head = (digits.length - 1) % 3 + 1;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += group + digits.slice(i, i + 3);
  return out;
}
var MAX_INTEGER_DIGITS, MAX_DECIMALS, SCALE_WORDS, CURRENCY_WORDS, SPACE_LIKE, AmountParseError, PLAIN, GROUPED, TOO_LARGE;
var init_amount = __esm({
  "src/core/amount.ts"() {
    "use strict";
    init_decimal();
    init_errors();
    MAX_INTEGER_DIGITS = 30;
    MAX_DECIMALS = 20;
    SCALE_WORDS = [
      [/^(miljarder|miljard|mdkr|mdr|md|mrd|billions?|bn)$/i, 9],
      [/^(miljoner|miljon|mkr|mnkr|msek|mn|mio|millions?|m)$/i, 6],
      [/^(tusen|tkr|tsek|thousands?|k)$/i, 3]
    ];
    CURRENCY_WORDS = /^(kr|kr\.|kronor|krona|sek|:-)$/i;
    SPACE_LIKE = /[\u00a0\u202f\u2009\u2007\u2002-\u2006]/g;
    AmountParseError = class extends StatsbidragError {
      constructor(code, message, text, grouping, problem) {
        super(code, message);
        this.text = text;
        this.grouping = grouping;
        this.problem = problem;
      }
    };
    PLAIN = /^-?\d{1,30}(?:\.\d{1,2})?$/;
    GROUPED = /^-?\d{1,3}(?: \d{3}){1,9}$/;
    TOO_LARGE = new Decimal(`1e${MAX_INTEGER_DIGITS}`);
  }
});

// src/core/cells.ts
function readCell(raw, decimalMark) {
  const text = raw ?? "";
  if (text.trim() === "") return { kind: "empty", raw: text };
  try {
    return { kind: "ok", raw: text, value: parseAmount(text, decimalMark ? { decimalMark } : {}) };
  } catch (e) {
    if (e instanceof AmountParseError) {
      return { kind: "bad", raw: text, code: e.code, message: e.message, candidates: e.grouping?.candidates ?? [], ...e.problem ? { problem: e.problem } : {} };
    }
    throw e;
  }
}
var init_cells = __esm({
  "src/core/cells.ts"() {
    "use strict";
    init_amount();
    init_decimal();
  }
});

// src/core/schedule.ts
function parseYearRange(text) {
  const m = RANGE.exec(text);
  if (!m) throw new StatsbidragError("invalid-year", `"${text}" is not a year or a range such as 2020-2027`);
  const from = Number(m[1]);
  const to = m[2] === void 0 ? from : Number(m[2]);
  if (to < from) throw new StatsbidragError("invalid-year", `"${text}": the range ends before it starts`);
  return { from, to };
}
function formatYearRange(r) {
  return r.from === r.to ? String(r.from) : `${r.from}\u2013${r.to}`;
}
function yearsOf(r) {
  const out = [];
  for (let y = r.from; y <= r.to; y++) out.push(y);
  return out;
}
function yearCount(r) {
  return r.to - r.from + 1;
}
var RANGE;
var init_schedule = __esm({
  "src/core/schedule.ts"() {
    "use strict";
    init_errors();
    RANGE = /^\s*(\d{4})\s*(?:[-–—]\s*(\d{4}))?\s*$/;
  }
});

// src/io/json-path.ts
function formatJsonPath(path) {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(root)";
}
var init_json_path = __esm({
  "src/io/json-path.ts"() {
    "use strict";
  }
});

// src/io/zod.ts
var zod_exports = {};
__export(zod_exports, {
  addIssue: () => addIssue,
  textParsedBy: () => textParsedBy
});
import { config, pipe, string, transform, NEVER } from "zod/mini";
import { en } from "zod/locales";
import * as mini_star from "zod/mini";
function addIssue(ctx, message) {
  ctx.issues.push({ code: "custom", message, input: ctx.value });
}
function textParsedBy(parse2) {
  return pipe(
    string(),
    transform((raw, ctx) => {
      try {
        return parse2(raw);
      } catch (e) {
        if (e instanceof StatsbidragError) {
          addIssue(ctx, e.message);
          return NEVER;
        }
        throw e;
      }
    })
  );
}
var init_zod = __esm({
  "src/io/zod.ts"() {
    "use strict";
    init_errors();
    __reExport(zod_exports, mini_star);
    config(en());
  }
});

// src/io/local-text.ts
var LANGUAGES, what, localText;
var init_local_text = __esm({
  "src/io/local-text.ts"() {
    "use strict";
    init_zod();
    LANGUAGES = ["sv", "en"];
    what = (v) => v === null ? "null" : Array.isArray(v) ? "a list" : typeof v;
    localText = zod_exports.pipe(
      zod_exports.unknown(),
      zod_exports.transform((raw, ctx) => {
        if (typeof raw === "string") return raw;
        if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
          addIssue(ctx, `expected a text, or {"sv": "\u2026", "en": "\u2026"}, not ${what(raw)}`);
          return zod_exports.NEVER;
        }
        const o = raw;
        let ok = true;
        for (const key of Object.keys(o)) {
          if (!LANGUAGES.includes(key)) {
            ctx.issues.push({ code: "custom", message: `unknown language "${key}" (a text has "sv" and "en")`, input: o[key], path: [key] });
            ok = false;
          }
        }
        for (const lang of LANGUAGES) {
          const t2 = o[lang];
          if (typeof t2 !== "string" || t2.trim() === "") {
            const message = t2 === void 0 ? `the ${lang === "sv" ? "Swedish" : "English"} text is missing (a text has both "sv" and "en")` : typeof t2 === "string" ? "empty text" : `expected a text, not ${what(t2)}`;
            ctx.issues.push({ code: "custom", message, input: t2, path: [lang] });
            ok = false;
          }
        }
        return ok ? { sv: o["sv"], en: o["en"] } : zod_exports.NEVER;
      })
    );
  }
});

// src/io/amount-schema.ts
function exactNumberText(n) {
  if (!Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER) return void 0;
  const text = String(n);
  return /e/i.test(text) ? void 0 : text;
}
function numberOrTextParsedBy(parse2) {
  return zod_exports.pipe(
    zod_exports.unknown(),
    zod_exports.transform((raw, ctx) => {
      let text;
      if (typeof raw === "string") text = raw;
      else if (typeof raw === "number") {
        const exact = exactNumberText(raw);
        if (exact === void 0) {
          addIssue(ctx, `${raw} is not exact as a JSON number; write the amount as a string`);
          return zod_exports.NEVER;
        }
        text = exact;
      } else {
        addIssue(ctx, `expected a number or an amount as text (e.g. "8 000 000"), not ${described(raw)}`);
        return zod_exports.NEVER;
      }
      try {
        return parse2(text);
      } catch (e) {
        if (e instanceof StatsbidragError) {
          addIssue(ctx, e.message);
          return zod_exports.NEVER;
        }
        throw e;
      }
    })
  );
}
var described, ZERO, amountSchema, nonNegativeAmountSchema, positiveAmountSchema;
var init_amount_schema = __esm({
  "src/io/amount-schema.ts"() {
    "use strict";
    init_amount();
    init_decimal();
    init_errors();
    init_zod();
    init_zod();
    described = (raw) => raw === null ? "null" : raw === void 0 ? "nothing" : Array.isArray(raw) ? "a list" : typeof raw;
    ZERO = new Decimal(0);
    amountSchema = numberOrTextParsedBy((text) => {
      const d = parseAmount(text);
      return d.isZero() ? ZERO : d;
    });
    nonNegativeAmountSchema = amountSchema.check(zod_exports.refine((d) => !d.isNegative(), "must not be negative"));
    positiveAmountSchema = amountSchema.check(zod_exports.refine((d) => d.gt(0), "must be greater than zero"));
  }
});

// src/core/rational.ts
function gcd(a, b) {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}
function rat(num, den = 1n) {
  if (den === 0n) throw new RangeError("zero denominator");
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}
var abs;
var init_rational = __esm({
  "src/core/rational.ts"() {
    "use strict";
    abs = (n) => n < 0n ? -n : n;
  }
});

// src/core/scaled.ts
function scaleOf(decimals) {
  return 10n ** BigInt(decimals);
}
function toScaled(d, decimals) {
  if (!(d.decimalPlaces() <= decimals)) throw new RangeError(`${d.toString()} is not a whole number of 10^-${decimals}`);
  const fixed = d.toFixed(decimals);
  return BigInt(decimals === 0 ? fixed : fixed.replace(".", ""));
}
function toScaledAll(values, decimals) {
  const out = new Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = toScaled(values[i], decimals);
  return out;
}
function fromScaled(n, decimals) {
  return new Decimal(decimals === 0 ? n.toString() : `${n.toString()}e-${decimals}`);
}
function toBigInt(d) {
  return toScaled(d, 0);
}
function fromBigInt(n) {
  return fromScaled(n, 0);
}
function ratFromDecimal(d) {
  const dp = Math.max(0, d.decimalPlaces());
  return rat(toScaled(d, dp), scaleOf(dp));
}
function decimalOfRational(r) {
  return fromBigInt(r.num).div(fromBigInt(r.den));
}
var init_scaled = __esm({
  "src/core/scaled.ts"() {
    "use strict";
    init_decimal();
    init_rational();
  }
});

// src/core/checks/values.ts
function readAmountCell(values, pos, text, decimalMark) {
  const n = text.length;
  if (n > 0 && n <= 16) {
    let mant = 0;
    let digits = 0;
    let dot = -1;
    let i = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        mant = mant * 10 + (c - 48);
        digits++;
      } else if (c === 46 && dot < 0 && i > 0) dot = i;
      else break;
    }
    const frac = dot < 0 ? 0 : n - dot - 1;
    if (i === n && digits <= 15 && (dot < 0 || frac === 1 || frac === 2)) {
      values.setScaled(pos, mant, frac);
      return void 0;
    }
  }
  if (n > 4 && n <= 19 && GROUPED2.test(text)) {
    values.setScaled(pos, Number(text.replace(/ /g, "")), 0);
    return void 0;
  }
  const cell = readCell(text, decimalMark);
  if (cell.kind === "ok") {
    values.set(pos, cell.value);
    return void 0;
  }
  return cell;
}
var NONE, BIG, LIMIT, FLUSH, AmountValues, Accumulator, GROUPED2;
var init_values = __esm({
  "src/core/checks/values.ts"() {
    "use strict";
    init_cells();
    init_decimal();
    init_scaled();
    NONE = 255;
    BIG = 254;
    LIMIT = 1e15;
    FLUSH = 2 ** 53 - LIMIT;
    AmountValues = class _AmountValues {
      constructor(length) {
        this.length = length;
        this.mant = new Float64Array(length);
        this.dec = new Uint8Array(length).fill(NONE);
      }
      mant;
      dec;
      big = /* @__PURE__ */ new Map();
      has(pos) {
        return this.dec[pos] !== NONE;
      }
      get(pos) {
        const d = this.dec[pos];
        if (d === NONE) return void 0;
        if (d === BIG) return this.big.get(pos);
        return fromScaled(BigInt(this.mant[pos]), d);
      }
      set(pos, value) {
        this.big.delete(pos);
        if (value === void 0) {
          this.dec[pos] = NONE;
          return;
        }
        const dp = value.decimalPlaces();
        if (!value.isNegative() && dp < 20) {
          const m = toScaled(value, dp);
          if (m < BigInt(LIMIT)) {
            this.mant[pos] = Number(m);
            this.dec[pos] = dp;
            return;
          }
        }
        this.dec[pos] = BIG;
        this.big.set(pos, value);
      }
      /** Sets a value read as digits: mant / 10^dec (mant < 10^15, an integer). */
      setScaled(pos, mant, dec) {
        while (dec > 0 && mant % 10 === 0) {
          mant /= 10;
          dec--;
        }
        this.mant[pos] = mant;
        this.dec[pos] = dec;
      }
      /** Whether `value` is negative (a Decimal's sign: "-0" is). */
      isNegative(pos) {
        return this.dec[pos] === BIG && this.big.get(pos).isNegative();
      }
      /** The decimals of the value at `pos` when it is held as digits; -1 when it has none or is a Decimal. */
      decimalsAt(pos) {
        const d = this.dec[pos];
        return d >= BIG ? -1 : d;
      }
      /** How many positions have a value. */
      count() {
        let k = 0;
        for (let i = 0; i < this.dec.length; i++) if (this.dec[i] !== NONE) k++;
        return k;
      }
      /** Positions whose value is negative ("-0" too, as Decimal's sign has it), ascending. */
      negatives() {
        const out = [];
        for (const [pos, v] of this.big) if (v.isNegative()) out.push(pos);
        return out.sort((a, b) => a - b);
      }
      /** The most decimals of any value (0 for none). */
      maxDecimals() {
        let max = 0;
        const { dec } = this;
        for (let i = 0; i < dec.length; i++) {
          const d = dec[i];
          if (d < BIG && d > max) max = d;
        }
        for (const v of this.big.values()) if (v.decimalPlaces() > max) max = v.decimalPlaces();
        return max;
      }
      /** The exact sum of the values at the positions `keep` accepts (all when absent), as sumOf() adds Decimals. */
      sum(keep2) {
        return this.sumOf(0, this.length, keep2);
      }
      /** The sum over the positions of `positions`[0..count). */
      sumAt(positions, count) {
        const acc = new Accumulator();
        const bigs = [];
        for (let k = 0; k < count; k++) {
          const pos = positions[k];
          const d = this.dec[pos];
          if (d === NONE) continue;
          if (d === BIG) bigs.push(this.big.get(pos));
          else acc.add(this.mant[pos], d);
        }
        return bigs.reduce((s, v) => s.plus(v), acc.total());
      }
      sumOf(from, to, keep2) {
        const acc = new Accumulator();
        const { dec, mant } = this;
        for (let pos = from; pos < to; pos++) {
          const d = dec[pos];
          if (d >= BIG || keep2 && !keep2(pos)) continue;
          acc.add(mant[pos], d);
        }
        let total = acc.total();
        for (const [pos, v] of this.big) if (pos >= from && pos < to && (!keep2 || keep2(pos))) total = total.plus(v);
        return total;
      }
      /** The values at `positions` (ascending), as a column of their own. */
      select(positions) {
        const out = new _AmountValues(positions.length);
        for (let k = 0; k < positions.length; k++) {
          const pos = positions[k];
          out.mant[k] = this.mant[pos];
          out.dec[k] = this.dec[pos];
          if (out.dec[k] === BIG) out.big.set(k, this.big.get(pos));
        }
        return out;
      }
      /**
       * The value at `pos` × 10^decimals as an exact integer (a double), or NaN when it has none, is
       * held as a Decimal, has more decimals, or would not be exact.
       */
      scaled(pos, decimals) {
        const d = this.dec[pos];
        if (d >= BIG || d > decimals) return NaN;
        const v = d === decimals ? this.mant[pos] : this.mant[pos] * 10 ** (decimals - d);
        return v <= Number.MAX_SAFE_INTEGER ? v : NaN;
      }
    };
    Accumulator = class {
      run = new Float64Array(BIG);
      held = [];
      top = -1;
      add(mant, dec) {
        let s = this.run[dec] + mant;
        if (s >= FLUSH) {
          this.held[dec] = (this.held[dec] ?? 0n) + BigInt(s);
          s = 0;
        }
        this.run[dec] = s;
        if (dec > this.top) this.top = dec;
      }
      total() {
        let all = 0n;
        for (let d = 0; d <= this.top; d++) {
          const part = (this.held[d] ?? 0n) + BigInt(this.run[d]);
          all += part * scaleOf(this.top - d);
        }
        return new Decimal(0).plus(fromScaled(all, Math.max(0, this.top)));
      }
    };
    GROUPED2 = /^\d{1,3}(?: \d{3}){1,9}$/;
  }
});

// src/core/apportion/types.ts
function sumOf(values) {
  let s = 0n;
  for (const v of values) s += v;
  return s;
}
var init_types = __esm({
  "src/core/apportion/types.ts"() {
    "use strict";
  }
});

// src/core/apportion/range.ts
function unitRanges(method, weights, house, units, name = (i) => `row ${i + 1}`) {
  const total = sumOf(weights);
  switch (method.kind) {
    case "divisor":
      return divisorRanges(method, weights, house, units);
    case "remainder": {
      const budget = { left: Math.max(1, Math.floor(WALK_BUDGET / Math.max(1, weights.length))) };
      return weights.map((w, i) => w === 0n ? { down: house, up: null } : remainderRange(weights, total, house, i, units[i], budget, name));
    }
    default:
      return weights.map((w, i) => w === 0n ? { down: house, up: null } : monotoneRange((h) => method.apportion({ weights, units: h }).units[i], house, units[i]));
  }
}
function monotoneRange(unitsAt, house, a) {
  let lo = 0n;
  let hi = house;
  while (lo < hi) {
    const mid = (lo + hi) / 2n;
    if (unitsAt(mid) === a) hi = mid;
    else lo = mid + 1n;
  }
  const down = house - lo;
  let step = 1n;
  while (unitsAt(house + step) === a) step *= 2n;
  lo = house + step / 2n;
  hi = house + step;
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (unitsAt(mid) === a) lo = mid;
    else hi = mid;
  }
  return { down, up: lo - house };
}
function remainderUnits(weights, total, h, i) {
  let handed = 0n;
  const ri = weights[i] * h % total;
  const wi = weights[i];
  let ahead = 0n;
  for (let j = 0; j < weights.length; j++) {
    const p = weights[j] * h;
    const q = p / total;
    handed += q;
    if (j === i) continue;
    const r = p - q * total;
    if (r > ri || r === ri && (weights[j] > wi || weights[j] === wi && j < i)) ahead++;
  }
  const left = h - handed;
  return wi * h / total + (ri > 0n && ahead < left ? 1n : 0n);
}
function remainderRange(weights, total, house, i, a, budget, name) {
  const visit = (h) => {
    if (--budget.left < 0) {
      throw new StatsbidragError(
        "range-too-far",
        `under largest remainder the range of "${name(i)}" takes more splits to find than the tool makes (its weight is a tiny share of the total); a larger --unit, or a divisor method, finds it`,
        { field: "--explain-range" },
        "usage"
      );
    }
    return remainderUnits(weights, total, h, i);
  };
  let down = 0n;
  while (down < house && visit(house - down - 1n) === a) down++;
  let up = 0n;
  while (visit(house + up + 1n) === a) up++;
  return { down, up };
}
function divisorRanges(method, weights, house, units) {
  const d = method.divisor;
  const wp = weights.map((w) => d.power === 2 ? w * w : w);
  const before = (j, i, s) => {
    if (j === i) return s;
    if (weights[j] === 0n) return 0n;
    const x = wp[j] * d.num(s);
    const jFirst = weights[j] > weights[i] || weights[j] === weights[i] && j < i;
    const comes = (t2) => {
      const y = wp[i] * d.num(t2);
      return y < x || y === x && jFirst;
    };
    if (!comes(0n)) return 0n;
    let hi = 1n;
    while (comes(hi)) hi *= 2n;
    let lo = hi / 2n;
    while (hi - lo > 1n) {
      const mid = (lo + hi) / 2n;
      if (comes(mid)) lo = mid;
      else hi = mid;
    }
    return lo + 1n;
  };
  const rank = (i, s) => {
    let n = 1n;
    for (let j = 0; j < weights.length; j++) n += before(j, i, s);
    return n;
  };
  return weights.map((w, i) => {
    if (w === 0n) return { down: house, up: null };
    const a = units[i];
    const from = a === 0n ? 0n : rank(i, a - 1n);
    const to = rank(i, a) - 1n;
    return { down: house - from, up: to - house };
  });
}
var WALK_BUDGET;
var init_range = __esm({
  "src/core/apportion/range.ts"() {
    "use strict";
    init_errors();
    init_types();
    WALK_BUDGET = 1e8;
  }
});

// src/core/apportion/constraints.ts
function checkFeasible(problem, bounds, text = plainUnits) {
  const { weights, units } = problem;
  let floors = 0n;
  let ceilings = 0n;
  let unbounded = false;
  weights.forEach((w, i) => {
    const f = bounds.floors?.[i];
    const c = bounds.ceilings?.[i];
    if (f !== void 0 && c !== void 0 && f > c) {
      throw new StatsbidragError("floor-above-ceiling", `row ${i + 1}: floor ${text(f)} is above its ceiling ${text(c)}`);
    }
    if (w === 0n) return;
    if (f !== void 0) floors += f;
    if (c === void 0) unbounded = true;
    else ceilings += c;
  });
  if (floors > units) {
    throw new StatsbidragError("floors-exceed-total", `the floors add up to ${text(floors)}, ${text(floors - units)} more than the ${text(units)} to split`);
  }
  if (!unbounded && ceilings < units) {
    throw new StatsbidragError(
      "ceilings-below-total",
      `the ceilings add up to ${text(ceilings)}, ${text(units - ceilings)} less than the ${text(units)} to split`
    );
  }
}
function apportionWithin(method, problem, bounds, text) {
  checkFeasible(problem, bounds, text);
  const { weights, units, explain } = problem;
  const n = weights.length;
  const floorOf = (i) => bounds.floors?.[i] ?? 0n;
  const ceilingOf = (i) => bounds.ceilings?.[i];
  const fixed = new Array(n).fill(void 0);
  const bound = new Array(n).fill(void 0);
  const fixOutOfBounds = (free, amountNum, den) => {
    let over = 0n;
    let under = 0n;
    for (const i of free) {
      const a = amountNum(i);
      const c = ceilingOf(i);
      if (c !== void 0 && a > c * den) over += a - c * den;
      const f = floorOf(i);
      if (a < f * den) under += f * den - a;
    }
    if (over === 0n && under === 0n) return false;
    const fixCeilings = over >= under;
    for (const i of free) {
      const a = amountNum(i);
      const c = ceilingOf(i);
      if (fixCeilings && c !== void 0 && a > c * den) [fixed[i], bound[i]] = [c, "ceiling"];
      const f = floorOf(i);
      if (!fixCeilings && a < f * den) [fixed[i], bound[i]] = [f, "floor"];
    }
    return true;
  };
  for (; ; ) {
    const free = [];
    let rest = units;
    let freeWeight = 0n;
    for (let i = 0; i < n; i++) {
      const f = fixed[i];
      if (f !== void 0) rest -= f;
      else if (weights[i] > 0n) {
        free.push(i);
        freeWeight += weights[i];
      }
    }
    if (free.length === 0 || rest < 0n) {
      if (rest !== 0n) throw new StatsbidragError("bounds-unstable", `floors and ceilings leave ${text?.(rest) ?? plainUnits(rest)} that no row may take`);
      return finish(method, problem, fixed, bound, [], void 0);
    }
    if (fixOutOfBounds(free, (i) => weights[i] * rest, freeWeight)) continue;
    const result = method({ weights: free.map((i) => weights[i]), units: rest, ...explain ? { explain } : {} });
    const given = new Array(n);
    free.forEach((i, k) => given[i] = result.units[k]);
    if (fixOutOfBounds(free, (i) => given[i], 1n)) continue;
    return finish(method, problem, fixed, bound, free, result);
  }
}
function finish(method, problem, fixed, bound, free, result) {
  const { weights, units, explain } = problem;
  const out = fixed.map((f) => f ?? 0n);
  const total = sumOf(weights);
  const decisions = explain ? weights.map((w) => ({ quota: { num: w * units, den: total } })) : void 0;
  free.forEach((row, k) => {
    out[row] = result.units[k];
    if (decisions && result?.decisions) decisions[row] = result.decisions[k];
  });
  const tiedRows = result ? result.tiedRows.map((k) => free[k]) : [];
  return {
    units: out,
    tiedRows,
    bound,
    ...decisions ? { decisions, unconstrained: method({ weights, units }).units } : {}
  };
}
var plainUnits;
var init_constraints = __esm({
  "src/core/apportion/constraints.ts"() {
    "use strict";
    init_errors();
    init_types();
    plainUnits = (u) => `${u} units`;
  }
});

// src/core/apportion/decisions.ts
function remainderDecision(w, units, total) {
  const p = w * units;
  return { quota: { num: p, den: total }, remainder: { num: p % total, den: total } };
}
function divisorDecision(w, count, units, total, d) {
  const quota = { num: w * units, den: total };
  if (w === 0n) return { quota };
  const wp = d.power === 2 ? w * w : w;
  const priority = (s) => ({ num: wp * d.den, den: d.num(s), power: d.power });
  return { quota, ...count > 0n ? { lastPriority: priority(count - 1n) } : {}, nextPriority: priority(count) };
}
var init_decisions = __esm({
  "src/core/apportion/decisions.ts"() {
    "use strict";
  }
});

// src/core/apportion/heap.ts
var RowHeap;
var init_heap = __esm({
  "src/core/apportion/heap.ts"() {
    "use strict";
    RowHeap = class {
      /** `before(a, b) < 0` when row a belongs nearer the top than row b. */
      constructor(rows, before) {
        this.before = before;
        this.items = [...rows];
        for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
      }
      items;
      get size() {
        return this.items.length;
      }
      top() {
        return this.items[0];
      }
      /** Call after the top row's key changed. */
      topChanged() {
        this.siftDown(0);
      }
      /** Remove the top row. */
      pop() {
        const last = this.items.pop();
        if (last !== void 0 && this.items.length > 0) {
          this.items[0] = last;
          this.siftDown(0);
        }
      }
      siftDown(start) {
        const items = this.items;
        const n = items.length;
        let i = start;
        for (; ; ) {
          const l = 2 * i + 1;
          if (l >= n) return;
          const r = l + 1;
          const c = r < n && this.before(items[r], items[l]) < 0 ? r : l;
          if (this.before(items[c], items[i]) >= 0) return;
          [items[i], items[c]] = [items[c], items[i]];
          i = c;
        }
      }
    };
  }
});

// src/core/apportion/divisor.ts
function divisorMethod(d) {
  return (problem) => apportionByDivisor(d, problem);
}
function apportionByDivisor(d, { weights, units, explain }) {
  const total = sumOf(weights);
  if (total <= 0n) throw new StatsbidragError("no-positive-weight", "no recipient has a positive weight");
  const n = weights.length;
  const { power, den } = d;
  const num = (s) => d.num(s);
  const wp = weights.map((w) => power === 2 ? w * w : w);
  const counts = new Array(n).fill(0n);
  const rows = [];
  for (let i = 0; i < n; i++) if (weights[i] > 0n) rows.push(i);
  const comparePriority = (i, s, j, t2) => {
    const a = wp[i] * num(t2);
    const b = wp[j] * num(s);
    return a === b ? 0 : a > b ? 1 : -1;
  };
  const claimBefore = (i, s, j, t2) => {
    const p = comparePriority(i, s, j, t2);
    if (p !== 0) return -p;
    const wi = weights[i];
    const wj = weights[j];
    if (wi !== wj) return wi > wj ? -1 : 1;
    if (i !== j) return i - j;
    return s === t2 ? 0 : s < t2 ? -1 : 1;
  };
  if (units > 0n) {
    const totalP = power === 2 ? total * total : total;
    const countAbove = (m, into) => {
      let handed2 = 0n;
      for (const i of rows) {
        const wm = weights[i] * m;
        const rhs = den * (power === 2 ? wm * wm : wm);
        const below = (s) => num(s) * totalP < rhs;
        let g = wm / total;
        while (g > 0n && !below(g - 1n)) g--;
        while (below(g)) g++;
        into[i] = g;
        handed2 += g;
      }
      return handed2;
    };
    let handed = countAbove(units, counts);
    const shifted = 2n * units - handed;
    if (handed !== units && shifted > 0n) {
      const second = new Array(n).fill(0n);
      const handed2 = countAbove(shifted, second);
      const miss = (h) => h > units ? h - units : units - h;
      if (miss(handed2) < miss(handed)) {
        for (const i of rows) counts[i] = second[i];
        handed = handed2;
      }
    }
    if (handed < units) {
      const heap = new RowHeap(rows, (a, b) => claimBefore(a, counts[a], b, counts[b]));
      for (let k = handed; k < units; k++) {
        const i = heap.top();
        counts[i] = counts[i] + 1n;
        heap.topChanged();
      }
    } else if (handed > units) {
      const holders = rows.filter((i) => counts[i] > 0n);
      const heap = new RowHeap(holders, (a, b) => claimBefore(b, counts[b] - 1n, a, counts[a] - 1n));
      for (let k = units; k < handed; k++) {
        const i = heap.top();
        counts[i] = counts[i] - 1n;
        if (counts[i] === 0n) heap.pop();
        else heap.topChanged();
      }
    }
  }
  return {
    units: counts,
    tiedRows: units > 0n ? tiedAtCut(rows, counts, claimBefore, comparePriority) : [],
    ...explain ? { decisions: weights.map((w, i) => divisorDecision(w, counts[i], units, total, d)) } : {}
  };
}
function tiedAtCut(rows, counts, claimBefore, comparePriority) {
  let lastIn;
  let firstOut;
  for (const i of rows) {
    const c = counts[i];
    if (c > 0n && (lastIn === void 0 || claimBefore(i, c - 1n, lastIn, counts[lastIn] - 1n) > 0)) lastIn = i;
    if (firstOut === void 0 || claimBefore(i, c, firstOut, counts[firstOut]) < 0) firstOut = i;
  }
  if (lastIn === void 0 || firstOut === void 0) return [];
  const cutS = counts[lastIn] - 1n;
  if (comparePriority(lastIn, cutS, firstOut, counts[firstOut]) !== 0) return [];
  return rows.filter((i) => {
    const c = counts[i];
    return c > 0n && comparePriority(i, c - 1n, lastIn, cutS) === 0 || comparePriority(i, c, lastIn, cutS) === 0;
  });
}
var init_divisor = __esm({
  "src/core/apportion/divisor.ts"() {
    "use strict";
    init_errors();
    init_decisions();
    init_heap();
    init_types();
  }
});

// src/core/apportion/fast-divisor.ts
function compareProducts(a, b, c, d) {
  const x = a * b;
  const y = c * d;
  if (x < y * (1 - CLOSE)) return -1;
  if (x > y * (1 + CLOSE)) return 1;
  const X = BigInt(a) * BigInt(b);
  const Y = BigInt(c) * BigInt(d);
  return X === Y ? 0 : X > Y ? 1 : -1;
}
function compareTriples(a, b, c, d, e, f) {
  const x = a * b * c;
  const y = d * e * f;
  if (x < y * (1 - CLOSE)) return -1;
  if (x > y * (1 + CLOSE)) return 1;
  const X = BigInt(a) * BigInt(b) * BigInt(c);
  const Y = BigInt(d) * BigInt(e) * BigInt(f);
  return X === Y ? 0 : X > Y ? 1 : -1;
}
function divisorF64(d, weights, unitsTotal, total) {
  if (total <= 0) throw new StatsbidragError("no-positive-weight", "no recipient has a positive weight");
  const numOf = (s) => Number(d.num(BigInt(s)));
  const den = Number(d.den);
  if (d.power !== 1 || unitsTotal > 2 ** 50 || !Number.isSafeInteger(numOf(2 * unitsTotal + 2)) || !Number.isSafeInteger(den)) return void 0;
  const num = numFunction(d, numOf);
  const n = weights.length;
  const wp = weights;
  const counts = new Float64Array(n);
  const rows = [];
  for (let i = 0; i < n; i++) if (weights[i] > 0) rows.push(i);
  const comparePriority = (i, s, j, t2) => compareProducts(wp[i], num(t2), wp[j], num(s));
  const claimBefore = (i, s, j, t2) => {
    const p = comparePriority(i, s, j, t2);
    if (p !== 0) return -p;
    const wi = weights[i];
    const wj = weights[j];
    if (wi !== wj) return wi > wj ? -1 : 1;
    if (i !== j) return i - j;
    return s === t2 ? 0 : s < t2 ? -1 : 1;
  };
  if (unitsTotal > 0) {
    const countAbove = (m, into) => {
      let handed2 = 0;
      for (const i of rows) {
        const w = weights[i];
        const below = (s) => compareTriples(num(s), total, 1, den, w, m) < 0;
        let g = Math.floor(w * m / total);
        while (g > 0 && !below(g - 1)) g--;
        while (below(g)) g++;
        into[i] = g;
        handed2 += g;
      }
      return handed2;
    };
    let handed = countAbove(unitsTotal, counts);
    const shifted = 2 * unitsTotal - handed;
    if (handed !== unitsTotal && shifted > 0) {
      const second = new Float64Array(n);
      const handed2 = countAbove(shifted, second);
      const miss = (h) => Math.abs(h - unitsTotal);
      if (miss(handed2) < miss(handed)) {
        for (const i of rows) counts[i] = second[i];
        handed = handed2;
      }
    }
    if (handed < unitsTotal) {
      const heap = new RowHeap(rows, (a, b) => claimBefore(a, counts[a], b, counts[b]));
      for (let k = handed; k < unitsTotal; k++) {
        const i = heap.top();
        counts[i]++;
        heap.topChanged();
      }
    } else if (handed > unitsTotal) {
      const holders = rows.filter((i) => counts[i] > 0);
      const heap = new RowHeap(holders, (a, b) => claimBefore(b, counts[b] - 1, a, counts[a] - 1));
      for (let k = unitsTotal; k < handed; k++) {
        const i = heap.top();
        counts[i]--;
        if (counts[i] === 0) heap.pop();
        else heap.topChanged();
      }
    }
  }
  return { units: counts, tiedRows: unitsTotal > 0 ? tiedAtCut2(rows, counts, claimBefore, comparePriority) : [] };
}
function numFunction(d, numOf) {
  const n1 = numOf(1);
  const n2 = numOf(2);
  const n3 = numOf(3);
  if (d.power === 1) {
    const step = n2 - n1;
    const n0 = numOf(0);
    const linear = (s) => s === 0 ? n0 : n1 + (s - 1) * step;
    if (n3 - n2 === step && [4, 17, 1e3, 123457].every((s) => linear(s) === numOf(s))) return linear;
  }
  return numOf;
}
function tiedAtCut2(rows, counts, claimBefore, comparePriority) {
  let lastIn;
  let firstOut;
  for (const i of rows) {
    const c = counts[i];
    if (c > 0 && (lastIn === void 0 || claimBefore(i, c - 1, lastIn, counts[lastIn] - 1) > 0)) lastIn = i;
    if (firstOut === void 0 || claimBefore(i, c, firstOut, counts[firstOut]) < 0) firstOut = i;
  }
  if (lastIn === void 0 || firstOut === void 0) return [];
  const cutS = counts[lastIn] - 1;
  if (comparePriority(lastIn, cutS, firstOut, counts[firstOut]) !== 0) return [];
  return rows.filter((i) => {
    const c = counts[i];
    return c > 0 && comparePriority(i, c - 1, lastIn, cutS) === 0 || comparePriority(i, c, lastIn, cutS) === 0;
  });
}
var CLOSE;
var init_fast_divisor = __esm({
  "src/core/apportion/fast-divisor.ts"() {
    "use strict";
    init_errors();
    init_heap();
    CLOSE = 2 ** -46;
  }
});

// src/core/apportion/method.ts
function onDoubles(method) {
  return (weights, units) => {
    const big = new Array(weights.length);
    for (let i = 0; i < weights.length; i++) big[i] = BigInt(weights[i]);
    const result = method({ weights: big, units: BigInt(units) });
    return { units: Float64Array.from(result.units, Number), tiedRows: result.tiedRows };
  };
}
function defineDivisorMethod(facts, divisor) {
  return {
    ...facts,
    exactSum: true,
    kind: "divisor",
    divisor,
    exact: (first) => divisorMethod(divisor(first)),
    fast: (first) => {
      const d = divisor(first);
      const exact = onDoubles(divisorMethod(d));
      return (weights, units, total) => divisorF64(d, weights, units, total) ?? exact(weights, units, total);
    }
  };
}
var defineMethod;
var init_method = __esm({
  "src/core/apportion/method.ts"() {
    "use strict";
    init_divisor();
    init_fast_divisor();
    defineMethod = (definition) => definition;
  }
});

// src/core/apportion/divisors.ts
function checkFirst(first, next, method) {
  if (first.num <= 0n || first.den <= 0n || first.num > next * first.den) {
    throw new StatsbidragError(
      "invalid-first-divisor",
      `the first divisor for ${method} must be above 0 and at most ${next} (the second divisor)`,
      { field: "--first-divisor" },
      "usage"
    );
  }
}
function dhondtDivisor(first = { num: 1n, den: 1n }) {
  checkFirst(first, 2n, "dhondt");
  const { num: a, den: b } = first;
  return { power: 1, den: b, num: (s) => s === 0n ? a : b * (s + 1n) };
}
function sainteLagueDivisor(first = { num: 1n, den: 1n }) {
  checkFirst(first, 3n, "sainte-lague");
  const { num: a, den: b } = first;
  return { power: 1, den: 2n * b, num: (s) => s === 0n ? a : b * (2n * s + 1n) };
}
var huntingtonHillDivisor, adamsDivisor, dhondtMethod, sainteLagueMethod, huntingtonHillMethod, adamsMethod;
var init_divisors = __esm({
  "src/core/apportion/divisors.ts"() {
    "use strict";
    init_errors();
    init_method();
    huntingtonHillDivisor = { power: 2, den: 1n, num: (s) => s * (s + 1n) };
    adamsDivisor = { power: 1, den: 1n, num: (s) => s };
    dhondtMethod = defineDivisorMethod({ name: "dhondt", modifiable: true, description: "D'Hondt/Jefferson: divisors 1, 2, 3, \u2026" }, dhondtDivisor);
    sainteLagueMethod = defineDivisorMethod(
      { name: "sainte-lague", modifiable: true, description: "Sainte-Lagu\xEB/Webster: divisors 1, 3, 5, \u2026 (modified with --first-divisor, e.g. 1.2)" },
      sainteLagueDivisor
    );
    huntingtonHillMethod = defineDivisorMethod(
      { name: "huntington-hill", description: "Huntington-Hill/equal proportions: divisors \u221A(s(s+1)); every positive row gets a unit first" },
      () => huntingtonHillDivisor
    );
    adamsMethod = defineDivisorMethod({ name: "adams", description: "Adams/smallest divisors: divisors 0, 1, 2, \u2026; every positive row gets a unit first" }, () => adamsDivisor);
  }
});

// src/core/apportion/fast.ts
function quotasAndRemainders(weights, units, total, q, r) {
  const n = weights.length;
  const cu = SPLITTER * units;
  const uh = cu - (cu - units);
  const ul = units - uh;
  const cw = SPLITTER * total;
  const wh = cw - (cw - total);
  const wl = total - wh;
  let handed = 0;
  for (let i = 0; i < n; i++) {
    const a = weights[i];
    const p = a * units;
    const ca = SPLITTER * a;
    const ah = ca - (ca - a);
    const al = a - ah;
    const pe = ah * uh - p + ah * ul + al * uh + al * ul;
    let qq = Math.floor(p / total);
    const s = qq * total;
    const cq = SPLITTER * qq;
    const qh = cq - (cq - qq);
    const ql = qq - qh;
    const se = qh * wh - s + qh * wl + ql * wh + ql * wl;
    let rr = p - s + (pe - se);
    while (rr < 0) {
      rr += total;
      qq--;
    }
    while (rr >= total) {
      rr -= total;
      qq++;
    }
    q[i] = qq;
    r[i] = rr;
    handed += qq;
  }
  return handed;
}
function largestRemainderF64(weights, units, total) {
  if (total <= 0) throw new StatsbidragError("no-positive-weight", "no recipient has a positive weight");
  const n = weights.length;
  const out = new Float64Array(n);
  let r = new Float64Array(n);
  const left = units - quotasAndRemainders(weights, units, total, out, r);
  if (left === 0) return { units: out, tiedRows: [] };
  const threshold = kthSmallest(Float64Array.from(r), n - left);
  const atThreshold = [];
  let given = 0;
  for (let i = 0; i < n; i++) {
    const ri = r[i];
    if (ri > threshold) {
      out[i]++;
      given++;
    } else if (ri === threshold) {
      atThreshold.push(i);
    }
  }
  r = void 0;
  atThreshold.sort((a, b) => weights[a] === weights[b] ? a - b : weights[a] > weights[b] ? -1 : 1);
  const more = left - given;
  for (let k = 0; k < more; k++) out[atThreshold[k]]++;
  return { units: out, tiedRows: more < atThreshold.length ? atThreshold : [] };
}
function roundEachF64(direction, weights, units, total) {
  if (total <= 0) throw new StatsbidragError("no-positive-weight", "no recipient has a positive weight");
  const n = weights.length;
  const out = new Float64Array(n);
  const r = new Float64Array(n);
  quotasAndRemainders(weights, units, total, out, r);
  const tiedRows = [];
  for (let i = 0; i < n; i++) {
    const ri = r[i];
    if (ri === 0 || direction === "down") continue;
    if (direction === "up") out[i]++;
    else {
      if (2 * ri === total) tiedRows.push(i);
      if (2 * ri >= total) out[i]++;
    }
  }
  return { units: out, tiedRows };
}
function kthSmallest(a, k) {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = lo + hi >>> 1;
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? y < z ? y : x < z ? z : x : x < z ? x : y < z ? z : y;
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i];
      if (v < pivot) {
        a[i] = a[lt];
        a[lt] = v;
        lt++;
        i++;
      } else if (v > pivot) {
        a[i] = a[gt];
        a[gt] = v;
        gt--;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return a[lo];
}
var MAX_TOTAL, MAX_PRODUCT, SPLITTER;
var init_fast = __esm({
  "src/core/apportion/fast.ts"() {
    "use strict";
    init_errors();
    MAX_TOTAL = 2 ** 51;
    MAX_PRODUCT = 2 ** 96;
    SPLITTER = 134217729;
  }
});

// src/core/apportion/largest-remainder.ts
function largestRemainder({ weights, units, explain }) {
  const total = sumOf(weights);
  if (total <= 0n) throw new StatsbidragError("no-positive-weight", "no recipient has a positive weight");
  const n = weights.length;
  const out = new Array(n);
  const asDoubles = total <= BigInt(Number.MAX_SAFE_INTEGER) ? new Float64Array(n) : void 0;
  const remainders = asDoubles ? [] : new Array(n);
  let handed = 0n;
  for (let i = 0; i < n; i++) {
    const p = weights[i] * units;
    const q = p / total;
    out[i] = q;
    const r = p - q * total;
    if (asDoubles) asDoubles[i] = Number(r);
    else remainders[i] = r;
    handed += q;
  }
  const left = Number(units - handed);
  const decisions = () => explain ? { decisions: weights.map((w) => remainderDecision(w, units, total)) } : {};
  if (left === 0) return { units: out, tiedRows: [], ...decisions() };
  if (asDoubles) return { units: out, tiedRows: handOutByThreshold(asDoubles, weights, out, left), ...decisions() };
  const order = [];
  for (let i = 0; i < n; i++) if (remainders[i] > 0n) order.push(i);
  order.sort((a, b) => {
    const ra = remainders[a];
    const rb = remainders[b];
    if (ra !== rb) return ra > rb ? -1 : 1;
    const wa = weights[a];
    const wb = weights[b];
    if (wa !== wb) return wa > wb ? -1 : 1;
    return a - b;
  });
  for (let k = 0; k < left; k++) out[order[k]] += 1n;
  const tiedRows = [];
  const lastIn = order[left - 1];
  const firstOut = order[left];
  if (lastIn !== void 0 && firstOut !== void 0 && remainders[lastIn] === remainders[firstOut]) {
    const r = remainders[lastIn];
    for (const i of order) if (remainders[i] === r) tiedRows.push(i);
  }
  return { units: out, tiedRows, ...decisions() };
}
function handOutByThreshold(r, weights, out, left) {
  const n = r.length;
  const threshold = Float64Array.from(r).sort()[n - left];
  const atThreshold = [];
  let given = 0;
  for (let i = 0; i < n; i++) {
    if (r[i] > threshold) {
      out[i] += 1n;
      given++;
    } else if (r[i] === threshold) {
      atThreshold.push(i);
    }
  }
  atThreshold.sort((a, b) => weights[a] === weights[b] ? a - b : weights[a] > weights[b] ? -1 : 1);
  const more = left - given;
  for (let k = 0; k < more; k++) out[atThreshold[k]] += 1n;
  return more < atThreshold.length ? atThreshold : [];
}
var largestRemainderMethod;
var init_largest_remainder = __esm({
  "src/core/apportion/largest-remainder.ts"() {
    "use strict";
    init_errors();
    init_decisions();
    init_types();
    init_fast();
    init_method();
    largestRemainderMethod = defineMethod({
      name: "largest-remainder",
      exactSum: true,
      kind: "remainder",
      description: "Hamilton/Hare: whole quotas, leftover units to the largest remainders",
      exact: () => largestRemainder,
      fast: () => largestRemainderF64
    });
  }
});

// src/core/apportion/round-each.ts
function roundEach(direction) {
  return ({ weights, units, explain }) => {
    const total = sumOf(weights);
    if (total <= 0n) throw new StatsbidragError("no-positive-weight", "no recipient has a positive weight");
    const tiedRows = [];
    const decisions = [];
    const out = weights.map((w, i) => {
      const p = w * units;
      const q = p / total;
      const r = p - q * total;
      if (explain) decisions.push(remainderDecision(w, units, total));
      if (r === 0n) return q;
      if (direction === "down") return q;
      if (direction === "up") return q + 1n;
      if (2n * r === total) tiedRows.push(i);
      return 2n * r >= total ? q + 1n : q;
    });
    return explain ? { units: out, tiedRows, decisions } : { units: out, tiedRows };
  };
}
var roundNearest, roundDown, roundUp, roundEachMethod, roundNearestMethod, roundDownMethod, roundUpMethod;
var init_round_each = __esm({
  "src/core/apportion/round-each.ts"() {
    "use strict";
    init_errors();
    init_decisions();
    init_types();
    init_fast();
    init_method();
    roundNearest = roundEach("nearest");
    roundDown = roundEach("down");
    roundUp = roundEach("up");
    roundEachMethod = (name, direction, exact, description) => defineMethod({ name, exactSum: false, kind: "round-each", description, exact: () => exact, fast: () => (weights, units, total) => roundEachF64(direction, weights, units, total) });
    roundNearestMethod = roundEachMethod("round-nearest", "nearest", roundNearest, "each row rounded on its own to the nearest unit (halves up); residual reported");
    roundDownMethod = roundEachMethod("round-down", "down", roundDown, "each row rounded down; residual reported");
    roundUpMethod = roundEachMethod("round-up", "up", roundUp, "each row rounded up; residual reported");
  }
});

// src/core/apportion/index.ts
function methodByName(name, options = {}) {
  const found = METHODS.find((m) => m.name === name);
  if (!found) {
    throw new StatsbidragError("unknown-method", `unknown method "${name}" (one of: ${METHOD_NAMES.join(", ")})`, {}, "usage");
  }
  const { firstDivisor } = options;
  if (firstDivisor !== void 0 && !found.modifiable) {
    throw new StatsbidragError(
      "first-divisor-not-applicable",
      `a first divisor applies to ${MODIFIABLE_METHODS.join(" and ")}, not to ${name}`,
      { field: "--first-divisor" },
      "usage"
    );
  }
  return {
    name: found.name,
    apportion: found.exact(firstDivisor),
    fast: found.fast(firstDivisor),
    exactSum: found.exactSum,
    kind: found.kind,
    description: found.description,
    ...firstDivisor ? { firstDivisor } : {},
    ...found.divisor ? { divisor: found.divisor(firstDivisor) } : {}
  };
}
var METHODS, METHOD_NAMES, MODIFIABLE_METHODS;
var init_apportion = __esm({
  "src/core/apportion/index.ts"() {
    "use strict";
    init_errors();
    init_divisors();
    init_largest_remainder();
    init_round_each();
    init_largest_remainder();
    init_round_each();
    init_divisor();
    init_divisors();
    init_constraints();
    METHODS = [
      largestRemainderMethod,
      dhondtMethod,
      sainteLagueMethod,
      huntingtonHillMethod,
      adamsMethod,
      roundNearestMethod,
      roundDownMethod,
      roundUpMethod
    ];
    METHOD_NAMES = METHODS.map((m) => m.name);
    MODIFIABLE_METHODS = METHODS.filter((m) => m.modifiable).map((m) => m.name);
  }
});

// src/core/split.ts
function priorityOf(p, scale) {
  if (p.den === 0n) return new Decimal(Infinity);
  const v = decimalOfRational(p);
  return (p.power === 2 ? v.sqrt() : v).div(scale);
}
function boundsOf(request, unit) {
  const where = (r) => r.line === void 0 ? {} : { line: r.line };
  let any = false;
  const toUnits = (value, r, what2) => {
    if (value === void 0) return void 0;
    if (!value.isFinite() || value.isNegative()) {
      throw new StatsbidragError(`negative-${what2}`, `the ${what2} of "${r.id}" is negative (${value.toFixed()})`, where(r));
    }
    any = true;
    const units = value.div(unit);
    return toBigInt(what2 === "floor" ? units.ceil() : units.floor());
  };
  const floors = [];
  const ceilings = [];
  for (const r of request.recipients) {
    const floor = r.floor ?? request.floor;
    const ceiling = r.ceiling ?? request.ceiling;
    if (floor !== void 0 && ceiling !== void 0 && floor.gt(ceiling)) {
      throw new StatsbidragError("floor-above-ceiling", `the floor of "${r.id}" (${floor.toFixed()}) is above its ceiling (${ceiling.toFixed()})`, where(r));
    }
    const f = toUnits(floor, r, "floor");
    const c = toUnits(ceiling, r, "ceiling");
    if (f !== void 0 && c !== void 0 && f > c) {
      throw new StatsbidragError(
        "floor-above-ceiling",
        `no whole number of units of ${unit.toFixed()} lies between the floor (${floor.toFixed()}) and the ceiling (${ceiling.toFixed()}) of "${r.id}"`,
        where(r)
      );
    }
    floors.push(f);
    ceilings.push(c);
  }
  return { floors, ceilings, any };
}
function explanationOf(decision, scale) {
  return {
    quotaUnits: decimalOfRational(decision.quota),
    quotaFraction: rat(decision.quota.num, decision.quota.den),
    ...decision.remainder ? { remainder: decimalOfRational(decision.remainder) } : {},
    ...decision.lastPriority ? { lastPriority: priorityOf(decision.lastPriority, scale) } : {},
    ...decision.nextPriority ? { nextPriority: priorityOf(decision.nextPriority, scale) } : {}
  };
}
function splitRow(recipient, units, tied, weightUnits, totals, explain) {
  const row = new LazyRow(recipient, units, tied, weightUnits, totals);
  if (explain) row.explain = explain;
  return row;
}
function checkedMethod(request) {
  const { amount, unit } = request;
  const method = methodByName(request.method, request.firstDivisor ? { firstDivisor: ratFromDecimal(request.firstDivisor) } : {});
  if (!unit.isFinite() || unit.lte(0)) throw new StatsbidragError("invalid-unit", `the unit must be a positive amount, not ${unit.toString()}`, {}, "usage");
  if (amount.isNegative()) throw new StatsbidragError("negative-total", `the amount to split is negative (${amount.toFixed()})`, {}, "usage");
  return method;
}
function wholeUnitsOf(request) {
  const { amount, unit } = request;
  const unitsExact = amount.div(unit);
  const wholeUnits = unitsExact.floor();
  if (!unitsExact.isInteger() && (request.rest ?? "error") === "error") {
    throw new StatsbidragError(
      "total-not-multiple-of-unit",
      `${amount.toFixed()} is not a whole number of units of ${unit.toFixed()} (${wholeUnits.times(unit).toFixed()} would be, leaving ${amount.minus(
        wholeUnits.times(unit)
      ).toFixed()}); change the unit or the total, or let the rest stay unsplit (--rest leave)`,
      {},
      "usage"
    );
  }
  return wholeUnits.isNegative() ? new Decimal(0) : wholeUnits;
}
function splitFigures(request, method, rows, allocatedUnits, bounded) {
  const { amount, unit } = request;
  const allocated = fromBigInt(allocatedUnits).times(unit);
  return {
    rows,
    method: method.name,
    methodKind: method.kind,
    ...request.firstDivisor ? { firstDivisor: request.firstDivisor } : {},
    ...bounded ? { bounded: true } : {},
    unit,
    decimals: decimalsOf(unit),
    amount,
    allocated,
    residual: amount.minus(allocated)
  };
}
function split(request) {
  const { recipients, amount, unit } = request;
  const method = checkedMethod(request);
  if (recipients.length === 0) throw new StatsbidragError("no-recipients", "there are no recipients to split among");
  const weightValues = recipients.map((r) => r.weight);
  weightValues.forEach((w, i) => {
    if (w.isNegative()) {
      const r = recipients[i];
      throw new StatsbidragError("negative-weight", `the weight of "${r.id}" is negative`, r.line === void 0 ? {} : { line: r.line });
    }
  });
  const wholeUnits = wholeUnitsOf(request);
  const weightDecimals = maxDecimals(weightValues);
  const weights = toScaledAll(weightValues, weightDecimals);
  const totalWeight = sumOf(weights);
  if (totalWeight === 0n) throw new StatsbidragError("no-positive-weight", "no recipient has a positive weight");
  const bounds = boundsOf(request, unit);
  const money = (u) => fromBigInt(u).times(unit).toFixed();
  const problem = { weights, units: toBigInt(wholeUnits), ...request.explain ? { explain: true } : {} };
  const result = bounds.any ? apportionWithin(method.apportion, problem, bounds, money) : method.apportion(problem);
  const tied = new Set(result.tiedRows);
  const ranges = request.explain && request.explainRange && !bounds.any ? unitRanges(method, weights, problem.units, result.units, (i) => recipients[i].id) : void 0;
  const totalWeightD = fromBigInt(totalWeight);
  const scale = new Decimal(10).pow(weightDecimals);
  let allocatedUnits = 0n;
  const totals = { weight: totalWeightD, amount, unit };
  const rows = recipients.map((recipient, i) => {
    const u = result.units[i];
    allocatedUnits += u;
    const bound = result.bound?.[i];
    const decision = result.decisions?.[i];
    const f = bounds.floors[i];
    const c = bounds.ceilings[i];
    const explain = decision && {
      ...explanationOf(decision, scale),
      ...f !== void 0 ? { floor: fromBigInt(f).times(unit) } : {},
      ...c !== void 0 ? { ceiling: fromBigInt(c).times(unit) } : {},
      ...result.unconstrained ? { unconstrained: fromBigInt(result.unconstrained[i]).times(unit) } : {},
      ...f !== void 0 && f > 0n && weights[i] === 0n ? { floorIgnored: true } : {},
      ...ranges ? { range: { down: fromBigInt(ranges[i].down).times(unit), up: ranges[i].up === null ? null : fromBigInt(ranges[i].up).times(unit) } } : {}
    };
    const row = splitRow(recipient, u, tied.has(i), weights[i], totals, explain);
    if (bound) row.bound = bound;
    return row;
  });
  const figures = splitFigures(request, method, rows, allocatedUnits, bounds.any);
  return request.explain && request.explainRange && bounds.any ? { ...figures, rangeDeclined: true } : figures;
}
var LazyRow;
var init_split = __esm({
  "src/core/split.ts"() {
    "use strict";
    init_range();
    init_constraints();
    init_apportion();
    init_types();
    init_decimal();
    init_errors();
    init_rational();
    init_scaled();
    LazyRow = class {
      constructor(recipient, units, tied, weightUnits, totals) {
        this.recipient = recipient;
        this.units = units;
        this.tied = tied;
        this.weightUnits = weightUnits;
        this.totals = totals;
      }
      bound;
      explain;
      #share;
      #quota;
      /** units × unit, made when read: holding a Decimal per row costs a million-row split ~100 MB. */
      get amount() {
        return fromBigInt(this.units).times(this.totals.unit);
      }
      get share() {
        return this.#share ??= fromBigInt(this.weightUnits).div(this.totals.weight);
      }
      get quota() {
        return this.#quota ??= fromBigInt(this.weightUnits).times(this.totals.amount).div(this.totals.weight);
      }
    };
  }
});

// src/core/award.ts
function canonicalType(type) {
  const t2 = type.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");
  return Object.hasOwn(TYPE_ALIASES, t2) ? TYPE_ALIASES[t2] : t2;
}
function priorityOrder(scores, n) {
  const order = [...Array(n).keys()];
  if (!scores || scores.every((s) => s === void 0)) return order;
  if (scores.length !== n || scores.some((s) => s === void 0)) throw new RangeError("priority rationing needs a score for every row, or none");
  return order.sort((a, b) => {
    const c = scores[b].comparedTo(scores[a]);
    return c !== 0 ? c : a - b;
  });
}
function rankAndApprove(caps, draws, budgets, order, partial = false) {
  return rankAndApproveWithRoom(caps, draws, budgets, order, partial).awards;
}
function rankAndApproveWithRoom(caps, draws, budgets, order, partial = false) {
  const left = [...budgets];
  const awards = new Array(caps.length).fill(0n);
  const tightest = new Array(caps.length);
  for (const i of order) {
    const pools = draws[i];
    let room = caps[i];
    for (const p of pools) {
      if (left[p] < room) {
        room = left[p];
        tightest[i] = { pool: p, left: left[p] };
      }
    }
    const give = room >= caps[i] ? caps[i] : partial ? room : 0n;
    if (give <= 0n) continue;
    awards[i] = give;
    for (const p of pools) left[p] -= give;
  }
  return { awards, tightest };
}
function tiesIn(order, scores, caps, awards) {
  const key = (i) => scores?.[i]?.toFixed() ?? "";
  const groups = /* @__PURE__ */ new Map();
  for (const i of order) {
    const k = key(i);
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  }
  const tied = [];
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const full = g.filter((i) => awards[i] === caps[i]);
    if (full.length > 0 && full.length < g.length) for (const i of g) tied.push(i);
  }
  return tied.sort((a, b) => a - b);
}
function ration(problem) {
  const { caps, budget } = problem;
  const n = caps.length;
  if (budget < 0n) throw new RangeError("negative budget");
  if (caps.some((c) => c < 0n)) throw new RangeError("negative cap");
  const demand = sum(caps);
  if (problem.rationing === "priority") {
    const order = priorityOrder(problem.scores, n);
    const awards2 = rankAndApprove(caps, caps.map(() => [0]), [budget], order, problem.partial);
    const scored = problem.scores?.some((x) => x !== void 0);
    return { awards: awards2, tied: scored && demand > budget ? tiesIn(order, problem.scores, caps, awards2) : [], order };
  }
  if (demand <= budget) return { awards: [...caps], tied: [] };
  if (problem.rationing === "proportional") {
    const s = split({
      recipients: caps.map((c, i) => ({ id: String(i), weight: fromBigInt(c) })),
      amount: fromBigInt(budget),
      unit: new Decimal(1),
      method: "largest-remainder"
    });
    return { awards: s.rows.map((r) => toBigInt(r.amount)), tied: s.rows.flatMap((r, i) => r.tied ? [i] : []) };
  }
  const at = (level2) => caps.reduce((a, c) => a + (c < level2 ? c : level2), 0n);
  let lo = 0n;
  let hi = caps.reduce((a, c) => c > a ? c : a, 0n);
  while (lo < hi) {
    const mid = (lo + hi + 1n) / 2n;
    if (at(mid) <= budget) lo = mid;
    else hi = mid - 1n;
  }
  const level = lo;
  const awards = caps.map((c) => c < level ? c : level);
  let left = budget - sum(awards);
  const above = [...Array(n).keys()].filter((i) => caps[i] > level).sort((a, b) => caps[a] === caps[b] ? a - b : caps[a] > caps[b] ? -1 : 1);
  const tied = [];
  const served = Number(left);
  if (served > 0 && served < above.length && caps[above[served - 1]] === caps[above[served]]) {
    const c = caps[above[served]];
    for (const i of above) if (caps[i] === c) tied.push(i);
  }
  for (const i of above) {
    if (left === 0n) break;
    awards[i] += 1n;
    left -= 1n;
  }
  return { awards, tied, level };
}
function floorDiv(a, b) {
  const q = a / b;
  return a < 0n && q * b !== a ? q - 1n : q;
}
function scaledAt(values, i, scale) {
  const d = values.decimalsAt(i);
  if (d >= 0) {
    const m = BigInt(values.mant[i]);
    return d === scale ? m : m * scaleOf(scale - d);
  }
  return toScaled(values.get(i), scale);
}
function awardColumns(apps, options) {
  const { rules, unit, rationing } = options;
  if (!unit.isFinite() || unit.lte(0)) throw new StatsbidragError("invalid-unit", `the unit must be a positive amount, not ${unit.toString()}`, {}, "usage");
  const ceiling = options.ceiling ?? rules.ceiling?.value;
  const givenShare = options.maxCostShare ?? rules.maxCostShare?.value;
  const maxCostShare = givenShare ?? new Decimal(100);
  const mostYears = rules.maxDecisionYears?.value;
  const toUnits = (d) => toBigInt(d.div(unit).floor());
  const money = (u) => fromBigInt(u).times(unit);
  const callOf = (year) => {
    if (options.calls) return options.calls(year);
    const b = options.budget?.(year);
    return b === void 0 ? void 0 : { amount: b };
  };
  const pools = [];
  const poolIndex = /* @__PURE__ */ new Map();
  const pool = (key, make) => {
    let i = poolIndex.get(key);
    if (i === void 0) {
      i = pools.push(make()) - 1;
      poolIndex.set(key, i);
    }
    return i;
  };
  const drawsIn = (c, year, ordinance) => {
    const call = callOf(c);
    if (!call) return { kind: "no-budget", years: [year] };
    if (year === c) {
      if (call.amount.isZero()) return { kind: "no-new-awards", year };
      const out = [pool(`call:${c}`, () => ({ kind: "call", year: c, call: c, budget: call.amount, ...call.grantPeriod ? { grantPeriod: call.grantPeriod } : {} }))];
      const limit = call.byOrdinance?.find((o) => o.ordinance === ordinance);
      if (limit) out.push(pool(`ordinance:${c}:${ordinance}`, () => ({ kind: "ordinance", year: c, call: c, ordinance, budget: limit.amount })));
      return out;
    }
    if (call.commitments) {
      const frame = call.commitments.find((x) => x.year === year);
      if (!frame || frame.amount.isZero()) return { kind: "no-budget", years: [year] };
      return [pool(`commitment:${c}:${year}`, () => ({ kind: "commitment", year, call: c, budget: frame.amount }))];
    }
    return drawsIn(year, year, ordinance);
  };
  const draws = [];
  const drawIndex = /* @__PURE__ */ new Map();
  const drawOf = (years2, ordinance) => {
    const key = `${years2.from}:${years2.to}:${ordinance}`;
    let d = drawIndex.get(key);
    if (d !== void 0) return d;
    const ref = rules.ordinances[ordinance].ref;
    const byYear = yearsOf(years2).map((y) => drawsIn(years2.from, y, ref));
    const noMoney = byYear.filter((x) => !Array.isArray(x));
    let reason;
    if (noMoney.length) {
      reason = noMoney.find((r) => r.kind === "no-new-awards") ?? { kind: "no-budget", years: noMoney.flatMap((r) => r.kind === "no-budget" ? r.years : []) };
    }
    const flat = reason ? [] : byYear.flat();
    d = draws.push({ years: years2, flat: Int32Array.from(flat), distinct: Int32Array.from(new Set(flat)), ...reason ? { reason } : {} }) - 1;
    drawIndex.set(key, d);
    return d;
  };
  const shareDecimals = Math.max(0, maxCostShare.decimalPlaces());
  const scale = Math.max(apps.requested.maxDecimals(), apps.cost.maxDecimals() + shareDecimals + 2, ceiling ? Math.max(0, ceiling.decimalPlaces()) : 0, Math.max(0, unit.decimalPlaces()));
  const shareScaled = toScaled(maxCostShare, shareDecimals);
  const shareDivisor = scaleOf(shareDecimals + 2);
  const ceilingScaled = ceiling === void 0 ? void 0 : toScaled(ceiling, scale);
  const unitAtScale = toScaled(unit, scale);
  const n = apps.count;
  const status = new Uint8Array(n);
  const ordinanceOf = new Int16Array(n).fill(-1);
  const capBy = new Uint8Array(n);
  const drawOfRow = new Int32Array(n).fill(-1);
  const rawCap = new Array(n);
  const rejection = new Array(n);
  const typeOrdinance = /* @__PURE__ */ new Map();
  const notAdmitted = /* @__PURE__ */ new Map();
  const requestsNothing = { kind: "requests-nothing" };
  const admittedRows = [];
  for (let i = 0; i < n; i++) {
    const typeText = apps.type(i);
    let o = typeOrdinance.get(typeText);
    if (o === void 0) {
      const type = canonicalType(typeText);
      o = rules.ordinances.findIndex((x) => x.admits.includes(type));
      typeOrdinance.set(typeText, o);
    }
    status[i] = REJECTED;
    if (o < 0) {
      let r = notAdmitted.get(typeText);
      if (!r) notAdmitted.set(typeText, r = { kind: "type-not-admitted", type: typeText, admitted: rules.ordinances.map((x) => ({ ordinance: x.ref, types: [...x.admits] })) });
      rejection[i] = r;
      continue;
    }
    const years2 = apps.yearFrom[i] === NO_YEARS ? options.callYears : { from: apps.yearFrom[i], to: apps.yearTo[i] };
    if (mostYears !== void 0 && yearCount(years2) > mostYears) {
      rejection[i] = { kind: "too-many-years", years: years2, most: mostYears };
      continue;
    }
    const d = drawOf(years2, o);
    const draw = draws[d];
    if (draw.reason) {
      rejection[i] = draw.reason;
      continue;
    }
    drawOfRow[i] = d;
    const requested = scaledAt(apps.requested, i, scale);
    if (requested <= 0n) {
      rejection[i] = requestsNothing;
      continue;
    }
    let cap = requested;
    let by = 1;
    if (ceilingScaled !== void 0 && ceilingScaled < cap) {
      cap = ceilingScaled;
      by = 2;
    }
    const share = scaledAt(apps.cost, i, scale) * shareScaled / shareDivisor;
    if (share < cap) {
      cap = share;
      by = 3;
    }
    status[i] = FUNDED;
    ordinanceOf[i] = o;
    capBy[i] = by;
    rawCap[i] = cap;
    admittedRows.push(i);
  }
  const admitted = Int32Array.from(admittedRows);
  const m = admitted.length;
  let scored = 0;
  for (let k = 0; k < m; k++) if (apps.priority.has(admitted[k])) scored++;
  if (rationing === "priority" && scored > 0 && scored < m) {
    let k = 0;
    while (apps.priority.has(admitted[k])) k++;
    const i = admitted[k];
    const line = apps.line(i);
    throw new StatsbidragError(
      "missing-priority",
      `"${apps.applicant(i)}" has no priority score; priority rationing needs one for every admitted application, or none (then the file's order ranks) \u2014 or choose --ration proportional or equal-awards`,
      line === void 0 ? { field: "priority" } : { line, field: "priority" },
      "input"
    );
  }
  const caps = new Array(m);
  for (let k = 0; k < m; k++) caps[k] = floorDiv(rawCap[admitted[k]], unitAtScale);
  const budgets = pools.map((p) => toUnits(p.budget));
  const demandOf = budgets.map(() => 0n);
  const countOf = budgets.map(() => 0);
  for (let k = 0; k < m; k++) {
    const distinct = draws[drawOfRow[admitted[k]]].distinct;
    for (let j = 0; j < distinct.length; j++) {
      const p = distinct[j];
      demandOf[p] += caps[k];
      countOf[p]++;
    }
  }
  const rationedPool = budgets.map((b, p) => demandOf[p] > b);
  const anyRationed = rationedPool.some(Boolean);
  for (const d of draws) d.rationed = Array.from(d.distinct).some((p) => rationedPool[p]);
  const hasScores = scored > 0;
  let awards;
  const tied = new Uint8Array(m);
  let order;
  let tightPool;
  let tightLeft;
  const levels = /* @__PURE__ */ new Map();
  if (rationing === "priority") {
    const sorted = priorityOrderOf(apps, admitted, hasScores);
    order = sorted.order;
    awards = new Array(m).fill(0n);
    tightPool = new Int32Array(m).fill(-1);
    tightLeft = new Array(m);
    const left = [...budgets];
    const partial = options.partial ?? false;
    for (let at = 0; at < m; at++) {
      const k = order[at];
      const flat = draws[drawOfRow[admitted[k]]].flat;
      const want = caps[k];
      let room = want;
      for (let j = 0; j < flat.length; j++) {
        const l = left[flat[j]];
        if (l < room) {
          room = l;
          tightPool[k] = flat[j];
          tightLeft[k] = l;
        }
      }
      const give = room >= want ? want : partial ? room : 0n;
      if (give <= 0n) continue;
      awards[k] = give;
      for (let j = 0; j < flat.length; j++) left[flat[j]] -= give;
    }
    if (hasScores && anyRationed) {
      for (let from = 0; from < m; ) {
        let to = from + 1;
        while (to < m && sorted.same(order[from], order[to])) to++;
        if (to - from > 1) {
          let full = 0;
          for (let at = from; at < to; at++) if (awards[order[at]] === caps[order[at]]) full++;
          if (full > 0 && full < to - from) for (let at = from; at < to; at++) tied[order[at]] = 1;
        }
        from = to;
      }
    }
  } else {
    awards = [...caps];
    const who = pools.map(() => []);
    for (let k = 0; k < m; k++) for (const p of draws[drawOfRow[admitted[k]]].distinct) who[p].push(k);
    pools.forEach((_, p) => {
      const ks = who[p];
      const r = ration({ caps: ks.map((k) => caps[k]), budget: budgets[p], rationing });
      ks.forEach((k, j) => {
        if (r.awards[j] < awards[k]) awards[k] = r.awards[j];
      });
      for (const j of r.tied) tied[ks[j]] = 1;
      if (r.level !== void 0 && rationedPool[p]) levels.set(p, r.level);
    });
  }
  const given = budgets.map(() => 0n);
  for (let k = 0; k < m; k++) for (const p of draws[drawOfRow[admitted[k]]].distinct) given[p] += awards[k];
  const poolAwards = pools.map((p, j) => {
    const awarded = money(given[j]);
    const demand = money(demandOf[j]);
    return {
      kind: p.kind,
      year: p.year,
      call: p.call,
      ...p.ordinance ? { ordinance: p.ordinance } : {},
      budget: p.budget,
      demand,
      awarded,
      leftover: p.budget.minus(awarded),
      rationed: rationedPool[j],
      applications: countOf[j],
      ...levels.has(j) ? { level: money(levels.get(j)) } : {},
      ...rationing === "proportional" && rationedPool[j] && !demand.isZero() ? { ratio: p.budget.div(demand) } : {},
      ...p.grantPeriod ? { grantPeriod: p.grantPeriod } : {}
    };
  });
  const yearFrom = new Int32Array(n).fill(NO_YEARS);
  const yearTo = new Int32Array(n);
  const capUnits = new Array(n);
  const awardUnits = new Array(n).fill(0n);
  const rank = new Int32Array(n);
  const rowTied = new Uint8Array(n);
  const kOf = new Int32Array(n).fill(-1);
  const rankOf = order && new Int32Array(m);
  if (order && rankOf) for (let at = 0; at < m; at++) rankOf[order[at]] = at;
  for (let k = 0; k < m; k++) {
    const i = admitted[k];
    const draw = draws[drawOfRow[i]];
    kOf[i] = k;
    yearFrom[i] = draw.years.from;
    yearTo[i] = draw.years.to;
    capUnits[i] = caps[k];
    awardUnits[i] = awards[k];
    rowTied[i] = tied[k];
    if (rankOf && draw.rationed) rank[i] = rankOf[k] + 1;
    status[i] = caps[k] === 0n || awards[k] === 0n ? NOT_FUNDED : awards[k] === caps[k] ? FUNDED : REDUCED;
  }
  const ceilingReason = ceiling === void 0 ? void 0 : { kind: "capped-at-ceiling", ceiling };
  const shareReason = { kind: "capped-at-cost-share", percent: maxCostShare };
  const roundedReason = { kind: "rounded-down-to-unit", unit };
  const leftReason = { kind: "given-what-was-left" };
  const rationedReason = { kind: "rationed", rationing };
  const didNotFit = /* @__PURE__ */ new Map();
  const reasons = (i) => {
    if (status[i] === REJECTED) return [rejection[i]];
    const k = kOf[i];
    const out = [];
    if (capBy[i] === 2) out.push(ceilingReason);
    if (capBy[i] === 3) out.push(shareReason);
    const units = caps[k];
    if (units === 0n) out.push({ kind: "below-unit", cap: fromScaled(rawCap[i], scale), unit });
    else if (units * unitAtScale < rawCap[i]) out.push(roundedReason);
    if (units > 0n && awards[k] < units) {
      if (rationing === "priority") {
        const p = tightPool[k];
        if (options.partial && awards[k] !== 0n) out.push(leftReason);
        else if (p >= 0) {
          const key = `${p}:${tightLeft[k]}`;
          let r = didNotFit.get(key);
          if (!r) {
            const short2 = poolAwards[p];
            didNotFit.set(key, r = { kind: "did-not-fit", year: short2.year, call: short2.call, pool: short2.kind, ...short2.ordinance ? { ordinance: short2.ordinance } : {}, left: money(tightLeft[k]) });
          }
          out.push(r);
        }
      } else out.push(rationedReason);
    }
    return out.length ? out : void 0;
  };
  const allYears = [...new Set(poolAwards.map((p) => p.year))].sort((a, b) => a - b);
  const yearAwards = allYears.map((year) => {
    const own = poolAwards.filter((p) => p.year === year && p.kind !== "ordinance");
    const add = (f) => own.reduce((a, p) => a.plus(f(p)), new Decimal(0));
    const only = own.length === 1 ? own[0] : void 0;
    const gp = own.find((p) => p.grantPeriod)?.grantPeriod;
    let applications = 0;
    for (let k = 0; k < m; k++) {
      const i = admitted[k];
      if (yearFrom[i] <= year && year <= yearTo[i]) applications++;
    }
    return {
      year,
      budget: add((p) => p.budget),
      demand: add((p) => p.demand),
      awarded: add((p) => p.awarded),
      leftover: add((p) => p.leftover),
      rationed: poolAwards.some((p) => p.year === year && p.rationed),
      applications,
      ...only?.level ? { level: only.level } : {},
      ...only?.ratio ? { ratio: only.ratio } : {},
      ...gp ? { grantPeriod: gp } : {}
    };
  });
  let requestedTotal = 0n;
  const requestedScale = apps.requested.maxDecimals();
  for (let k = 0; k < m; k++) {
    const i = admitted[k];
    requestedTotal += scaledAt(apps.requested, i, requestedScale) * BigInt(yearTo[i] - yearFrom[i] + 1);
  }
  const unitDecimals = Math.max(0, unit.decimalPlaces());
  const columns = {
    applications: apps,
    status,
    ordinance: ordinanceOf,
    ordinances: rules.ordinances.map((o) => o.ref),
    yearFrom,
    yearTo,
    capBy,
    cap: capUnits,
    award: awardUnits,
    rank,
    tied: rowTied,
    unitScaled: toScaled(unit, unitDecimals),
    unitDecimals,
    reasons
  };
  const totalOf = (f) => yearAwards.reduce((a, y) => a.plus(f(y)), new Decimal(0));
  return new ColumnarAwardResult(
    {
      rationing,
      ...rationing === "priority" ? { rankedBy: hasScores ? "score" : "file-order" } : {},
      unit,
      partial: options.partial ?? false,
      ...ceiling !== void 0 ? { ceiling } : {},
      maxCostShare,
      costShareDefault: givenShare === void 0,
      pools: poolAwards,
      years: yearAwards,
      totals: {
        budget: totalOf((y) => y.budget),
        requested: new Decimal(0).plus(fromScaled(requestedTotal, requestedScale)),
        demand: totalOf((y) => y.demand),
        awarded: totalOf((y) => y.awarded),
        leftover: totalOf((y) => y.leftover),
        rejected: n - m
      }
    },
    columns
  );
}
function priorityOrderOf(apps, admitted, hasScores) {
  const m = admitted.length;
  const order = new Int32Array(m);
  for (let k = 0; k < m; k++) order[k] = k;
  if (!hasScores) return { order, same: () => true };
  const { priority } = apps;
  const dp = priority.maxDecimals();
  const keys = new Float64Array(m);
  let exact = true;
  for (let k = 0; k < m && exact; k++) {
    const v = priority.scaled(admitted[k], dp);
    if (Number.isNaN(v)) exact = false;
    else keys[k] = v;
  }
  if (exact) {
    const sorted2 = Array.from(order).sort((a, b) => keys[b] - keys[a] || a - b);
    return { order: Int32Array.from(sorted2), same: (a, b) => keys[a] === keys[b] };
  }
  const scores = Array.from(admitted, (i) => priority.get(i));
  const sorted = Array.from(order).sort((a, b) => {
    const c = scores[b].comparedTo(scores[a]);
    return c !== 0 ? c : a - b;
  });
  return { order: Int32Array.from(sorted), same: (a, b) => scores[a].eq(scores[b]) };
}
var TYPE_ALIASES, sum, NO_YEARS, AWARD_STATUSES, FUNDED, REDUCED, NOT_FUNDED, REJECTED, CAP_BY, ColumnarAwardResult;
var init_award = __esm({
  "src/core/award.ts"() {
    "use strict";
    init_decimal();
    init_values();
    init_scaled();
    init_errors();
    init_schedule();
    init_split();
    TYPE_ALIASES = {
      kommun: "kommun",
      municipality: "kommun",
      region: "region",
      landsting: "region",
      "county council": "region",
      kommunalf\u00F6rbund: "kommunalf\xF6rbund",
      "municipal association": "kommunalf\xF6rbund",
      "ideell f\xF6rening": "ideell f\xF6rening",
      f\u00F6rening: "ideell f\xF6rening",
      "non-profit association": "ideell f\xF6rening",
      association: "ideell f\xF6rening",
      stiftelse: "stiftelse",
      insamlingsstiftelse: "stiftelse",
      foundation: "stiftelse"
    };
    sum = (xs) => xs.reduce((a, b) => a + b, 0n);
    NO_YEARS = -2147483648;
    AWARD_STATUSES = ["funded", "reduced", "not-funded", "rejected"];
    FUNDED = 0;
    REDUCED = 1;
    NOT_FUNDED = 2;
    REJECTED = 3;
    CAP_BY = [void 0, "request", "ceiling", "cost-share"];
    ColumnarAwardResult = class {
      constructor(figures, columns) {
        this.columns = columns;
        this.rationing = figures.rationing;
        if (figures.rankedBy !== void 0) this.rankedBy = figures.rankedBy;
        this.unit = figures.unit;
        this.partial = figures.partial;
        if (figures.ceiling !== void 0) this.ceiling = figures.ceiling;
        this.maxCostShare = figures.maxCostShare;
        this.costShareDefault = figures.costShareDefault;
        this.pools = figures.pools;
        this.years = figures.years;
        this.totals = figures.totals;
        this.rowCount = columns.status.length;
      }
      rationing;
      rankedBy;
      unit;
      partial;
      ceiling;
      maxCostShare;
      costShareDefault;
      pools;
      years;
      totals;
      rowCount;
      row(i) {
        const c = this.columns;
        const application = c.applications.application(i);
        const status = AWARD_STATUSES[c.status[i]];
        if (status === "rejected") return { application, perYear: [], total: new Decimal(0), tied: false, status, reasons: c.reasons(i) };
        const years2 = { from: c.yearFrom[i], to: c.yearTo[i] };
        const amount = fromBigInt(c.award[i]).times(this.unit);
        const reasons = c.reasons(i);
        return {
          application,
          perYear: yearsOf(years2).map((year) => ({ year, amount })),
          total: amount.times(yearCount(years2)),
          tied: c.tied[i] === 1,
          status,
          ordinance: c.ordinances[c.ordinance[i]],
          years: years2,
          cap: fromBigInt(c.cap[i]).times(this.unit),
          capBy: CAP_BY[c.capBy[i]],
          ...c.rank[i] ? { rank: c.rank[i] } : {},
          ...reasons ? { reasons } : {}
        };
      }
      *eachRow() {
        for (let i = 0; i < this.rowCount; i++) yield this.row(i);
      }
      get rows() {
        return Array.from({ length: this.rowCount }, (_, i) => this.row(i));
      }
    };
  }
});

// src/core/sourced.ts
var FIGURE_KINDS;
var init_sourced = __esm({
  "src/core/sourced.ts"() {
    "use strict";
    FIGURE_KINDS = ["stated", "derived", "assumed", "illustrative"];
  }
});

// src/io/award-schema.ts
var invalid, percentText, sourced, awardRulesSchema;
var init_award_schema = __esm({
  "src/io/award-schema.ts"() {
    "use strict";
    init_zod();
    init_local_text();
    init_amount_schema();
    init_amount();
    init_errors();
    init_award();
    init_sourced();
    invalid = (message) => {
      throw new StatsbidragError("invalid-rules", message);
    };
    percentText = textParsedBy((raw) => {
      const p = parseAmountOrPercent(raw);
      if (!p.percent) invalid(`"${raw}" is not a percentage (write e.g. "90 %")`);
      if (p.value.lte(0) || p.value.gt(100)) invalid(`"${raw}" must be more than 0 % and at most 100 %`);
      return p.value;
    });
    sourced = (value) => zod_exports.strictObject({ value, source: zod_exports.string().check(zod_exports.minLength(1)), note: zod_exports.optional(localText), kind: zod_exports.optional(zod_exports.enum(FIGURE_KINDS)) });
    awardRulesSchema = zod_exports.strictObject({
      ordinances: zod_exports.array(
        zod_exports.strictObject({
          ref: zod_exports.string().check(zod_exports.minLength(1)),
          admits: zod_exports.pipe(
            zod_exports.array(zod_exports.string().check(zod_exports.minLength(1))).check(zod_exports.minLength(1)),
            zod_exports.transform((types) => types.map(canonicalType))
          ),
          source: zod_exports.string().check(zod_exports.minLength(1)),
          note: zod_exports.optional(localText)
        })
      ).check(zod_exports.minLength(1)),
      ceiling: zod_exports.optional(sourced(positiveAmountSchema)),
      maxCostShare: zod_exports.optional(sourced(percentText)),
      maxDecisionYears: zod_exports.optional(sourced(zod_exports.number().check(zod_exports.int(), zod_exports.gte(1), zod_exports.lte(10)))),
      unit: zod_exports.optional(sourced(positiveAmountSchema))
    });
  }
});

// src/io/text-record.ts
var textRecord;
var init_text_record = __esm({
  "src/io/text-record.ts"() {
    "use strict";
    init_zod();
    textRecord = zod_exports.pipe(
      zod_exports.unknown(),
      zod_exports.transform((raw, ctx) => {
        if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
          addIssue(ctx, `expected an object of texts ({"key": "text"}), not ${raw === null ? "null" : Array.isArray(raw) ? "a list" : typeof raw}`);
          return zod_exports.NEVER;
        }
        const out = /* @__PURE__ */ Object.create(null);
        for (const [key, value] of Object.entries(raw)) {
          if (typeof value !== "string") {
            ctx.issues.push({ code: "custom", message: `expected a text, not ${value === null ? "null" : Array.isArray(value) ? "a list" : typeof value}`, input: value, path: [key] });
            continue;
          }
          out[key] = value;
        }
        return out;
      })
    );
  }
});

// src/io/schemas.ts
var schemas_exports = {};
__export(schemas_exports, {
  formatJsonPath: () => formatJsonPath,
  rulesSchema: () => rulesSchema
});
function sourced2(value) {
  return zod_exports.strictObject({ value, source, note: zod_exports.optional(localText), kind });
}
var APPLICATIONS, yearRange, kind, source, monthDay, period, programme, rulesSchema;
var init_schemas = __esm({
  "src/io/schemas.ts"() {
    "use strict";
    init_zod();
    init_local_text();
    init_amount_schema();
    init_schedule();
    init_award_schema();
    init_text_record();
    init_apportion();
    init_sourced();
    init_json_path();
    APPLICATIONS = "applications";
    yearRange = textParsedBy(parseYearRange);
    kind = zod_exports.optional(zod_exports.enum(FIGURE_KINDS));
    source = zod_exports.string().check(zod_exports.minLength(1));
    monthDay = zod_exports.string().check(zod_exports.regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "a month and day, MM-DD"));
    period = zod_exports.strictObject({
      years: yearRange,
      statedTotal: zod_exports.strictObject({
        value: positiveAmountSchema,
        source,
        note: zod_exports.optional(localText),
        kind,
        alternatives: zod_exports.optional(zod_exports.array(zod_exports.strictObject({ value: positiveAmountSchema, source, kind, note: zod_exports.optional(localText) })).check(zod_exports.minLength(1)))
      }),
      includesAdmin: zod_exports.boolean(),
      amountSplit: zod_exports.strictObject({
        value: nonNegativeAmountSchema,
        source,
        note: zod_exports.optional(localText),
        kind,
        range: zod_exports.optional(zod_exports.strictObject({ from: nonNegativeAmountSchema, to: nonNegativeAmountSchema, note: zod_exports.optional(localText) }))
      }),
      unit: sourced2(positiveAmountSchema),
      method: sourced2(
        zod_exports.string().check(
          zod_exports.refine((m) => m === APPLICATIONS || METHOD_NAMES.includes(m), {
            error: (issue) => `unknown method "${String(issue.input)}" (one of: ${[...METHOD_NAMES, APPLICATIONS].join(", ")})`
          })
        )
      ),
      publishedColumn: zod_exports.optional(zod_exports.string().check(zod_exports.minLength(1))),
      budgets: zod_exports.optional(zod_exports.array(zod_exports.strictObject({ ordinance: zod_exports.string().check(zod_exports.minLength(1)), value: nonNegativeAmountSchema, source, kind, note: zod_exports.optional(localText) }))),
      commitments: zod_exports.optional(zod_exports.array(zod_exports.strictObject({ year: zod_exports.number().check(zod_exports.int(), zod_exports.gte(1900), zod_exports.lte(2200)), value: nonNegativeAmountSchema, source, kind, note: zod_exports.optional(localText) }))),
      grantPeriod: zod_exports.optional(zod_exports.strictObject({ from: zod_exports.optional(monthDay), to: monthDay, source, kind, note: zod_exports.optional(localText) }))
    });
    programme = zod_exports.strictObject({
      id: zod_exports.string().check(zod_exports.regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and hyphens")),
      name: zod_exports.string().check(zod_exports.minLength(1)),
      agency: zod_exports.string().check(zod_exports.minLength(1)),
      legalBasis: zod_exports._default(zod_exports.array(zod_exports.strictObject({ ref: zod_exports.string(), title: zod_exports.string(), source: zod_exports.string() })), []),
      recipients: zod_exports.optional(
        zod_exports.strictObject({
          file: zod_exports.string().check(zod_exports.minLength(1)),
          id: zod_exports.string().check(zod_exports.minLength(1)),
          code: zod_exports.optional(zod_exports.string()),
          basis: zod_exports.string().check(zod_exports.minLength(1))
        })
      ),
      periods: zod_exports.array(period).check(zod_exports.minLength(1)),
      awards: zod_exports.optional(awardRulesSchema)
    });
    rulesSchema = zod_exports.strictObject({
      $schema: zod_exports.optional(zod_exports.string()),
      version: zod_exports.literal(1),
      sources: textRecord,
      programmes: zod_exports.array(programme).check(zod_exports.minLength(1))
    }).check(
      zod_exports.superRefine((rules, ctx) => {
        const ids = /* @__PURE__ */ new Set();
        rules.programmes.forEach((p, i) => {
          if (ids.has(p.id)) ctx.addIssue({ code: "custom", path: ["programmes", i, "id"], message: `duplicate programme id "${p.id}"` });
          ids.add(p.id);
          p.periods.forEach((per, j) => {
            const known2 = (path, key) => {
              if (!Object.hasOwn(rules.sources, key)) {
                ctx.addIssue({ code: "custom", path: ["programmes", i, "periods", j, ...path, "source"], message: `unknown source "${key}" (not a key of "sources")` });
              }
            };
            for (const key of ["statedTotal", "amountSplit", "unit", "method"]) known2([key], per[key].source);
            per.statedTotal.alternatives?.forEach((a, k) => known2(["statedTotal", "alternatives", k], a.source));
            per.budgets?.forEach((b, k) => known2(["budgets", k], b.source));
            per.commitments?.forEach((c, k) => {
              known2(["commitments", k], c.source);
              if (c.year <= per.years.to) ctx.addIssue({ code: "custom", path: ["programmes", i, "periods", j, "commitments", k, "year"], message: `a commitment is for a later year than the period's (${per.years.to})` });
            });
            if (per.grantPeriod) known2(["grantPeriod"], per.grantPeriod.source);
            const range = per.amountSplit.range;
            if (range && range.from.gt(range.to)) ctx.addIssue({ code: "custom", path: ["programmes", i, "periods", j, "amountSplit", "range"], message: '"from" is larger than "to"' });
            if (range && (per.amountSplit.value.lt(range.from) || per.amountSplit.value.gt(range.to))) {
              ctx.addIssue({ code: "custom", path: ["programmes", i, "periods", j, "amountSplit", "range"], message: "the amount split lies outside its own range" });
            }
            if (per.amountSplit.value.gt(per.statedTotal.value)) {
              ctx.addIssue({ code: "custom", path: ["programmes", i, "periods", j, "amountSplit"], message: "larger than the stated total" });
            }
            p.periods.slice(0, j).forEach((other) => {
              if (other.years.from <= per.years.to && per.years.from <= other.years.to) {
                ctx.addIssue({ code: "custom", path: ["programmes", i, "periods", j, "years"], message: "overlaps an earlier period" });
              }
            });
          });
          const award = p.awards;
          if (award) {
            award.ordinances.forEach((o, k) => {
              if (!Object.hasOwn(rules.sources, o.source)) ctx.addIssue({ code: "custom", path: ["programmes", i, "awards", "ordinances", k, "source"], message: `unknown source "${o.source}" (not a key of "sources")` });
            });
            for (const key of ["ceiling", "maxCostShare", "maxDecisionYears", "unit"]) {
              const f = award[key];
              if (f && !Object.hasOwn(rules.sources, f.source)) ctx.addIssue({ code: "custom", path: ["programmes", i, "awards", key, "source"], message: `unknown source "${f.source}" (not a key of "sources")` });
            }
            p.periods.forEach(
              (per, j) => per.budgets?.forEach((b, k) => {
                if (!award.ordinances.some((o) => o.ref === b.ordinance)) {
                  ctx.addIssue({ code: "custom", path: ["programmes", i, "periods", j, "budgets", k, "ordinance"], message: `no ordinance "${b.ordinance}" in the programme's awards` });
                }
              })
            );
          }
        });
      })
    );
  }
});

// src/io/load.ts
init_amount();
init_cells();
import { createRequire as createRequire4 } from "node:module";
import { dirname as dirname2, resolve } from "node:path";

// src/core/columns.ts
init_errors();
init_schedule();

// src/core/recipient-key.ts
var ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
var SPACES = /\s+/g;
var PLAIN2 = /^[\x20-\x7e]*$/;
function recipientKey(name) {
  if (PLAIN2.test(name)) {
    const t2 = name.trim();
    return (t2.includes("  ") ? t2.replace(/ {2,}/g, " ") : t2).toLowerCase();
  }
  const text = name.replace(ZERO_WIDTH, "").normalize("NFC").replace(SPACES, " ").trim();
  return text.toUpperCase().toLowerCase().normalize("NFC");
}
var INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad\u00a0\u2007\u202f]/g;
var visibleName = (name) => name.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

// src/core/total-rows.ts
init_decimal();
var TOTAL_WORDS = /* @__PURE__ */ new Set([
  "summa",
  "s:a",
  "summa totalt",
  "totalsumma",
  "totalt",
  "totalt riket",
  "summa riket",
  "hela riket",
  "riket",
  "hela landet",
  "samtliga",
  "samtliga kommuner",
  "alla kommuner",
  "total",
  "totals",
  "grand total",
  "sum",
  "sum total",
  "all recipients"
]);
var TOTAL_WORD_KEYS = [...TOTAL_WORDS];
function isTotalName(name) {
  return name.length <= 64 && isTotalKey(recipientKey(name), name.length);
}
function isTotalKey(key, nameLength) {
  if (nameLength > 64) return false;
  if (key.endsWith(":")) key = key.slice(0, -1).trimEnd();
  return key.length <= 20 && TOTAL_WORDS.has(key);
}
function sumsHeld(amounts, sums) {
  let held = 0;
  for (let c = 0; c < sums.length; c++) {
    const v = amounts[c];
    if (v === void 0) continue;
    if (!v.eq(sums[c])) return 0;
    if (!v.isZero()) held++;
  }
  return held;
}
var TOTAL_TOKENS = /* @__PURE__ */ new Set(["summa", "s:a", "sa", "totalt", "total", "totals", "totalsumma", "sum", "riket", "landet", "samtliga", "alla", "all", "grand"]);
function sumsMakeTotal(name, held) {
  if (held === 0) return false;
  if (held >= 2) return true;
  const key = recipientKey(name);
  return key === "" || key.split(/[\s,.;()\[\]\-–—/]+/).some((word) => TOTAL_TOKENS.has(word.replace(/:$/, "")));
}
var sameAmounts = (a, b) => a.length === b.length && a.every((v, c) => v === void 0 ? b[c] === void 0 : b[c] !== void 0 && v.eq(b[c]));
function findTotalRows(rows) {
  const read = Array.isArray(rows) ? { count: rows.length, name: (i) => rows[i].name, amounts: (i) => rows[i].amounts } : rows;
  const byWord = /* @__PURE__ */ new Set();
  for (let i = 0; i < read.count; i++) if (isTotalName(read.name(i))) byWord.add(i);
  const rest = [];
  for (let i = 0; i < read.count; i++) if (!byWord.has(i)) rest.push(i);
  const bySum = /* @__PURE__ */ new Set();
  if (rest.length >= 3) {
    const last = read.amounts(rest[rest.length - 1]);
    const columns = last.length;
    let from = rest.length - 1;
    while (from > 2 && sameAmounts(read.amounts(rest[from - 1]), last)) from--;
    const start = read.sums ? Math.max(from, 2) : 0;
    const sums = read.sums ? read.sums(rest, start) : Array.from({ length: columns }, () => new Decimal(0));
    for (let p = start; p < rest.length; p++) {
      if (p >= from && p >= 2 && sumsMakeTotal(read.name(rest[p]), sumsHeld(last, sums))) {
        for (let q = p; q < rest.length; q++) bySum.add(rest[q]);
        break;
      }
      const amounts = read.amounts(rest[p]);
      for (let c = 0; c < columns; c++) {
        const v = amounts[c];
        if (v !== void 0) sums[c] = sums[c].plus(v);
      }
    }
  }
  if (bySum.size > 0) {
    const lastName = recipientKey(read.name(rest[rest.length - 1]));
    if (rest.slice(0, -1).some((i) => recipientKey(read.name(i)) === lastName)) bySum.clear();
  }
  const found = [];
  for (let i = 0; i < read.count; i++) {
    if (byWord.has(i)) found.push({ index: i, by: "word" });
    else if (bySum.has(i)) found.push({ index: i, by: "sum" });
  }
  return found;
}
function totalRowNote(file, line, name, by) {
  const why = by === "word" ? "is a total row" : "holds the sums of the rows above: a total row";
  return `${file ? `${file}: ` : ""}line ${line} "${name}" ${why}, not a recipient; set aside`;
}

// src/io/notes.ts
var toStderr = (text) => {
  process.stderr.write(`note: ${text}
`);
};
var sink = toStderr;
function note(text) {
  sink(text);
}

// src/io/load.ts
init_errors();

// src/io/read.ts
import { fstatSync as fstatSync2 } from "node:fs";

// src/io/read-input.ts
init_errors();
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
var MAX_INPUT_BYTES = 500 * 1024 * 1024;
var CHUNK = 1024 * 1024;
var mib = (n) => `${Math.round(n / 1024 / 1024)} MiB`;
function isUtf16Bom(b) {
  return b[0] === 255 && b[1] === 254 || b[0] === 254 && b[1] === 255;
}
function isWorkbookSignature(b) {
  if (b.length >= 4 && b[0] === 80 && b[1] === 75 && b[2] === 3 && b[3] === 4) return true;
  return b.length >= 8 && b[0] === 208 && b[1] === 207 && b[2] === 17 && b[3] === 224 && b[4] === 161 && b[5] === 177 && b[6] === 26 && b[7] === 225;
}
var Collector = class {
  constructor(file, maxBytes) {
    this.file = file;
    this.maxBytes = maxBytes;
  }
  chunks = [];
  size = 0;
  utf16;
  binary;
  add(chunk) {
    if (chunk.length === 0) return;
    if (this.utf16 === void 0 && this.size + chunk.length >= 2) {
      this.utf16 = isUtf16Bom(this.size === 0 ? chunk : Buffer.concat([...this.chunks, chunk]).subarray(0, 2));
    }
    if (this.size === 0 && this.binary === void 0) this.binary = isWorkbookSignature(chunk);
    if (!this.utf16 && !this.binary && chunk.includes(0)) {
      throw new StatsbidragError("binary-file", "contains NUL bytes: not a text file", { file: this.file });
    }
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      throw new StatsbidragError("input-too-large", `more than ${mib(this.maxBytes)} of input, the most this tool reads`, { file: this.file }, "io");
    }
    this.chunks.push(chunk);
  }
  bytes() {
    return Buffer.concat(this.chunks, this.size);
  }
};
async function readStreamBytes(stream, file, limits = {}) {
  const collector = new Collector(file, limits.maxBytes ?? MAX_INPUT_BYTES);
  for await (const chunk of stream) collector.add(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return collector.bytes();
}
function readFileBytes(file, limits = {}) {
  const maxBytes = limits.maxBytes ?? MAX_INPUT_BYTES;
  const fd = openSync(file, "r");
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new StatsbidragError("not-a-file", "is a directory, not a file", { file }, "io");
    if (stats.isFile()) {
      if (stats.size > maxBytes) {
        throw new StatsbidragError("input-too-large", `is larger than ${mib(maxBytes)}, the most this tool reads`, { file }, "io");
      }
      const bytes = readFileSync(fd);
      if (bytes.length > maxBytes) {
        throw new StatsbidragError("input-too-large", `is larger than ${mib(maxBytes)}, the most this tool reads`, { file }, "io");
      }
      return bytes;
    }
    const collector = new Collector(file, maxBytes);
    for (; ; ) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) return collector.bytes();
      collector.add(chunk.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

// src/io/read.ts
init_errors();

// src/io/paths.ts
import { existsSync, readdirSync, readFileSync as readFileSync2, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var cached;
function find() {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (; ; ) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      const json = JSON.parse(readFileSync2(pkg, "utf8"));
      if (json.name === "statsbidrag") return { root: dir, version: json.version ?? "0.0.0" };
    }
    const up = dirname(dir);
    if (up === dir) return { root: dirname(fileURLToPath(import.meta.url)), version: "0.0.0" };
    dir = up;
  }
}
function packageRoot() {
  return (cached ??= find()).root;
}
var BUNDLED_PREFIX = "bundled:";
var isFile = (path) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};
function resolveInput(spec) {
  if (spec === "-") return spec;
  const explicit = spec.startsWith(BUNDLED_PREFIX);
  if (!explicit && existsSync(spec)) return spec;
  const name = explicit ? spec.slice(BUNDLED_PREFIX.length) : spec;
  if (!/^[\w-][\w.-]*$/.test(name)) return spec;
  const data = join(packageRoot(), "data");
  let folders = [data];
  try {
    folders = [data, ...readdirSync(data, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(data, d.name)).sort()];
  } catch {
    return spec;
  }
  for (const folder of folders) {
    for (const candidate of [name, `${name}.csv`, `${name}.json`]) {
      const path = join(folder, candidate);
      if (isFile(path)) return path;
    }
  }
  return spec;
}

// src/io/read.ts
var stdinTaken = false;
function takeStdin() {
  if (stdinTaken) throw new StatsbidragError("stdin-used-twice", 'standard input can be read once: give "-" for one input only, and files for the others', { file: "-" }, "usage");
  stdinTaken = true;
  let directory = false;
  try {
    directory = fstatSync2(0).isDirectory();
  } catch {
  }
  if (directory) throw new StatsbidragError("not-a-file", "standard input is a directory, not a file", { file: "-" }, "io");
}
async function readBytes(file) {
  let bytes;
  if (file === "-") takeStdin();
  try {
    bytes = file === "-" ? await readStreamBytes(process.stdin, file) : readFileBytes(resolveInput(file));
  } catch (e) {
    if (e instanceof StatsbidragError) throw e;
    const code = e.code;
    const why = code === "ENOENT" ? ["file-not-found", "no such file"] : code === "EACCES" || code === "EPERM" ? ["file-not-readable", "permission denied"] : code === "EISDIR" ? ["not-a-file", "is a directory, not a file"] : ["file-not-readable", `cannot be read (${code ?? String(e)})`];
    throw new StatsbidragError(why[0], why[1], { file }, "io");
  }
  return bytes;
}

// src/io/table.ts
init_amount();
init_errors();

// src/core/header-row.ts
init_errors();
var HEADER_SCAN_ROWS = 30;
var filledCells = (cells) => {
  let n = 0;
  for (const c of cells) if (c.trim() !== "") n++;
  return n;
};
function findHeaderRow(rows, options = {}, lineOf = (i) => i + 1) {
  const { needs, given } = options;
  if (given !== void 0) {
    const index2 = rows.findIndex((_, i) => lineOf(i) === given);
    if (index2 < 0) {
      const last = rows.length > 0 ? lineOf(rows.length - 1) : 0;
      throw new StatsbidragError("header-row-not-found", `--header-row ${given}: the table has no such line with text (its lines with text near the top end at ${last})`, { field: "--header-row" }, "usage");
    }
    const missing = needs ? needs(rows[index2]) : [];
    if (missing.length > 0) throw new StatsbidragError("header-row-not-found", headerMessage(given, rows[index2], missing), { field: "--header-row" });
    return { index: index2, found: true, missing };
  }
  const scan = Math.min(rows.length, HEADER_SCAN_ROWS);
  let shaped = -1;
  let first = -1;
  for (let i = 0; i < scan; i++) {
    const cells = rows[i];
    const filled = filledCells(cells);
    if (filled === 0) continue;
    if (first < 0) first = i;
    if (needs) {
      if (needs(cells).length === 0) return { index: i, found: true, missing: [] };
    } else if (filled >= 2) {
      const belowTitle = first < i && filledCells(rows[i - 1]) > 0 && lineOf(i - 1) === lineOf(i) - 1;
      return { index: i, found: !belowTitle && (!options.sameWidthBelow || sameWidthAsNext(rows, i)), missing: [] };
    }
    if (shaped < 0 && filled >= 2) shaped = i;
  }
  const index = shaped >= 0 ? shaped : Math.max(first, 0);
  return { index, found: false, missing: needs && rows[index] ? needs(rows[index]) : [] };
}
function sameWidthAsNext(rows, i) {
  for (let j = i + 1; j < rows.length; j++) if (filledCells(rows[j]) > 0) return rows[j].length === rows[i].length;
  return true;
}
function headerMessage(line, cells, missing) {
  const shown = cells.filter((c) => c.trim() !== "").map((c) => `"${c}"`).join(", ");
  return `line ${line}, taken as the header, has no column ${missing.map((m) => `"${m}"`).join(" or ")} (its cells: ${shown || "none"})`;
}
function findNotesBelow(rows, lineOf = (i) => i + 1, isTotal = () => false) {
  let j = rows.length;
  while (j > 0 && filledCells(rows[j - 1]) <= 1) j--;
  if (j === rows.length) return -1;
  for (let p = Math.max(j, 1); p < rows.length; p++) {
    const before = rows[p - 1];
    const brk = filledCells(before) === 0 || lineOf(p) - lineOf(p - 1) > 1 || p === j && isTotal(before);
    if (!brk || filledCells(rows[p]) === 0) continue;
    return p;
  }
  return -1;
}

// src/io/csv.ts
init_errors();
import { parse, CsvError } from "csv-parse/sync";

// src/io/table/model.ts
init_errors();
var ColumnarTable = class {
  constructor(file, headers, delimiter, bytes, rowCount, starts, ends, lines, extras) {
    this.file = file;
    this.headers = headers;
    this.delimiter = delimiter;
    this.bytes = bytes;
    this.rowCount = rowCount;
    this.starts = starts;
    this.ends = ends;
    this.lines = lines;
    this.extras = extras;
  }
  decimalMark = void 0;
  /** Record r's cell in column c becomes `text` (held in extras): a reader's correction of a cell, such as a formula guard taken off. */
  setCell(r, c, text) {
    this.starts[c][r] = ~this.extras.length;
    this.extras.push(text);
  }
  line(r) {
    return this.lines[r];
  }
  cell(r, c) {
    const col = this.starts[c];
    if (col === void 0) return "";
    const s = col[r];
    return s >= 0 ? this.bytes.toString("utf8", s, this.ends[c][r]) : this.extras[~s];
  }
  /** Whether record r's cell in column c is a slice of the bytes (false: held in extras). */
  inBytes(r, c) {
    return this.starts[c][r] >= 0;
  }
  /**
   * The rows as objects, made on each call: for library callers of the Table shape before issue 20
   * and small tables (a report that shows every cell). Commands read `cell()` and `line()`.
   */
  get rows() {
    const out = new Array(this.rowCount);
    for (let r = 0; r < this.rowCount; r++) out[r] = { line: this.lines[r], cells: this.headers.map((_, c) => this.cell(r, c)) };
    return out;
  }
};
var ColumnsBuilder = class {
  constructor(width, capacity = 1024, lazy = false) {
    this.width = width;
    this.capacity = capacity;
    this.starts = Array.from({ length: width }, () => lazy ? void 0 : new Int32Array(capacity));
    this.ends = Array.from({ length: width }, () => lazy ? void 0 : new Int32Array(capacity));
    this.lines = new Int32Array(capacity);
  }
  rows = 0;
  starts;
  ends;
  lines;
  extras = [];
  /** Room for record `this.rows`. */
  reserve() {
    if (this.rows < this.capacity) return;
    const grow = (a) => {
      if (a === void 0) return void 0;
      const b = new Int32Array(this.capacity * 2);
      b.set(a);
      return b;
    };
    this.starts = this.starts.map(grow);
    this.ends = this.ends.map(grow);
    this.lines = grow(this.lines);
    this.capacity *= 2;
  }
  /** Column c's starts (its ends made with them), made now if it has none yet. */
  column(c) {
    const made = this.starts[c];
    if (made !== void 0) return made;
    this.ends[c] = new Int32Array(this.capacity);
    return this.starts[c] = new Int32Array(this.capacity);
  }
  /** A cell held as a string. */
  extra(c, text) {
    this.column(c)[this.rows] = ~this.extras.length;
    this.extras.push(text);
  }
  table(file, headers, delimiter, bytes) {
    const n = this.rows;
    return new ColumnarTable(
      file,
      headers,
      delimiter,
      bytes,
      n,
      this.starts.map((a) => a === void 0 ? new Int32Array(n) : a.subarray(0, n)),
      this.ends.map((a) => a === void 0 ? new Int32Array(n) : a.subarray(0, n)),
      this.lines.subarray(0, n),
      this.extras
    );
  }
};
var ColumnsSink = class {
  constructor(file, delimiter) {
    this.file = file;
    this.delimiter = delimiter;
  }
  headers;
  builder;
  /** The cells' text so far, as UTF-8 (grown by doubling): no string is kept per cell. */
  buffer = Buffer.allocUnsafe(1 << 16);
  offset = 0;
  done;
  row(line, cells) {
    if (!this.headers) {
      this.headers = [...cells];
      this.builder = new ColumnsBuilder(cells.length, 1024, true);
      return;
    }
    let blank = true;
    for (let c = 0; c < cells.length && blank; c++) if (cells[c] !== "") blank = false;
    if (blank) return;
    const b = this.builder;
    b.reserve();
    b.lines[b.rows] = line;
    const width = Math.min(b.width, cells.length);
    for (let c = 0; c < width; c++) {
      const text = cells[c] ?? "";
      if (text !== "") this.write(b, c, text);
    }
    b.rows++;
  }
  /**
   * A row given by its non-empty cells only: texts[i] (not empty) in column cols[i], for i < count,
   * columns ascending; every other cell empty. What `row()` does with the same row padded, at the
   * cost of its filled cells (an xlsx sheet's row of one cell under a header to XFD). The header
   * comes through `row()`.
   */
  sparseRow(line, cols, texts, count) {
    if (!this.headers) throw new Error("ColumnsSink: the header comes through row()");
    const b = this.builder;
    if (count === 0) return;
    b.reserve();
    b.lines[b.rows] = line;
    for (let i = 0; i < count; i++) {
      const c = cols[i];
      if (c < b.width) this.write(b, c, texts[i]);
    }
    b.rows++;
  }
  /** `text` as record b.rows's cell in column c. */
  write(b, c, text) {
    const starts = b.column(c);
    starts[b.rows] = this.offset;
    if (this.offset + text.length * 3 > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.offset + text.length * 3));
      this.buffer.copy(grown, 0, 0, this.offset);
      this.buffer = grown;
    }
    this.offset += short(this.buffer, text, this.offset) ?? this.buffer.write(text, this.offset, "utf8");
    b.ends[c][b.rows] = this.offset;
  }
  end() {
    if (!this.headers) throw new StatsbidragError("empty-file", "the file is empty", { file: this.file });
    const bytes = Buffer.from(this.buffer.subarray(0, this.offset));
    this.buffer = Buffer.alloc(0);
    this.done = this.builder.table(this.file, this.headers, this.delimiter, bytes);
  }
  get table() {
    if (!this.done) throw new Error("ColumnsSink: end() not called");
    return this.done;
  }
};
function short(buffer, text, at) {
  const n = text.length;
  if (n > 32) return void 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return void 0;
    buffer[at + i] = c;
  }
  return n;
}
function tableFromRows(file, delimiter, headers, rows) {
  const sink2 = new ColumnsSink(file, delimiter);
  sink2.row(0, headers);
  for (const { line, cells } of rows) sink2.row(line, cells);
  sink2.end();
  return sink2.table;
}

// src/io/table/scan.ts
init_errors();
var LF = 10;
var CR = 13;
var QUOTE = 34;
var isSpace = (c) => c === 32 || c >= 9 && c <= 13;
function wideSpaceAt(b, i, end) {
  const c = b[i];
  if (c === 194) return i + 1 < end && b[i + 1] === 160;
  if (i + 2 >= end) return false;
  const c1 = b[i + 1];
  const c2 = b[i + 2];
  if (c === 225) return c1 === 154 && c2 === 128;
  if (c === 226) return c1 === 128 && (c2 >= 128 && c2 <= 138 || c2 === 168 || c2 === 169 || c2 === 175) || c1 === 129 && c2 === 159;
  if (c === 227) return c1 === 128 && c2 === 128;
  if (c === 239) return c1 === 187 && c2 === 191;
  return false;
}
function wideSpaceBefore(b, start, end) {
  if (end - start >= 2 && b[end - 2] === 194 && b[end - 1] === 160) return true;
  return end - start >= 3 && wideSpaceAt(b, end - 3, end);
}
function trimStart(b, s, e) {
  for (; ; ) {
    if (s >= e) return s;
    const c = b[s];
    if (isSpace(c)) s++;
    else if (c >= 128 && wideSpaceAt(b, s, e)) s += c === 194 ? 2 : 3;
    else return s;
  }
}
function trimEnd(b, s, e) {
  for (; ; ) {
    if (e <= s) return e;
    const c = b[e - 1];
    if (isSpace(c)) e--;
    else if (c >= 128 && wideSpaceBefore(b, s, e)) e -= b[e - 2] === 194 && c === 160 ? 2 : 3;
    else return e;
  }
}
function lineBreaks(b) {
  let n = 0;
  for (let at = b.indexOf(LF); at >= 0; at = b.indexOf(LF, at + 1)) n++;
  return n;
}
function fieldCountError(file, line, fields, header, delim) {
  const delimName = delim === "	" ? "\\t" : delim;
  return new StatsbidragError("csv-record-inconsistent-fields-length", `this line has ${fields} fields where the header has ${header} (delimiter "${delimName}")`, { file, line });
}
function headersOf(bytes, f) {
  const out = [];
  for (let k = 0; k < f.count; k++) out.push(f.text[k] ?? bytes.toString("utf8", f.start[k], f.end[k]));
  return out;
}
function allEmpty(f) {
  for (let k = 0; k < f.count; k++) if (f.start[k] !== f.end[k] || f.text[k] !== void 0 && f.text[k] !== "") return false;
  return true;
}
function keep(builder, f, line) {
  builder.reserve();
  const r = builder.rows;
  builder.lines[r] = line;
  for (let k = 0; k < f.count; k++) {
    const text = f.text[k];
    if (text !== void 0) builder.extra(k, text);
    else {
      builder.starts[k][r] = f.start[k];
      builder.ends[k][r] = f.end[k];
    }
  }
  builder.rows++;
}
function scanPlain(bytes, file, delimiter, firstLine = 1) {
  const D = delimiter.charCodeAt(0);
  const f = { count: 0, start: [], end: [], text: [] };
  let headers;
  let builder;
  let line = firstLine - 1;
  for (let pos = 0; pos < bytes.length; ) {
    let next = bytes.indexOf(LF, pos);
    if (next < 0) next = bytes.length;
    const end = next > pos && bytes[next - 1] === CR ? next - 1 : next;
    const start = pos;
    pos = next + 1;
    line++;
    if (end === start) continue;
    f.count = 0;
    let from = start;
    for (let i = start; ; i++) {
      if (i === end || bytes[i] === D) {
        const s = trimStart(bytes, from, i);
        f.start[f.count] = s;
        f.end[f.count] = trimEnd(bytes, s, i);
        f.count++;
        if (i === end) break;
        from = i + 1;
      }
    }
    if (f.count === 1 && f.start[0] === f.end[0]) continue;
    if (!headers) {
      headers = headersOf(bytes, f);
      builder = new ColumnsBuilder(f.count, lineBreaks(bytes) + 1);
      continue;
    }
    if (f.count !== headers.length) throw fieldCountError(file, line, f.count, headers.length, delimiter);
    if (f.start[0] === f.end[0] && allEmpty(f)) continue;
    keep(builder, f, line);
  }
  if (!headers) throw new StatsbidragError("empty-file", "the file is empty", { file });
  return builder.table(file, headers, delimiter, bytes);
}
function scanQuoted(bytes, file, delimiter, firstLine = 1) {
  const D = delimiter.charCodeAt(0);
  const blank = (c) => c !== D && (c === 32 || c === 9 || c === 12);
  const n = bytes.length;
  const f = { count: 0, start: [], end: [], text: [] };
  let headers;
  let builder;
  let crlf;
  let line = firstLine;
  let pos = 0;
  while (pos < n) {
    if (bytes[pos] === LF || bytes[pos] === CR && bytes[pos + 1] === LF) {
      const isCrlf = bytes[pos] === CR;
      if (crlf !== void 0 && crlf !== isCrlf) return void 0;
      crlf = isCrlf;
      pos += isCrlf ? 2 : 1;
      line++;
      continue;
    }
    const recordLine = line;
    f.count = 0;
    for (; ; ) {
      while (pos < n && blank(bytes[pos])) pos++;
      const k = f.count++;
      f.text[k] = void 0;
      if (bytes[pos] === QUOTE) {
        const s = pos + 1;
        let escaped = false;
        let at = s;
        for (; ; ) {
          const q = bytes.indexOf(QUOTE, at);
          if (q < 0) return void 0;
          if (bytes[q + 1] === QUOTE) {
            escaped = true;
            at = q + 2;
            continue;
          }
          at = q;
          break;
        }
        for (let i = bytes.indexOf(LF, s); i >= 0 && i < at; i = bytes.indexOf(LF, i + 1)) {
          if (crlf === void 0) return void 0;
          line++;
        }
        for (let i = bytes.indexOf(CR, s); i >= 0 && i < at; i = bytes.indexOf(CR, i + 1)) {
          if (crlf === void 0 || bytes[i + 1] !== LF) return void 0;
        }
        f.start[k] = trimStart(bytes, s, at);
        f.end[k] = trimEnd(bytes, f.start[k], at);
        if (escaped) f.text[k] = bytes.toString("utf8", s, at).replaceAll('""', '"').trim();
        pos = at + 1;
        while (pos < n && blank(bytes[pos])) pos++;
        const c2 = bytes[pos];
        if (pos < n && c2 !== D && c2 !== LF && c2 !== CR) return void 0;
      } else {
        const s = pos;
        while (pos < n) {
          const c2 = bytes[pos];
          if (c2 === D || c2 === LF || c2 === CR) break;
          if (c2 === QUOTE) return void 0;
          pos++;
        }
        f.start[k] = trimStart(bytes, s, pos);
        f.end[k] = trimEnd(bytes, f.start[k], pos);
      }
      if (pos >= n) break;
      const c = bytes[pos];
      if (c === D) {
        pos++;
        continue;
      }
      const isCrlf = c === CR;
      if (isCrlf && bytes[pos + 1] !== LF) return void 0;
      if (crlf !== void 0 && crlf !== isCrlf) return void 0;
      crlf = isCrlf;
      pos += isCrlf ? 2 : 1;
      line++;
      break;
    }
    if (f.count === 1 && f.start[0] === f.end[0] && f.text[0] === void 0) return void 0;
    if (!headers) {
      headers = headersOf(bytes, f);
      builder = new ColumnsBuilder(f.count, lineBreaks(bytes) + 1);
      continue;
    }
    if (f.count !== headers.length) return void 0;
    if (f.start[0] === f.end[0] && allEmpty(f)) continue;
    keep(builder, f, recordLine);
  }
  if (!headers) return void 0;
  return builder.table(file, headers, delimiter, bytes);
}

// src/core/formula-guard.ts
var GUARD = /(?<=^|[\r\n])'(?=[=+\-@\t\r\uff1d\uff0b\uff0d\uff20])/g;
function unguardFormula(cell) {
  return cell.indexOf("'") < 0 ? cell : cell.replace(GUARD, "");
}

// src/io/csv.ts
var CANDIDATES = [",", ";", "	", "|"];
function detectDelimiter(text) {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  let inQuotes = false;
  const counts = /* @__PURE__ */ new Map();
  for (const ch of firstLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && CANDIDATES.includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ",";
  let bestCount = 0;
  for (const c of CANDIDATES) {
    const n = counts.get(c) ?? 0;
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}
function records0Length(text, delimiter) {
  const first = parse(text, { delimiter, bom: true, to_line: 1, relax_column_count: true, relax_quotes: true });
  return first[0]?.length ?? 0;
}
var kebab = (code) => code.replace(/^CSV_/, "").toLowerCase().replace(/_/g, "-");
function checkHeaders(headers, file, line) {
  const seen = /* @__PURE__ */ new Set();
  headers.forEach((h, i) => {
    if (h === "") throw new StatsbidragError("empty-header", `column ${i + 1} has no header`, { file, line });
    if (seen.has(h)) throw new StatsbidragError("duplicate-header", `column "${h}" appears twice in the header`, { file, line, field: h });
    seen.add(h);
  });
}
function fieldCountError2(file, line, fields, header, delim) {
  const delimName = delim === "	" ? "\\t" : delim;
  return new StatsbidragError(
    "csv-record-inconsistent-fields-length",
    `this line has ${fields} fields where the header has ${header} (delimiter "${delimName}")`,
    { file, ...line === void 0 ? {} : { line } }
  );
}
function eachPlainLine(text, delim, visit, firstLine = 1) {
  let line = firstLine - 1;
  for (let pos = 0; pos < text.length; ) {
    let next = text.indexOf("\n", pos);
    if (next < 0) next = text.length;
    const end = next > pos && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
    const start = pos;
    pos = next + 1;
    line++;
    if (end === start) continue;
    const d = text.indexOf(delim, start);
    if ((d < 0 || d >= end) && text.slice(start, end).trim() === "") continue;
    if (visit(start, end, line) === false) return;
  }
}
function parsePlain(text, file, delim, firstLine = 1) {
  let headers;
  const rows = [];
  eachPlainLine(text, delim, (start, end, line) => {
    const cells = text.slice(start, end).split(delim);
    for (let c = 0; c < cells.length; c++) cells[c] = cells[c].trim();
    if (!headers) {
      headers = cells;
      return;
    }
    if (cells.length !== headers.length) throw fieldCountError2(file, line, cells.length, headers.length, delim);
    rows.push({ line, cells });
  }, firstLine);
  if (!headers) throw new StatsbidragError("empty-file", "the file is empty", { file });
  return { file, headers, rows, delimiter: delim };
}
function parseQuoted(text, file, delim, firstLine = 1) {
  let records;
  try {
    records = parse(text, {
      delimiter: delim,
      bom: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false
    });
  } catch (e) {
    if (e instanceof CsvError) {
      const line = typeof e["lines"] === "number" ? e["lines"] + firstLine - 1 : void 0;
      if (e.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH" || e.code === "CSV_RECORD_INCONSISTENT_COLUMNS") {
        throw fieldCountError2(file, line, e["record"]?.length ?? "?", records0Length(text, delim), delim);
      }
      const message = e.code === "CSV_QUOTE_NOT_CLOSED" ? "CSV syntax: a quoted field opened on this line or before is never closed" : `CSV syntax: ${e.message.split(/\.\s|\n/)[0] ?? e.message}`;
      throw new StatsbidragError(csvErrorCode(kebab(e.code)), message, { file, ...line === void 0 ? {} : { line } });
    }
    throw e;
  }
  const [head, ...body] = records;
  if (!head) throw new StatsbidragError("empty-file", "the file is empty", { file });
  let extra = 0;
  const rows = body.map(({ record, info }) => {
    let inner = 0;
    for (const cell of record) {
      for (let at = cell.search(/[\r\n]/); at !== -1 && at < cell.length; at++) {
        const c = cell[at];
        if (c === "\n") {
          inner++;
          if (cell[at - 1] === "\r") extra++;
        } else if (c === "\r" && cell[at + 1] !== "\n") inner++;
      }
    }
    for (let c = 0; c < record.length; c++) record[c] = record[c].trim();
    return { line: info.lines - extra - inner + firstLine - 1, cells: record };
  });
  return { file, headers: head.record.map((h) => h.trim()), rows, delimiter: delim };
}
var APOSTROPHE = 39;
var LF2 = 10;
var CR2 = 13;
function unguardCells(table, quoted2) {
  const { bytes, starts, ends, rowCount } = table;
  for (let c = 0; c < table.headers.length; c++) table.headers[c] = unguardFormula(table.headers[c]);
  for (let c = 0; c < starts.length; c++) {
    const s0 = starts[c];
    const e0 = ends[c];
    for (let r = 0; r < rowCount; r++) {
      const s = s0[r];
      if (s < 0) {
        const text2 = table.extras[~s];
        const bare2 = unguardFormula(text2);
        if (bare2 !== text2) table.setCell(r, c, bare2);
        continue;
      }
      const e = e0[r];
      if (s === e) continue;
      if (bytes[s] !== APOSTROPHE) {
        if (!quoted2) continue;
        const lf = bytes.indexOf(LF2, s);
        const cr = bytes.indexOf(CR2, s);
        if ((lf < 0 || lf >= e) && (cr < 0 || cr >= e)) continue;
      }
      const text = bytes.toString("utf8", s, e);
      const bare = unguardFormula(text);
      if (bare !== text) table.setCell(r, c, bare);
    }
  }
}
function parseTable(text, file, delimiter, firstLine = 1) {
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  if (text.trim() === "") throw new StatsbidragError("empty-file", "the file is empty", { file });
  const delim = delimiter ?? detectDelimiter(text);
  return tableOfBytes(Buffer.from(text, "utf8"), file, delim, text, firstLine);
}
function tableOfBytes(bytes, file, delim, text, firstLine = 1) {
  const quoted2 = bytes.indexOf(34) >= 0;
  const ascii = delim.length === 1 && delim.charCodeAt(0) < 128 && delim !== '"' && delim !== "\n" && delim !== "\r";
  let table;
  if (ascii) table = quoted2 ? scanQuoted(bytes, file, delim, firstLine) : scanPlain(bytes, file, delim, firstLine);
  if (!table) {
    const t2 = text ?? bytes.toString("utf8");
    const rows = quoted2 ? parseQuoted(t2, file, delim, firstLine) : parsePlain(t2, file, delim, firstLine);
    table = tableFromRows(file, delim, rows.headers, rows.rows);
  }
  if (bytes.indexOf(APOSTROPHE) >= 0) unguardCells(table, quoted2);
  checkHeaders(table.headers, file, firstLine);
  return table;
}

// src/io/decode.ts
init_errors();
import { createRequire } from "node:module";
async function decodeBytes(bytes, file) {
  if (bytes[0] === 255 && bytes[1] === 254) return utf16(bytes, "utf-16le", file);
  if (bytes[0] === 254 && bytes[1] === 255) return utf16(bytes, "utf-16be", file);
  if (bytes.includes(0)) {
    throw new StatsbidragError("binary-file", "contains NUL bytes: not a text file", { file });
  }
  if (bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) {
    return { text: strictUtf8(bytes.subarray(3), file), encoding: "utf-8", bom: true };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8", bom: false };
  } catch {
    const bad = utf8Problem(bytes);
    if (bad) {
      throw new StatsbidragError("invalid-utf8", `byte ${bad.column} of this line (0x${bad.byte.toString(16).toUpperCase().padStart(2, "0")}) is not valid UTF-8, and the file holds valid UTF-8 elsewhere: not read as Windows-1252; save it as UTF-8`, { file, line: bad.line });
    }
    const iconv = createRequire(import.meta.url)("iconv-lite");
    return { text: iconv.decode(Buffer.from(bytes), "windows-1252"), encoding: "windows-1252", bom: false };
  }
}
function sequenceAt(b, i) {
  const c = b[i];
  const n = c >= 194 && c <= 223 ? 2 : c >= 224 && c <= 239 ? 3 : c >= 240 && c <= 244 ? 4 : 0;
  if (n === 0 || i + n > b.length) return 0;
  for (let k = 1; k < n; k++) if ((b[i + k] & 192) !== 128) return 0;
  const c1 = b[i + 1];
  if (c === 224 && c1 < 160 || c === 237 && c1 > 159 || c === 240 && c1 < 144 || c === 244 && c1 > 143) return 0;
  return n;
}
function utf8Problem(b) {
  let valid = false;
  let first;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 128) {
      if (c === 10) {
        line++;
        lineStart = i + 1;
      }
      i++;
      continue;
    }
    const n = sequenceAt(b, i);
    if (n > 0) {
      valid = true;
      i += n;
    } else {
      first ??= { line, column: i - lineStart + 1, byte: c };
      i++;
    }
    if (valid && first) return first;
  }
  return void 0;
}
function utf16(bytes, encoding, file) {
  const text = new TextDecoder(encoding).decode(bytes.subarray(2));
  if (text.includes("\0")) throw new StatsbidragError("binary-file", "contains NUL characters: not a text file", { file });
  return { text, encoding, bom: true };
}
function strictUtf8(bytes, file) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new StatsbidragError("invalid-utf8", "starts with a UTF-8 byte order mark but is not valid UTF-8", { file });
  }
}

// src/io/json-table.ts
init_errors();

// src/io/json.ts
init_errors();
init_json_path();
function parseJson(text, file, options = {}) {
  let value;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (e) {
    const msg = e.message;
    const pos = /position (\d+)/.exec(msg);
    const line = pos ? text.slice(0, Number(pos[1])).split("\n").length : void 0;
    throw new StatsbidragError("invalid-json", `not valid JSON: ${msg.replace(/^.*?:\s*/, "").split("\n")[0]}`, { file, line });
  }
  if (options.uniqueKeys) {
    const repeated = repeatedKey(text);
    if (repeated) {
      throw new StatsbidragError("duplicate-json-key", `the key "${repeated.key}" appears twice in one object (JSON would keep the last silently); keep one`, { file, line: repeated.line, path: formatJsonPath(repeated.path) });
    }
  }
  return value;
}
function stringEnd(text, start) {
  let i = start + 1;
  for (; ; ) {
    const c = text.charCodeAt(i);
    if (c === 92) i += 2;
    else if (c === 34 || Number.isNaN(c)) return i;
    else i++;
  }
}
function repeatedKey(text) {
  const stack = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (expectKey && top?.object) {
        const key = JSON.parse(text.slice(i, end + 1));
        if (top.keys.has(key)) {
          const path = stack.slice(0, -1).map((f) => f.object ? f.key : f.index);
          return { key, path: [...path, key], line: text.slice(0, i).split("\n").length };
        }
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = end;
    } else if (c === 123) {
      stack.push({ object: true, keys: /* @__PURE__ */ new Set(), key: void 0 });
      expectKey = true;
    } else if (c === 91) {
      stack.push({ object: false, index: 0 });
      expectKey = false;
    } else if (c === 125 || c === 93) {
      stack.pop();
      expectKey = false;
    } else if (c === 44) {
      const top = stack[stack.length - 1];
      if (top?.object) expectKey = true;
      else if (top) top.index++;
    }
  }
  return void 0;
}

// src/io/json-table.ts
function looksLikeJson(text, file) {
  return /^\ufeff?\s*\{/.test(text) || /\.json$/i.test(file);
}
function jsonTable(text, file) {
  const doc = parseJson(text, file);
  const fail2 = (message, path, line) => {
    throw new StatsbidragError("invalid-json-table", message, { file, path, ...line !== void 0 ? { line } : {} });
  };
  if (typeof doc !== "object" || doc === null || Array.isArray(doc) || !Array.isArray(doc.rows)) {
    return fail2('a JSON table is an object with a "rows" array (as allocate --format json writes)', "rows");
  }
  const rows = doc.rows;
  const lines = rowLines(text);
  const headers = [];
  const seen = /* @__PURE__ */ new Set();
  rows.forEach((row, i) => {
    if (typeof row !== "object" || row === null || Array.isArray(row)) fail2("each row is an object of column \u2192 value", `rows[${i}]`, lines[i]);
    for (const key of Object.keys(row)) if (!seen.has(key)) seen.add(key), headers.push(key);
  });
  if (headers.length === 0) fail2("the rows name no columns", "rows");
  return {
    headers,
    rows: rows.map((row, i) => ({
      line: lines[i] ?? 1,
      cells: headers.map((h) => {
        const v = row[h];
        if (v === void 0 || v === null) return "";
        if (typeof v === "string") return v;
        if (typeof v === "number" && Number.isSafeInteger(v)) return String(v);
        return fail2(`a cell is a string${typeof v === "number" ? " (write amounts that are not whole numbers below 2^53 as strings)" : ""}, not ${JSON.stringify(v)}`, `rows[${i}].${h}`, lines[i]);
      })
    }))
  };
}
function rowLines(text) {
  const lines = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  let lastKey;
  let rowsDepth = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") line++;
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') {
        inString = false;
        if (depth === 1) lastKey = text.slice(stringStart + 1, i);
      }
      continue;
    }
    if (ch === '"') {
      inString = true;
      stringStart = i;
    } else if (ch === "{" || ch === "[") {
      if (ch === "{" && depth === rowsDepth) lines.push(line);
      if (ch === "[" && depth === 1 && lastKey === "rows") rowsDepth = 2;
      depth++;
    } else if (ch === "}" || ch === "]") {
      depth--;
      if (depth < rowsDepth) rowsDepth = -1;
    } else if (ch === "," && depth === 1) {
      lastKey = void 0;
    }
  }
  return lines;
}

// src/io/xlsx.ts
init_errors();

// src/core/excel.ts
var EXCEL_DIGITS = 15;
var EXCEL_MAX_ROWS = 1048576;
var EXCEL_MAX_COLUMNS = 16384;

// src/io/xlsx/limits.ts
var XLSX_LIMITS = {
  maxEntryBytes: 1024 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioAfter: 1024 * 1024,
  maxCells: 16777216
};

// src/io/xlsx/parts.ts
init_decimal();
import { posix } from "node:path";
init_errors();

// src/io/xlsx/xml.ts
init_errors();
import { createRequire as createRequire2 } from "node:module";
var saxes;
function saxesParser(file, part) {
  saxes ??= createRequire2(import.meta.url)("saxes");
  const p = new saxes.SaxesParser({ position: false });
  p.on("error", (e) => {
    throw new StatsbidragError("invalid-xlsx", `not a readable .xlsx workbook ("${part}" is not well-formed XML: ${e.message.split("\n")[0]})`, { file });
  });
  return p;
}
var localName = (name) => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};
function known(s, a, b) {
  switch (b - a) {
    case 1:
      switch (s.charCodeAt(a)) {
        case 99:
          return "c";
        case 118:
          return "v";
        case 116:
          return "t";
        case 102:
          return "f";
        case 114:
          return "r";
        case 115:
          return "s";
        case 110:
          return "n";
        case 98:
          return "b";
        case 101:
          return "e";
        case 100:
          return "d";
      }
      break;
    case 2:
      if (s.startsWith("is", a)) return "is";
      if (s.startsWith("si", a)) return "si";
      break;
    case 3:
      if (s.startsWith("row", a)) return "row";
      if (s.startsWith("str", a)) return "str";
      if (s.startsWith("rPh", a)) return "rPh";
      break;
    case 9:
      if (s.startsWith("sheetData", a)) return "sheetData";
      if (s.startsWith("inlineStr", a)) return "inlineStr";
      break;
  }
  return s.slice(a, b);
}
var isNameStart = (c) => c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95 || c === 58;
var isNameChar = (c) => c >= 97 && c <= 122 || c >= 65 && c <= 90 || c >= 48 && c <= 58 || c === 95 || c === 45 || c === 46;
var isSpace2 = (c) => c === 32 || c === 10 || c === 9 || c === 13;
function same(s, a, b, c, d) {
  if (b - a !== d - c) return false;
  for (let i = 0; i < b - a; i++) if (s.charCodeAt(a + i) !== s.charCodeAt(c + i)) return false;
  return true;
}
var XML_DECLARATION = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.0"|'1\.0')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"[Uu][Tt][Ff]-8"|'[Uu][Tt][Ff]-8'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*\?>/;
function predefined(name) {
  switch (name) {
    case "amp":
      return "&";
    case "lt":
      return "<";
    case "gt":
      return ">";
    case "quot":
      return '"';
    case "apos":
      return "'";
    default:
      return void 0;
  }
}
function charRef(body) {
  const hex = body.charCodeAt(1) === 120;
  const digits = body.slice(hex ? 2 : 1);
  if (digits === "" || !(hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return void 0;
  const code = parseInt(digits, hex ? 16 : 10);
  const ok = code === 9 || code === 10 || code === 13 || code >= 32 && code <= 55295 || code >= 57344 && code <= 65533 || code >= 65536 && code <= 1114111;
  return ok ? code : void 0;
}
var MORE = -1;
var HAND_OVER = -2;
var MAX_CARRY = 1 << 20;
var XmlReader = class _XmlReader {
  constructor(file, part, handlers, fast = true) {
    this.file = file;
    this.part = part;
    this.handlers = handlers;
    if (!fast) this.handOver("", 0);
  }
  /** Set by a handler: nothing more is read or checked. */
  stopped = false;
  carry = "";
  /** Qualified names of the open elements, outermost first. */
  stack = [];
  rootSeen = false;
  rootClosed = false;
  rootName = "";
  /** What was read before the root (the declaration, white space), given to saxes if it takes over there. */
  prolog = "";
  atStart = true;
  sax;
  // The tag being opened: its attributes as offsets into `chunk`.
  chunk = "";
  attrs = new Int32Array(64);
  attrCount = 0;
  get(name) {
    const s = this.chunk;
    const a = this.attrs;
    for (let k = 0; k < this.attrCount; k++) {
      const i = k * 4;
      if (a[i + 1] - a[i] === name.length && s.startsWith(name, a[i])) return known(s, a[i + 2], a[i + 3]);
    }
    return void 0;
  }
  write(text) {
    if (this.stopped) return;
    if (this.sax) {
      this.sax.write(text);
      return;
    }
    const s = this.carry === "" ? text : this.carry + text;
    this.carry = "";
    this.scan(s, false);
  }
  close() {
    if (this.stopped) return;
    if (!this.sax) {
      const s = this.carry;
      this.carry = "";
      this.scan(s, true);
      if (!this.sax && !this.stopped && (this.stack.length > 0 || !this.rootSeen)) this.handOver("", 0);
    }
    if (this.sax && !this.stopped) this.sax.close();
  }
  /** Saxes reads from s[i] on, told first what is open there. */
  handOver(s, i) {
    const h = this.handlers;
    const p = saxesParser(this.file, this.part);
    let replaying = true;
    const attributes = { a: {}, get(name) {
      return this.a[name];
    } };
    p.on("opentag", (tag) => {
      if (replaying || this.stopped) return;
      attributes.a = tag.attributes;
      h.open(localName(tag.name), attributes, tag.isSelfClosing);
    });
    const text = (t2) => {
      if (!replaying && !this.stopped) h.text(t2);
    };
    p.on("text", text);
    p.on("cdata", text);
    p.on("closetag", (tag) => {
      if (!replaying && !this.stopped) h.close(localName(tag.name));
    });
    this.sax = p;
    if (!this.rootSeen) p.write(this.prolog);
    else if (this.rootClosed) p.write(`<${this.rootName}/>`);
    else p.write(this.stack.map((name) => `<${name}>`).join(""));
    replaying = false;
    p.write(s.slice(i));
  }
  /** Keep s[i…] for the next chunk (or hand over, at the end or when it grows too long). */
  keep(s, i, final) {
    if (final || s.length - i > MAX_CARRY) this.handOver(s, i);
    else this.carry = s.slice(i);
  }
  scan(s, final) {
    const n = s.length;
    let i = 0;
    if (this.atStart) {
      if (n < 6 && !final) return this.keep(s, 0, false);
      this.atStart = false;
      if (s.startsWith("<?xml")) {
        const end = s.indexOf("?>");
        if (end < 0) {
          this.atStart = true;
          return n > 512 ? this.handOver(s, 0) : this.keep(s, 0, final);
        }
        const m = XML_DECLARATION.exec(s);
        if (!m) return this.handOver(s, 0);
        this.prolog = m[0];
        i = m[0].length;
      }
    }
    while (i < n && !this.stopped) {
      const c = s.charCodeAt(i);
      if (c === 60) {
        const next = i + 1 < n ? s.charCodeAt(i + 1) : -1;
        const r2 = next === -1 ? MORE : next === 47 ? this.endTag(s, i) : isNameStart(next) ? this.startTag(s, i) : HAND_OVER;
        if (r2 === MORE) return this.keep(s, i, final);
        if (r2 === HAND_OVER) return this.handOver(s, i);
        i = r2;
        continue;
      }
      if (this.stack.length === 0) {
        if (!isSpace2(c)) return this.handOver(s, i);
        let j = i + 1;
        while (j < n && isSpace2(s.charCodeAt(j))) j++;
        if (!this.rootSeen) {
          if (this.prolog.length + (j - i) > 65536) return this.handOver(s, i);
          this.prolog += s.slice(i, j);
        }
        i = j;
        continue;
      }
      const r = this.text(s, i, final);
      if (r === MORE) return this.keep(s, this.textStop, final);
      if (r === HAND_OVER) return this.handOver(s, this.textStop);
      i = r;
    }
  }
  /** Where text() stopped when it needs more or hands over. */
  textStop = 0;
  /** Text from s[i] (not "<") to the next "<" or the end: handed on decoded; the index after it. */
  text(s, i, final) {
    const n = s.length;
    let start = i;
    let j = i;
    let out = "";
    while (j < n) {
      const c = s.charCodeAt(j);
      if (c === 60) break;
      if (c >= 32 && c < 55296 && c !== 38 && c !== 93) {
        j++;
        continue;
      }
      if (c === 38) {
        const semi = s.indexOf(";", j + 1);
        if (semi < 0 || semi - j > 12) {
          if (semi < 0 && n - j <= 12 && !final) return this.stop(s, start, j, out, MORE);
          return this.stop(s, start, j, out, HAND_OVER);
        }
        const body = s.slice(j + 1, semi);
        let value;
        if (body.charCodeAt(0) === 35) {
          const code = charRef(body);
          value = code === void 0 ? void 0 : String.fromCodePoint(code);
        } else value = predefined(body);
        if (value === void 0) return this.stop(s, start, j, out, HAND_OVER);
        out += s.slice(start, j) + value;
        j = semi + 1;
        start = j;
        continue;
      }
      if (c === 93) {
        if (j + 2 >= n && !final) return this.stop(s, start, j, out, MORE);
        if (s.charCodeAt(j + 1) === 93 && s.charCodeAt(j + 2) === 62) return this.stop(s, start, j, out, HAND_OVER);
        j++;
        continue;
      }
      if (c === 9 || c === 10) {
        j++;
        continue;
      }
      if (c === 13) {
        if (j + 1 >= n && !final) return this.stop(s, start, j, out, MORE);
        out += `${s.slice(start, j)}
`;
        j += s.charCodeAt(j + 1) === 10 ? 2 : 1;
        start = j;
        continue;
      }
      if (c < 32) return this.stop(s, start, j, out, HAND_OVER);
      if (c <= 56319) {
        if (j + 1 >= n && !final) return this.stop(s, start, j, out, MORE);
        const d = s.charCodeAt(j + 1);
        if (d >= 56320 && d <= 57343) {
          j += 2;
          continue;
        }
        return this.stop(s, start, j, out, HAND_OVER);
      }
      if (c >= 57344 && c <= 65533) {
        j++;
        continue;
      }
      return this.stop(s, start, j, out, HAND_OVER);
    }
    return this.stop(s, start, j, out, j);
  }
  /** The end of a text run at s[at]: what was read handed on, and `r` returned. */
  stop(s, start, at, out, r) {
    const text = at > start ? out + s.slice(start, at) : out;
    if (text !== "") this.handlers.text(text);
    this.textStop = at;
    return r;
  }
  /** A name from s[i]: the index after it, MORE at the end, HAND_OVER when it is not a plain ASCII name. */
  static name(s, i) {
    const n = s.length;
    if (i >= n) return MORE;
    if (!isNameStart(s.charCodeAt(i))) return HAND_OVER;
    let j = i + 1;
    while (j < n && isNameChar(s.charCodeAt(j))) j++;
    if (j >= n) return MORE;
    return s.charCodeAt(j) >= 128 ? HAND_OVER : j;
  }
  /** "<name attr="v"…>" or "…/>" from s[i]: events, and the index after it. */
  startTag(s, i) {
    const n = s.length;
    const nameEnd = _XmlReader.name(s, i + 1);
    if (nameEnd < 0) return nameEnd;
    const a = this.attrs;
    let count = 0;
    let j = nameEnd;
    let selfClosing = false;
    for (; ; ) {
      const spaced = j;
      while (j < n && isSpace2(s.charCodeAt(j))) j++;
      if (j >= n) return MORE;
      const c = s.charCodeAt(j);
      if (c === 62) {
        j++;
        break;
      }
      if (c === 47) {
        if (j + 1 >= n) return MORE;
        if (s.charCodeAt(j + 1) !== 62) return HAND_OVER;
        selfClosing = true;
        j += 2;
        break;
      }
      if (j === spaced || count * 4 + 4 > a.length) return HAND_OVER;
      const attrEnd = _XmlReader.name(s, j);
      if (attrEnd < 0) return attrEnd;
      let k = attrEnd;
      while (k < n && isSpace2(s.charCodeAt(k))) k++;
      if (k >= n) return MORE;
      if (s.charCodeAt(k) !== 61) return HAND_OVER;
      k++;
      while (k < n && isSpace2(s.charCodeAt(k))) k++;
      if (k >= n) return MORE;
      const q = s.charCodeAt(k);
      if (q !== 34 && q !== 39) return HAND_OVER;
      const close = s.indexOf(q === 34 ? '"' : "'", k + 1);
      if (close < 0) return MORE;
      for (let m = k + 1; m < close; m++) {
        const v = s.charCodeAt(m);
        if (v < 32 || v === 38 || v === 60 || v >= 55296) return HAND_OVER;
      }
      for (let other = 0; other < count; other++) if (same(s, a[other * 4], a[other * 4 + 1], j, attrEnd)) return HAND_OVER;
      a[count * 4] = j;
      a[count * 4 + 1] = attrEnd;
      a[count * 4 + 2] = k + 1;
      a[count * 4 + 3] = close;
      count++;
      j = close + 1;
    }
    if (this.stack.length === 0) {
      if (this.rootSeen) return HAND_OVER;
      this.rootSeen = true;
      this.rootName = s.slice(i + 1, nameEnd);
    }
    const qname = known(s, i + 1, nameEnd);
    const colon = qname.indexOf(":");
    const local2 = colon < 0 ? qname : known(qname, colon + 1, qname.length);
    this.chunk = s;
    this.attrCount = count;
    if (selfClosing) {
      if (this.stack.length === 0) this.rootClosed = true;
    } else this.stack.push(qname);
    this.handlers.open(local2, this, selfClosing);
    this.attrCount = 0;
    if (selfClosing && !this.stopped) this.handlers.close(local2);
    return j;
  }
  /** "</name>" from s[i]: matching the open element, its event and the index after it. */
  endTag(s, i) {
    const n = s.length;
    const stack = this.stack;
    const top = stack[stack.length - 1];
    if (top === void 0) return HAND_OVER;
    let j = i + 2 + top.length;
    if (j >= n) return MORE;
    if (!s.startsWith(top, i + 2)) return _XmlReader.name(s, i + 2) === MORE ? MORE : HAND_OVER;
    while (j < n && isSpace2(s.charCodeAt(j))) j++;
    if (j >= n) return MORE;
    if (s.charCodeAt(j) !== 62) return HAND_OVER;
    stack.pop();
    if (stack.length === 0) this.rootClosed = true;
    const colon = top.indexOf(":");
    this.handlers.close(colon < 0 ? top : known(top, colon + 1, top.length));
    return j + 1;
  }
};

// src/io/xlsx/parts.ts
var parser = saxesParser;
var local = localName;
function prefixedAttribute(attributes, name) {
  for (const key in attributes) if (key.endsWith(`:${name}`)) return attributes[key];
  return void 0;
}
async function parsePart(zip, part, open) {
  const p = parser(zip.file, part);
  p.on("opentag", (tag) => open(local(tag.name), tag.attributes));
  await zip.stream(part, (text) => p.write(text));
  p.close();
}
async function relationships(zip, ofPart) {
  const dir = posix.dirname(ofPart);
  const relsPart = posix.join(dir === "." ? "" : dir, "_rels", `${posix.basename(ofPart)}.rels`);
  const rels = /* @__PURE__ */ new Map();
  if (!zip.has(relsPart)) return rels;
  await parsePart(zip, relsPart, (name, a) => {
    if (name !== "Relationship" || a["Id"] === void 0 || a["Target"] === void 0) return;
    if (a["TargetMode"] === "External") return;
    const target = a["Target"].startsWith("/") ? a["Target"].slice(1) : posix.normalize(posix.join(dir === "." ? "" : dir, a["Target"]));
    rels.set(a["Id"], { target, type: a["Type"] ?? "" });
  });
  return rels;
}
async function workbookSheets(zip, workbookPart2, rels) {
  const sheets = [];
  await parsePart(zip, workbookPart2, (name, a) => {
    if (name !== "sheet") return;
    const id = prefixedAttribute(a, "id") ?? a["id"];
    const rel = id === void 0 ? void 0 : rels.get(id);
    sheets.push({ name: a["name"] ?? "", state: a["state"] ?? "visible", part: rel?.target, kind: rel ? rel.type.slice(rel.type.lastIndexOf("/") + 1) : "worksheet" });
  });
  return sheets;
}
function sharedStringsPart(zip, workbookPart2, rels) {
  for (const rel of rels.values()) if (rel.type.endsWith("/sharedStrings") && zip.has(rel.target)) return rel.target;
  const guess = posix.join(posix.dirname(workbookPart2), "sharedStrings.xml");
  return zip.has(guess) ? guess : void 0;
}
function unescapeXString(text) {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (escape, hex) => {
    const code = parseInt(hex, 16);
    return code >= 55296 && code <= 57343 ? escape : String.fromCharCode(code);
  });
}
async function sharedStrings(zip, part, limits, maxChars, xml = "fast") {
  const strings = [];
  let inSi = false;
  let phonetic = 0;
  let inT = false;
  let current = "";
  let chars = 0;
  const p = xmlReader(zip.file, part, xml, {
    open(name, _attributes, selfClosing) {
      if (name === "si") {
        inSi = true;
        current = "";
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && inSi && phonetic === 0 && !selfClosing) inT = true;
    },
    text(t2) {
      if (!inT) return;
      current += t2;
      chars += t2.length;
      if (chars > maxChars) throw new StatsbidragError("xlsx-limit", `the shared strings hold more than ${maxChars} characters, more than this tool reads`, { file: zip.file });
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") {
        inSi = false;
        strings.push(unescapeXString(current));
        if (strings.length > limits.maxCells) throw new StatsbidragError("xlsx-limit", `more than ${limits.maxCells} shared strings, more than this tool reads`, { file: zip.file });
      }
    }
  });
  await zip.stream(part, (t2) => p.write(t2));
  p.close();
  return strings;
}
function xmlReader(file, part, xml, handlers) {
  return new XmlReader(file, part, handlers, xml === "fast");
}
function columnLetters(index) {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + (n - 1) % 26) + s;
  return s;
}
function numberCellText(raw) {
  if (/^-?(?:0|[1-9]\d{0,14})$/.test(raw) && raw !== "-0") return raw;
  if (raw.length <= 17 && /^-?(?:0|[1-9]\d*)\.\d*[1-9]$/.test(raw) && raw.replace(/[-.]/g, "").length <= EXCEL_DIGITS) return raw;
  const d = new Decimal(raw.trim());
  return d.toSignificantDigits(EXCEL_DIGITS).toFixed();
}
function denseCells(width, cols, texts, count) {
  const cells = [];
  for (let c = 0; c < width; c++) cells.push("");
  for (let i = 0; i < count; i++) cells[cols[i]] = texts[i];
  return cells;
}
function parseRef(ref, out) {
  let col = 0;
  let i = 0;
  const n = ref.length;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    if (col > EXCEL_MAX_COLUMNS) {
      out.col = EXCEL_MAX_COLUMNS;
      out.row = NaN;
      return;
    }
  }
  out.col = col - 1;
  out.row = rowDigits(ref, i);
}
function rowDigits(ref, from) {
  const n = ref.length;
  if (n === from || n - from > 10) return NaN;
  let row = 0;
  for (let i = from; i < n; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || d === 0 && i === from) return NaN;
    row = row * 10 + d;
  }
  return row;
}
async function streamSheet(zip, part, sheetName, strings, limits, sink2, xml = "fast") {
  const file = zip.file;
  const where = { file, field: `sheet "${sheetName}"` };
  let rowNumber = 0;
  let lastRow = 0;
  const cols = [];
  const texts = [];
  let count = 0;
  let nonEmptyWidth = 0;
  let col = -1;
  let cellCount = 0;
  let type = "";
  let value = "";
  let formula = "";
  let hasFormula = false;
  let hasValue = false;
  let inline = "";
  let capture = 0;
  let inInline = false;
  let phonetic = 0;
  let inSheetData = false;
  let done = false;
  const ref = { col: 0, row: 0 };
  const cellName = () => `${columnLetters(col)}${rowNumber}`;
  const fail2 = (message, code = "invalid-xlsx") => {
    throw new StatsbidragError(code, message, rowNumber > 0 ? { ...where, line: rowNumber } : where);
  };
  const endRow = () => {
    if (nonEmptyWidth > 0) {
      cellCount += nonEmptyWidth;
      if (cellCount > limits.maxCells) fail2(`more than ${limits.maxCells} cells, more than this tool reads from a sheet`, "xlsx-limit");
      if (sink2.sparseRow) sink2.sparseRow(rowNumber, cols, texts, count);
      else {
        sink2.row(rowNumber, denseCells(nonEmptyWidth, cols, texts, count));
      }
    }
    count = 0;
    nonEmptyWidth = 0;
  };
  const cellValue = () => {
    const described2 = () => formula ? `the formula =${formula.length > 60 ? `${formula.slice(0, 57)}...` : formula}` : "a formula";
    if (type === "e") {
      fail2(`cell ${cellName()} holds the error ${value.trim() || "(unknown)"}${hasFormula ? ` (${described2()})` : ""}: fix it in the workbook, as a total built on it is not a number`, "formula-value");
    }
    if (hasFormula && (!hasValue || value === "" && type !== "str")) {
      fail2(
        `cell ${cellName()} holds ${described2()} with no computed value: the program that saved the workbook did not calculate it (openpyxl does not); open and save it in Excel or LibreOffice`,
        "formula-value"
      );
    }
    switch (type) {
      case "s": {
        const index = Number(value);
        const s = Number.isInteger(index) ? strings[index] : void 0;
        if (s === void 0) fail2(`cell ${cellName()} points at shared string ${value.trim()}, which the workbook does not have`);
        return s.trim();
      }
      case "inlineStr":
        return unescapeXString(inline).trim();
      case "str":
        return unescapeXString(value).trim();
      case "b":
        return value.trim() === "1" ? "TRUE" : value.trim() === "0" ? "FALSE" : fail2(`cell ${cellName()} holds "${value}", which is not a boolean`);
      case "d":
        return value.trim();
      default: {
        const v = value.trim();
        if (v === "") return "";
        try {
          return numberCellText(v);
        } catch {
          return fail2(`cell ${cellName()} holds "${v.slice(0, 40)}", which is not a number`);
        }
      }
    }
  };
  const open = (name, a, selfClosing) => {
    if (done) return;
    switch (name) {
      case "c": {
        const r = a.get("r");
        let next = col + 1;
        if (r !== void 0) {
          parseRef(r, ref);
          if (ref.col >= EXCEL_MAX_COLUMNS) fail2(`cell ${r.slice(0, 20)} lies beyond column XFD (16 384), the last Excel has`);
          if (ref.col < 0 || ref.row !== rowNumber) fail2(`cell reference "${r.slice(0, 20)}" in row ${rowNumber} is not a cell of that row`);
          next = ref.col;
        }
        if (next <= col) fail2(`cell ${columnLetters(next)}${rowNumber} comes after ${columnLetters(col)}${rowNumber}: the cells of a row are out of order`);
        if (next >= EXCEL_MAX_COLUMNS) fail2(`row ${rowNumber} has a cell beyond column XFD (16 384), the last Excel has`);
        col = next;
        type = a.get("t") ?? "n";
        value = "";
        formula = "";
        inline = "";
        hasFormula = false;
        hasValue = false;
        break;
      }
      case "v":
        hasValue = true;
        if (!selfClosing) capture = 1;
        break;
      case "f":
        hasFormula = true;
        if (!selfClosing) capture = 3;
        break;
      case "is":
        inInline = true;
        break;
      case "rPh":
        phonetic++;
        break;
      case "t":
        if (inInline && phonetic === 0 && !selfClosing) capture = 2;
        break;
      case "row": {
        const r = a.get("r");
        const n = r === void 0 ? lastRow + 1 : rowDigits(r, 0);
        if (Number.isNaN(n)) {
          rowNumber = 0;
          fail2(`a row is numbered "${r.slice(0, 20)}", which is not a row number`);
        }
        rowNumber = n;
        if (n > EXCEL_MAX_ROWS) fail2(`row ${n} lies beyond row 1 048 576, the last Excel has`);
        if (n <= lastRow) fail2(`row ${n} comes after row ${lastRow}: the rows are out of order`);
        lastRow = n;
        col = -1;
        break;
      }
      case "sheetData":
        inSheetData = true;
        break;
    }
  };
  const text = (t2) => {
    if (capture === 1) value += t2;
    else if (capture === 2) inline += t2;
    else if (capture === 3 && formula.length < 80) formula += t2;
  };
  const close = (name) => {
    if (done) return;
    switch (name) {
      case "v":
      case "f":
      case "t":
        capture = 0;
        break;
      case "is":
        inInline = false;
        break;
      case "rPh":
        phonetic--;
        break;
      case "c": {
        const v = cellValue();
        if (v !== "") {
          if (cellCount + col + 1 > limits.maxCells) fail2(`more than ${limits.maxCells} cells, more than this tool reads from a sheet`, "xlsx-limit");
          cols[count] = col;
          texts[count] = v;
          count++;
          nonEmptyWidth = col + 1;
        }
        break;
      }
      case "row":
        endRow();
        break;
      case "sheetData":
        inSheetData = false;
        done = true;
        p.stopped = true;
        break;
    }
  };
  const p = xmlReader(file, part, xml, { open, text, close });
  await zip.stream(part, (t2) => {
    if (!done) p.write(t2);
  });
  if (!done) p.close();
  if (inSheetData) fail2("the sheet ends inside its data");
}

// src/io/xlsx/zip.ts
init_errors();
import { createRequire as createRequire3 } from "node:module";
import { StringDecoder } from "node:string_decoder";

// src/io/zip-end.ts
var EOCD_SIZE = 22;
var MAX_COMMENT = 65535;
function zipArchiveLength(bytes) {
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT - 64 * 1024);
  for (let i = bytes.length - EOCD_SIZE; i >= lowest; i--) {
    if (bytes[i] !== 80 || bytes[i + 1] !== 75 || bytes[i + 2] !== 5 || bytes[i + 3] !== 6) continue;
    const commentLength = bytes[i + 20] | bytes[i + 21] << 8;
    const end = i + EOCD_SIZE + commentLength;
    if (end <= bytes.length) return end;
  }
  return void 0;
}

// src/io/xlsx/zip.ts
var zlibModule;
var zlibOf = () => zlibModule ??= createRequire3(import.meta.url)("node:zlib");
var crc32Fn;
var crc32Of = () => crc32Fn ??= zlibOf().crc32 ?? null;
var INFLATE_CHUNK = 256 * 1024;
var QUEUE_BYTES = 4 * 1024 * 1024;
var mib2 = (n) => `${Math.round(n / 1024 / 1024)} MiB`;
function damaged(file, why) {
  return new StatsbidragError("invalid-xlsx", `not a readable .xlsx workbook (a damaged zip: ${why})`, { file });
}
var ZipArchive = class _ZipArchive {
  constructor(zip, entries, file, limits) {
    this.zip = zip;
    this.entries = entries;
    this.file = file;
    this.limits = limits;
  }
  inflated = 0;
  /** The zip's central directory; nothing is inflated yet. */
  static open(bytes, file, limits) {
    const length = zipArchiveLength(bytes);
    if (length === void 0) {
      return Promise.reject(new StatsbidragError("invalid-xlsx", "not a readable .xlsx workbook (no end of central directory: a truncated or damaged zip)", { file }));
    }
    const yauzl = createRequire3(import.meta.url)("yauzl");
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, length);
    return new Promise((resolve2, reject) => {
      yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false }, (err, zip) => {
        if (err || !zip) {
          reject(damaged(file, (err?.message ?? "unknown").split("\n")[0]));
          return;
        }
        const entries = /* @__PURE__ */ new Map();
        let failed = false;
        zip.on("error", (e) => {
          failed = true;
          reject(damaged(file, e.message.split("\n")[0]));
        });
        zip.on("entry", (entry) => {
          if (failed) return;
          const key = entry.fileName.toLowerCase();
          if (entries.has(key)) {
            failed = true;
            reject(damaged(file, `two entries named "${entry.fileName}"`));
            return;
          }
          entries.set(key, entry);
          zip.readEntry();
        });
        zip.on("end", () => {
          if (!failed) resolve2(new _ZipArchive(zip, entries, file, limits));
        });
        zip.readEntry();
      });
    });
  }
  has(name) {
    return this.entries.has(name.toLowerCase());
  }
  names() {
    return [...this.entries.values()].map((e) => e.fileName);
  }
  /**
   * An entry inflated and decoded as UTF-8, handed to `onText` a chunk at a time (synchronously:
   * the next chunk waits). What `onText` throws stops the inflating and rejects.
   */
  stream(name, onText) {
    const entry = this.entries.get(name.toLowerCase());
    const { file, limits } = this;
    if (!entry) return Promise.reject(damaged(file, `no entry "${name}"`));
    if (entry.isEncrypted()) return Promise.reject(new StatsbidragError("encrypted-workbook", `entry "${name}" is encrypted: save the workbook without a password`, { file }));
    const tooLarge = (size) => new StatsbidragError("xlsx-limit", `"${name}" inflates to more than ${mib2(limits.maxEntryBytes)} (at least ${mib2(size)}), more than this tool reads from one part of a workbook`, { file });
    if (entry.uncompressedSize > limits.maxEntryBytes) return Promise.reject(tooLarge(entry.uncompressedSize));
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return Promise.reject(damaged(file, `"${name}": unsupported compression method: ${entry.compressionMethod}`));
    return new Promise((resolve2, reject) => {
      this.zip.openReadStream(entry, { decodeFileData: false }, (err, raw) => {
        if (err || !raw) {
          reject(damaged(file, `"${name}": ${(err?.message ?? "unknown").split("\n")[0]}`));
          return;
        }
        const inflate = entry.compressionMethod === 8 ? zlibOf().createInflateRaw({ chunkSize: INFLATE_CHUNK }) : void 0;
        const stream = inflate ? raw.pipe(inflate) : raw;
        const decoder = new StringDecoder("utf8");
        const crc32 = crc32Of();
        let size = 0;
        let crc = 0;
        let done = false;
        const fail2 = (e) => {
          if (done) return;
          done = true;
          if (inflate) {
            raw.unpipe(inflate);
            inflate.destroy();
          }
          raw.destroy();
          reject(e instanceof StatsbidragError ? e : damaged(file, `"${name}": ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`));
        };
        stream.on("data", (chunk) => {
          if (done) return;
          size += chunk.length;
          this.inflated += chunk.length;
          if (size > entry.uncompressedSize) return fail2(damaged(file, `"${name}": too many bytes in the stream. expected ${entry.uncompressedSize}. got at least ${size}`));
          if (size > limits.maxEntryBytes) return fail2(tooLarge(size));
          if (this.inflated > limits.maxTotalBytes) {
            return fail2(new StatsbidragError("xlsx-limit", `the workbook inflates to more than ${mib2(limits.maxTotalBytes)}, more than this tool reads`, { file }));
          }
          if (size > limits.ratioAfter && size > entry.compressedSize * limits.maxRatio) {
            return fail2(
              new StatsbidragError("xlsx-limit", `"${name}" inflates more than ${limits.maxRatio} times its compressed size (${entry.compressedSize} bytes to over ${size}): a zip bomb, not a workbook`, { file })
            );
          }
          if (crc32) crc = crc32(chunk, crc);
          queue.push(chunk);
          queued += chunk.length;
          if (!scheduled) {
            scheduled = true;
            setImmediate(drain);
          }
          if (queued > QUEUE_BYTES && !paused) {
            paused = true;
            stream.pause();
          }
        });
        const queue = [];
        let queued = 0;
        let scheduled = false;
        let paused = false;
        let ended = false;
        const drain = () => {
          scheduled = false;
          if (done) return;
          try {
            for (let chunk = queue.shift(); chunk !== void 0; chunk = queue.shift()) {
              queued -= chunk.length;
              onText(decoder.write(chunk));
              if (done) return;
            }
          } catch (e) {
            return fail2(e);
          }
          if (ended) return finish2();
          if (paused) {
            paused = false;
            stream.resume();
          }
        };
        const finish2 = () => {
          if (done) return;
          if (size < entry.uncompressedSize) return fail2(damaged(file, `"${name}": not enough bytes in the stream. expected ${entry.uncompressedSize}. got only ${size}`));
          if (crc32 && crc >>> 0 !== entry.crc32 >>> 0) return fail2(damaged(file, `"${name}" fails its CRC-32 check`));
          try {
            const rest = decoder.end();
            if (rest) onText(rest);
          } catch (e) {
            return fail2(e);
          }
          done = true;
          resolve2();
        };
        raw.on("error", fail2);
        inflate?.on("error", fail2);
        stream.on("end", () => {
          ended = true;
          if (!scheduled) finish2();
        });
        stream.on("close", () => {
          if (!ended) fail2(damaged(file, `"${name}" ended early`));
        });
      });
    });
  }
  /** A small entry (relationships, the workbook's sheet list) as one string, within `maxBytes`. */
  async text(name, maxBytes = 16 * 1024 * 1024) {
    const parts = [];
    let length = 0;
    await this.stream(name, (text) => {
      length += text.length;
      if (length > maxBytes) throw new StatsbidragError("xlsx-limit", `"${name}" is larger than ${mib2(maxBytes)}, more than such a part of a workbook ever is`, { file: this.file });
      parts.push(text);
    });
    return parts.join("");
  }
  /** The raw first bytes of a stored entry (ODF's "mimetype"), for telling what kind of zip this is. */
  async head(name, max = 100) {
    let text = "";
    await this.stream(name, (t2) => {
      if (text.length < max) text += t2.slice(0, max - text.length);
    });
    return text;
  }
};

// src/io/xlsx.ts
function isZip(bytes) {
  return bytes.length >= 4 && bytes[0] === 80 && bytes[1] === 75 && (bytes[2] === 3 && bytes[3] === 4 || bytes[2] === 5 && bytes[3] === 6);
}
var CFB = [208, 207, 17, 224, 161, 177, 26, 225];
function isCompoundFile(bytes) {
  return bytes.length >= 8 && CFB.every((b, i) => bytes[i] === b);
}
var utf162 = (s) => Buffer.from(s, "utf16le");
function compoundFileError(bytes, file) {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.includes(utf162("EncryptedPackage")) || buffer.includes(utf162("EncryptionInfo"))) {
    return new StatsbidragError("encrypted-workbook", "is an encrypted (password-protected) workbook: save a copy without a password, or as CSV", { file });
  }
  if (buffer.includes(utf162("Workbook")) || buffer.includes(utf162("Book"))) {
    return new StatsbidragError("unsupported-spreadsheet", "is an old Excel 97\u20132003 workbook (.xls): save it as .xlsx or CSV", { file });
  }
  return new StatsbidragError("unsupported-spreadsheet", "is an OLE compound file (an old Office document), not a table: save it as .xlsx or CSV", { file });
}
var quoted = (s, i) => `${i + 1} "${s.name}"${s.state === "visible" ? "" : ` (${s.state === "veryHidden" ? "very hidden" : "hidden"})`}`;
function pickSheet(sheets, spec, file) {
  const list = () => sheets.map(quoted).join(", ");
  if (spec === void 0) {
    const index = sheets.findIndex((s) => s.state === "visible" && s.kind === "worksheet");
    if (index < 0) throw new StatsbidragError("sheet-not-found", `the workbook has no visible worksheet (sheets: ${list()}); name one with --sheet`, { file });
    const sheet = sheets[index];
    if (sheets.length === 1) return { sheet };
    return { sheet, note: `read sheet ${index + 1} "${sheet.name}", the first visible worksheet (sheets: ${list()}); name another with --sheet` };
  }
  const named = sheets.find((s) => s.name === spec) ?? sheets.find((s) => s.name.toLowerCase() === spec.toLowerCase());
  if (named) return { sheet: named };
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    if (n >= 1 && n <= sheets.length) return { sheet: sheets[n - 1] };
  }
  throw new StatsbidragError("sheet-not-found", `no sheet "${spec}" (sheets: ${list()})`, { file, field: "--sheet" }, "usage");
}
async function workbookPart(zip) {
  for (const rel of (await relationships(zip, "")).values()) if (rel.type.endsWith("/officeDocument")) return rel.target;
  return "xl/workbook.xml";
}
async function readXlsx(bytes, file, sink2, options = {}) {
  const limits = options.limits ?? XLSX_LIMITS;
  const zip = await ZipArchive.open(bytes, file, limits);
  const part = await workbookPart(zip);
  if (!zip.has(part)) {
    if (zip.has("mimetype") && (await zip.head("mimetype")).startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
      throw new StatsbidragError("unsupported-spreadsheet", "is an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV", { file });
    }
    throw new StatsbidragError("invalid-xlsx", `not a readable .xlsx workbook (a zip without a workbook part "${part}")`, { file });
  }
  if (part.toLowerCase().endsWith(".bin")) throw new StatsbidragError("unsupported-spreadsheet", "is a binary Excel workbook (.xlsb): save it as .xlsx or CSV", { file });
  const rels = await relationships(zip, part);
  const sheets = await workbookSheets(zip, part, rels);
  if (sheets.length === 0) throw new StatsbidragError("invalid-xlsx", "the workbook has no sheets", { file });
  const { sheet, note: note2 } = pickSheet(sheets, options.sheet, file);
  if (sheet.kind !== "worksheet") throw new StatsbidragError("sheet-not-found", `sheet "${sheet.name}" is a ${sheet.kind}, not a table of cells`, { file, field: "--sheet" }, "usage");
  if (sheet.part === void 0 || !zip.has(sheet.part)) throw new StatsbidragError("invalid-xlsx", `not a readable .xlsx workbook (sheet "${sheet.name}" has no part in the zip)`, { file });
  options.onSheet?.(sheet.name);
  const stringsPart = sharedStringsPart(zip, part, rels);
  const strings = stringsPart === void 0 ? [] : await sharedStrings(zip, stringsPart, limits, Math.min(limits.maxEntryBytes, 256 * 1024 * 1024), options.xml);
  await streamSheet(zip, sheet.part, sheet.name, strings, limits, sink2, options.xml);
  sink2.end();
  return note2 === void 0 ? { sheet: sheet.name } : { sheet: sheet.name, note: note2 };
}
var SheetSink = class {
  constructor(file, maxCells, header = {}) {
    this.file = file;
    this.maxCells = maxCells;
    this.header = header;
    this.columns = new ColumnsSink(file, "");
  }
  headers;
  columns;
  /** The header found below a title: what to say about it. */
  note;
  sheet = "";
  slots = 0;
  /** What to say about notes below the table (rows not read). */
  notesNote;
  /** The last row kept with two cells filled, and the rows after it with at most one, held until the end tells whether they are notes. */
  lastFull;
  /** Held rows, kept small: the one filled cell, its column and text (col -1: none). */
  held = [];
  /** The first rows, held until the header is known (undefined once it is). */
  pending = [];
  onSheet(name) {
    this.sheet = name;
  }
  /** Decide the header from the rows held: now, when they settle it, or at the end of the sheet (`last`). */
  decide(last) {
    const pending = this.pending;
    const { needs, row: given } = this.header;
    const rows = pending.map((p) => p.cells);
    const lineOf = (i) => pending[i].line;
    const withText = rows.reduce((n, cells) => filledCells(cells) > 0 ? n + 1 : n, 0);
    const more = !last && withText < HEADER_SCAN_ROWS && pending.length < 4 * HEADER_SCAN_ROWS;
    let index;
    if (given !== void 0) {
      if (more && !pending.some((p) => p.line >= given)) return;
      try {
        index = findHeaderRow(rows, { needs, given }, lineOf).index;
      } catch (e) {
        throw located(e, { file: this.file });
      }
    } else {
      const r = findHeaderRow(rows, { needs }, lineOf);
      if (!r.found && more) return;
      const first = rows.findIndex((cells) => filledCells(cells) > 0);
      if (first < 0) {
        if (!last) return;
        this.pending = void 0;
        return;
      }
      index = r.found ? r.index : first;
      if (!r.found && needs && r.index > first && r.missing.length > 0) {
        throw new StatsbidragError("header-row-not-found", headerMessage(lineOf(r.index), rows[r.index], r.missing), { file: this.file, field: `sheet "${this.sheet}"` });
      }
      if (index > first) {
        const n = rows.slice(0, index).filter((cells) => filledCells(cells) > 0).length;
        this.note = `row ${lineOf(index)} of sheet "${this.sheet}" taken as the header (${n === 1 ? "the row above it is a title" : `the ${n} rows above it are a title`})`;
      }
    }
    this.pending = void 0;
    for (let i = index; i < pending.length; i++) this.row(pending[i].line, pending[i].cells);
  }
  row(line, cells) {
    if (this.pending) {
      this.pending.push({ line, cells: [...cells] });
      this.decide(false);
      return;
    }
    const cols = [];
    const texts = [];
    cells.forEach((text, c) => {
      if (text.trim() === "") return;
      cols.push(c);
      texts.push(text);
    });
    this.take(line, cells.length, cols, texts, cols.length);
  }
  /** What the sheet reader calls: a row by its non-empty cells (RowSink.sparseRow), at the cost of those. */
  sparseRow(line, cols, texts, count) {
    const width = count === 0 ? 0 : cols[count - 1] + 1;
    if (this.pending) {
      this.pending.push({ line, cells: denseCells(width, cols, texts, count) });
      this.decide(false);
      return;
    }
    this.take(line, width, cols, texts, count);
  }
  /** A row below the rows held for the header: the header, or a row of the table (its non-empty cells; `width` up to the last). */
  take(line, width, cols, texts, count) {
    const headers = this.headers;
    const where = () => ({ file: this.file, field: `sheet "${this.sheet}"`, line });
    if (!headers) {
      if (count === 0) return;
      const h = denseCells(width, cols, texts, count);
      const seen = /* @__PURE__ */ new Set();
      h.forEach((name, c) => {
        if (name === "") throw new StatsbidragError("empty-header", `column ${columnLetters(c)} has no header`, where());
        if (seen.has(name)) throw new StatsbidragError("duplicate-header", `column "${name}" appears twice in the header`, { file: this.file, line, field: name });
        seen.add(name);
      });
      this.headers = h;
      this.columns.row(line, h);
      return;
    }
    if (width > headers.length) {
      let beyond = 0;
      while (beyond < count - 1 && cols[beyond] < headers.length) beyond++;
      throw new StatsbidragError("cell-outside-table", `cell ${columnLetters(cols[beyond] ?? width - 1)}${line} holds a value but its column has no header`, where());
    }
    this.slots += headers.length;
    if (this.slots > this.maxCells) throw new StatsbidragError("xlsx-limit", `more than ${this.maxCells} cells (rows \xD7 the header's ${headers.length} columns), more than this tool reads from a sheet`, where());
    if (this.held.length < 1e3 && count <= 1) {
      this.held.push(count === 0 ? { line, col: -1, text: "" } : { line, col: cols[0], text: texts[0] });
      return;
    }
    if (this.held.length > 0) {
      for (const r of this.held) this.keepHeld(r);
      this.held = [];
    }
    const last = this.lastFull ??= { line, cols: [], texts: [] };
    last.line = line;
    last.cols.length = count;
    last.texts.length = count;
    for (let i = 0; i < count; i++) {
      last.cols[i] = cols[i];
      last.texts[i] = texts[i];
    }
    this.columns.sparseRow(line, cols, texts, count);
  }
  /** A held row into the model (counted against the cap in take()). */
  keepHeld(r) {
    if (r.col >= 0) this.columns.sparseRow(r.line, [r.col], [r.text], 1);
  }
  end() {
    if (this.pending) this.decide(true);
    if (this.held.length > 0) {
      const last = this.lastFull;
      const rows = [last ? { line: last.line, cells: denseCells(last.cols.length === 0 ? 0 : last.cols[last.cols.length - 1] + 1, last.cols, last.texts, last.cols.length) } : { line: 0, cells: [] }, ...this.held.map((h) => ({ line: h.line, cells: h.col < 0 ? [] : [h.text] }))];
      const at = findNotesBelow(rows.map((r) => r.cells), (i) => rows[i].line, (cells) => cells.some((c) => c !== "" && isTotalName(c)));
      const keep2 = at < 0 ? this.held : this.held.slice(0, at - 1);
      for (const r of keep2) this.keepHeld(r);
      if (at >= 0) {
        const notes = rows.slice(at).filter((r) => filledCells(r.cells) > 0);
        const first = notes[0].cells.find((c) => c !== "") ?? "";
        const quoted2 = first.length > 40 ? `${first.slice(0, 40)}\u2026` : first;
        const where = notes.length === 1 ? `row ${notes[0].line}` : `rows ${notes[0].line}\u2013${notes[notes.length - 1].line}`;
        this.notesNote = `${where} of sheet "${this.sheet}" below the table ${notes.length === 1 ? "is a note" : "are notes"} ("${quoted2}"${notes.length > 1 ? ", \u2026" : ""}), not ${notes.length === 1 ? "a row" : "rows"}; not read`;
      }
      this.held = [];
    }
    if (!this.headers) throw new StatsbidragError("empty-file", `sheet "${this.sheet}" is empty`, { file: this.file });
    this.columns.end();
  }
};
async function tableFromXlsx(bytes, file, sheet, limits, header) {
  const sink2 = new SheetSink(file, (limits ?? XLSX_LIMITS).maxCells, header);
  const read = await readXlsx(bytes, file, sink2, { sheet, onSheet: (name) => sink2.onSheet(name), ...limits ? { limits } : {} });
  return Object.assign(sink2.columns.table, read, sink2.note === void 0 ? {} : { headerNote: sink2.note }, sink2.notesNote === void 0 ? {} : { notesNote: sink2.notesNote });
}

// src/io/table.ts
function withDialect(table, dialect) {
  table.decimalMark = dialect.decimalMark;
  return Object.assign(table, { dialect });
}
var ONE_SEPARATOR = /^-?(\d+)([.,])(\d+)$/;
var GROUPED_DECIMAL = /^-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+([.,])\d+$/;
function decideDecimalMark(delimiter, rows) {
  if (delimiter === ";") return ",";
  let comma = false;
  let dot = false;
  const see = (cell) => {
    const one = ONE_SEPARATOR.exec(cell);
    let mark;
    if (one) {
      if (!isAmbiguousSeparator(one[1], one[3])) mark = one[2];
    } else {
      mark = GROUPED_DECIMAL.exec(cell)?.[1];
    }
    if (mark === ",") comma = true;
    else if (mark === ".") dot = true;
    return comma && dot;
  };
  if (rows instanceof ColumnarTable) {
    const { bytes, starts, ends, extras, rowCount } = rows;
    for (let c = 0; c < starts.length; c++) {
      const s0 = starts[c];
      const e0 = ends[c];
      for (let r = 0; r < rowCount; r++) {
        const s = s0[r];
        if (s >= 0) {
          const first = bytes[s];
          if (s === e0[r] || !(first >= 48 && first <= 57) && first !== 45) continue;
          if (see(bytes.toString("latin1", s, e0[r]))) return void 0;
        } else {
          const cell = extras[~s];
          const first = cell.charCodeAt(0);
          if (!(first >= 48 && first <= 57) && first !== 45) continue;
          if (see(cell)) return void 0;
        }
      }
    }
  } else {
    for (const { cells } of rows) {
      for (const cell of cells) {
        const first = cell.charCodeAt(0);
        if (!(first >= 48 && first <= 57) && first !== 45) continue;
        if (see(cell)) return void 0;
      }
    }
  }
  return comma ? "," : dot ? "." : void 0;
}
var MAX_HEADER_LINE = 1 << 20;
function firstLines(text, upTo = 0) {
  const out = [];
  let line = 0;
  let withText = 0;
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    line++;
    if (end - at > MAX_HEADER_LINE) return withText === 0 ? void 0 : out;
    const t2 = text.charCodeAt(end - 1) === 13 ? text.slice(at, end - 1) : text.slice(at, end);
    const blank = t2.trim() === "";
    if (!blank) withText++;
    if (withText > 0) out.push({ start: at, line, text: blank ? "" : t2 });
    at = end + 1;
    if (withText >= HEADER_SCAN_ROWS && line >= upTo) break;
    if (line >= 1e5) break;
  }
  return out;
}
function splitLine(line, delimiter) {
  if (line.indexOf('"') < 0) {
    const cells2 = line.split(delimiter);
    for (let c = 0; c < cells2.length; c++) cells2[c] = cells2[c].trim();
    return cells2;
  }
  const cells = [];
  let cell = "";
  let quoted2 = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted2) {
      if (ch !== '"') cell += ch;
      else if (line[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted2 = false;
    } else if (ch === '"') quoted2 = true;
    else if (line.startsWith(delimiter, i)) {
      cells.push(cell.trim());
      cell = "";
      i += delimiter.length - 1;
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}
var DELIMITERS = [",", ";", "	", "|"];
function locateHeader(text, file, options) {
  const given = options.header?.row;
  const needs = options.header?.needs;
  const lines = firstLines(text, given);
  if (lines === void 0 || lines.length === 0) return void 0;
  const forced = options.delimiter;
  const lineOf = (i) => lines[i].line;
  const split2 = /* @__PURE__ */ new Map();
  const rowsBy = (delimiter) => {
    let rows = split2.get(delimiter);
    if (!rows) split2.set(delimiter, rows = lines.map((l) => splitLine(l.text, delimiter)));
    return rows;
  };
  const at = (i, delimiter) => ({ start: lines[i].start, line: lines[i].line, delimiter, above: lines.slice(0, i) });
  if (given !== void 0) {
    const i = lines.findIndex((l) => l.line === given);
    const delimiter = forced ?? detectDelimiter(lines[Math.max(i, 0)].text);
    try {
      findHeaderRow(rowsBy(delimiter), { needs, given }, lineOf);
    } catch (e) {
      throw located(e, { file });
    }
    return at(i, delimiter);
  }
  const d0 = forced ?? detectDelimiter(lines.find((l) => DELIMITERS.some((d) => l.text.includes(d)))?.text ?? lines[0].text);
  const first = detectDelimiter(lines[0].text);
  const head = (delimiter) => findHeaderRow(rowsBy(delimiter), { needs, sameWidthBelow: true }, lineOf);
  const firstDelimiter = forced ?? first;
  if (filledCells(rowsBy(firstDelimiter)[0]) > 0) {
    const r2 = head(firstDelimiter);
    if (r2.found && r2.index === 0) return at(0, firstDelimiter);
  }
  const tried = forced ? [forced] : [d0, ...DELIMITERS.filter((d) => d !== d0)];
  for (const d of tried) {
    const r2 = head(d);
    if (r2.found && (forced !== void 0 || detectDelimiter(lines[r2.index].text) === d)) return at(r2.index, d);
  }
  const r = head(d0);
  const titled = rowsBy(d0).slice(0, r.index).some((cells) => filledCells(cells) > 0);
  if (needs && titled && r.missing.length > 0) throw new StatsbidragError("header-row-not-found", headerMessage(lineOf(r.index), rowsBy(d0)[r.index], r.missing), { file });
  return at(0, firstDelimiter);
}
var totalRow = (cells) => cells.some((c) => c !== "" && isTotalName(c));
function notesBelow(text, from, delimiter, file) {
  const tail = [];
  let e = text.length;
  while (e > from && tail.length <= HEADER_SCAN_ROWS) {
    const nl = e > 0 ? text.lastIndexOf("\n", e - 1) : -1;
    const s = nl < from ? from : nl + 1;
    const line2 = text.slice(s, e);
    if (line2.length > MAX_HEADER_LINE) break;
    tail.unshift({ start: s, text: line2.endsWith("\r") ? line2.slice(0, -1) : line2 });
    if (tail.length === 1 || tail.slice(1).every((l) => l.text.trim() === "")) {
      if (line2.trim() !== "" && filledCells(splitLine(tail[0].text, delimiter)) >= 2) return void 0;
    }
    if (s === from) break;
    e = nl;
  }
  const rows = tail.map((l) => splitLine(l.text, delimiter));
  if (filledCells(splitLine(text.slice(from, text.indexOf("\n", from) < 0 ? text.length : text.indexOf("\n", from)), delimiter)) < 2) return void 0;
  const at = findNotesBelow(rows, (i) => i, totalRow);
  if (at < 0) return void 0;
  const cut = tail[at].start;
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < cut; i = text.indexOf("\n", i + 1)) line++;
  const shown = tail.slice(at).filter((l) => l.text.trim() !== "");
  const lines = tail.slice(at).map((l, k) => ({ l, n: line + k })).filter(({ l }) => l.text.trim() !== "").map(({ n }) => n);
  const first = rows[at].find((c) => c !== "") ?? "";
  const quoted2 = first.length > 40 ? `${first.slice(0, 40)}\u2026` : first;
  note(`${file}: ${lines.length === 1 ? `line ${lines[0]}` : `lines ${lines[0]}\u2013${lines[lines.length - 1]}`} below the table ${shown.length === 1 ? "is a note" : "are notes"} ("${quoted2}"${shown.length > 1 ? ", \u2026" : ""}), not ${shown.length === 1 ? "a row" : "rows"}; not read`);
  return cut;
}
function headerNote(file, line, above) {
  if (!above.some((cells) => filledCells(cells) > 0)) return;
  const n = above.length;
  note(`${file}: line ${line} taken as the header (${n === 1 ? "the line above it is" : `the ${n} lines above it are`} a title or blank)`);
}
function tableFromText(text, file, options = {}) {
  const bom = options.bom ?? text.charCodeAt(0) === 65279;
  if (options.delimiter === void 0 && looksLikeJson(text, file)) {
    const { headers, rows } = jsonTable(text, file);
    const decimalMark2 = decideDecimalMark(",", rows);
    return withDialect(tableFromRows(file, ",", headers, rows), { delimiter: ",", decimalMark: decimalMark2, encoding: options.encoding ?? "utf-8", bom });
  }
  let body = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  if (body.indexOf("\n") < 0 && body.indexOf("\r") >= 0) body = body.replace(/\r/g, "\n");
  const head = locateHeader(body, file, options);
  const delimiter = head?.delimiter ?? options.delimiter ?? detectDelimiter(body);
  const from = head ? head.start : 0;
  if (head && head.above.length > 0 && options.header?.row === void 0) headerNote(file, head.line, head.above.map((l) => splitLine(l.text, delimiter)));
  const notes = head ? notesBelow(body, head.start, delimiter, file) : void 0;
  if (notes !== void 0) body = body.slice(0, notes);
  const table = from > 0 ? parseTable(body.slice(from), file, delimiter, head.line) : parseTable(body, file, delimiter);
  const decimalMark = decideDecimalMark(delimiter, table);
  return withDialect(table, { delimiter, decimalMark, encoding: options.encoding ?? "utf-8", bom });
}
async function readTable(file, options = {}) {
  return tableFromBytes(await readBytes(file), file, options);
}
async function tableFromBytes(bytes, file, options = {}) {
  if (isZip(bytes)) {
    const table = await tableFromXlsx(bytes, file, options.sheet, void 0, options.header);
    const { sheet, note: sheetNote, headerNote: headerNote2, notesNote } = table;
    if (sheetNote !== void 0) process.stderr.write(`statsbidrag: note: ${file}: ${sheetNote}
`);
    if (headerNote2 !== void 0 && options.header?.row === void 0) note(`${file}: ${headerNote2}`);
    if (notesNote !== void 0) note(`${file}: ${notesNote}`);
    return withDialect(table, { delimiter: "", decimalMark: ".", encoding: "utf-8", bom: false, sheet });
  }
  if (isCompoundFile(bytes)) throw compoundFileError(bytes, file);
  if (options.sheet !== void 0) throw new StatsbidragError("invalid-option", "--sheet applies to an .xlsx workbook, and this is not one", { file, field: "--sheet" }, "usage");
  const decoded = await decodeBytes(bytes, file);
  return tableFromText(decoded.text, file, { ...options, encoding: decoded.encoding, bom: decoded.bom });
}

// src/io/load.ts
init_json_path();

// src/io/rules-stamp.ts
init_decimal();
function bakedStamp() {
  return typeof STATSBIDRAG_RULES_STAMP === "undefined" ? void 0 : JSON.parse(STATSBIDRAG_RULES_STAMP);
}
function stampedRules(bytes, stamp = bakedStamp()) {
  if (stamp === void 0) return void 0;
  const checked = Buffer.from(stamp.bytes, "base64");
  if (checked.length !== bytes.length || !checked.equals(bytes)) return void 0;
  return { rules: decodeValue(stamp.rules), sha256: stamp.sha256 };
}
function decodeValue(encoded) {
  if (!Array.isArray(encoded)) return encoded;
  switch (encoded[0]) {
    case "a":
      return encoded[1].map(decodeValue);
    case "o":
    case "n": {
      const out = encoded[0] === "n" ? /* @__PURE__ */ Object.create(null) : {};
      const entries = encoded[1];
      for (let i = 0; i < entries.length; i++) {
        const key = entries[i][0];
        const value = decodeValue(entries[i][1]);
        if (key === "__proto__") Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
        else out[key] = value;
      }
      return out;
    }
    case "d":
      return new Decimal(encoded[1]);
    case "u":
      return void 0;
  }
  throw new Error(`not an encoded value: ${JSON.stringify(encoded)}`);
}

// src/io/load.ts
var DATA_DIR = resolve(packageRoot(), "data");
var DEFAULT_RULES = resolve(DATA_DIR, "rules.json");
async function loadTable(file, delimiter) {
  return readTable(file, delimiter ? { delimiter } : {});
}
function checkSchema(schema, value, file, code) {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : "";
  throw new StatsbidragError(code, `${issue.message}${more}`, { file, path: formatJsonPath(issue.path) });
}
async function loadRules(rulesFile) {
  const file = rulesFile ?? DEFAULT_RULES;
  const bytes = await readBytes(file);
  const dir = () => file === "-" ? process.cwd() : dirname2(resolve(resolveInput(file)));
  const stamped = rulesFile === void 0 ? stampedRules(bytes) : void 0;
  if (stamped) return { rules: stamped.rules, file, sha256: stamped.sha256, dir: dir() };
  const json = parseJson((await decodeBytes(bytes, file)).text, file, { uniqueKeys: true });
  const { rulesSchema: rulesSchema2 } = await Promise.resolve().then(() => (init_schemas(), schemas_exports));
  const rules = checkSchema(rulesSchema2, json, file, "invalid-rules");
  const { createHash } = createRequire4(import.meta.url)("node:crypto");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { rules, file, sha256, dir: dir() };
}
function cellAmount(text, file, line, field, decimalMark) {
  try {
    return parseAmount(text, decimalMark ? { decimalMark } : {});
  } catch (e) {
    if (e instanceof AmountParseError) throw e.at({ file, line, field });
    throw e;
  }
}

// src/io/applications.ts
init_award();
init_values();
init_errors();

// src/core/key-index.ts
function keyHash(key) {
  let h = 2166136261;
  for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), 16777619);
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  return h ^ h >>> 16;
}
var KeyIndex = class {
  /**
   * Room for rows 0 … rows − 1. With `keyAt` (row → its key, made again on a hash match) no key
   * is held: a million names read from a table need not stay in memory as strings.
   */
  constructor(rows, keyAt) {
    this.keyAt = keyAt;
    let size = 16;
    while (size < rows * 2) size *= 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.hashes = new Int32Array(rows);
    this.keys = keyAt ? void 0 : new Array(rows);
  }
  table;
  mask;
  hashes;
  /** The keys, when no `keyAt` makes them again. */
  keys;
  /** Keys held. */
  size = 0;
  same(row, key) {
    return (this.keys ? this.keys[row] : this.keyAt(row)) === key;
  }
  /** The row holding `key`, or −1. */
  get(key, hash = keyHash(key)) {
    const { table, mask, hashes } = this;
    for (let slot = hash & mask; ; slot = slot + 1 & mask) {
      const j = table[slot];
      if (j === -1) return -1;
      if (hashes[j] === hash && this.same(j, key)) return j;
    }
  }
  /** Row `row` under `key`, unless an earlier row holds it: then that row (and nothing is added), else −1. */
  add(key, row) {
    const hash = keyHash(key);
    const { table, mask, hashes } = this;
    for (let slot = hash & mask; ; slot = slot + 1 & mask) {
      const j = table[slot];
      if (j === -1) {
        table[slot] = row;
        hashes[row] = hash;
        if (this.keys) this.keys[row] = key;
        this.size++;
        return -1;
      }
      if (hashes[j] === hash && this.same(j, key)) return j;
    }
  }
  /** The key row `row` was added under (a row that was added). */
  keyOf(row) {
    return this.keys ? this.keys[row] : this.keyAt(row);
  }
  /** The hash of the key row `row` was added under. */
  hashOf(row) {
    return this.hashes[row];
  }
};

// src/io/applications.ts
init_schedule();
var COLUMNS = {
  applicant: ["applicant", "s\xF6kande", "organisation", "organization", "name", "namn"],
  type: ["type", "organisation type", "organization type", "organisationstyp", "typ", "orgtyp"],
  requested: ["requested", "requested amount", "s\xF6kt belopp", "s\xF6kt", "ans\xF6kt belopp"],
  cost: ["cost", "total cost", "measure cost", "kostnad", "total kostnad", "insatsens kostnad", "projektkostnad"],
  priority: ["priority", "priority score", "score", "prioritet", "po\xE4ng"],
  region: ["region", "l\xE4n"],
  years: ["years", "year", "\xE5r", "period"]
};
var REQUIRED = ["applicant", "type", "requested", "cost"];
function findColumn(headers, field) {
  const names = COLUMNS[field];
  const i = headers.findIndex((h) => names.includes(h.normalize("NFC").trim().toLowerCase()));
  return i >= 0 ? i : void 0;
}
function readAmounts(table, col) {
  const values = new AmountValues(table.rowCount);
  if (col === void 0) return values;
  const mark = table.decimalMark;
  for (let r = 0; r < table.rowCount; r++) readAmountCell(values, r, table.cell(r, col), mark);
  return values;
}
function applicationColumnsFromTable(table) {
  const { file, headers } = table;
  const cols = Object.fromEntries(Object.keys(COLUMNS).map((f) => [f, findColumn(headers, f)]));
  for (const f of REQUIRED) {
    if (cols[f] === void 0) {
      throw new StatsbidragError(
        "missing-column",
        `no "${f}" column (accepted headers: ${COLUMNS[f].join(", ")}; the file has ${headers.map((h) => `"${h}"`).join(", ")})`,
        { file, line: 1 }
      );
    }
  }
  if (table.rowCount === 0) throw new StatsbidragError("no-rows", "has a header but no applications", { file, line: 2 });
  let requested = readAmounts(table, cols.requested);
  let cost = readAmounts(table, cols.cost);
  let priority = readAmounts(table, cols.priority);
  const totals = findTotalRows({
    count: table.rowCount,
    name: (i) => table.cell(i, cols.applicant),
    amounts: (i) => [requested.get(i), cost.get(i)],
    sums: (positions, count) => [requested.sumAt(positions, count), cost.sumAt(positions, count)]
  });
  for (const t2 of totals) note(totalRowNote(file, table.line(t2.index), table.cell(t2.index, cols.applicant), t2.by));
  let keep2;
  if (totals.length) {
    const aside = new Set(totals.map((t2) => t2.index));
    keep2 = new Int32Array(table.rowCount - aside.size);
    for (let r = 0, k = 0; r < table.rowCount; r++) if (!aside.has(r)) keep2[k++] = r;
    requested = requested.select(keep2);
    cost = cost.select(keep2);
    priority = priority.select(keep2);
  }
  const at = keep2;
  const rowOf = at ? (k) => at[k] : (k) => k;
  const n = at ? at.length : table.rowCount;
  const cell = (k, f) => cols[f] === void 0 ? "" : table.cell(rowOf(k), cols[f]);
  const header = (f) => headers[cols[f]];
  const yearFrom = new Int32Array(n).fill(NO_YEARS);
  const yearTo = new Int32Array(n);
  const yearRanges = /* @__PURE__ */ new Map();
  const keyOf = (k) => `${recipientKey(cell(k, "applicant"))}\0${cell(k, "years")}`;
  const seen = new KeyIndex(n, keyOf);
  for (let k = 0; k < n; k++) {
    const line = table.line(rowOf(k));
    const need = (f) => {
      const v = cell(k, f);
      if (v === "") throw new StatsbidragError("missing-value", `no ${f}`, { file, line, field: header(f) });
      return v;
    };
    const applicant = need("applicant");
    need("type");
    const yearsText = cell(k, "years");
    const first = seen.add(`${recipientKey(applicant)}\0${yearsText}`, k);
    if (first >= 0) {
      const other = cell(first, "applicant");
      const names = other === applicant ? `"${applicant}" applies twice` : `"${visibleName(other)}" and "${visibleName(applicant)}" are the same applicant`;
      throw new StatsbidragError("duplicate-application", `lines ${table.line(rowOf(first))} and ${line}: ${names}${yearsText ? ` for ${yearsText}` : ""}, and would be paid twice`, { file });
    }
    const money = (f, values) => {
      const text = need(f);
      if (!values.has(k)) values.set(k, cellAmount(text, file, line, header(f), table.decimalMark));
      if (values.isNegative(k)) throw new StatsbidragError("negative-amount", `"${text}" is negative`, { file, line, field: header(f) });
    };
    money("requested", requested);
    money("cost", cost);
    const priorityText = cell(k, "priority");
    if (priorityText !== "" && !priority.has(k)) priority.set(k, cellAmount(priorityText, file, line, header("priority"), table.decimalMark));
    if (yearsText !== "") {
      let years2 = yearRanges.get(yearsText);
      if (years2 === void 0) {
        try {
          years2 = parseYearRange(yearsText);
        } catch (e) {
          if (!(e instanceof StatsbidragError)) throw e;
          years2 = e;
        }
        yearRanges.set(yearsText, years2);
      }
      if (years2 instanceof StatsbidragError) throw new StatsbidragError(years2.code, years2.message, { file, line, field: header("years") });
      yearFrom[k] = years2.from;
      yearTo[k] = years2.to;
    }
  }
  const region = (k) => cell(k, "region") || void 0;
  return {
    count: n,
    requested,
    cost,
    priority,
    yearFrom,
    yearTo,
    applicant: (k) => cell(k, "applicant"),
    type: (k) => cell(k, "type"),
    region,
    line: (k) => table.line(rowOf(k)),
    application(k) {
      const p = priority.get(k);
      const r = region(k);
      return {
        applicant: cell(k, "applicant"),
        type: cell(k, "type"),
        requested: requested.get(k),
        cost: cost.get(k),
        ...p !== void 0 ? { priority: p } : {},
        ...r ? { region: r } : {},
        ...yearFrom[k] !== NO_YEARS ? { years: { from: yearFrom[k], to: yearTo[k] } } : {},
        line: table.line(rowOf(k))
      };
    }
  };
}

// phase-tmp.ts
init_award();
init_decimal();

// src/render/money.ts
init_amount();
init_decimal();
var SEPARATORS = {
  sv: { group: " ", decimal: "," },
  en: { group: ",", decimal: "." }
};
function formatAmount(value, options = {}) {
  const d = typeof value === "string" ? new Decimal(value) : value;
  const { group, decimal } = SEPARATORS[options.locale ?? "sv"];
  const fixed = options.decimals === void 0 ? d.toFixed() : d.toFixed(options.decimals);
  const negative = fixed.startsWith("-");
  const [int3 = "", frac] = (negative ? fixed.slice(1) : fixed).split(".");
  const grouped = options.grouping === false ? int3 : groupDigits(int3, group);
  const body = frac ? `${grouped}${decimal}${frac}` : grouped;
  return negative && !/^[0.,\s]*$/.test(body) ? `-${body}` : body;
}
function plain(value, decimals) {
  const s = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}
function plainScaled(n, decimals) {
  const negative = n < 0n;
  let digits = (negative ? -n : n).toString();
  if (decimals > 0) {
    digits = digits.padStart(decimals + 1, "0");
    digits = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  }
  return negative ? `-${digits}` : digits;
}

// src/render/award.ts
init_award();
init_decimal();
init_scaled();
init_schedule();

// src/render/award-text.ts
init_schedule();
var STATUS_TEXT = {
  sv: { funded: "beviljad", reduced: "delvis beviljad", "not-funded": "ej beviljad", rejected: "AVSLAG" },
  en: { funded: "funded", reduced: "reduced", "not-funded": "not funded", rejected: "REJECTED" }
};
var CAP_BY_TEXT = {
  sv: { request: "ans\xF6kan", ceiling: "tak", "cost-share": "kostnadsandel" },
  en: { request: "request", ceiling: "ceiling", "cost-share": "cost share" }
};
var RATIONING_TEXT = {
  sv: { priority: "rangordning", proportional: "proportionell nedsk\xE4rning", "equal-awards": "lika belopp" },
  en: { priority: "ranking", proportional: "proportional cut", "equal-awards": "equal awards" }
};
var POOL_TEXT = {
  sv: { call: "\xE5rets budget", ordinance: "ramen f\xF6r", commitment: "\xE5tagandena" },
  en: { call: "the year's budget", ordinance: "the limit for", commitment: "the commitments" }
};
function poolText(p, locale) {
  const w = POOL_TEXT[locale];
  if (p.kind === "ordinance") return `${w.ordinance} ${p.ordinance} ${p.year}`;
  if (p.kind === "commitment") return locale === "sv" ? `${w.commitment} f\xF6r ${p.year} (utlysningen ${p.call})` : `${w.commitment} for ${p.year} (the ${p.call} call)`;
  return `${w.call} ${p.year}`;
}
function reasonSentence(reason, locale, money) {
  const sv = locale === "sv";
  const pct = (d) => `${formatAmount(d, { locale })} %`;
  switch (reason.kind) {
    case "type-not-admitted": {
      const list = reason.admitted.map((o) => `${o.ordinance} ${sv ? "omfattar" : "admits"} ${o.types.join(", ")}`).join("; ");
      return sv ? `organisationstypen "${reason.type}" omfattas inte (${list})` : `organisation type "${reason.type}" is not admitted (${list})`;
    }
    case "too-many-years":
      return sv ? `beslutet skulle omfatta ${yearCount(reason.years)} \xE5r (${formatYearRange(reason.years)}); h\xF6gst ${reason.most}` : `the decision would cover ${yearCount(reason.years)} years (${formatYearRange(reason.years)}); at most ${reason.most}`;
    case "no-budget":
      return sv ? `inga medel f\xF6r ${reason.years.join(", ")}` : `no budget for ${reason.years.join(", ")}`;
    case "no-new-awards":
      return sv ? `inga nya bidrag ${reason.year} (reglerna: 0 kr att besluta om)` : `no new awards in ${reason.year} (the rules: 0 kr to decide on)`;
    case "requests-nothing":
      return sv ? "s\xF6ker inget belopp" : "requests nothing";
    case "capped-at-ceiling":
      return sv ? `begr\xE4nsad till taket ${money(reason.ceiling)} kr` : `capped at the ceiling ${money(reason.ceiling)} kr`;
    case "capped-at-cost-share":
      return sv ? `begr\xE4nsad till ${pct(reason.percent)} av insatsens kostnad` : `capped at ${pct(reason.percent)} of the measure's cost`;
    case "rounded-down-to-unit":
      return sv ? `avrundad ned\xE5t till hela ${money(reason.unit)} kr` : `rounded down to whole ${money(reason.unit)} kr`;
    case "below-unit":
      return sv ? `taket ${money(reason.cap)} kr \xE4r mindre \xE4n beslutsenheten ${money(reason.unit)} kr och blir 0 (v\xE4lj en mindre enhet med --unit)` : `the cap ${money(reason.cap)} kr is less than the award unit ${money(reason.unit)} kr and becomes 0 (choose a smaller unit with --unit)`;
    case "rationed":
      return sv ? `nedskuren (${RATIONING_TEXT.sv[reason.rationing]})` : `cut (${RATIONING_TEXT.en[reason.rationing]})`;
    case "did-not-fit":
      return sv ? `rymdes inte i ${poolText({ kind: reason.pool, year: reason.year, call: reason.call, ordinance: reason.ordinance }, locale)} n\xE4r den stod i tur (${money(reason.left)} kr kvar d\xE5)` : `did not fit in ${poolText({ kind: reason.pool, year: reason.year, call: reason.call, ordinance: reason.ordinance }, locale)} when its turn came (${money(reason.left)} kr left then)`;
    case "given-what-was-left":
      return sv ? "fick det som var kvar (--partial)" : "given what was left (--partial)";
  }
}

// src/render/csv.ts
import { stringify } from "csv-stringify/sync";

// src/render/method-text.ts
var METHOD_TEXT = {
  sv: {
    "largest-remainder": "st\xF6rsta rest",
    // "… till 1 000 000 kr" follows: rounding to the nearest unit is plain "avrundning".
    "round-nearest": "avrundning",
    "round-down": "avrundning ned\xE5t",
    "round-up": "avrundning upp\xE5t",
    dhondt: "d'Hondts metod",
    "sainte-lague": "uddatalsmetoden",
    "huntington-hill": "Huntington\u2013Hills metod",
    adams: "Adams metod"
  },
  en: {
    "largest-remainder": "largest remainder",
    // "… to 1,000,000 kr" follows: rounding to the nearest unit is plain "rounding".
    "round-nearest": "rounding",
    "round-down": "rounding down",
    "round-up": "rounding up",
    dhondt: "D'Hondt",
    "sainte-lague": "Sainte-Lagu\xEB",
    "huntington-hill": "Huntington-Hill",
    adams: "Adams"
  }
};

// src/render/labels.ts
var HEADER_WHOLE_SV = {
  cap_by: "tak_enligt",
  quota_units_fraction: "kvot_enheter_br\xE5k"
};
var CSV_VALUES_SV = {
  method: METHOD_TEXT.sv,
  tied: { true: "ja", false: "nej" },
  bound: { floor: "golv", ceiling: "tak", "floor-ignored": "golv ej till\xE4mpat" },
  status: { both: "b\xE5da", "only-a": "bara A", "only-b": "bara B" },
  year: { total: "totalt" }
};
var HEADER_WORDS_SV = {
  recipient: "mottagare",
  code: "kod",
  weight: "vikt",
  amount: "belopp",
  total: "totalt",
  applicant: "s\xF6kande",
  type: "typ",
  ordinance: "f\xF6rordning",
  priority: "prioritet",
  years: "\xE5r",
  year: "\xE5r",
  requested: "s\xF6kt",
  cost: "kostnad",
  cap: "tak",
  award: "beviljat",
  reason: "sk\xE4l",
  difference: "skillnad",
  percent: "procent",
  method: "metod",
  share: "andel",
  quota: "kvot",
  units: "enheter",
  remainder: "rest",
  tied: "lika",
  bound: "gr\xE4ns",
  floor: "golv",
  ceiling: "tak",
  unconstrained: "utan_gr\xE4nser",
  last: "sista",
  next: "n\xE4sta",
  status: "status",
  period: "period"
};

// src/render/headers.ts
function translateHeader(name, language) {
  if (language === "en") return name;
  if (Object.hasOwn(HEADER_WHOLE_SV, name)) return HEADER_WHOLE_SV[name];
  return name.split("_").map((w) => Object.hasOwn(HEADER_WORDS_SV, w) ? HEADER_WORDS_SV[w] : w).join("_");
}

// src/render/csv.ts
var FORMULA_START = /(?<=^|[\r\n])(?=[=+\-@\t\r\uff1d\uff0b\uff0d\uff20])/g;
var FIRST_FORMULA = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
function neutraliseFormula(text) {
  if (text.indexOf("\n") < 0 && text.indexOf("\r") < 0) return FIRST_FORMULA.test(text) ? `'${text}` : text;
  return text.replace(FORMULA_START, "'");
}
var QUOTED_MATCH = [/^'/, /[\r\n]/];
var RECORDS_A_CHUNK = 4096;
function* csvChunks(headers, rows, textColumns, options = {}) {
  const mark = options.decimalMark ?? ".";
  const settings = {
    delimiter: options.delimiter ?? ",",
    record_delimiter: options.eol === "\r\n" ? "windows" : "unix",
    quoted_match: QUOTED_MATCH
  };
  const parts = [options.bom ? "\uFEFF" : "", stringify([headers.map((h) => neutraliseFormula(translateHeader(h, options.headers ?? "en")))], settings)];
  const eol = options.eol ?? "\n";
  const delimiter = settings.delimiter;
  const special = new RegExp(`["\\r\\n${delimiter === "	" ? "\\t" : delimiter.replace(/[\\\]^-]/g, "\\$&")}]`);
  const isText = [];
  const text = (i) => isText[i] ??= textColumns.has(i);
  const words = options.headers === "sv" ? headers.map((h, i) => textColumns.has(i) && Object.hasOwn(CSV_VALUES_SV, h) ? CSV_VALUES_SV[h] : void 0) : [];
  const word = (i, c) => {
    const w = words[i];
    return w !== void 0 && Object.hasOwn(w, c) ? w[c] : c;
  };
  let records = 0;
  for (const row of rows) {
    const n = row.length;
    const cells = new Array(n);
    let quote = false;
    for (let i = 0; i < n; i++) {
      const c = text(i) ? neutraliseFormula(words.length ? word(i, row[i]) : row[i]) : mark === "," ? row[i].replace(".", ",") : row[i];
      if (!quote && (c.charCodeAt(0) === 39 || special.test(c))) quote = true;
      cells[i] = c;
    }
    if (quote) parts.push(stringify([cells], settings));
    else parts.push(cells.join(delimiter), eol);
    if (++records % RECORDS_A_CHUNK === 0) {
      yield parts.join("");
      parts.length = 0;
    }
  }
  yield parts.join("");
}

// src/render/grid.ts
var MD_SPECIAL = Object.assign(/* @__PURE__ */ Object.create(null), {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "\\": "\\\\",
  "|": "\\|",
  "`": "\\`",
  "[": "\\[",
  "]": "\\]"
});

// src/render/award.ts
var years = (r) => r.years.map((y) => y.year);
function amountText(values, i, dp) {
  const d = values.decimalsAt(i);
  if (d < 0) {
    const v = values.get(i);
    return plain(v, Math.max(dp, decimalsOf(v)));
  }
  const m = values.mant[i];
  if (d === 0 && dp === 0) return String(m);
  const at = Math.max(dp, d);
  return plainScaled(BigInt(m) * scaleOf(at - d), at);
}
function scoreText(values, i) {
  const d = values.decimalsAt(i);
  return d < 0 ? values.get(i).toFixed() : d === 0 ? String(values.mant[i]) : plainScaled(BigInt(values.mant[i]), d);
}
function* recordRows(r, language) {
  const c = r.columns;
  const apps = c.applications;
  const dp = c.unitDecimals;
  const ys = years(r);
  const sv = language === "sv";
  const statusText = AWARD_STATUSES.map((s) => sv ? STATUS_TEXT.sv[s] : s);
  const capByText = CAP_BY.map((b) => b === void 0 ? "" : sv ? CAP_BY_TEXT.sv[b] : b);
  const money = (d) => formatAmount(d, { locale: language, decimals: Math.max(dp, decimalsOf(d)) });
  const sentences = /* @__PURE__ */ new Map();
  const sentence = (reason) => {
    let s = sentences.get(reason);
    if (s === void 0) sentences.set(reason, s = reasonSentence(reason, language, money));
    return s;
  };
  const yearTexts = /* @__PURE__ */ new Map();
  const zero = plainScaled(0n, dp);
  for (let i = 0; i < r.rowCount; i++) {
    const from = c.yearFrom[i];
    const to = c.yearTo[i];
    const rejected = from === NO_YEARS;
    let yearsText = "";
    if (!rejected) {
      const key = from * 65536 + (to - from);
      yearsText = yearTexts.get(key) ?? "";
      if (!yearsText) yearTexts.set(key, yearsText = formatYearRange({ from, to }).replace("\u2013", "-"));
    }
    const cap = c.cap[i];
    const each = rejected ? "" : plainScaled(c.award[i] * c.unitScaled, dp);
    const reasons = c.reasons(i);
    yield [
      apps.applicant(i),
      apps.type(i),
      apps.region(i) ?? "",
      c.ordinance[i] >= 0 ? c.ordinances[c.ordinance[i]] : "",
      apps.priority.has(i) ? scoreText(apps.priority, i) : "",
      c.rank[i] ? String(c.rank[i]) : "",
      yearsText,
      amountText(apps.requested, i, dp),
      amountText(apps.cost, i, dp),
      cap === void 0 ? "" : plainScaled(cap * c.unitScaled, dp),
      capByText[c.capBy[i]],
      ...ys.map((y) => !rejected && from <= y && y <= to ? each : ""),
      rejected ? zero : plainScaled(c.award[i] * c.unitScaled * BigInt(to - from + 1), dp),
      statusText[c.status[i]],
      reasons ? reasons.map(sentence).join("; ") : ""
    ];
  }
}
var recordHeaders = (r) => ["applicant", "type", "region", "ordinance", "priority", "rank", "years", "requested", "cost", "cap", "cap_by", ...years(r).map((y) => `award_${y}`), "award_total", "status", "reason"];
var AWARD_TEXT_COLUMNS = /* @__PURE__ */ new Set(["applicant", "type", "region", "ordinance", "years", "cap_by", "status", "reason"]);
function* awardsCsv(view, options) {
  const headers = recordHeaders(view.result);
  const rows = recordRows(view.result, options.csv?.headers === "sv" ? "sv" : "en");
  yield* csvChunks(headers, rows, new Set(headers.flatMap((h, i) => AWARD_TEXT_COLUMNS.has(h) ? [i] : [])), options.csv);
}

// phase-tmp.ts
var t = () => performance.now();
var main = async () => {
  const rules = (await loadRules(void 0)).rules;
  const prog = rules.programmes.find((p) => p.id === "delmos");
  for (let rep = 0; rep < 3; rep++) {
    let a = t();
    const table = await loadTable("/tmp/aw2/applications-100000.csv");
    let b = t();
    const cols = applicationColumnsFromTable(table);
    let c = t();
    const r = awardColumns(cols, { rules: prog.awards, calls: () => ({ amount: new Decimal("1000000000") }), callYears: { from: 2018, to: 2018 }, unit: new Decimal(1), rationing: "priority" });
    let d = t();
    let len = 0;
    for (const s of awardsCsv({ result: r, programme: { id: "x", name: "x", agency: "x" }, rationing: "priority" }, { format: "csv", locale: "sv" })) len += s.length;
    let e = t();
    console.log(`table ${(b - a).toFixed(0)} cols ${(c - b).toFixed(0)} award ${(d - c).toFixed(0)} csv ${(e - d).toFixed(0)} len ${len}`);
  }
};
main();
