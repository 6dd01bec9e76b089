/**
 * The camera side of QR scanning: the back camera's stream played in a <video>, one frame read
 * every FRAME_INTERVAL_MS until a code is found or the scanner stops. The screen keeps only its
 * own state (scanning or not, the message to show); this keeps the stream and the timer.
 */
import { decodeQr } from './decode';

const FRAME_INTERVAL_MS = 250;

export class QrScanner {
	#stream: MediaStream | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#running = false;

	/** Asks for the back camera. Rejects when there is none or the person says no. */
	async open(): Promise<void> {
		this.#stream = await navigator.mediaDevices.getUserMedia({
			video: { facingMode: 'environment' }
		});
	}

	/**
	 * Plays the opened stream in `video` and reads frames until one holds a code, which goes to
	 * `onCode`. Reading then stops; the camera stays on until stop().
	 */
	async scan(video: HTMLVideoElement, onCode: (text: string) => void): Promise<void> {
		if (!this.#stream) return;
		this.#running = true;
		video.srcObject = this.#stream;
		await video.play();
		const frame = async () => {
			if (!this.#running) return;
			const text = video.videoWidth
				? await decodeQr(video, video.videoWidth, video.videoHeight)
				: null;
			if (text) onCode(text);
			else this.#timer = setTimeout(frame, FRAME_INTERVAL_MS);
		};
		void frame();
	}

	/** Stops reading and turns the camera off. Safe to call at any time, and more than once. */
	stop(): void {
		this.#running = false;
		clearTimeout(this.#timer);
		this.#stream?.getTracks().forEach((track) => track.stop());
		this.#stream = null;
	}
}
