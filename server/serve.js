// The production entry: adapter-node's server (build/index.js, or BUILD_DIR/index.js) with
// Letterday's security headers on every response, static files included. `npm start` and the
// tests start the app through here; so does the deploy guide's service.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { securityHeaders } from './security-headers.js';

const buildDir = resolve(process.env.BUILD_DIR ?? 'build');
const site = { https: (process.env.ORIGIN ?? '').startsWith('https://') };

// Importing the build starts adapter-node's server (environment, timeouts, graceful shutdown
// and all). Its listener is added before the first connection can be accepted, since listening
// completes on a later turn of the event loop than this module's continuation.
const { server } = await import(pathToFileURL(join(buildDir, 'index.js')).href);
server.server.prependListener('request', (request, response) => {
	for (const [name, value] of Object.entries(securityHeaders(request.url ?? '/', site))) {
		response.setHeader(name, value);
	}
});
