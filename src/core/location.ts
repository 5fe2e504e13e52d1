/** A position in a user's file. Lines and columns are 1-based, as editors and compilers print them. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
}

/** A value found in a user's file, with where it was found. */
export interface Fact<T> {
  readonly value: T;
  readonly source: SourceRef | undefined;
}

export function fact<T>(value: T, source?: SourceRef): Fact<T> {
  return { value, source };
}

export function formatRef(ref: SourceRef | undefined): string {
  if (!ref) return '';
  return ref.column === undefined ? `${ref.file}:${ref.line}` : `${ref.file}:${ref.line}:${ref.column}`;
}
