/**
 * Conditional GET for endpoints that know their body's ETag: a client that holds the current
 * copy revalidates with If-None-Match and gets a 304 with no body.
 */

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): a proxy's W/ prefix still matches. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
	if (!header) return false;
	if (header.trim() === '*') return true;
	return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export interface EtagResponseOptions {
	/** Sent with the 200 and the 304 alike. */
	cacheControl: string;
	/** Sent with the 200 only: a 304 has no body to describe. */
	contentType: string;
}

/** 304 when the request's If-None-Match holds `etag`, else 200 with `body`; both carry the ETag. */
export function etagResponse(
	request: Request,
	etag: string,
	body: BodyInit,
	{ cacheControl, contentType }: EtagResponseOptions
): Response {
	const headers = { ETag: etag, 'Cache-Control': cacheControl };
	if (matchesIfNoneMatch(request.headers.get('If-None-Match'), etag)) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(body, { headers: { ...headers, 'Content-Type': contentType } });
}
