import type { AlertRecord } from "../store/repositories/alert-repository.js";

/** A Slack-compatible incoming-webhook body: `text` for every client, `blocks` for Slack's layout. */
export function slackMessage(alert: AlertRecord): { text: string; blocks: unknown[] } {
  const text = `[${alert.severity.toUpperCase()}] Rampart alert ${alert.rule}: ${alert.message}`;
  return {
    text,
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: `*${alert.severity.toUpperCase()}* ${alert.message}` },
      },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: `rule \`${alert.rule}\` · ${alert.principal} · alert \`${alert.id}\` · ${alert.raisedAt.toISOString()}`,
          },
        ],
      },
    ],
  };
}

export interface AlertWebhook {
  url: string;
  headers?: Record<string, string>;
  /** default 10 s */
  timeoutMs?: number;
}

/** POSTs the alert; any answer but 2xx is an error (the caller logs it; alerts are stored either way). */
export async function sendAlertWebhook(webhook: AlertWebhook, alert: AlertRecord): Promise<void> {
  const response = await fetch(webhook.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...webhook.headers },
    body: JSON.stringify(slackMessage(alert)),
    signal: AbortSignal.timeout(webhook.timeoutMs ?? 10_000),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`alert webhook answered ${response.status}`);
}
