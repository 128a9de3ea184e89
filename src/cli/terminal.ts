// What reaches the auditor's terminal comes from the audited pages (titles, column names, evidence). A page must not
// be able to write to the terminal: escape sequences such as `ESC]0;…BEL` (retitle) or `ESC[2J` (clear) are shown as
// text, never passed through.

// C0 controls but the line feed, DEL, and the C1 controls (U+0080–U+009F: 0x9B is an 8-bit CSI on some terminals).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g

const hex = (c: string): string => c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')

/** Text for a terminal: every control character but the line feed written out as `\xHH`. */
export function forTerminal(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${hex(c)}`)
}

/**
 * JSON for a terminal or a pipe: JSON.stringify already escapes C0 controls inside strings, but leaves DEL and the
 * C1 range raw; `\u00HH` is the same string to any JSON reader.
 */
export function jsonForTerminal(json: string): string {
  // eslint-disable-next-line no-control-regex
  return json.replace(/[\u007f-\u009f]/g, (c) => `\\u00${hex(c)}`)
}
