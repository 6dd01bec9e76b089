/**
 * The public origin must not come from a request's Host alone: without ORIGIN, adapter-node
 * builds url.origin from the Host header, and the origin goes into the cacheable poster and the
 * printed QR codes, so `Host: evil.example` would send participants elsewhere. With ORIGIN set the
 * Host header is ignored; without it, only the hosts listed in ALLOWED_HOSTS (comma-separated,
 * with or without a port) and this machine's own names are served.
 */

const LOCAL_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]'];

export type HostCheck = (url: URL) => boolean;

export function hostCheckFromEnv(env: NodeJS.ProcessEnv = process.env): HostCheck {
	if (env.ORIGIN) return () => true;
	const allowed = new Set(
		[...LOCAL_HOSTNAMES, ...(env.ALLOWED_HOSTS ?? '').split(',')]
			.map((host) => host.trim().toLowerCase())
			.filter(Boolean)
	);
	// url.host has the port when it is not the scheme's default; an entry may name either.
	return (url) => allowed.has(url.hostname) || allowed.has(url.host);
}
