// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @dev The MPC precompile of substrate-mpc (docs/PROTOCOL.md section 13).
address constant MPC_PRECOMPILE = 0x000000000000000000000000000000000D000000;

/// @title IMpc: private computation, results and randomness for contracts.
/// @notice A contract creates jobs (it becomes their owner and pays for them from its own
/// balance), reads their state and results, and receives each result through a callback that
/// anyone may trigger with `fulfill` once the job has ended. Data providers never send their
/// inputs through a contract: they deal them to the job's committee and submit them to the
/// chain's `mpc.submitInput` (PROTOCOL.md section 5). Sums are exact integers: an output
/// scalar decoded per section 4 always fits an int256.
interface IMpc {
    /// A job's parameters, as pallet-mpc's `JobSpec` (PROTOCOL.md section 13.2).
    struct JobSpec {
        uint32 committeeSize;
        uint32 threshold;
        uint32 dimension;
        uint8 decimals;
        /// Blocks the job collects inputs for.
        uint32 inputWindow;
        uint32 maxInputs;
        /// Fewer qualified inputs than this fails the job: no result is ever revealed.
        uint32 minInputs;
        /// Substrate accounts (32 bytes) that may submit inputs; empty: anyone.
        bytes32[] allowedProviders;
        bytes metadata;
        /// Paid to each committee worker that delivers a valid result share, in the chain's
        /// native unit (not wei).
        uint128 rewardPerWorker;
        /// 0: any value; 1: range, `lows[l] <= x_l <= highs[l]` for every component;
        /// 2: one-hot (a ballot); 3: one-hot or all zero (a ballot that may abstain).
        uint8 ruleKind;
        int128[] lows;
        int128[] highs;
        /// Gas (pallet-revive's units) the result callback is called with; 0: no callback.
        /// Refused (`CallbackGasTooHigh`) beyond what one `fulfill` can carry.
        uint64 callbackGas;
    }

    /// Creates a job owned by the calling contract (or account). Its escrow
    /// (`rewardPerWorker * committeeSize`) and storage deposit are held from the caller's
    /// balance. Reverts with the pallet's error name (e.g. `ThresholdTooHigh`).
    function createJob(JobSpec calldata spec) external returns (uint64 jobId);

    /// A job's state. `phase` is the SCALE index of pallet-mpc's `JobPhase`:
    /// 0 Collecting, 1 Verifying, 2 Computing, 3 Completed, 4 Settled, 5 Failed,
    /// 6 Cancelled, 7 Drawing. `failure` is the `FailureReason` index when `phase` is 5.
    /// Reverts `UnknownJob` for a job that does not exist (or was removed).
    function job(uint64 jobId)
        external
        view
        returns (
            address owner,
            bytes32 ownerAccount,
            uint8 phase,
            uint8 failure,
            uint32 committeeSize,
            uint32 threshold,
            uint32 dimension,
            uint32 inputCount,
            uint32 qualifiedCount,
            uint64 deadline
        );

    /// A job's result. `ready` is false (and the arrays empty) until the job has completed.
    /// `means[l]` is `floor(sums[l] / qualifiedInputs)`.
    function result(uint64 jobId)
        external
        view
        returns (bool ready, uint32 qualifiedInputs, uint8 decimals, int256[] memory sums, int256[] memory means);

    /// Delivers a job's outcome to its owner's `onMpcResult`, once, after the job ended
    /// (completed, failed or cancelled). Anyone may call it. The call must have left the
    /// ref_time, storage deposit allowance and proof size of `pendingCallback(jobId)` (and
    /// what loading the consumer's code takes, or it fails as a whole), or it reverts
    /// `NotEnoughGas` and delivers nothing. A reverting callback is recorded
    /// (`CallbackDelivered(jobId, false)`) and never undoes the result. The caller pays the
    /// callback's storage deposit, if it writes new storage.
    function fulfill(uint64 jobId) external;

    /// Whether a job still owes a callback, to whom, with how much gas, and what `fulfill`
    /// must have left for it: ref_time (picoseconds), storage deposit (native unit) and proof
    /// size (bytes).
    function pendingCallback(uint64 jobId)
        external
        view
        returns (
            bool owed,
            address consumer,
            uint64 callbackGas,
            uint64 refTimeNeeded,
            uint128 depositNeeded,
            uint64 proofSizeNeeded
        );

    /// The owner's controls, as pallet-mpc's calls of the same names: `cancelJob` before any
    /// input arrived (escrow and deposit return), `closeInputs` once `minInputs` arrived, and
    /// `removeJob` once the job ended, which releases its storage deposit (and drops a callback
    /// never fulfilled). Only the job's owner, the contract that created it, may call them.
    function cancelJob(uint64 jobId) external;

    function closeInputs(uint64 jobId) external;

    function removeJob(uint64 jobId) external;

    /// The number the next beacon round will have: a round not yet open, so nobody knows its
    /// output. A contract that needs unpredictable randomness records this number, then reads
    /// `randomness(round, subject)` once that round has completed.
    function nextRound() external view returns (uint64 round);

    /// The value of completed beacon round `round` for the caller and `subject`:
    /// section 11.6's `subject_value(rho_round, callerAddress || subject)`. Reverts
    /// `RoundNotReady` until the round's output was published in an earlier block.
    function randomness(uint64 round, bytes32 subject) external view returns (bytes32 value);

    event JobCreated(uint64 indexed jobId, address indexed owner, uint64 callbackGas);
    event CallbackDelivered(uint64 indexed jobId, bool success);
}

/// @notice What a contract that creates jobs with a callback implements. The call comes from
/// `MPC_PRECOMPILE`; check `msg.sender`.
interface IMpcConsumer {
    /// `completed` false: the job failed or was cancelled, `sums` is empty and no result
    /// exists.
    function onMpcResult(uint64 jobId, bool completed, int256[] calldata sums, uint32 qualifiedInputs) external;
}
