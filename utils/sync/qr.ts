/** The pairing code as a QR code's modules (lean-qr), for the settings page to draw as SVG. */
import { generate } from 'lean-qr';

export interface QrMatrix {
  size: number;
  /** Dark modules, row by row. */
  dark: (x: number, y: number) => boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const code = generate(text);
  return { size: code.size, dark: (x, y) => code.get(x, y) };
}

/** One SVG path over the dark modules (a 1×1 square each), in module units. */
export function qrPath(matrix: QrMatrix): string {
  const parts: string[] = [];
  for (let y = 0; y < matrix.size; y++) for (let x = 0; x < matrix.size; x++) if (matrix.dark(x, y)) parts.push(`M${x} ${y}h1v1h-1z`); // i18n-ignore: SVG path data
  return parts.join('');
}
