/**
 * The servers n8n's queue mode runs on in production, started for a check on 127.0.0.1 only:
 * Redis (the queue) and PostgreSQL (the database main and workers share), from Debian's packages
 * (`apt-get install redis-server postgresql`). Each runs as a child process, stopped by its own id.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

import { freePort } from './instance';

export interface LocalServer {
	port: number;
	/** The environment that points n8n at this server. */
	env: NodeJS.ProcessEnv;
	stop(): Promise<void>;
}

/** A child process that keeps the tail of its output, for the error when it fails to start. */
function startProcess(command: string, args: string[]) {
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const keep = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-4000);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const exit = new Promise<void>((resolve) => child.on('exit', () => resolve()));
	return {
		output: () => output,
		exited: () => child.exitCode !== null || child.signalCode !== null,
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exit;
			clearTimeout(timer);
		},
	};
}

/** Polls `ready` every 200 ms until it answers true (at most `timeoutMs`). */
async function waitUntil(
	what: string,
	ready: () => Promise<boolean>,
	server: ReturnType<typeof startProcess>,
	timeoutMs = 30_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (server.exited()) throw new Error(`${what} exited while starting:\n${server.output()}`);
		if (await ready()) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	await server.stop();
	throw new Error(`${what} did not answer within ${timeoutMs} ms:\n${server.output()}`);
}

function redisAnswers(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk: Buffer) => done(chunk.toString().startsWith('+PONG')));
	});
}

export async function startRedis(): Promise<LocalServer> {
	if (spawnSync('redis-server', ['--version']).status !== 0) {
		throw new Error('redis-server is not installed (Debian: apt-get install redis-server).');
	}
	const port = await freePort();
	const server = startProcess('redis-server', [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
	]);
	await waitUntil(`Redis on 127.0.0.1:${port}`, () => redisAnswers(port), server);
	return {
		port,
		env: { QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(port) },
		stop: () => server.stop(),
	};
}

/** The newest PostgreSQL server Debian installed (/usr/lib/postgresql/<major>/bin). */
function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	const majors = existsSync(root)
		? readdirSync(root)
				.filter((major) => existsSync(path.join(root, major, 'bin', 'postgres')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (!majors.length) {
		throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql).');
	}
	return path.join(root, majors[0], 'bin');
}

/**
 * PostgreSQL refuses to run as root: as root, the server runs as Debian's `postgres` user (setpriv
 * runs it in the same process, so its id is the server's own).
 */
function asServerUser(command: string, args: string[]): [string, string[]] {
	if (userInfo().uid !== 0) return [command, args];
	return ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', command, ...args]];
}

/** A fresh PostgreSQL cluster in a temporary folder, with a database `n8n` owned by user `n8n`. */
export async function startPostgres(): Promise<LocalServer> {
	const bin = postgresBin();
	const dataDir = mkdtempSync(path.join(tmpdir(), 'smspartner-pg-'));
	const removeData = () => rmSync(dataDir, { recursive: true, force: true });
	try {
		if (userInfo().uid === 0) spawnSync('chown', ['postgres:postgres', dataDir]);
		const initdb = spawnSync(
			...asServerUser(path.join(bin, 'initdb'), [
				'-D',
				dataDir,
				'-U',
				'n8n',
				'--auth=trust',
				'-E',
				'UTF8',
				'--no-sync',
			]),
			{ encoding: 'utf8' },
		);
		if (initdb.status !== 0) throw new Error(`initdb failed:\n${initdb.stderr}${initdb.stdout}`);
	} catch (error) {
		removeData();
		throw error;
	}
	const port = await freePort();
	const server = startProcess(
		...asServerUser(path.join(bin, 'postgres'), [
			'-D',
			dataDir,
			'-p',
			String(port),
			'-k',
			dataDir,
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'fsync=off',
		]),
	);
	const stop = async () => {
		await server.stop();
		removeData();
	};
	const isReady = path.join(bin, 'pg_isready');
	try {
		await waitUntil(
			`PostgreSQL on 127.0.0.1:${port}`,
			async () => spawnSync(isReady, ['-h', '127.0.0.1', '-p', String(port)]).status === 0,
			server,
		);
		const created = spawnSync(
			path.join(bin, 'createdb'),
			['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n'],
			{ encoding: 'utf8' },
		);
		if (created.status !== 0) throw new Error(`createdb failed:\n${created.stderr}`);
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		port,
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
		},
		stop,
	};
}
