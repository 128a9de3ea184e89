// Text normalisation shared by extraction, rules and the site logic.

/** All whitespace removed (ASCII, no-break and ideographic spaces): labels and names are often letter-spaced. */
export const compact = (text: string): string => text.replace(/\s+/g, '')
