/** A QR code drawn as an inline SVG by Lit: one path from the module matrix, no markup strings. */
import { html, svg } from 'lit';
import qrcode from 'qrcode-generator';

/** The light border around the code, in modules, that scanners need. */
export const QUIET_ZONE = 4;

/** The QR module matrix for some text (error correction M, the smallest version that fits). */
export function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  return Array.from({ length: count }, (_, row) => Array.from({ length: count }, (_, col) => qr.isDark(row, col)));
}

/** One SVG path for the dark modules: a rectangle for each horizontal run, offset by the quiet zone. */
export function qrPath(modules: boolean[][], offset = QUIET_ZONE): string {
  const parts: string[] = [];
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${start + offset} ${y + offset}h${x - start}v1h-${x - start}z`);
    }
  });
  return parts.join('');
}

/** The QR code for some text as an SVG image with an accessible label; sized by CSS. */
export function qrCode(text: string, label: string) {
  const modules = qrModules(text);
  const size = modules.length + QUIET_ZONE * 2;
  return html`<svg
    class="qr"
    viewBox="0 0 ${size} ${size}"
    role="img"
    aria-label=${label}
    data-modules=${modules.length}
    shape-rendering="crispEdges"
    xmlns="http://www.w3.org/2000/svg"
  >
    ${svg`<rect width=${size} height=${size} fill="#ffffff"></rect><path d=${qrPath(modules)} fill="#000000"></path>`}
  </svg>`;
}
