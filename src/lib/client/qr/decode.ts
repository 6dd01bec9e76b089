/**
 * Reads a QR code from an image or a camera frame: the browser's BarcodeDetector where it exists
 * (Android, macOS), jsQR otherwise (loaded only when needed: it is not in the first load).
 */
interface Detector {
	detect(source: ImageBitmapSource): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (options: { formats: string[] }) => Detector;

async function nativeDetector(): Promise<Detector | null> {
	const Native = (
		globalThis as {
			BarcodeDetector?: DetectorClass & { getSupportedFormats?(): Promise<string[]> };
		}
	).BarcodeDetector;
	if (!Native) return null;
	const formats = (await Native.getSupportedFormats?.()) ?? [];
	return formats.includes('qr_code') ? new Native({ formats: ['qr_code'] }) : null;
}

let detector: Promise<Detector | null> | undefined;

function pixels(source: CanvasImageSource, width: number, height: number): ImageData {
	// Large photos are scaled down: jsQR is fast enough on ~1000 px and a QR still resolves.
	const scale = Math.min(1, 1000 / Math.max(width, height));
	const canvas = document.createElement('canvas');
	canvas.width = Math.max(1, Math.round(width * scale));
	canvas.height = Math.max(1, Math.round(height * scale));
	const context = canvas.getContext('2d', { willReadFrequently: true })!;
	context.drawImage(source, 0, 0, canvas.width, canvas.height);
	return context.getImageData(0, 0, canvas.width, canvas.height);
}

export async function decodeQr(
	source: HTMLVideoElement | ImageBitmap,
	width: number,
	height: number
): Promise<string | null> {
	detector ??= nativeDetector();
	const native = await detector;
	if (native) {
		const [code] = await native.detect(source);
		return code?.rawValue ?? null;
	}
	const { default: jsQR } = await import('jsqr');
	const image = pixels(source, width, height);
	return jsQR(image.data, image.width, image.height)?.data ?? null;
}

export async function decodeQrFile(file: Blob): Promise<string | null> {
	const bitmap = await createImageBitmap(file);
	try {
		return await decodeQr(bitmap, bitmap.width, bitmap.height);
	} finally {
		bitmap.close();
	}
}
