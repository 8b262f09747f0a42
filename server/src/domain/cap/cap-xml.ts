// A small strict XML reader for OASIS CAP 1.2 messages, with no dependency. It refuses what CAP never needs
// and attackers love: DOCTYPE and entity declarations (XXE, billion laughs), processing instructions other
// than the XML declaration, undeclared entities, deep nesting and oversize input. Pure: no I/O.

export type XmlNode = { name: string; attrs: Record<string, string>; children: XmlNode[]; text: string };

/** Why a document was refused: each reason has a message in both languages (cap_xml_<reason>). */
export type XmlReason =
  | 'bare_ampersand'
  | 'bad_char_ref'
  | 'undeclared_entity'
  | 'doctype'
  | 'text_outside_root'
  | 'unterminated_comment'
  | 'bad_cdata'
  | 'declaration'
  | 'unexpected_close'
  | 'malformed_close'
  | 'malformed_tag'
  | 'two_roots'
  | 'too_many_elements'
  | 'malformed_attribute'
  | 'duplicate_attribute'
  | 'too_deep'
  | 'unclosed_element'
  | 'no_root';

/** `message` is the English reason for logs; `reason` and `params` are what a person reads, localised. */
export class XmlError extends Error {
  constructor(
    readonly reason: XmlReason,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

const MAX_DEPTH = 32;
const MAX_ELEMENTS = 5000;
const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(raw: string, at: number): string {
  return raw.replace(/&([^;&\s]{0,10});?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new XmlError('bare_ampersand', `bare "&" near character ${at}`, { at });
    if (name in ENTITIES) return ENTITIES[name]!;
    const num = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name);
    if (num) {
      const cp = num[1] !== undefined ? parseInt(num[1], 16) : Number(num[2]);
      if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        throw new XmlError('bad_char_ref', `invalid character reference &${name};`, { ref: `&${name};` });
      return String.fromCodePoint(cp);
    }
    throw new XmlError('undeclared_entity', `undeclared entity &${name};`, { entity: `&${name};` });
  });
}

/** Parses a whole document and returns its root element; throws XmlError with a short reason. */
export function parseXml(input: string): XmlNode {
  let s = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (/<!DOCTYPE|<!ENTITY/i.test(s)) throw new XmlError('doctype', 'DOCTYPE and entity declarations are not allowed');
  const decl = /^\s*<\?xml\s[^?]*\?>/.exec(s);
  if (decl) s = s.slice(decl[0].length);
  let i = 0;
  let count = 0;
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;

  const fail = (reason: XmlReason, what: string, params: Record<string, string | number> = {}): never => {
    throw new XmlError(reason, `${what} near character ${i}`, { ...params, at: i });
  };
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    const textEnd = lt === -1 ? s.length : lt;
    if (textEnd > i) {
      const chunk = s.slice(i, textEnd);
      if (stack.length) stack[stack.length - 1]!.text += decode(chunk, i);
      else if (chunk.trim()) fail('text_outside_root', 'text outside the root element');
      i = textEnd;
      continue;
    }
    if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      if (end === -1) fail('unterminated_comment', 'unterminated comment');
      i = end + 3;
    } else if (s.startsWith('<![CDATA[', i)) {
      const end = s.indexOf(']]>', i + 9);
      if (end === -1 || !stack.length) fail('bad_cdata', 'misplaced or unterminated CDATA');
      stack[stack.length - 1]!.text += s.slice(i + 9, end);
      i = end + 3;
    } else if (s.startsWith('<?', i) || s.startsWith('<!', i)) {
      fail('declaration', 'processing instructions and declarations are not allowed');
    } else if (s.startsWith('</', i)) {
      const m = NAME.exec(s.slice(i + 2));
      const open = stack.pop();
      if (!m || !open || m[0] !== open.name)
        fail('unexpected_close', `unexpected closing tag </${m?.[0] ?? ''}>`, { element: m?.[0] ?? '' });
      const close = /^\s*>/.exec(s.slice(i + 2 + m![0].length));
      if (!close) fail('malformed_close', 'malformed closing tag');
      i += 2 + m![0].length + close![0].length;
    } else {
      const m = NAME.exec(s.slice(i + 1));
      if (!m) fail('malformed_tag', 'malformed tag');
      if (root && !stack.length) fail('two_roots', 'more than one root element');
      if (++count > MAX_ELEMENTS) fail('too_many_elements', 'too many elements', { max: MAX_ELEMENTS });
      const node: XmlNode = { name: m![0], attrs: {}, children: [], text: '' };
      i += 1 + m![0].length;
      for (;;) {
        const ws = /^\s*/.exec(s.slice(i))![0].length;
        i += ws;
        if (s.startsWith('/>', i) || s.startsWith('>', i)) break;
        const a = /^([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*=\s*("[^"<]*"|'[^'<]*')/.exec(s.slice(i));
        if (!a || ws === 0) fail('malformed_attribute', `malformed attribute in <${node.name}>`, { element: node.name });
        if (a![1]! in node.attrs) fail('duplicate_attribute', `duplicate attribute ${a![1]}`, { attribute: a![1]! });
        node.attrs[a![1]!] = decode(a![2]!.slice(1, -1), i);
        i += a![0].length;
      }
      const selfClosing = s.startsWith('/>', i);
      i += selfClosing ? 2 : 1;
      if (stack.length) stack[stack.length - 1]!.children.push(node);
      else root = node;
      if (!selfClosing) {
        stack.push(node);
        if (stack.length > MAX_DEPTH) fail('too_deep', 'nesting too deep', { max: MAX_DEPTH });
      }
    }
  }
  if (stack.length) {
    const element = stack[stack.length - 1]!.name;
    throw new XmlError('unclosed_element', `unclosed element <${element}>`, { element });
  }
  if (!root) throw new XmlError('no_root', 'no root element');
  return root;
}

/** Local name without its namespace prefix. */
export const localName = (n: XmlNode) => n.name.slice(n.name.indexOf(':') + 1);
export const childrenNamed = (n: XmlNode, name: string) => n.children.filter((c) => localName(c) === name);
export const childText = (n: XmlNode, name: string): string | undefined => {
  const c = n.children.find((x) => localName(x) === name);
  return c ? c.text.trim() : undefined;
};
/** The namespace URI bound to an element's prefix (declared on the element itself, as CAP senders do). */
export function namespaceOf(n: XmlNode): string | undefined {
  const colon = n.name.indexOf(':');
  return colon === -1 ? n.attrs['xmlns'] : n.attrs[`xmlns:${n.name.slice(0, colon)}`];
}
