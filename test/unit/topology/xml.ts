// A tiny well-formedness check for the SVG we write: tags nest and close, attributes are quoted
// and unique, text holds no bare `<` or stray `&`. Returns the elements seen, for structural asserts.

export interface XmlElement { name: string; attributes: Record<string, string>; text: string; children: XmlElement[]; parent?: XmlElement }

const ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/i;

function checkText(text: string, where: string): string {
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    if (!ENTITY.test(text.slice(i))) throw new Error(`bare & ${where}: ${JSON.stringify(text.slice(i, i + 20))}`);
  }
  if (text.includes('<') || text.includes('>')) throw new Error(`bare < or > ${where}: ${JSON.stringify(text.slice(0, 40))}`);
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, text: '', children: [] };
  let current = root;
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('<', i);
    const text = source.slice(i, open < 0 ? source.length : open);
    if (current.name === 'style') current.text += text; // CSS may hold `>` (selectors); it is not markup
    else current.text += checkText(text, `in <${current.name}>`);
    if (open < 0) break;
    const close = source.indexOf('>', open);
    if (close < 0) throw new Error(`unclosed tag at ${open}`);
    const tag = source.slice(open + 1, close);
    i = close + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (name !== current.name) throw new Error(`</${name}> closes <${current.name}>`);
      current = current.parent!;
      continue;
    }
    if (tag.startsWith('?') || tag.startsWith('!')) continue;
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = /^[A-Za-z][\w:-]*/.exec(body)?.[0];
    if (!name) throw new Error(`bad tag <${tag}>`);
    const attributes: Record<string, string> = {};
    let rest = body.slice(name.length);
    const attribute = /^\s+([A-Za-z_:][\w:.-]*)="([^"]*)"/;
    for (let m = attribute.exec(rest); m; m = attribute.exec(rest)) {
      if (m[1] in attributes) throw new Error(`attribute ${m[1]} twice in <${name}>`);
      attributes[m[1]] = checkText(m[2], `in ${name}@${m[1]}`);
      rest = rest.slice(m[0].length);
    }
    if (rest.trim() !== '') throw new Error(`unquoted or malformed attribute in <${name}>: ${JSON.stringify(rest)}`);
    const element: XmlElement = { name, attributes, text: '', children: [], parent: current };
    current.children.push(element);
    if (!selfClosing) current = element;
  }
  if (current !== root) throw new Error(`<${current.name}> is never closed`);
  if (root.children.length !== 1) throw new Error(`expected one root element, found ${root.children.length}`);
  return root.children[0];
}

export function allElements(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(allElements)];
}

export function hasClass(element: XmlElement, name: string): boolean {
  return (element.attributes.class ?? '').split(/\s+/).includes(name);
}
