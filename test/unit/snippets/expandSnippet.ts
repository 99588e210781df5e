// A small expander for VS Code's snippet syntax, enough for our snippet files: tab stops ($1,
// ${1}), placeholders (${1:default}), choices (${1|a,b|}) and backslash escapes. Every stop
// becomes its default (the first choice, or nothing), which is what pressing Tab through the
// snippet inserts.

export interface TabStop {
  index: number;
  kind: 'stop' | 'placeholder' | 'choice';
  /** The default text (for a choice: the first choice). */
  text: string;
  choices?: string[];
  /** Where the inserted default starts in the expanded text. */
  offset: number;
}

export interface Expansion {
  text: string;
  /** Tab stops in the order they appear in the body. */
  stops: TabStop[];
}

export function expandSnippet(body: string): Expansion {
  let text = '';
  const stops: TabStop[] = [];
  let i = 0;
  while (i < body.length) {
    const char = body[i];
    if (char === '\\' && i + 1 < body.length && '$}\\,|'.includes(body[i + 1])) {
      text += body[i + 1];
      i += 2;
      continue;
    }
    if (char !== '$') {
      text += char;
      i++;
      continue;
    }
    const rest = body.slice(i);
    const bare = /^\$(\d+)/.exec(rest) ?? /^\$\{(\d+)\}/.exec(rest);
    if (bare) {
      stops.push({ index: Number(bare[1]), kind: 'stop', text: '', offset: text.length });
      i += bare[0].length;
      continue;
    }
    const choice = /^\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/.exec(rest);
    if (choice) {
      const choices = splitChoices(choice[2]);
      stops.push({ index: Number(choice[1]), kind: 'choice', text: choices[0], choices, offset: text.length });
      text += choices[0];
      i += choice[0].length;
      continue;
    }
    const placeholder = /^\$\{(\d+):((?:[^}\\$]|\\.)*)\}/.exec(rest);
    if (placeholder) {
      const value = placeholder[2].replace(/\\(.)/g, '$1');
      stops.push({ index: Number(placeholder[1]), kind: 'placeholder', text: value, offset: text.length });
      text += value;
      i += placeholder[0].length;
      continue;
    }
    throw new Error(`unsupported snippet syntax at ${JSON.stringify(rest.slice(0, 20))}: escape a literal $ as \\$`);
  }
  return { text, stops };
}

function splitChoices(raw: string): string[] {
  const choices: string[] = [];
  let current = '';
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\' && i + 1 < raw.length) current += raw[++i];
    else if (raw[i] === ',') { choices.push(current); current = ''; }
    else current += raw[i];
  }
  choices.push(current);
  return choices;
}
