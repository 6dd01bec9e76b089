/**
 * A photo for a highlight, made ready on the device: decoded (turned upright from its EXIF
 * orientation), drawn no larger than HIGHLIGHT_PHOTO_EDGE on its long edge and encoded as JPEG.
 * Drawing through a canvas keeps only the pixels: EXIF, GPS location included, never leaves the
 * device, neither in the database nor on the wire.
 */
import { toBase64Url } from '$lib/shared/p256';
import { HIGHLIGHT_PHOTO_EDGE, MAX_HIGHLIGHT_PHOTO_BYTES } from '$lib/shared/highlight-wire';
import type { PreparedPhoto } from '../repos/highlights';

const JPEG_QUALITY = 0.82;

export type PhotoStep = 'decoding' | 'resizing' | 'encoding';
export type PhotoResult =
	{ ok: true; photo: PreparedPhoto } | { ok: false; problem: 'hlNotImage' | 'hlTooBig' };

/** The long edge scaled down to `edge` (never up), in whole pixels. */
export function fitWithin(width: number, height: number, edge = HIGHLIGHT_PHOTO_EDGE) {
	const scale = Math.min(1, edge / Math.max(width, height));
	return {
		width: Math.max(1, Math.round(width * scale)),
		height: Math.max(1, Math.round(height * scale))
	};
}

export async function sha256Base64Url(blob: Blob): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
	return toBase64Url(new Uint8Array(digest));
}

async function encode(bitmap: ImageBitmap, width: number, height: number): Promise<Blob | null> {
	if (typeof OffscreenCanvas === 'function') {
		const canvas = new OffscreenCanvas(width, height);
		canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
		return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
	}
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
	return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
}

/** Nothing is stored here: the caller stores the result, or shows the problem. */
export async function preparePhoto(
	file: Blob,
	onStep: (step: PhotoStep) => void = () => undefined
): Promise<PhotoResult> {
	onStep('decoding');
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	} catch {
		return { ok: false, problem: 'hlNotImage' };
	}
	try {
		const { width, height } = fitWithin(bitmap.width, bitmap.height);
		onStep('resizing');
		const blob = await encode(bitmap, width, height);
		if (!blob || blob.size === 0) return { ok: false, problem: 'hlNotImage' };
		if (blob.size > MAX_HIGHLIGHT_PHOTO_BYTES) return { ok: false, problem: 'hlTooBig' };
		onStep('encoding');
		const sha256 = await sha256Base64Url(blob);
		return {
			ok: true,
			photo: { blob, meta: { type: 'image/jpeg', size: blob.size, sha256, width, height } }
		};
	} finally {
		bitmap.close();
	}
}
