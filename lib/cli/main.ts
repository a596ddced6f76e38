/**
 * npm run cli -- user create --email E --role R --password P [--name N]
 * npm run cli -- token create --name N --role R      (prints the token as the last line)
 * Uses the same database configuration as the console (DATABASE_URL / PGLITE_DIR).
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { env } from '@/lib/env';
import { describeError } from '@/lib/log';
import { AccountError, createApiToken, createUser } from '@/lib/services/accounts';

const USAGE = `Usage:
  npm run cli -- user create --email E --role viewer|operator|approver|admin --password P [--name N]
  npm run cli -- token create --name N --role viewer|operator|approver|admin`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals.join(' ');
  if (values.help || !['user create', 'token create'].includes(command)) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const database = await openDatabase(env().database);
  try {
    if (command === 'user create') {
      const user = await createUser(database.db, {
        email: values.email!,
        role: values.role as never,
        password: values.password!,
        name: values.name,
      });
      console.log(`Created ${user.role} ${user.email}`);
    } else {
      const token = await createApiToken(database.db, { name: values.name!, role: values.role as never });
      console.error(`Created ${token.role} token "${token.name}". It is shown once; store it now:`);
      console.log(token.token);
    }
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // describeError: a failed query shows its SQL and PostgreSQL's code and message, never its params (a password hash).
    console.error(`Error: ${error instanceof AccountError ? error.message : describeError(error)}`);
    process.exit(1);
  },
);
