/**
 * How long a challenge fetched ahead of the click is trusted. Dfns does not publish challenge
 * lifetimes; four minutes stays inside the shortest one seen, so a prefetched challenge older
 * than this is dropped and fetched again rather than signed and refused.
 */
export const CHALLENGE_LIFETIME_MS = 4 * 60_000;
