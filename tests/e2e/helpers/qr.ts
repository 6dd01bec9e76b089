import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Locator } from 'playwright-core';

/** Screenshots an element and decodes the QR code in it with jsQR, independent of our encoder. */
export async function decodeQr(target: Locator): Promise<string | undefined> {
	const png = PNG.sync.read(await target.screenshot());
	return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}
