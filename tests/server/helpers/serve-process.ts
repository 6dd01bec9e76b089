/**
 * The production entry (scripts/serve.js) over the built app, in its own process on a free port
 * with a fresh DATA_DIR (SQLite and media inside it). Needs `npm run build`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../e2e/helpers/app-server';

export interface Started {
	port: number;
	pid: number;
	log(): string;
	stop(): Promise<void>;
}

export async function startServe(env: Record<string, string>): Promise<Started> {
	if (!existsSync('build/handler.js')) throw new Error('No build/handler.js: run `npm run build`');
	const port = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), 'letterday-serve-'));
	// Unset, not empty: adapter-node refuses an empty ORIGIN.
	const inherited = { ...process.env };
	delete inherited.ORIGIN;
	const child: ChildProcess = spawn(process.execPath, ['scripts/serve.js'], {
		env: {
			...inherited,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			DATABASE_URL: '',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stdout?.on('data', (d) => (log += d));
	child.stderr?.on('data', (d) => (log += d));
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`serve.js exited:\n${log}`);
		const answer = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
		if (answer?.ok) break;
		if (Date.now() > deadline) throw new Error(`serve.js did not come up:\n${log}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		port,
		pid: child.pid!,
		log: () => log,
		async stop() {
			if (child.exitCode === null && child.signalCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
