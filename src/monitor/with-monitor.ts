import type { DecisionContent, DecisionEvent, DecisionSink } from "../core/index.js";
import type { AlertRecord, AlertRepository, NewAlert } from "../store/repositories/alert-repository.js";
import { type AlertWebhook, sendAlertWebhook } from "./alert-webhook.js";
import type { AnomalyMonitor, EventPosition } from "./anomaly-monitor.js";

/** What happens to a raised alert: stored, sent to webhooks, then handed to `onAlert` (incidents). */
export interface AlertDispatcher {
  dispatch(alert: NewAlert): Promise<AlertRecord>;
}

export interface AlertDispatcherOptions {
  alerts: AlertRepository;
  webhooks?: readonly AlertWebhook[];
  /** after the alert is stored; the server passes the incident service's `fromAlert` */
  onAlert?: (alert: AlertRecord) => Promise<void>;
  onError?: (error: unknown, where: string) => void;
}

export function createAlertDispatcher(options: AlertDispatcherOptions): AlertDispatcher {
  const onError = options.onError ?? (() => undefined);
  return {
    async dispatch(alert) {
      const record = await options.alerts.create(alert);
      await Promise.all(
        (options.webhooks ?? []).map((webhook) =>
          sendAlertWebhook(webhook, record).catch((error: unknown) =>
            onError(error, `alert webhook ${webhook.url}`),
          ),
        ),
      );
      if (options.onAlert !== undefined) {
        await options.onAlert(record).catch((error: unknown) => onError(error, "alert handler"));
      }
      return record;
    },
  };
}

/** A monitor fed with events plus a dispatcher for its alerts. `settled()` waits for pending dispatches. */
export interface MonitorPipeline {
  observe(event: DecisionEvent, position?: EventPosition): void;
  settled(): Promise<void>;
}

export function createMonitorPipeline(
  monitor: AnomalyMonitor,
  dispatcher: AlertDispatcher,
  onError: (error: unknown) => void = () => undefined,
): MonitorPipeline {
  const pending = new Set<Promise<unknown>>();
  return {
    observe(event, position) {
      let alerts: NewAlert[];
      try {
        alerts = monitor.observe(event, position);
      } catch (error) {
        onError(error);
        return;
      }
      for (const alert of alerts) {
        const sent = dispatcher.dispatch(alert).catch(onError);
        pending.add(sent);
        void sent.finally(() => pending.delete(sent));
      }
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}

/**
 * Wraps the gateway's decision sink: the event is recorded first (the gateway still awaits that),
 * then the monitor sees it; alert delivery never delays or fails a request.
 */
export function withMonitor(sink: DecisionSink, pipeline: MonitorPipeline): DecisionSink {
  return {
    record(event, content) {
      const recorded = sink.record(event, content);
      if (recorded === undefined) {
        pipeline.observe(event);
        return undefined;
      }
      return Promise.resolve(recorded).then(() => pipeline.observe(event));
    },
  };
}

/** For the audit trail: the monitor sees each decision with its audit position (node, seq). */
export function monitoredTrailSink(
  trail: { recordDecision(event: DecisionEvent, content?: DecisionContent): Promise<EventPosition> },
  pipeline: MonitorPipeline,
): DecisionSink {
  return {
    record: async (event, content) => {
      const committed = await trail.recordDecision(event, content);
      pipeline.observe(event, { node: committed.node, seq: committed.seq });
    },
  };
}
