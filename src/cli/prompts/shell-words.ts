/**
 * `--command "gunicorn -b 0.0.0.0:8000 app:app"` and the command question take one line, split
 * into words as a POSIX shell splits them (no expansions): blanks separate words, single
 * quotes keep everything literally, double quotes keep all but `\"`, `\\`, `\$` and `` \` ``,
 * a backslash outside quotes keeps the next character.
 */
export function splitShellWords(line: string): { words: string[] } | { error: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) return { error: 'a single quote is not closed' };
      word += line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && /["\\$`]/.test(line[j + 1] ?? '')) j++;
        word += line[j];
      }
      if (j >= line.length) return { error: 'a double quote is not closed' };
      i = j;
    } else if (c === '\\') {
      if (i + 1 >= line.length) return { error: 'a backslash ends the line' };
      word += line[++i];
    } else word += c;
  }
  if (inWord) words.push(word);
  return { words };
}

/** Words as one line that splitShellWords splits back into them: words with blanks or quotes get single quotes. */
export function joinShellWords(words: readonly string[]): string {
  return words.map((w) => (w !== '' && /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}
