/**
 * Structured one-line JSON logs on stdout/stderr. Errors are reduced to
 * name/message/code/stack so driver objects (which may hold connection
 * strings) are never dumped whole.
 */
type Fields = Record<string, unknown>;

function serialize(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code !== undefined && { code }), stack: value.stack };
  }
  return value;
}

function write(level: 'info' | 'warn' | 'error', message: string, fields: Fields = {}) {
  const entry: Fields = { level, time: new Date().toISOString(), msg: message };
  for (const [key, value] of Object.entries(fields)) entry[key] = serialize(value);
  const line = JSON.stringify(entry);
  if (level === 'error') console.error(line);
  else console.log(line);
}

export const log = {
  info: (message: string, fields?: Fields) => write('info', message, fields),
  warn: (message: string, fields?: Fields) => write('warn', message, fields),
  error: (message: string, fields?: Fields) => write('error', message, fields),
};
