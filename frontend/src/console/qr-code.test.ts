import { render } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { QUIET_ZONE, qrCode, qrModules, qrPath } from './qr-code';

describe('qr-code', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('picks the smallest QR version that holds the link', () => {
    // 37 bytes: too many for version 2 at level M (26), enough for version 3 (42): 17 + 4 × 3 modules
    expect(qrModules('https://mutuality.example/join/KMR7TX')).toHaveLength(29);
    expect(qrModules('https://a.example/j/KMR7TX')).toHaveLength(25);
  });

  it('has the three finder patterns in the corners', () => {
    const m = qrModules('https://mutuality.example/join/KMR7TX');
    const n = m.length;
    for (const [r, c] of [
      [0, 0],
      [0, n - 7],
      [n - 7, 0],
    ]) {
      expect(m[r].slice(c, c + 7).every(Boolean)).toBe(true); // top edge of the finder
      expect(m[r + 1][c + 1]).toBe(false); // its light ring
      expect(m[r + 3][c + 3]).toBe(true); // its dark centre
    }
  });

  it('draws each run of dark modules once, inside the quiet zone', () => {
    expect(qrPath([[true, true, false, true]])).toBe(
      `M${QUIET_ZONE} ${QUIET_ZONE}h2v1h-2zM${QUIET_ZONE + 3} ${QUIET_ZONE}h1v1h-1z`,
    );
  });

  it('renders an SVG image in the SVG namespace with its label', () => {
    render(qrCode('https://mutuality.example/join/KMR7TX', 'QR code for the join link'), document.body);
    const svg = document.body.querySelector('svg')!;
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg.querySelector('path')!.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg.getAttribute('aria-label')).toBe('QR code for the join link');
    expect(svg.getAttribute('viewBox')).toBe('0 0 37 37');
  });
});
