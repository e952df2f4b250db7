/**
 * What a figure is: `stated` in a source, `derived` (computed from stated figures), `assumed`
 * (chosen by the rules' author; no source states it), or `illustrative` (a calculation example).
 */
export const FIGURE_KINDS = ['stated', 'derived', 'assumed', 'illustrative'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

/** A figure with where it comes from: every number in the rules carries a source. */
export interface Sourced<T> {
  value: T;
  /** Key into Rules.sources. */
  source: string;
  note?: string;
  /** What the figure is; when the rules do not say: `derived` for the source "derived", else `stated`. */
  kind?: FigureKind;
}

/** The kind of a figure, with the default rule of the rules file. */
export function kindOf(figure: Pick<Sourced<unknown>, 'source' | 'kind'>): FigureKind {
  return figure.kind ?? (figure.source === 'derived' ? 'derived' : 'stated');
}
