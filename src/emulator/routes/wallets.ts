import { asObject, optionalString, requireString } from '../bodyChecks';
import { sha256Hex } from '../bytes';
import { ok, type Route } from '../engine';
import { notFound } from '../EmulatorHttpError';
import { dfnsId } from '../ids';

/** A few user-action-protected resources, so signing can be shown end to end. */
export const walletRoutes: Route[] = [
  {
    method: 'POST',
    path: '/wallets',
    handle: (engine, req) =>
      engine.protectedCall(req, async (user) => {
        const body = asObject(req.body);
        const wallet = engine.createWallet(user, { network: requireString(body, 'network'), name: optionalString(body, 'name') });
        return ok(engine.walletView(wallet));
      }),
  },
  {
    method: 'GET',
    path: '/wallets',
    async handle(engine, req) {
      const { user } = await engine.sessionUser(req);
      const items = [...engine.state.wallets.values()].filter((w) => w.userId === user.id).map((w) => engine.walletView(w));
      return ok({ items });
    },
  },
  {
    method: 'GET',
    path: '/wallets/:walletId',
    async handle(engine, req) {
      const { user } = await engine.sessionUser(req);
      const wallet = engine.state.wallets.get(req.params['walletId'] ?? '');
      if (!wallet || wallet.userId !== user.id) throw notFound('wallet not found');
      return ok(engine.walletView(wallet));
    },
  },
  {
    method: 'POST',
    path: '/wallets/:walletId/signatures',
    handle: (engine, req) =>
      engine.protectedCall(req, async (user) => {
        const wallet = engine.state.wallets.get(req.params['walletId'] ?? '');
        if (!wallet || wallet.userId !== user.id) throw notFound('wallet not found');
        const requestBody = asObject(req.body);
        const now = engine.iso();
        return ok({
          id: dfnsId('sig'),
          walletId: wallet.id,
          network: wallet.network,
          requester: { userId: user.id },
          requestBody,
          status: 'Signed',
          // Deterministic and fake: the same wallet and body always give the same "signature".
          signature: { encoded: `0x${await sha256Hex(wallet.id + req.rawBody)}` },
          dateRequested: now,
          dateSigned: now,
        });
      }),
  },
];
