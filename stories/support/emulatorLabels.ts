/**
 * Plain-words labels for what a story changed in the emulator (faults, approval rules, rate
 * limit), for the emulator panel: a reader should not need to know Dfns or the FaultSpec fields.
 */
import type { FaultSpec, RequestRule } from '../../src/emulator';

/** One line of the panel: what happens (`effect`), to which request, and how (`outcome`). */
export interface InjectionLabel {
  effect: string;
  request: string;
  outcome: string;
}

/** Names of the statuses the stories inject; others show their number alone. */
const STATUS_NAMES: Record<number, string> = {
  400: 'bad request',
  401: 'not signed in',
  403: 'forbidden',
  404: 'not found',
  429: 'too many requests',
  500: 'server error',
  502: 'bad gateway',
  503: 'service unavailable',
};

/** `HTTP 500 (server error)`. */
function httpStatus(status: number): string {
  const name = STATUS_NAMES[status];
  return name ? `HTTP ${status} (${name})` : `HTTP ${status}`;
}

/** `120 s`, `1.5 s` or `300 ms`. */
function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** `POST /auth/login`, or the path alone with "any method" when the rule matches every method. */
function requestOf(rule: RequestRule): string {
  return rule.method ? `${rule.method.toUpperCase()} ${rule.path}` : `${rule.path} (any method)`;
}

/** ` after 2 s` when the fault also delays, so a delayed failure does not read as an instant one. */
function delaySuffix(fault: FaultSpec): string {
  return fault.latencyMs ? ` after ${formatDuration(fault.latencyMs)}` : '';
}

/** ` (next 2 requests only)` for a fault that removes itself. */
function timesSuffix(fault: FaultSpec): string {
  if (fault.times === undefined) return '';
  return fault.times === 1 ? ' (next request only)' : ` (next ${fault.times} requests only)`;
}

/** What the fault does to the response, in the emulator's order: delay, then drop, then replace. */
function faultEffect(fault: FaultSpec): Pick<InjectionLabel, 'effect' | 'outcome'> {
  const after = delaySuffix(fault);
  if (fault.drop) return { effect: 'Connection lost', outcome: `gets no answer${after}, as if the network were down` };
  if (fault.body !== undefined) {
    return { effect: 'Garbled answer', outcome: `answers ${httpStatus(fault.status ?? 500)}${after} with a malformed body` };
  }
  if (fault.status !== undefined) {
    const effect = fault.status >= 400 ? 'Fails' : 'Changed answer';
    return { effect, outcome: `answers ${httpStatus(fault.status)}${after}` };
  }
  // Latency alone: the real endpoint still answers, just late (the component waits meanwhile).
  if (fault.latencyMs) return { effect: 'Slowed down', outcome: `answers after ${formatDuration(fault.latencyMs)}` };
  return { effect: 'Watched', outcome: 'answers normally' };
}

/** The panel line of an injected fault, labelled by what it does. */
export function describeFault(fault: FaultSpec): InjectionLabel {
  const { effect, outcome } = faultEffect(fault);
  return { effect, request: requestOf(fault), outcome: `${outcome}${timesSuffix(fault)}` };
}

/** The panel line of an approval rule. */
export function describeApprovalRule(rule: RequestRule): InjectionLabel {
  return { effect: 'Needs approval', request: requestOf(rule), outcome: 'waits until an approver agrees (HTTP 202)' };
}

/** The panel line of the rate limit. */
export function describeRateLimit(perMinute: number): string {
  return `more than ${perMinute} requests a minute get ${httpStatus(429)}`;
}
