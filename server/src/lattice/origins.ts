// Where evaluated values came from. Evaluation merges includes and resolves variables, so a
// value's place may be in another file; rules need that place to point at it.
import { SourceRange } from './model';

export interface Origins {
  /** The key of `key` in `map` (the last definition, as the last one wins). */
  keyAt(map: object, key: string): SourceRange | undefined;
  /** The value of `key` in `map`: where it is written (a `$VAR` use, not its definition). */
  valueAt(map: object, key: string): SourceRange | undefined;
  /** An item of an array. */
  itemAt(array: object, index: number): SourceRange | undefined;
}
