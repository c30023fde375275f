// Sending extrinsics, naming the chain's errors and waiting block by block: shared by the job
// client (index.js), the threshold keys (keys.js) and the contract helpers (contracts.js).

/**
 * An error from the chain, named after the pallet error (`Mpc.NotCollecting`,
 * `Mpc.AlreadySubmitted`, ...), or a client-side condition without the `Mpc.` prefix
 * (`Timeout`, `JobFailed`, `JobCancelled`, `NoCommittee`, `NotDrawn`, `CommitteeChanged`,
 * `NoRecord`, `HistoryUnavailable`, `UnexpectedMetadata`, for the beacon `NoBeaconRound`,
 * `BeaconRoundOpen`, `NoBeaconKey`, and for threshold keys (keys.js) `KeyFailed`,
 * `SignatureFailed`, `RefreshFailed`, `KeyExpired`), and for load runs (load.js)
 * `InsufficientFunds`, `FundingRefused`, `FundingStalled`, `FundingMissing`. Contracts (contracts.js): pallet-revive's errors (`Revive.OutOfGas`,
 * `Revive.ContractReverted`, ...), `ContractReverted` (a `ContractError`), `CompileError`,
 * `AccountUnmapped`, `BadArgument`, `NoInstantiatedEvent`.
 */
export class MpcError extends Error {
  constructor(name, docs) {
    super(docs ? `${name}: ${docs}` : name);
    this.name = 'MpcError';
    this.errorName = name;
  }
}

/** A `DispatchError` as an `MpcError` named `Section.Error` (`Mpc.NotCollecting`, `Revive.OutOfGas`). */
export function decodeDispatchError(api, dispatchError) {
  if (dispatchError.isModule) {
    const meta = api.registry.findMetaError(dispatchError.asModule);
    const section = meta.section.charAt(0).toUpperCase() + meta.section.slice(1);
    return new MpcError(`${section}.${meta.name}`, meta.docs.join(' '));
  }
  return new MpcError(dispatchError.toString());
}

/**
 * Signs and sends `tx`, resolving with the block hash and events once it is in a block.
 * `options` go to `signAndSend` (e.g. `{ nonce }` to send several transactions of one account
 * at once).
 */
export function send(api, signer, tx, options = {}) {
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    tx.signAndSend(signer, options, ({ status, events, dispatchError }) => {
      if (dispatchError) {
        unsub();
        reject(decodeDispatchError(api, dispatchError));
      } else if (status.isInBlock) {
        unsub();
        resolve({ blockHash: status.asInBlock.toHex(), events });
      } else if (status.isDropped || status.isInvalid || status.isUsurped) {
        unsub();
        reject(new MpcError(`Transaction ${status.type}`));
      }
    })
      .then((u) => {
        unsub = u;
      })
      .catch(reject);
  });
}

/** A `MpcError('UnexpectedMetadata')`: the chain lacks `what` this client reads. */
export function unexpectedMetadata(what) {
  return new MpcError('UnexpectedMetadata', `${what}: this client does not match the chain's metadata`);
}

/**
 * Runs `check()` now and `check(blockNumber)` on every new block until it returns a value
 * (resolved) or throws (rejected); `undefined` means keep waiting. Rejects with `timeout()`
 * after `timeoutMs`. Unsubscribes in every case.
 */
export function everyBlock(api, timeoutMs, timeout, check) {
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    let finished = false;
    const timer = setTimeout(() => finish(reject, timeout()), timeoutMs);
    function finish(fn, value) {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      unsub();
      fn(value);
    }
    const run = async (block) => {
      try {
        const value = await check(block);
        if (value !== undefined) finish(resolve, value);
      } catch (e) {
        finish(reject, e);
      }
    };
    run();
    api.rpc.chain
      .subscribeNewHeads((header) => run(header.number.toNumber()))
      .then((u) => {
        if (finished) u();
        else unsub = u;
      })
      .catch((e) => finish(reject, e));
  });
}
