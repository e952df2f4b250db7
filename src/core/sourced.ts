/**
 * What a figure is: `stated` in a source, `derived` (computed from stated figures), `assumed`
 * (chosen by the rules' author; no source states it), or `illustrative` (a calculation example).
 */
import type { NumberLocale } from './amount.js';

/** A text from the data (a note, a scenario's description): in both languages, or one text for either locale. */
export type LocalText = string | { readonly sv: string; readonly en: string };

/** A data text in the output's locale. */
export function textIn(text: LocalText, locale: NumberLocale): string {
  return typeof text === 'string' ? text : text[locale];
}

export const FIGURE_KINDS = ['stated', 'derived', 'assumed', 'illustrative'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

/** A figure with where it comes from: every number in the rules carries a source. */
export interface Sourced<T> {
  value: T;
  /** Key into Rules.sources. */
  source: string;
  note?: LocalText;
  /** What the figure is; when the rules do not say: `derived` for the source "derived", else `stated`. */
  kind?: FigureKind;
}

/** The kind of a figure, with the default rule of the rules file. */
export function kindOf(figure: Pick<Sourced<unknown>, 'source' | 'kind'>): FigureKind {
  return figure.kind ?? (figure.source === 'derived' ? 'derived' : figure.source === 'illustrative' ? 'illustrative' : 'stated');
}

const STRENGTH: Record<FigureKind, number> = { stated: 0, derived: 1, assumed: 2, illustrative: 3 };

/** The kind of a figure computed from others: the weakest of theirs (an assumption makes the result one). */
export function weakest(kinds: readonly FigureKind[]): FigureKind {
  return kinds.reduce<FigureKind>((w, k) => (STRENGTH[k] > STRENGTH[w] ? k : w), 'stated');
}

/**
 * What a total is besides its kind: a proposal (not a decision), approximate ("cirka"), contradicted
 * by another source (the other value kept beside it), including administration, or paid as a
 * preset amount per recipient (so a pro-rata split of it is an illustration, not the payment).
 */
export const FIGURE_STATUSES = ['proposal', 'approximate', 'contradicted', 'includes-admin', 'preset-per-recipient'] as const;
export type FigureStatus = (typeof FIGURE_STATUSES)[number];
