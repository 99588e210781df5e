// PLACEHOLDER: the syntax helper owns this file and replaces it.
export interface SyntaxError { start: number; end: number; code: string; message: string }
export interface ParseResult { errors: SyntaxError[] }
