/**
 * User text (reasons, notes, component names, requester names) inside Slack
 * mrkdwn, so it reads as the text it is and cannot forge lines, links,
 * mentions or quotes:
 *
 *   - line breaks and other control characters (CR, LF, tab, U+2028/2029, …)
 *     collapse into one space: a reason cannot start a fake "Approved by" line
 *     or a `>` quote of its own;
 *   - `&`, `<`, `>` become `&amp;`, `&lt;`, `&gt;`, the only escaping Slack
 *     defines (https://api.slack.com/reference/surfaces/formatting#escaping), so
 *     `<!channel>`, `<@U123>` and `<https://evil|Approve>` stay plain text;
 *   - `*`, `_`, `~` and `` ` `` have no escape in mrkdwn at all, so they become
 *     look-alikes (∗ ˍ ∼ ˋ) that Slack does not format: the text stays readable
 *     but cannot bold, italicise, strike or code-format the message around it.
 *     A `*`, `_` or `~` between two letters or digits is kept (`error_rate`,
 *     `payments_worker`): Slack opens and closes formatting only at word
 *     boundaries, so it cannot format there, and metric names stay searchable.
 */
const LOOKALIKES: Record<string, string> = { '*': '\u2217', _: '\u02cd', '~': '\u223c', '`': '\u02cb' };
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

export function escapeMrkdwn(text: string): string {
  return text
    .replace(LINE_BREAKING, ' ')
    .replace(/[&<>]/g, (c) => ENTITIES[c]!)
    .replace(/[*_~`]/g, (c, at: number, all: string) =>
      c !== '`' && WORD.test(all[at - 1] ?? '') && WORD.test(all[at + 1] ?? '') ? c : LOOKALIKES[c]!,
    );
}

const WORD = /^[\p{L}\p{N}]$/u;
