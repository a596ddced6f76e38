/**
 * PGlite is an in-process PostgreSQL: two processes opening the same data
 * directory would corrupt it. A pid file next to the data makes the second one
 * (say, the CLI while the console runs) fail with a clear message instead.
 */
import fs from 'node:fs';
import path from 'node:path';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock on `dir` or throws naming the holder; returns the release function. */
export function acquirePgliteLock(dir: string): () => void {
  const resolved = path.resolve(/* turbopackIgnore: true */ dir);
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  const lockFile = `${resolved}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockFile, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `The embedded database in ${resolved} is in use by process ${holder}. ` +
            'Stop that process first, or point DATABASE_URL at a PostgreSQL server to share one database.',
        );
      }
      fs.rmSync(lockFile, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`Could not lock the embedded database in ${resolved}`);
}
