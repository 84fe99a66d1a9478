/**
 * A small Markdown reader for the facilitator notes: headings, paragraphs, bold and italic,
 * inline code, bullet and numbered lists (nested by indenting), blockquotes and rules.
 *
 * It builds Lit templates in which every piece of the file is bound as text, never parsed as
 * HTML: "<script>" in a note shows as the characters "<script>". Links, images and raw HTML
 * are not supported; their characters stay as they were written.
 */
import { html, nothing, type TemplateResult } from 'lit';

export type Inline = string | { type: 'strong' | 'em'; children: Inline[] } | { type: 'code'; text: string };

export type Block =
  | { type: 'heading'; level: number; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; tight: boolean; items: Block[][] }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'rule' };

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const ITEM = /^( {0,3})([-*+]|(\d{1,9})[.)])(?:( +)(.*))?$/;

const blank = (line: string) => line.trim() === '';
const indentOf = (line: string) => line.length - line.trimStart().length;

interface Marker {
  ordered: boolean;
  /** the bullet character, or "." / ")" after a number */
  delimiter: string;
  number: number;
  /** how far the item's own text is indented */
  contentIndent: number;
  text: string;
}

function marker(line: string): Marker | undefined {
  const m = ITEM.exec(line);
  if (!m) return undefined;
  const ordered = m[3] !== undefined;
  const spaces = m[4] ?? '';
  // Five or more spaces after the marker: the text is indented code in CommonMark; read it as one space.
  const gap = spaces.length === 0 ? 1 : spaces.length > 4 ? 1 : spaces.length;
  const rest = spaces.length > 4 ? spaces.slice(1) + (m[5] ?? '') : (m[5] ?? '');
  return {
    ordered,
    delimiter: ordered ? m[2].slice(-1) : m[2],
    number: ordered ? Number(m[3]) : 1,
    contentIndent: m[1].length + m[2].length + gap,
    text: rest,
  };
}

/** Lines that start a block of their own. A numbered list interrupts a paragraph only from 1. */
function startsBlock(line: string, inParagraph: boolean): boolean {
  if (HEADING.test(line) || RULE.test(line) || QUOTE.test(line)) return true;
  const m = marker(line);
  if (!m) return false;
  if (!inParagraph) return true;
  return m.text.trim() !== '' && (!m.ordered || m.number === 1);
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  return parseBlocks(lines);
}

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (blank(line)) {
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const text = (heading[2] ?? '').replace(/[ \t]+#+$/, '').replace(/^#+$/, '');
      blocks.push({ type: 'heading', level: heading[1].length, content: parseInline(text) });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length) {
        const quoted = QUOTE.exec(lines[i]);
        if (quoted) inner.push(quoted[1]);
        // a lazy line carries on the quote's paragraph
        else if (!blank(lines[i]) && inner.length && !blank(inner[inner.length - 1]) && !startsBlock(lines[i], true))
          inner.push(lines[i]);
        else break;
        i++;
      }
      blocks.push({ type: 'quote', blocks: parseBlocks(inner) });
      continue;
    }
    const first = marker(line);
    if (first) {
      i = parseList(lines, i, first, blocks);
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && !blank(lines[i]) && (paragraph.length === 0 || !startsBlock(lines[i], true))) {
      paragraph.push(lines[i].trim());
      i++;
    }
    blocks.push({ type: 'paragraph', content: parseInline(paragraph.join(' ')) });
  }
  return blocks;
}

/** Reads one list from `start`; returns the index of the first line after it. */
function parseList(lines: string[], start: number, first: Marker, blocks: Block[]): number {
  const items: Block[][] = [];
  let tight = true;
  let i = start;
  let current: Marker | undefined = first;
  while (current) {
    const own: string[] = [current.text];
    i++;
    while (i < lines.length) {
      const line = lines[i];
      if (blank(line)) {
        let j = i;
        while (j < lines.length && blank(lines[j])) j++;
        if (j < lines.length && indentOf(lines[j]) >= current.contentIndent) {
          for (; i < j; i++) own.push('');
          continue;
        }
        break;
      }
      if (indentOf(line) >= current.contentIndent) {
        own.push(line.slice(current.contentIndent));
        i++;
        continue;
      }
      if (startsBlock(line, false)) break;
      if (!blank(own[own.length - 1])) {
        own.push(line.trim()); // a lazy line carries on the item's paragraph
        i++;
        continue;
      }
      break;
    }
    const itemBlocks = parseBlocks(own);
    if (own.slice(1).some(blank) && itemBlocks.length > 1) tight = false;
    items.push(itemBlocks);

    // the next item of the same list, perhaps after blank lines (which make the list loose)
    let j = i;
    while (j < lines.length && blank(lines[j])) j++;
    const next: Marker | undefined = j < lines.length ? marker(lines[j]) : undefined;
    if (next && next.ordered === first.ordered && next.delimiter === first.delimiter) {
      if (j > i) tight = false;
      i = j;
      current = next;
    } else {
      current = undefined;
    }
  }
  blocks.push({ type: 'list', ordered: first.ordered, start: first.number, tight, items });
  return i;
}

const ESCAPABLE = /[!-/:-@[-`{-~]/;
const WORDISH = /[\p{L}\p{N}]/u;

/** Bold (`**`/`__`), italic (`*`/`_`), inline code and backslash escapes; everything else is text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) out.push(buffer);
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && ESCAPABLE.test(text[i + 1])) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      let run = 1;
      while (text[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      const end = findFence(text, i + run, fence);
      if (end > -1) {
        flush();
        const code = text.slice(i + run, end).replace(/\n/g, ' ');
        out.push({ type: 'code', text: /^ .* $/.test(code) && code.trim() ? code.slice(1, -1) : code });
        i = end + run;
        continue;
      }
      buffer += fence;
      i += run;
      continue;
    }
    if (c === '*' || c === '_') {
      const run = text[i + 1] === c ? 2 : 1;
      const close = findClose(text, i, c, run);
      if (close > -1) {
        flush();
        out.push({ type: run === 2 ? 'strong' : 'em', children: parseInline(text.slice(i + run, close)) });
        i = close + run;
        continue;
      }
      buffer += c.repeat(run);
      i += run;
      continue;
    }
    buffer += c;
    i++;
  }
  flush();
  return out;
}

function findFence(text: string, from: number, fence: string): number {
  for (let j = from; j < text.length; j++) {
    if (!text.startsWith(fence, j)) continue;
    if (text[j + fence.length] === '`' || text[j - 1] === '`') continue;
    return j;
  }
  return -1;
}

/** Where the emphasis opened at `open` closes, or -1. Underscores never open or close inside a word. */
function findClose(text: string, open: number, c: string, run: number): number {
  const from = open + run;
  const after = text[from];
  if (after === undefined || /\s/.test(after)) return -1;
  if (c === '_' && open > 0 && WORDISH.test(text[open - 1])) return -1;
  const delimiter = c.repeat(run);
  for (let j = from; j < text.length; j++) {
    const ch = text[j];
    if (ch === '\\') {
      j++;
      continue;
    }
    if (ch === '`') {
      let r = 1;
      while (text[j + r] === '`') r++;
      const end = findFence(text, j + r, '`'.repeat(r));
      if (end > -1) j = end + r - 1;
      continue;
    }
    if (ch !== c) continue;
    if (run === 1 && text[j + 1] === c) {
      // a bold run inside italic: step over it to its own close
      const inner = findClose(text, j, c, 2);
      if (inner > -1) {
        j = inner + 1;
        continue;
      }
    }
    if (!text.startsWith(delimiter, j) || j === from || /\s/.test(text[j - 1])) continue;
    let end = j;
    // "***both***": the bold closes on the last two stars, the italic inside it on the first
    while (run === 2 && text[end + run] === c) end++;
    if (c === '_' && end + run < text.length && WORDISH.test(text[end + run])) continue;
    return end;
  }
  return -1;
}

/* ---- rendering: Lit templates, text bound as text ---- */

export interface RenderOptions {
  /**
   * The level the document's largest heading becomes, so notes fit under the page's own
   * headings (a page with an h2 "Facilitator notes" passes 3). Others keep their steps below it.
   * Without it, headings keep the levels they were written with.
   */
  topLevel?: number;
}

function headingLevels(blocks: Block[]): number[] {
  return blocks.flatMap((b) =>
    b.type === 'heading'
      ? [b.level]
      : b.type === 'quote'
        ? headingLevels(b.blocks)
        : b.type === 'list'
          ? b.items.flatMap(headingLevels)
          : [],
  );
}

export function renderMarkdown(source: string, options: RenderOptions = {}): TemplateResult {
  return renderBlocks(parseMarkdown(source), options);
}

export function renderBlocks(blocks: Block[], options: RenderOptions = {}): TemplateResult {
  const levels = headingLevels(blocks);
  const offset = levels.length && options.topLevel ? options.topLevel - Math.min(...levels) : 0;
  const level = (n: number) => Math.min(6, Math.max(1, n + offset));
  return html`${blocks.map((b) => block(b, level))}`;
}

function block(b: Block, level: (n: number) => number, tight = false): TemplateResult | typeof nothing {
  switch (b.type) {
    case 'heading':
      return heading(level(b.level), inline(b.content));
    case 'paragraph':
      return tight ? html`${inline(b.content)}` : html`<p>${inline(b.content)}</p>`;
    case 'rule':
      return html`<hr />`;
    case 'quote':
      return html`<blockquote>${b.blocks.map((x) => block(x, level))}</blockquote>`;
    case 'list': {
      const items = b.items.map(
        (item) => html`<li>${item.map((x, n) => html`${n > 0 && b.tight ? ' ' : ''}${block(x, level, b.tight)}`)}</li>`,
      );
      return b.ordered ? html`<ol start=${b.start !== 1 ? b.start : nothing}>${items}</ol>` : html`<ul>${items}</ul>`;
    }
  }
}

function heading(n: number, content: unknown): TemplateResult {
  switch (n) {
    case 1:
      return html`<h1>${content}</h1>`;
    case 2:
      return html`<h2>${content}</h2>`;
    case 3:
      return html`<h3>${content}</h3>`;
    case 4:
      return html`<h4>${content}</h4>`;
    case 5:
      return html`<h5>${content}</h5>`;
    default:
      return html`<h6>${content}</h6>`;
  }
}

function inline(parts: Inline[]): unknown[] {
  return parts.map((p) => {
    if (typeof p === 'string') return p;
    if (p.type === 'code') return html`<code>${p.text}</code>`;
    if (p.type === 'strong') return html`<strong>${inline(p.children)}</strong>`;
    return html`<em>${inline(p.children)}</em>`;
  });
}
