import { render } from 'lit';
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, renderMarkdown } from './markdown';

function rendered(source: string, topLevel?: number): HTMLElement {
  const host = document.createElement('div');
  render(renderMarkdown(source, { topLevel }), host);
  return host;
}

/** The element structure without Lit's comment markers, e.g. "<p>a <strong>b</strong></p>". */
function shape(host: HTMLElement): string {
  const clone = host.cloneNode(true) as HTMLElement;
  const walker = document.createTreeWalker(clone, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.parentNode?.removeChild(c));
  return clone.innerHTML.replace(/\s+/g, ' ').replace(/> </g, '><').trim();
}

describe('Markdown for facilitator notes', () => {
  it('reads headings and paragraphs, joining wrapped lines', () => {
    const host = rendered('## Starting from experience\n\nBegin with memory\nrather than definition.\n\nThen ask.');
    expect(shape(host)).toBe('<h2>Starting from experience</h2><p>Begin with memory rather than definition.</p><p>Then ask.</p>');
  });

  it('moves headings under the page’s own, keeping their steps', () => {
    const host = rendered('## Opening\n\ntext\n\n### Detail\n\n## Closing', 3);
    expect([...host.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => `${h.tagName}:${h.textContent}`)).toEqual([
      'H3:Opening',
      'H4:Detail',
      'H3:Closing',
    ]);
  });

  it('reads bold, italic and inline code, nested too', () => {
    const host = rendered('Say what *will* happen, **not what _might_**, and `pause` when needed.');
    expect(shape(host)).toBe(
      '<p>Say what <em>will</em> happen, <strong>not what <em>might</em></strong>, and <code>pause</code> when needed.</p>',
    );
  });

  it('leaves stars and underscores that are not emphasis alone', () => {
    expect(parseInline('2 * 3 * 4 and snake_case_name')).toEqual(['2 * 3 * 4 and snake_case_name']);
    expect(parseInline('an **unclosed bold')).toEqual(['an **unclosed bold']);
    expect(parseInline('\\*not italic\\*')).toEqual(['*not italic*']);
    expect(parseInline('***both***')).toEqual([{ type: 'strong', children: [{ type: 'em', children: ['both'] }] }]);
  });

  it('reads bullet lists whose items wrap onto indented lines', () => {
    const host = rendered(
      'Roles:\n\n- The person sharing can use the card\n  or bring something real.\n- The peer supporter notices **connection**.\n\nAfter.',
    );
    expect(shape(host)).toBe(
      '<p>Roles:</p><ul><li>The person sharing can use the card or bring something real.</li>' +
        '<li>The peer supporter notices <strong>connection</strong>.</li></ul><p>After.</p>',
    );
  });

  it('reads numbered lists, keeping where they start, with nested bullets', () => {
    const host = rendered('3. Talk about needs\n4. Check out\n   - what happened\n   - what now');
    const ol = host.querySelector('ol')!;
    expect(ol.getAttribute('start')).toBe('3');
    expect(ol.querySelectorAll(':scope > li')).toHaveLength(2);
    expect([...ol.querySelectorAll(':scope > li:last-child > ul > li')].map((li) => li.textContent)).toEqual([
      'what happened',
      'what now',
    ]);
    expect(host.querySelector('ol + *')).toBeNull();
  });

  it('starts an ordered list at 1 without a start attribute', () => {
    const host = rendered('1. One\n2. Two');
    expect(host.querySelector('ol')!.hasAttribute('start')).toBe(false);
    expect(host.querySelectorAll('ol > li')).toHaveLength(2);
  });

  it('keeps paragraphs inside the items of a loose list', () => {
    const host = rendered('- First thought\n\n  more about it\n\n- Second');
    expect(host.querySelectorAll('ul > li')).toHaveLength(2);
    expect(host.querySelectorAll('ul > li:first-child > p')).toHaveLength(2);
  });

  it('reads blockquotes, with their own formatting inside', () => {
    const host = rendered('> "I think I lost you a moment ago.\n> What happened for you?"\n>\n> - *a* pause');
    const quote = host.querySelector('blockquote')!;
    expect(quote.querySelector('p')!.textContent).toBe('"I think I lost you a moment ago. What happened for you?"');
    expect(quote.querySelector('ul li em')!.textContent).toBe('a');
  });

  it('does not take a number at the start of a wrapped line for a list', () => {
    expect(parseMarkdown('We met in\n2026. It rained.')).toEqual([
      { type: 'paragraph', content: ['We met in 2026. It rained.'] },
    ]);
  });

  it('keeps markup in the text as text: no script, no image, no handler runs', () => {
    const evil =
      '## <img src=x onerror="window.__pwned=1">\n\n' +
      'Hello <script>window.__pwned = 2</script> and <b>bold?</b>\n\n' +
      '- **<img src=y onerror=alert(1)>**\n\n' +
      '> <iframe src="javascript:alert(1)"></iframe>';
    const host = rendered(evil);
    expect(host.querySelector('script, img, iframe, b')).toBeNull();
    expect([...host.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on')))).toBe(false);
    expect(host.querySelector('h2')!.textContent).toBe('<img src=x onerror="window.__pwned=1">');
    expect(host.querySelector('p')!.textContent).toBe('Hello <script>window.__pwned = 2</script> and <b>bold?</b>');
    expect(host.querySelector('li strong')!.textContent).toBe('<img src=y onerror=alert(1)>');
    expect(host.querySelector('blockquote')!.textContent!.trim()).toBe('<iframe src="javascript:alert(1)"></iframe>');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
