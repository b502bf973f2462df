import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureInstalled, holds } from '../../scripts/local-install';

describe('ensureInstalled', () => {
	let dir: string;
	beforeEach(() => {
		dir = path.join(mkdtempSync(path.join(tmpdir(), 'local-install-')), 'n8n');
	});
	afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

	const installWriting = (file: string) => async () => writeFileSync(path.join(dir, file), '');

	it('installs once, then keeps what the marker names', async () => {
		const install = jest.fn(installWriting('n8n.js'));
		await ensureInstalled(dir, 'n8n@2.41.1', { private: true }, install);
		await ensureInstalled(dir, 'n8n@2.41.1', { private: true }, install);
		expect(install).toHaveBeenCalledTimes(1);
		expect(holds(dir, 'n8n@2.41.1')).toBe(true);
	});

	it('after an interrupted install, starts over in an empty folder', async () => {
		const interrupted = async () => {
			writeFileSync(path.join(dir, 'half-downloaded.tgz'), '');
			throw new Error('npm install was stopped');
		};
		await expect(ensureInstalled(dir, 'n8n@2.41.1', {}, interrupted)).rejects.toThrow('stopped');
		expect(holds(dir, 'n8n@2.41.1')).toBe(false);

		await ensureInstalled(dir, 'n8n@2.41.1', {}, installWriting('n8n.js'));
		expect(readdirSync(dir).sort()).toEqual(['.installed', 'n8n.js', 'package.json']);
		expect(holds(dir, 'n8n@2.41.1')).toBe(true);
	});

	it('replaces an install of another pin', async () => {
		await ensureInstalled(dir, 'n8n@2.41.0', {}, installWriting('old.js'));
		await ensureInstalled(dir, 'n8n@2.41.1', {}, installWriting('new.js'));
		expect(existsSync(path.join(dir, 'old.js'))).toBe(false);
		expect(holds(dir, 'n8n@2.41.1')).toBe(true);
	});
});
