import { noChange } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets inline style properties through the CSSOM (`style.setProperty`), on every render.
 * Lit's `styleMap` writes a `style="…"` attribute on its first render, which the production
 * Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline') refuses; CSSOM changes are allowed.
 *
 *   html`<div ${cssProps({ width: '25%', '--minutes': '45' })}></div>`
 */
class CssPropsDirective extends Directive {
  private previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('cssProps belongs on an element: <div ${cssProps(…)}>');
  }

  render(_props: Record<string, string | undefined>) {
    return noChange;
  }

  update(part: ElementPart, [props]: [Record<string, string | undefined>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) {
      if (props[name] == null) style.removeProperty(name);
    }
    this.previous = new Set();
    for (const [name, value] of Object.entries(props)) {
      if (value == null) continue;
      style.setProperty(name, value);
      this.previous.add(name);
    }
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);
