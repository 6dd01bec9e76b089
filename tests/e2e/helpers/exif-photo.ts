/**
 * A camera-like JPEG for the highlight tests: noisy pixels (so it stays large after the device
 * resizes it, and goes up in several chunks), drawn by the browser, with an EXIF APP1 segment
 * spliced in after SOI that carries a GPS position, as a phone's photo does.
 */
import type { Page } from 'playwright-core';

/** IFD entries, big-endian: tag, type, count, value (or offset). */
function entry(tag: number, type: number, count: number, value: number): number[] {
	return [tag >> 8, tag & 255, 0, type, 0, 0, 0, count, ...u32(value)];
}
const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

/** "Exif\0\0", a TIFF header, IFD0 pointing at a GPS IFD with latitude N 45°30'0". */
export function exifApp1(): Buffer {
	const tiff: number[] = [0x4d, 0x4d, 0, 42, ...u32(8)];
	// IFD0 at 8: one entry (GPSInfo -> 26), next IFD 0.
	tiff.push(0, 1, ...entry(0x8825, 4, 1, 26), ...u32(0));
	// GPS IFD at 26: GPSLatitudeRef 'N', GPSLatitude 3 rationals at 26 + 2 + 24 + 4 = 56.
	tiff.push(0, 2, ...entry(0x0001, 2, 2, 0x4e000000), ...entry(0x0002, 5, 3, 56), ...u32(0));
	for (const [num, den] of [
		[45, 1],
		[30, 1],
		[0, 1]
	]) {
		tiff.push(...u32(num!), ...u32(den!));
	}
	const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from(tiff)]);
	const length = body.length + 2;
	return Buffer.concat([Buffer.from([0xff, 0xe1, length >> 8, length & 255]), body]);
}

/** A JPEG of `width`×`height` noise with the EXIF segment above, made in the page's canvas. */
export async function noisyJpegWithGps(page: Page, width = 2400, height = 1800): Promise<Buffer> {
	const base64 = await page.evaluate(
		({ width, height }) => {
			const canvas = document.createElement('canvas');
			canvas.width = width;
			canvas.height = height;
			const context = canvas.getContext('2d')!;
			const pixels = context.createImageData(width, height);
			let seed = 7;
			for (let i = 0; i < pixels.data.length; i++) {
				seed = (seed * 1103515245 + 12345) & 0x7fffffff;
				pixels.data[i] = i % 4 === 3 ? 255 : seed >> 23;
			}
			context.putImageData(pixels, 0, 0);
			return canvas.toDataURL('image/jpeg', 0.9).split(',')[1]!;
		},
		{ width, height }
	);
	const jpeg = Buffer.from(base64, 'base64');
	return Buffer.concat([jpeg.subarray(0, 2), exifApp1(), jpeg.subarray(2)]);
}
