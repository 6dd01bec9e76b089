/**
 * Hands a file to the person: the share sheet where the browser can share files (a phone: "Save
 * to Files", a message to oneself, a drive), else a download.
 */
export type SaveOutcome = 'shared' | 'downloaded' | 'cancelled';

export async function saveFile(file: File): Promise<SaveOutcome> {
	if (typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] })) {
		try {
			await navigator.share({ files: [file], title: file.name });
			return 'shared';
		} catch (error) {
			if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
			// Anything else (no user activation left, a refused type): a download still works.
		}
	}
	const url = URL.createObjectURL(file);
	const link = document.createElement('a');
	link.href = url;
	link.download = file.name;
	document.body.append(link);
	link.click();
	link.remove();
	// The download has taken its copy by then; a revoked URL frees the memory.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
	return 'downloaded';
}

/** Reads a picked file's text, refusing one past `maxBytes` before reading it. */
export async function readTextFile(file: File, maxBytes: number): Promise<string | null> {
	if (file.size > maxBytes) return null;
	return file.text();
}
