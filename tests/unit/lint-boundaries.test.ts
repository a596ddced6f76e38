/**
 * The layer rules are lint rules (eslint.config.mjs); these snippets break each
 * one on purpose, at a path inside the layer, and expect lint to refuse them —
 * and accept what the layer may import.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: `${root}eslint.config.mjs` });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('lint enforces the layer boundaries', { timeout: 60_000 }, () => {
  it.each([
    ["import { readFileSync } from 'node:fs';", 'Node built-ins'],
    ["import path from 'path';", 'Node built-ins'],
    ["import { NextResponse } from 'next/server';", 'framework-free'],
    ["import { useState } from 'react';", 'framework-free'],
    ["import postgres from 'postgres';", 'database I/O'],
    ["import { eq } from 'drizzle-orm';", 'database I/O'],
    ["import { getDb } from '@/db/client';", 'database I/O'],
    ["import { components } from '../../db/schema';", 'database I/O'],
    ["import { createRenderExecutor } from '@/lib/executors/render';", 'imports only itself'],
    ["import { log } from '@/lib/log';", 'imports only itself'],
    ["export { env } from '@/lib/env';", 'imports only itself'],
  ])('lib/healing refuses %s', async (code, expected) => {
    const errors = await boundaryErrors('lib/healing/x.ts', `${code}\nexport const y = 1;\n`);
    expect(errors.join('\n')).toContain(expected);
  });

  it('lib/healing may import itself and db types', async () => {
    const code = "import type { Component } from '@/db/schema';\nimport { METRICS } from '@/lib/healing/types';\nimport { scoreOf } from './score';\nexport type C = Component;\nexport const m = [METRICS, scoreOf];\n";
    expect(await boundaryErrors('lib/healing/x.ts', code)).toEqual([]);
  });

  it('components/ refuses db/ at runtime, accepts its types', async () => {
    expect(await boundaryErrors('components/x.tsx', "import { getDb } from '@/db/client';\nexport const d = getDb;\n")).toHaveLength(1);
    expect(await boundaryErrors('components/admin/x.tsx', "import { ROLES } from '../../db/schema';\nexport const r = ROLES;\n")).toHaveLength(1);
    expect(await boundaryErrors('components/x.tsx', "import type { Component } from '@/db/schema';\nexport type C = Component;\n")).toEqual([]);
  });

  it('db/ refuses lib/ at runtime, accepts its types', async () => {
    expect(await boundaryErrors('db/queries/x.ts', "import { env } from '@/lib/env';\nexport const e = env;\n")).toHaveLength(1);
    expect(await boundaryErrors('db/x.ts', "import { log } from '../lib/log';\nexport const l = log;\n")).toHaveLength(1);
    expect(await boundaryErrors('db/x.ts', "import type { HealingTriggers } from '@/lib/healing/types';\nexport type T = HealingTriggers;\n")).toEqual([]);
  });

  it('db/ may import the domain vocabulary (the column enums store it), nothing else of lib/healing', async () => {
    expect(await boundaryErrors('db/x.ts', "import { RISKS } from '../lib/healing/vocabulary';\nexport const r = RISKS;\n")).toEqual([]);
    expect(await boundaryErrors('db/x.ts', "import { RISKS } from '@/lib/healing/vocabulary';\nexport const r = RISKS;\n")).toEqual([]);
    expect(await boundaryErrors('db/x.ts', "import { levelOf } from '../lib/healing/levels';\nexport const l = levelOf;\n")).toHaveLength(1);
  });

  it('other layers are not bound by these rules', async () => {
    expect(await boundaryErrors('lib/services/x.ts', "import { getDb } from '@/db/client';\nimport { readFileSync } from 'node:fs';\nexport const a = [getDb, readFileSync];\n")).toEqual([]);
  });
});
