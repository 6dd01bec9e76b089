/**
 * Real server processes for the multi-process tests: the handler and its node:http wrapper are
 * bundled once with esbuild (the app's $lib alias resolved, packages left to node_modules), then
 * started as separate `node` processes sharing one database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const outfile = join(root, 'node_modules/.cache/letterday-tests/sync-server.mjs');
let bundled: Promise<void> | undefined;

function bundle(): Promise<void> {
	bundled ??= (async () => {
		mkdirSync(join(root, 'node_modules/.cache/letterday-tests'), { recursive: true });
		await build({
			entryPoints: [join(here, 'sync-server-main.ts')],
			outfile,
			bundle: true,
			platform: 'node',
			format: 'esm',
			target: 'node20',
			packages: 'external',
			logLevel: 'error',
			plugins: [
				{
					name: 'sveltekit-lib-alias',
					setup(b) {
						b.onResolve({ filter: /^\$lib\// }, async (args) =>
							b.resolve(`./${args.path.slice('$lib/'.length)}`, {
								kind: args.kind,
								resolveDir: join(root, 'src/lib')
							})
						);
					}
				}
			]
		});
	})();
	return bundled;
}

export interface SyncServerProcess {
	url: string;
	pid: number;
	output(): string;
	stop(): Promise<void>;
}

export async function spawnSyncServer(env: Record<string, string>): Promise<SyncServerProcess> {
	await bundle();
	const child: ChildProcess = spawn(process.execPath, [outfile], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	const url = await new Promise<string>((resolveUrl, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`no "listening" within 20 s:\n${log}`)),
			20_000
		);
		child.stdout!.on('data', (chunk: Buffer) => {
			log += chunk;
			const match = /listening (\S+)/.exec(log);
			if (match) {
				clearTimeout(timer);
				resolveUrl(match[1]!);
			}
		});
		child.stderr!.on('data', (chunk: Buffer) => (log += chunk));
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`sync server exited with ${code}:\n${log}`));
		});
	});
	return {
		url,
		pid: child.pid!,
		output: () => log,
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await exited;
		}
	};
}
