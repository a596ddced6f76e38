/** Two processes on one PGlite directory would corrupt it; the second must fail clearly. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shc-lock-'));
const dir = path.join(root, 'pglite');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the PGlite directory lock', () => {
  it('refuses a directory held by another live process, naming it', async () => {
    const holder = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(`${dir}.lock`, String(holder.pid));
      await expect(openDatabase({ pgliteDir: dir })).rejects.toThrow(
        new RegExp(`in use by process ${holder.pid}.*DATABASE_URL`),
      );
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock whose owner is gone, and releases it on close', async () => {
    const gone = spawn('true');
    await new Promise((r) => gone.once('exit', r));
    fs.writeFileSync(`${dir}.lock`, String(gone.pid));
    const database = await openDatabase({ pgliteDir: dir });
    expect(fs.readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    await database.close();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
