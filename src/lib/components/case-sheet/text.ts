/** Small text helpers for case sheets; pure, so the server and the host app agree. */

/** Story and letter fields separate paragraphs with a blank line. */
export function paragraphs(text: string): string[] {
	return text
		.split(/\n\s*\n/)
		.map((part) => part.trim())
		.filter((part) => part.length > 0);
}

/** Only http(s) links become anchors: a pack is data, and `javascript:` must stay text. */
export function httpUrl(value: string): string | null {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
	} catch {
		return null;
	}
}
