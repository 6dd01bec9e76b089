/**
 * Starts the built adapter-node server (`node scripts/serve.js`, the production entry) on a free port with its own DATA_DIR,
 * as a real host would run it. `npm test` builds first; a missing build fails loudly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface AppServer {
	url: string;
	port: number;
	dataDir: string;
	stop(): Promise<void>;
	/** Kills the process at once (SIGKILL), as a power cut or the OOM killer would. */
	crash(): Promise<void>;
	/** Starts the same server again (same port, same data). */
	restart(): Promise<void>;
	/** What the server has printed since it (re)started, stdout and stderr together. */
	output(): string;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
		try {
			const response = await fetch(`${url}/api/health`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`server did not answer /api/health within 30 s:\n${output()}`);
}

/**
 * `buildDir` serves another copy of the build (a test that ships "a new version" edits its own
 * copy, never build/ itself).
 */
export async function startAppServer(
	env: Record<string, string> = {},
	buildDir = 'build'
): Promise<AppServer> {
	if (!existsSync(join(buildDir, 'index.js'))) {
		throw new Error(`No ${buildDir}/index.js: run \`npm run build\` first.`);
	}
	const port = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), 'letterday-e2e-'));
	const url = `http://127.0.0.1:${port}`;
	let child: ChildProcess;
	let log = '';

	async function start() {
		log = '';
		// Through the production entry, as `npm start` and the deploy guide run it.
		child = spawn(process.execPath, ['scripts/serve.js'], {
			env: {
				...process.env,
				BUILD_DIR: buildDir,
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: url,
				DATA_DIR: dataDir,
				DATABASE_URL: '',
				...env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout?.on('data', (d) => (log += d));
		child.stderr?.on('data', (d) => (log += d));
		await waitUntilUp(url, child, () => log);
	}

	async function stop() {
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((r) => child.once('exit', r));
		child.kill('SIGTERM');
		await exited;
	}

	async function crash() {
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((r) => child.once('exit', r));
		child.kill('SIGKILL');
		await exited;
	}

	await start();
	return { url, port, dataDir, stop, crash, restart: start, output: () => log };
}

export async function disposeAppServer(server: AppServer | undefined): Promise<void> {
	if (!server) return;
	await server.stop();
	rmSync(server.dataDir, { recursive: true, force: true });
}
