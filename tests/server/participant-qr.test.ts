/**
 * The QR helper against an independent decoder: draw the matrix into pixels the way the SVG
 * draws it (quiet zone included) and let jsQR read it back.
 */
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { QR_QUIET_ZONE, qrExtent, qrMatrix, qrPath, qrSvg } from '$lib/shared/qr';

function decode(text: string, scale = 4): string | undefined {
	const matrix = qrMatrix(text);
	const extent = qrExtent(matrix);
	const side = extent * scale;
	const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
	for (let row = 0; row < matrix.size; row += 1) {
		for (let col = 0; col < matrix.size; col += 1) {
			if (!matrix.dark[row]?.[col]) continue;
			for (let dy = 0; dy < scale; dy += 1) {
				for (let dx = 0; dx < scale; dx += 1) {
					const y = (row + QR_QUIET_ZONE) * scale + dy;
					const x = (col + QR_QUIET_ZONE) * scale + dx;
					pixels.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
				}
			}
		}
	}
	return jsQR(pixels, side, side)?.data;
}

describe('qr', () => {
	it.each([
		'http://127.0.0.1:5173/c/en',
		'https://letterday.amnesty.ca/c/fr/some-long-case-identifier-2026',
		'https://example.org/c/fr/élan'
	])('encodes %s so that jsQR reads it back', (url) => {
		expect(decode(url)).toBe(url);
	});

	it('draws a quiet zone of 4 modules around the code', () => {
		const matrix = qrMatrix('https://example.org/c/en');
		expect(qrExtent(matrix)).toBe(matrix.size + 8);
		const svg = qrSvg('https://example.org/c/en');
		expect(svg).toContain(`viewBox="0 0 ${matrix.size + 8} ${matrix.size + 8}"`);
		// The first dark module (the finder pattern's corner) starts at the quiet zone.
		expect(qrPath(matrix).startsWith('M4 4h7')).toBe(true);
	});

	it('uses error correction M: a short URL fits version 2 (25 modules)', () => {
		// Version 2-M holds 26 bytes, 2-L holds 32: a 28-byte URL needs version 3 at M.
		expect(qrMatrix('https://example.org/c/en').size).toBe(25);
		expect(qrMatrix('https://example.org/c/en/abcd').size).toBe(29);
	});
});
