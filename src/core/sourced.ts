/** A figure with where it comes from: every number in the rules carries a source. */
export interface Sourced<T> {
  value: T;
  /** Key into Rules.sources. */
  source: string;
  note?: string;
}
