// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import "./IMpc.sol";

/// @title SalaryBenchmark: a contract pays for the average of private values, and learns only it.
/// @notice The creator lists the providers allowed to contribute (Substrate accounts, e.g. the
/// employers of a benchmark), the range a value must lie in (the chain refuses an input without
/// a range proof for it, so one provider cannot skew the average with an absurd number), and the
/// minimum number of contributions below which nothing is revealed. `open` (or the constructor,
/// with `openNow`) creates the MPC job; the contract's balance pays the workers' escrow and the
/// job's deposit. Providers deal their values to the committee and submit them to
/// `mpc.submitInput` (the JS client's `submitInput` with the wasm prover, which makes the range
/// proofs); no value passes through this contract. After the job ended, anyone calls the
/// precompile's `fulfill(jobId)`; `average()` then returns the mean, or keeps reverting when the
/// job failed (too few providers) or was cancelled.
///
/// As in PrivatePoll, `open` reserves the storage the callback writes, so that the callback
/// creates no storage item (whose deposit whoever calls `fulfill` would pay), and after the
/// outcome anyone may `cleanup` and the creator may `withdraw` what is left.
contract SalaryBenchmark is IMpcConsumer {
    struct Params {
        /// What is benchmarked (stored as the job's metadata).
        string title;
        /// The accounts (32 bytes each) that may contribute one value each.
        bytes32[] providers;
        /// Fewer contributions than this: the job fails, no average is ever revealed.
        uint32 minProviders;
        /// Fixed-point decimals of the values (2: cents).
        uint8 decimals;
        /// Every value must lie in [low, high] (with `decimals`; `high - low < 2^64`).
        int128 low;
        int128 high;
        uint32 committeeSize;
        uint32 threshold;
        /// Blocks during which contributions are taken.
        uint32 inputWindow;
        /// Paid to each worker that delivers a valid result share, in the native unit.
        uint128 rewardPerWorker;
        /// Gas the precompile calls `onMpcResult` with.
        uint64 callbackGas;
    }

    enum Status {
        Created,
        Open,
        Revealed,
        Failed
    }

    /// Marks a result slot reserved by `open` and not yet written.
    int256 private constant UNSET = type(int256).min;

    address public immutable creator;
    Params private params;
    Status public status;
    uint64 public jobId;
    /// Contributions averaged (the job's qualified inputs), once revealed.
    uint32 public contributions;
    /// `floor(sum / contributions)`, with `decimals`, once revealed.
    int256 private mean;

    event BenchmarkOpened(uint64 indexed jobId, uint32 providers, uint32 minProviders);
    event BenchmarkRevealed(uint64 indexed jobId, int256 mean, uint32 contributions);
    event BenchmarkFailed(uint64 indexed jobId, bool completed, uint32 contributions);
    event Withdrawn(address to, uint256 amount);

    error NotCreator();
    error NotCreated();
    error NotPrecompile();
    error UnknownBenchmarkJob(uint64 jobId);
    error NotRevealed();
    error NotOpen();
    error NotEnded();
    error WithdrawFailed();
    error BadBenchmark(string reason);

    constructor(Params memory p, bool openNow) payable {
        if (p.minProviders == 0) revert BadBenchmark("minProviders is 0");
        if (p.providers.length < p.minProviders) revert BadBenchmark("fewer providers than minProviders");
        if (p.providers.length > type(uint32).max) revert BadBenchmark("too many providers");
        if (p.low > p.high) revert BadBenchmark("low > high");
        if (p.callbackGas == 0) revert BadBenchmark("callbackGas is 0");
        creator = msg.sender;
        params = p;
        if (openNow) _open();
    }

    /// Creates the benchmark's job; the creator only, once.
    function open() external returns (uint64) {
        if (msg.sender != creator) revert NotCreator();
        return _open();
    }

    function _open() private returns (uint64 id) {
        if (status != Status.Created) revert NotCreated();
        Params storage p = params;
        int128[] memory lows = new int128[](1);
        int128[] memory highs = new int128[](1);
        lows[0] = p.low;
        highs[0] = p.high;
        id = IMpc(MPC_PRECOMPILE).createJob(
            IMpc.JobSpec({
                committeeSize: p.committeeSize,
                threshold: p.threshold,
                dimension: 1,
                decimals: p.decimals,
                inputWindow: p.inputWindow,
                maxInputs: uint32(p.providers.length),
                minInputs: p.minProviders,
                allowedProviders: p.providers,
                metadata: bytes(p.title),
                rewardPerWorker: p.rewardPerWorker,
                ruleKind: 1,
                lows: lows,
                highs: highs,
                callbackGas: p.callbackGas
            })
        );
        jobId = id;
        status = Status.Open;
        mean = UNSET;
        emit BenchmarkOpened(id, uint32(p.providers.length), p.minProviders);
    }

    /// Cancels the benchmark before any value arrived (the creator only): the escrow and the
    /// job's deposit return to this contract.
    function cancel() external {
        if (msg.sender != creator) revert NotCreator();
        if (status != Status.Open) revert NotOpen();
        IMpc(MPC_PRECOMPILE).cancelJob(jobId);
        status = Status.Failed;
        emit BenchmarkFailed(jobId, false, 0);
    }

    /// After the outcome was delivered, anyone may remove the job from the chain: its storage
    /// deposit returns to this contract (the average stays here).
    function cleanup() external {
        if (status != Status.Revealed && status != Status.Failed) revert NotEnded();
        IMpc(MPC_PRECOMPILE).removeJob(jobId);
    }

    /// Sends what is left of this contract's balance to `to`, once the benchmark is over (the
    /// creator only).
    function withdraw(address payable to) external {
        if (msg.sender != creator) revert NotCreator();
        if (status != Status.Revealed && status != Status.Failed) revert NotEnded();
        uint256 amount = address(this).balance;
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert WithdrawFailed();
        emit Withdrawn(to, amount);
    }

    /// The precompile delivers the job's outcome (IMpcConsumer).
    function onMpcResult(uint64 id, bool completed, int256[] calldata sums, uint32 qualifiedInputs) external {
        if (msg.sender != MPC_PRECOMPILE) revert NotPrecompile();
        if (status == Status.Created || id != jobId) revert UnknownBenchmarkJob(id);
        // Cancelled by its creator: already failed, nothing to record.
        if (status != Status.Open) return;
        if (completed && qualifiedInputs >= params.minProviders && sums.length == 1) {
            // Every value is at least `low`: for `low >= 0` the sum is not negative and `/` is
            // the floor; otherwise round towards negative infinity explicitly.
            int256 q = int256(uint256(qualifiedInputs));
            int256 m = sums[0] / q;
            if (sums[0] % q < 0) m -= 1;
            mean = m;
            contributions = qualifiedInputs;
            status = Status.Revealed;
            emit BenchmarkRevealed(id, m, qualifiedInputs);
        } else {
            status = Status.Failed;
            emit BenchmarkFailed(id, completed, qualifiedInputs);
        }
    }

    /// The average (with `decimals`) and how many values it is of; reverts `NotRevealed`
    /// unless the job completed with at least `minProviders` contributions.
    function average() external view returns (int256 value, uint32 count, uint8 decimals) {
        if (status != Status.Revealed) revert NotRevealed();
        return (mean, contributions, params.decimals);
    }

    function title() external view returns (string memory) {
        return params.title;
    }

    function providers() external view returns (bytes32[] memory) {
        return params.providers;
    }

    function bounds() external view returns (int128 low, int128 high, uint8 decimals) {
        return (params.low, params.high, params.decimals);
    }

    /// Funds sent to the contract's address top up the balance the job is paid from.
    receive() external payable {}
}
