/**
 * QR codes for participant links, isomorphic: the server draws them into the printable kit and
 * the host app draws them on the device with no network. Error correction M survives a creased
 * print or a glare on a phone screen; the quiet zone of 4 modules is what the standard asks for
 * and what cheap phone scanners need to find the code.
 */
import qrcode from 'qrcode-generator';

export const QR_QUIET_ZONE = 4;

export interface QrMatrix {
	/** Modules per side, quiet zone excluded. */
	size: number;
	/** Row-major: dark[row][col]. */
	dark: boolean[][];
}

/** qrcode-generator keeps only the low byte of each UTF-16 unit; give it UTF-8 bytes instead. */
function utf8AsBinaryString(text: string): string {
	let binary = '';
	for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
	return binary;
}

/** M by default (prints get creased); L for codes shown only on a screen, to keep them sparse. */
export type QrCorrection = 'L' | 'M';

export function qrMatrix(text: string, correction: QrCorrection = 'M'): QrMatrix {
	const code = qrcode(0, correction);
	code.addData(utf8AsBinaryString(text), 'Byte');
	code.make();
	const size = code.getModuleCount();
	const dark = Array.from({ length: size }, (_, row) =>
		Array.from({ length: size }, (_, col) => code.isDark(row, col))
	);
	return { size, dark };
}

/**
 * One SVG path for every dark module, quiet zone included in the coordinates: runs of dark
 * modules on a row become one rectangle, which keeps a version-4 code under 2 KB of markup.
 */
export function qrPath(matrix: QrMatrix, quietZone = QR_QUIET_ZONE): string {
	const parts: string[] = [];
	matrix.dark.forEach((row, y) => {
		let x = 0;
		while (x < matrix.size) {
			if (!row[x]) {
				x += 1;
				continue;
			}
			const start = x;
			while (x < matrix.size && row[x]) x += 1;
			parts.push(`M${start + quietZone} ${y + quietZone}h${x - start}v1h${start - x}z`);
		}
	});
	return parts.join('');
}

/** The full width of the drawing in modules, quiet zone on both sides included. */
export const qrExtent = (matrix: QrMatrix, quietZone = QR_QUIET_ZONE) =>
	matrix.size + 2 * quietZone;

/** A standalone SVG document or fragment (no label: callers add one, see QrCode.svelte). */
export function qrSvg(text: string, quietZone = QR_QUIET_ZONE): string {
	const matrix = qrMatrix(text);
	const extent = qrExtent(matrix, quietZone);
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${extent} ${extent}" shape-rendering="crispEdges">` +
		`<rect width="${extent}" height="${extent}" fill="#fff"/>` +
		`<path fill="#000" d="${qrPath(matrix, quietZone)}"/></svg>`
	);
}
