/**
 * Tells a Slack channel (or anything speaking Slack's incoming-webhook JSON:
 * Mattermost, Rocket.Chat…) that a remediation waits for approval.
 *
 * A notification is a courtesy, never a dependency: this function never
 * throws, and returns within `timeoutMs` even if the webhook hangs — the
 * remediation service may await it without risking its own flow. No webhook
 * URL configured → nothing is sent. The webhook URL embeds a secret, so it is
 * never logged. The answer is read through the outbound module (64 KB cap, no
 * redirect to another host); every user-supplied text is escaped (./mrkdwn.ts).
 */
import 'server-only';
import { env } from '@/lib/env';
import { createOutboundFetch } from '@/lib/executors/http/outbound';
import { log } from '@/lib/log';
import { escapeMrkdwn as escape } from './mrkdwn';

export interface ApprovalRequested {
  component: string;
  action: string;
  reason: string;
  risk: string;
  remediationId: string;
  requestedBy: string;
}

export interface NotifyOptions {
  webhookUrl?: string;
  /** Base URL of the console, for the link to the approval (default CONSOLE_URL, else AUTH_URL). */
  consoleUrl?: string;
  /** Default: the bounded outbound fetch (lib/executors/http/outbound.ts). */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export type NotifyOutcome = 'sent' | 'skipped' | 'failed';

const DEFAULT_TIMEOUT_MS = 5_000;


export function approvalLink(consoleUrl: string | undefined, remediationId: string): string | null {
  if (!consoleUrl) return null;
  return `${consoleUrl.replace(/\/+$/, '')}/approvals#${encodeURIComponent(remediationId)}`;
}

/** The webhook body: `text` for notifications and plain clients, `blocks` for Slack's layout. */
export function approvalMessage(request: ApprovalRequested, link: string | null) {
  const headline = `Approval needed: ${escape(request.action)} of *${escape(request.component)}* (${escape(request.risk)} risk)`;
  const where = link ? `<${link}|Review it in the console>` : `Review remediation ${escape(request.remediationId)} on the console's approvals page`;
  const text = `${headline}\nReason: ${escape(request.reason)}\nRequested by ${escape(request.requestedBy)}. ${where}`;
  const blocks: unknown[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `${headline}\n>${escape(request.reason)}` } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Component*\n${escape(request.component)}` },
        { type: 'mrkdwn', text: `*Action*\n${escape(request.action)}` },
        { type: 'mrkdwn', text: `*Risk*\n${escape(request.risk)}` },
        { type: 'mrkdwn', text: `*Requested by*\n${escape(request.requestedBy)}` },
      ],
    },
  ];
  if (link) {
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: 'Review in the console' }, url: link }],
    });
  }
  return { text, blocks };
}

let warnedNoLink = false;
const slackFetch = createOutboundFetch();

export async function notifyApprovalRequested(
  request: ApprovalRequested,
  {
    webhookUrl = env().slack.webhookUrl,
    consoleUrl = env().slack.consoleUrl,
    fetch: fetchImpl = slackFetch,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  }: NotifyOptions = {},
): Promise<NotifyOutcome> {
  if (!webhookUrl) return 'skipped';
  const context = { remediationId: request.remediationId, component: request.component };
  if (!consoleUrl && !warnedNoLink) {
    warnedNoLink = true;
    log.warn('SLACK_WEBHOOK_URL is set but neither CONSOLE_URL nor AUTH_URL: approval messages carry no link to the console');
  }
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // The race also covers a fetch implementation that ignores the abort signal.
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('timeout');
    }, timeoutMs);
  });
  const send = (async (): Promise<NotifyOutcome> => {
    const response = await fetchImpl(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(approvalMessage(request, approvalLink(consoleUrl, request.remediationId))),
      signal: controller.signal,
    });
    if (response.ok) {
      await response.body?.cancel().catch(() => {});
      return 'sent';
    }
    const detail = (await response.text().catch(() => '')).slice(0, 200);
    log.warn('approval notification refused by the webhook', { ...context, status: response.status, detail });
    return 'failed';
  })().catch((error: unknown) => {
    if (!controller.signal.aborted) {
      // The error's message can quote the URL (it holds the webhook's secret); keep only its kind.
      const kind =
        error instanceof Error
          ? ((error.cause as { code?: string } | undefined)?.code ?? (error as { code?: string }).code ?? error.name)
          : 'unknown';
      log.warn('approval notification could not be sent', { ...context, error: kind });
    }
    return 'failed' as const;
  });
  try {
    const outcome = await Promise.race([send, timeout]);
    if (outcome !== 'timeout') return outcome;
    log.warn('approval notification timed out', { ...context, timeoutMs });
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}
