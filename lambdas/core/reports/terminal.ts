/**
 * Text for a terminal. Report text carries attacker-controlled strings (resource names, tag values quoted in
 * messages): its control characters, escape sequences included, and the Unicode bidirectional controls and line
 * separators become `?`, so a crafted name cannot move the cursor, recolour, reorder or rewrite what the reader sees.
 * Line breaks and tabs stay.
 */
export const terminalSafe = (text: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this replaces.
  text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, '?');

/** `text` broken into lines of at most `width` characters (words are not split), continuation lines indented. */
export const wrap = (text: string, width: number, indent: string): string => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `${indent}${l}`)).join('\n');
};
