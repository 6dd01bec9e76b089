// Starts the built server (scripts/serve.js over build/) on a free port for a benchmark, and waits
// until /api/health answers. One helper for every bench script.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function freePort() {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolvePort(port));
		});
	});
}

/**
 * Starts `node {buildDir}/index.js` with `env` (or, with `args`, any other node program that
 * listens on PORT) and waits until /api/health answers.
 */
export async function startBuiltServer(env = {}, { buildDir = join(root, 'build'), args } = {}) {
	if (!args && !existsSync(join(buildDir, 'index.js'))) {
		throw new Error('The benchmarks need the built server: run `npm run build` first.');
	}
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, args ?? ['scripts/serve.js'], {
		cwd: root,
		env: {
			...process.env,
			BUILD_DIR: buildDir,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stdout.on('data', (chunk) => (log += chunk));
	child.stderr.on('data', (chunk) => (log += chunk));
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
		if (Date.now() > deadline) throw new Error(`server not healthy within 30 s:\n${log}`);
		try {
			const health = await fetch(`${url}/api/health`);
			if (health.ok) break;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		pid: child.pid,
		log: () => log,
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await exited;
		}
	};
}
