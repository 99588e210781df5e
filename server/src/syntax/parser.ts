// PLACEHOLDER: the syntax helper owns this file and replaces it.
import { ParseResult } from './tree';
export function parse(_text: string): ParseResult { return { errors: [] }; }
