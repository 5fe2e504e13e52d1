/** Positions, ranges and the line index live in core/ (inspect's parsers use them too). */
export * from '../core/text.js';
