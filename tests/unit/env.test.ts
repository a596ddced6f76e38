import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_SESSION_MAX_HOURS, parseEnv } from '@/lib/env';

describe('parseEnv: the whole configuration, parsed once', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = parseEnv({});
    expect(config.sessionMaxHours).toBe(DEFAULT_SESSION_MAX_HOURS);
    expect(DEFAULT_SESSION_MAX_HOURS).toBe(12);
    expect(config.componentLimits).toEqual({ maxNewPerBatch: 100, maxTotal: 1000 });
    expect(config.healingTriggers).toEqual({ cpu_usage: 90, memory_usage: 90, error_rate: 0.05, latency_ms: 5000 });
    expect(config.remediation.reconcileIntervalMs).toBe(60_000);
    expect(config.oidc).toBeNull();
    expect(config.requireVerifiedEmail).toBe(false);
    expect(config.simulator).toEqual({ enabled: false, tickMs: 5_000 });
    expect(config.reconciler).toBe(true);
    expect(config.database).toEqual({ url: undefined, migrationUrl: undefined, password: undefined, pgliteDir: './data/pglite' });
    expect(config.authSecretSet).toBe(false);
  });

  it('reads the values given, blank counting as unset', () => {
    const config = parseEnv({
      SESSION_MAX_HOURS: ' 4 ',
      MAX_COMPONENTS: '50',
      HEAL_CPU_THRESH: '80',
      DEMO_SIMULATOR: '1',
      DEMO_TICK_MS: '1000',
      RECONCILER: 'off',
      SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/x',
      AUTH_URL: 'https://console.example.com',
      CONSOLE_URL: '',
      RENDER_API_KEY: 'rnd_key',
      AUTH_SECRET: 'long-random',
    });
    expect(config.sessionMaxHours).toBe(4);
    expect(config.componentLimits.maxTotal).toBe(50);
    expect(config.healingTriggers.cpu_usage).toBe(80);
    expect(config.simulator).toEqual({ enabled: true, tickMs: 1000 });
    expect(config.reconciler).toBe(false);
    // Without CONSOLE_URL the approval message links to AUTH_URL.
    expect(config.slack).toEqual({ webhookUrl: 'https://hooks.slack.com/services/T/B/x', consoleUrl: 'https://console.example.com' });
    expect(config.authUrl).toBe('https://console.example.com');
    expect(config.render.apiKey).toBe('rnd_key');
    expect(config.authSecretSet).toBe(true);
  });

  it.each([
    ['SESSION_MAX_HOURS', '0'],
    ['SESSION_MAX_HOURS', 'twelve'],
    ['SESSION_MAX_HOURS', '43200000'],
    ['MAX_COMPONENTS', '2.5'],
    ['MAX_NEW_COMPONENTS_PER_BATCH', '-1'],
    ['HEAL_ERROR_THRESH', '5'],
    ['HEAL_CPU_THRESH', 'high'],
    ['REMEDIATION_HOURLY_CAP', 'three'],
    ['EXECUTION_LEASE_SECONDS', '10'],
    ['AUTH_OIDC_REQUIRE_EMAIL_VERIFIED', 'yes please'],
    ['SLACK_WEBHOOK_URL', 'hooks.slack.com/services/x'],
    ['RENDER_API_URL', 'ftp://api.render.com'],
    ['AUTH_URL', 'console'],
    ['DEMO_SIMULATOR', 'yes'],
    ['DEMO_TICK_MS', 'fast'],
    ['RECONCILER', 'of'],
    ['PROMETHEUS_PULL_INTERVAL_SECONDS', '0'],
    ['PROMETHEUS_PULL_INTERVAL_SECONDS', '1.5'],
    ['METRICS_TOKEN', 'too-short'],
  ])('refuses %s=%s with a message naming the variable', (name, raw) => {
    expect(() => parseEnv({ [name]: raw })).toThrow(ConfigError);
    expect(() => parseEnv({ [name]: raw })).toThrow(name);
  });

  it('refuses a half-configured OIDC provider or a bad issuer, naming what is wrong', () => {
    expect(() => parseEnv({ AUTH_OIDC_ISSUER: 'https://login.example.com' })).toThrow('set AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET too');
    const oidc = { AUTH_OIDC_CLIENT_ID: 'console', AUTH_OIDC_CLIENT_SECRET: 's' };
    expect(() => parseEnv({ ...oidc, AUTH_OIDC_ISSUER: 'http://login.example.com' })).toThrow('AUTH_OIDC_ISSUER must be an https URL');
    expect(parseEnv({ ...oidc, AUTH_OIDC_ISSUER: 'https://login.example.com/' }).oidc).toMatchObject({ issuer: 'https://login.example.com' });
  });

  it('reads the Prometheus pull interval (default a minute)', () => {
    expect(parseEnv({}).prometheusPullIntervalSeconds).toBe(60);
    expect(parseEnv({ PROMETHEUS_PULL_INTERVAL_SECONDS: '15' }).prometheusPullIntervalSeconds).toBe(15);
  });

  it('keeps the texts operators already know', () => {
    expect(() => parseEnv({ MAX_COMPONENTS: 'many' })).toThrow('MAX_COMPONENTS must be a positive integer, got "many"');
    expect(() => parseEnv({ SESSION_MAX_HOURS: '-1' })).toThrow('SESSION_MAX_HOURS must be a number of hours between 0.02 and 8784, got "-1"');
  });

  it('names every bad variable at once, so one start shows all that is wrong', () => {
    let message = '';
    try {
      parseEnv({ MAX_COMPONENTS: '0', HEAL_LATENCY_THRESH: 'slow', DEMO_TICK_MS: 'x' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('MAX_COMPONENTS');
    expect(message).toContain('HEAL_LATENCY_THRESH');
    expect(message).toContain('DEMO_TICK_MS');
  });
});
